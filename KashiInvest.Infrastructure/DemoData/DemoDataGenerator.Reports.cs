using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>Progress reports: fortnightly for key projects, updates for the others, with narratives by stage.</summary>
public sealed partial class DemoDataGenerator
{
    private string Narrative(ProjectStage stage, decimal cumulativeFundsWan, string? previous = null)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var narrative = Narrative(stage, cumulativeFundsWan);
            if (narrative != previous) return narrative;
        }
        return Narrative(stage, cumulativeFundsWan);
    }

    private string Narrative(ProjectStage stage, decimal cumulativeFundsWan)
    {
        var pool = stage switch
        {
            ProjectStage.Signed => DemoTexts.SignedNarratives,
            ProjectStage.Landing => DemoTexts.LandingNarratives,
            ProjectStage.Construction => DemoTexts.ConstructionNarratives,
            _ => DemoTexts.ProductionNarratives,
        };
        return DemoTexts.Fill(PickOne(pool), _random, DemoTexts.Amount(cumulativeFundsWan));
    }

    /// <summary>Key projects: one report per half month from signing, by the chain lead (Art. 22), with a few gaps and late ones.</summary>
    private void AddFortnightlyReports(ProjectDraft d)
    {
        var signed = d.SignedOn!.Value;
        var last = HalfMonthPeriod.Containing(_today).Previous();
        var first = HalfMonthPeriod.Containing(signed);
        if (first > last) return;
        var periods = Enumerable.Range(first.Index, last.Index - first.Index + 1).Select(HalfMonthPeriod.FromIndex).ToList();
        // About one key project in seven has stopped reporting: its latest periods are missing.
        var silentFrom = Chance(0.15) ? periods.Count - _random.Next(2, 4) : int.MaxValue;

        var weights = periods.Select(p => StageOn(d, p.End) switch
        {
            ProjectStage.Signed => 0.2,
            ProjectStage.Landing => 1.0,
            ProjectStage.Construction => 3.0,
            _ => 1.0,
        }).ToArray();
        var weightSum = weights.Sum();
        var outOfRegionShare = d.FundsWan == 0 ? 0m : d.OutOfRegionFundsWan / d.FundsWan;
        var chainLead = new DemoActor($"chain-{d.Chain.Code}", d.Chain.LeadUnitId);
        var cumulative = 0m;
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var funds = Math.Floor(d.FundsWan * (decimal)(weights[i] / weightSum));
            var outOfRegion = Math.Floor(funds * outOfRegionShare);
            var u = _random.NextDouble();
            if (i >= silentFrom || u < 0.06) continue; // missing
            var submittedOn = u < 0.16 ? period.End.AddDays(_random.Next(ReportDeadlineDays + 1, 13)) : period.End.AddDays(_random.Next(0, ReportDeadlineDays + 1));
            if (submittedOn >= _today) continue; // not submitted yet
            cumulative += funds;
            var at = At(submittedOn);
            var stage = StageOn(d, period.End);
            var previous = d.Reports.Count == 0 ? null : d.Reports[^1].Narrative;
            d.Reports.Add(new ReportPlan(period.Index, ReportKind.Fortnightly, Narrative(stage, cumulative, previous), DemoTexts.NextStepsOf(stage),
                funds, outOfRegion, chainLead, at, ProgressReport.IsLateFor(period, at, ReportDeadlineDays)));
        }
    }

    /// <summary>Voluntary updates posted by the host unit.</summary>
    private void AddUpdateReports(ProjectDraft d)
    {
        var signed = d.SignedOn!.Value;
        if (signed >= _yesterday) return;
        var first = HalfMonthPeriod.Containing(signed);
        var last = HalfMonthPeriod.Containing(_yesterday);
        var count = Math.Min(_random.Next(1, 3), last.Index - first.Index + 1);
        var indexes = new SortedSet<int>();
        while (indexes.Count < count) indexes.Add(_random.Next(first.Index, last.Index + 1));
        var host = new DemoActor(d.Host.Code, d.Host.Id);
        foreach (var index in indexes)
        {
            var period = HalfMonthPeriod.FromIndex(index);
            var from = period.Start < signed ? signed : period.Start;
            var to = period.End > _yesterday ? _yesterday : period.End;
            var day = RandomDay(from, to);
            var stage = StageOn(d, day);
            d.Reports.Add(new ReportPlan(index, ReportKind.Update, Narrative(stage, d.FundsWan), null, 0m, 0m, host, At(day), false));
        }
    }
}
