using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>Battle maps: the milestones of projects under construction, reached, due or late by the simulated day.</summary>
public sealed partial class DemoDataGenerator
{
    private void AddBattleMap(ProjectDraft d)
    {
        var stage = d.Target;
        var lastMoveDay = d.Moves[^1].Day;
        var signed = d.SignedOn;
        var landing = MovedOn(d, ProjectStage.Landing);
        var construction = MovedOn(d, ProjectStage.Construction);
        var production = MovedOn(d, ProjectStage.Production);

        // Where a step has not happened yet, the plan projects it (and a projection can already be in the past).
        var s = signed ?? lastMoveDay.AddDays(stage == ProjectStage.Evaluation ? _random.Next(10, 46) : _random.Next(20, 121));
        var l = landing ?? s.AddDays(_random.Next(15, 61));
        var c = construction ?? l.AddDays(_random.Next(40, 151));
        var p = production ?? c.AddDays(_random.Next(150, 421));

        var chosen = new SortedSet<int> { 0, 5, 8 };
        int[] optional = [1, 2, 3, 4, 6, 7];
        var extra = _random.Next(0, 4);
        while (chosen.Count < 3 + extra) chosen.Add(optional[_random.Next(optional.Length)]);

        var landingPhase = chosen.Where(i => i is >= 1 and <= 4).ToList();
        var buildPhase = chosen.Where(i => i is 6 or 7).ToList();
        var milestones = new List<MilestonePlan>();
        var chainBroken = false; // a milestone is reached only when the one before it is
        DateOnly? previousPlanned = null;
        DateOnly? latestReached = null;
        foreach (var index in chosen)
        {
            DateOnly baseDay;
            DateOnly? reached = null;
            switch (index)
            {
                case 0:
                    baseDay = s;
                    reached = signed;
                    break;
                case 5:
                    baseDay = c;
                    reached = construction;
                    break;
                case 8:
                    baseDay = p;
                    reached = production;
                    break;
                case >= 1 and <= 4:
                    baseDay = Between(l, c, landingPhase.IndexOf(index) + 1, landingPhase.Count + 1);
                    if (stage.IsSignedOrLater() && stage is not (ProjectStage.Signed or ProjectStage.Landing)) reached = baseDay;
                    else if (stage == ProjectStage.Landing && !chainBroken && baseDay <= _yesterday && Chance(0.75)) reached = baseDay;
                    break;
                default:
                    baseDay = Between(c, p, buildPhase.IndexOf(index) + 1, buildPhase.Count + 1);
                    if (stage == ProjectStage.Production) reached = baseDay;
                    else if (stage == ProjectStage.Construction && !chainBroken && baseDay <= _yesterday && Chance(0.7)) reached = baseDay;
                    break;
            }
            if (reached is null) chainBroken = true;
            if (reached is { } r && (latestReached is null || r > latestReached)) latestReached = r;
            // Plans slip more often than they run early.
            var planned = reached is null ? baseDay : baseDay.AddDays(_random.Next(-25, 11));
            if (previousPlanned is { } prev && planned < prev) planned = prev;
            previousPlanned = planned;
            milestones.Add(new MilestonePlan(DemoTexts.MilestoneNames[index], planned, reached));
        }

        string? leaderInCharge = null;
        if (stage.IsSignedOrLater() && d.Level != WorkGroupLevel.None)
        {
            var leaders = _hostLeaders[d.Host.Code];
            leaderInCharge = d.Level == WorkGroupLevel.KeyProject ? PickOne(leaders.Principal) : PickOne(leaders.Deputies);
        }

        var lastMoveAt = d.Steps.Last(x => x.Kind == ProjectStepKind.Move).AtUtc;
        var mapAt = latestReached is { } lr && lr > lastMoveDay ? At(lr) : lastMoveAt.AddMinutes(20);
        var host = new DemoActor(d.Host.Code, d.Host.Id);

        if (stage.IsSignedOrLater())
        {
            var (min, max) = stage switch
            {
                ProjectStage.Signed => (0.0, 0.08),
                ProjectStage.Landing => (0.05, 0.25),
                ProjectStage.Construction => (0.25, 0.8),
                _ => (0.75, 1.0),
            };
            var fraction = stage == ProjectStage.Signed && Chance(0.5) ? 0 : min + (max - min) * _random.NextDouble();
            d.FundsWan = Math.Floor(d.AmountWan * (decimal)fraction);
            var investor = _investors[d.InvestorIndex];
            d.OutOfRegionFundsWan = investor.Region.IsOutOfRegion() ? Math.Floor(d.FundsWan * (decimal)(0.7 + 0.3 * _random.NextDouble())) : 0m;
            if (construction is not null && d.FundsWan > 0)
            {
                // Funds come in as construction goes on: a first figure when building started, the total now.
                d.Steps.Add(new ProjectStep(ProjectStepKind.FundsInPlace, d.Steps.First(x => x.To == ProjectStage.Construction).AtUtc.AddMinutes(5), host,
                    FundsWan: Math.Floor(d.FundsWan * 0.4m), OutOfRegionFundsWan: Math.Floor(d.OutOfRegionFundsWan * 0.4m)));
            }
        }

        d.Steps.Add(new ProjectStep(ProjectStepKind.BattleMap, mapAt, host,
            BattleMap: new BattleMapPlan(milestones.First(m => m.Name == "开工建设").PlannedOn, milestones.First(m => m.Name == "竣工投产").PlannedOn,
                leaderInCharge, milestones)));
        if (d.FundsWan > 0)
        {
            d.Steps.Add(new ProjectStep(ProjectStepKind.FundsInPlace, mapAt.AddMinutes(10), host, FundsWan: d.FundsWan, OutOfRegionFundsWan: d.OutOfRegionFundsWan));
        }
    }

    private static DateOnly Between(DateOnly from, DateOnly to, int part, int parts) =>
        from.AddDays(Math.Max(0, (to.DayNumber - from.DayNumber) * part / parts));

    // ---------------------------------------------------------------- reports

    private static ProjectStage StageOn(ProjectDraft d, DateOnly day)
    {
        var stage = ProjectStage.Lead;
        foreach (var (s, moved) in d.Moves)
        {
            if (moved <= day) stage = s;
        }
        return stage;
    }
}
