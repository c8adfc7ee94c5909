using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Projects;

namespace KashiInvest.Web.Features.BattleMaps;

/// <summary>Funds reported for one period by one current report revision (万元).</summary>
public readonly record struct ReportedFunds(int PeriodIndex, decimal TotalWan, decimal OutOfRegionWan);

/// <summary>
/// The battle map's derived figures, as plain functions of what was read: funds in place over time, the plan line,
/// and the list of next actions. Kept free of the database so that the rules can be read and tested on their own.
/// </summary>
public static class BattleMapFigures
{
    /// <summary>
    /// Cumulative funds in place at the end of every half-month period from the first one with a report (or the
    /// signing period, if earlier) up to today's period, summing the current revisions of every report kind. A
    /// period without a report carries the previous total, so the series never goes down.
    /// </summary>
    public static IReadOnlyList<FundsStep> FundsSeries(IEnumerable<ReportedFunds> reports, DateOnly? signedOn, DateOnly today)
    {
        var byPeriod = reports.GroupBy(r => r.PeriodIndex)
            .ToDictionary(g => g.Key, g => (Total: g.Sum(r => r.TotalWan), OutOfRegion: g.Sum(r => r.OutOfRegionWan)));
        if (byPeriod.Count == 0) return [];
        var first = byPeriod.Keys.Min();
        if (signedOn is { } signed) first = Math.Min(first, HalfMonthPeriod.Containing(signed).Index);
        var last = Math.Max(HalfMonthPeriod.Containing(today).Index, byPeriod.Keys.Max());

        var series = new List<FundsStep>(last - first + 1);
        decimal total = 0m, outOfRegion = 0m;
        for (var index = first; index <= last; index++)
        {
            if (byPeriod.TryGetValue(index, out var funds))
            {
                total += funds.Total;
                outOfRegion += funds.OutOfRegion;
            }
            var period = HalfMonthPeriod.FromIndex(index);
            series.Add(new FundsStep(period, period.End < today ? period.End : today, total, outOfRegion));
        }
        return series;
    }

    /// <summary>
    /// The plan line: the planned investment spread evenly from the planned start (or the signing date when the
    /// start is not known) to the planned completion, with a point at every half-month period's end in between.
    /// Empty when the plan has no start, no completion, no amount, or ends before it starts.
    /// </summary>
    public static IReadOnlyList<PlannedFunds> PlanLine(decimal plannedWan, DateOnly? plannedStartOn, DateOnly? plannedCompletionOn, DateOnly? signedOn)
    {
        if ((plannedStartOn ?? signedOn) is not { } start || plannedCompletionOn is not { } end || end <= start || plannedWan <= 0m) return [];
        var days = (decimal)(end.DayNumber - start.DayNumber);
        var line = new List<PlannedFunds> { new(start, 0m) };
        for (var period = HalfMonthPeriod.Containing(start); period.End < end; period = period.Next())
        {
            if (period.End <= start) continue;
            line.Add(new PlannedFunds(period.End, decimal.Round(plannedWan * (period.End.DayNumber - start.DayNumber) / days, 2)));
        }
        line.Add(new PlannedFunds(end, plannedWan));
        return line;
    }

    /// <summary>
    /// What must happen next: unreached milestones (owned by the host unit, due on their planned date), owed
    /// fortnightly reports not yet filed (owned by the chain's lead unit, due on their deadline), and open problems
    /// (owned by their owner unit, due on their due date). Overdue first, most overdue at the top, then by date.
    /// </summary>
    public static IReadOnlyList<NextAction> NextActions(ProjectView project, int chainLeadUnitId, IEnumerable<ReportObligation> obligations,
        IEnumerable<ProblemLine> openProblems, DateOnly today)
    {
        var actions = new List<NextAction>();
        if (!project.Stage.IsFinal() && project.Stage != ProjectStage.Reserve)
        {
            actions.AddRange(project.Milestones.Where(m => m.ReachedOn is null)
                .Select(m => new NextAction(NextActionKind.Milestone, m.Name, project.HostUnitId, m.PlannedOn, m.DaysOverdue)));
        }
        actions.AddRange(obligations.Where(o => o.IsOutstanding)
            .Select(o => new NextAction(NextActionKind.Report, string.Empty, chainLeadUnitId, o.DueOn,
                o.State == ObligationState.Overdue ? Math.Max(1, today.DayNumber - o.DueOn.DayNumber) : 0, Period: o.Period)));
        actions.AddRange(openProblems.Select(p => new NextAction(NextActionKind.Problem, p.Excerpt, p.OwnerUnitId, p.DueOn, p.DaysOverdue,
            ProblemId: p.Id, Category: p.Category, Severity: p.Severity)));
        return actions.OrderByDescending(a => a.IsOverdue).ThenBy(a => a.DueOn).ThenBy(a => a.Kind).ToList();
    }

    /// <summary>The start of a text on one line, cut at <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Excerpt(string text, int max = 120)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max).TrimEnd(), "…");
    }
}
