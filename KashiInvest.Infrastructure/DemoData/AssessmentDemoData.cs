using KashiInvest.Domain.Access;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo year-end assessment (Art. 29–31): LAST year's round computed on 5 January, sent back once by the leader in charge
/// and approved on 12 January (final, its scheme frozen), with figures seeded directly into its snapshot (plausible
/// targets and results per unit, a few real projects behind its deductions and bonuses); and THIS year's scheme, the
/// documented defaults, still open for editing. Always relative to the clock.
/// </summary>
public static class AssessmentDemoData
{
    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, int seed, CancellationToken ct)
    {
        if (await db.Set<AssessmentRound>().AnyAsync(ct)) return;
        var thisYear = BeijingTime.Today(clock).Year;
        var year = thisYear - 1;
        var bureauId = await db.Units.BureauIdAsync(ct);
        var leadersId = await db.Units.Where(u => u.Code == ReferenceData.LeadersCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var bureau = new UserScope(ReferenceData.BureauCode, ReferenceData.BureauCode, ActorRole.Bureau, bureauId, [], []);
        var leader = new UserScope("leader", "leader", ActorRole.Leader, leadersId, [], []);

        var computedAt = BeijingTime.StartOfDayUtc(new DateOnly(thisYear, 1, 5)).AddHours(2);
        var scheme = AssessmentScheme.Create(year, AssessmentDefaults.Scheme(), bureau.Actor, computedAt.AddDays(-60));
        var round = AssessmentRound.Open(year);
        round.Compute(bureau, scheme, await InputsAsync(db, year, seed, ct), new DateOnly(year, 12, 31), computedAt);
        var first = round.Inputs.First(i => i.Sequence == AssessmentSequence.CountiesAndZone).UnitId;
        round.EnterCheck(bureau, scheme, first, CheckItemKind.OnSiteCheck, 2m, "实地核查：3个签约项目均已开工，现场施工正常，资金到位凭证齐全。", computedAt.AddHours(3));
        round.Submit(bureau, scheme, computedAt.AddDays(1));
        round.SendBack(leader, "请补充档案查阅情况，并核实区外到位资金口径。", computedAt.AddDays(2));
        round.EnterCheck(bureau, scheme, first, CheckItemKind.ArchiveReview, -1m, "档案查阅：2个项目缺少投资协议原件扫描件。", computedAt.AddDays(3));
        round.Compute(bureau, scheme, round.Inputs, new DateOnly(year, 12, 31), computedAt.AddDays(3).AddHours(1));
        round.Submit(bureau, scheme, computedAt.AddDays(4));
        round.Approve(leader, scheme, "同意。请按排名印发通报，表扬先进，督促后进。", computedAt.AddDays(7));
        db.Add(scheme);
        db.Add(round);
        db.Add(AssessmentScheme.Create(thisYear, AssessmentDefaults.Scheme(), bureau.Actor, computedAt.AddDays(10)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Plausible targets and results for every assessed unit, seeded directly (deterministic by the seed).</summary>
    private static async Task<IReadOnlyList<UnitInput>> InputsAsync(KashiDbContext db, int year, int seed, CancellationToken ct)
    {
        var random = new Random(seed * 31 + year);
        var units = (await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Type }).ToListAsync(ct))
            .Where(u => AnnualIndicators.SequenceOf(u.Type) is not null).ToList();
        var yearEnd = new DateOnly(year, 12, 31);
        var projects = await db.Projects.AsNoTracking().Where(p => p.SignedOn != null && p.SignedOn <= yearEnd && p.Stage != ProjectStage.Terminated)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.HostUnitId, p.Code, p.Name }).ToListAsync(ct);
        var inputs = new List<UnitInput>();
        foreach (var u in units)
        {
            var sequence = AnnualIndicators.SequenceOf(u.Type)!.Value;
            var scale = sequence switch { AssessmentSequence.CountiesAndZone => 1m, AssessmentSequence.SubBureaus => 0.3m, _ => 0.5m };
            var figures = new List<IndicatorFigure>();
            foreach (var indicator in AnnualIndicators.All)
            {
                var baseTarget = indicator switch
                {
                    AnnualIndicator.OutOfRegionFunds => 200_000m, AnnualIndicator.FundsInPlace => 260_000m, AnnualIndicator.SignedInvestment => 500_000m,
                    AnnualIndicator.SignedProjects => 20m, AnnualIndicator.SignedLarge => 8m, AnnualIndicator.SignedMajor => 3m,
                    AnnualIndicator.ProjectsStarted => 12m, AnnualIndicator.ProjectsInProduction => 6m, _ => 2m,
                };
                var size = 0.6m + (decimal)random.NextDouble() * 0.9m;
                var money = indicator.IsMoney();
                var target = Round(baseTarget * scale * size, money);
                var actual = Round(target * (0.55m + (decimal)random.NextDouble() * 0.75m), money);
                var last = Round(actual * (0.75m + (decimal)random.NextDouble() * 0.45m), money);
                figures.Add(new IndicatorFigure(indicator, Math.Max(target, money ? 1000m : 1m), actual, last));
            }
            var own = projects.Where(p => p.HostUnitId == u.Id).ToList();
            var facts = new List<AssessmentFact>();
            if (own.Count > 0 && random.Next(3) == 0)
                facts.Add(new AssessmentFact(AssessmentFactKind.SignedNotStarted, FactSource.Project, own[0].Id, $"{own[0].Code} {own[0].Name}"));
            if (own.Count > 1 && random.Next(4) == 0)
                facts.Add(new AssessmentFact(AssessmentFactKind.GlobalFiveHundredProject, FactSource.Project, own[^1].Id, $"{own[^1].Code} {own[^1].Name}"));
            inputs.Add(new UnitInput(u.Id, sequence, figures, facts));
        }
        return inputs;
    }

    private static decimal Round(decimal value, bool money) => money ? Math.Round(value / 100m) * 100m : Math.Round(value);
}
