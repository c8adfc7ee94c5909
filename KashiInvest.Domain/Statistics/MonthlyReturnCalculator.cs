using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Domain.Statistics;

/// <summary>One recorded step of a project's stage history (<see cref="ProjectStageChange"/>): where it went, and when.</summary>
public readonly record struct StageStep(ProjectStage To, DateTime AtUtc);

/// <summary>What the statistics need to know about one project of the unit.</summary>
public sealed record ProjectFacts(int ProjectId, int ChainId, decimal PlannedInvestmentWan, bool TieredInvestor, IReadOnlyList<StageStep> History);

/// <summary>
/// The funds a progress report (one revision) says came in during its half-month period. A later revision of the
/// same project, period and kind replaces the earlier one from the moment it was submitted.
/// </summary>
public sealed record FundsReport(int ProjectId, int PeriodIndex, ReportKind Kind, int Revision, decimal FundsWan,
    decimal OutOfRegionFundsWan, DateTime SubmittedAtUtc);

/// <summary>
/// Computes a unit's monthly return from the platform's own data as it stood at the month's close (Beijing time).
/// Pure: the caller loads the unit's projects (with their stage history) and the funds reports on them.
/// <list type="bullet">
/// <item>Stages come from the stage history: a project counts as signed, started or in production in the month in
/// which that stage (or a later one on the main line) was first recorded; a project created at a later stage counts
/// when it was created. Planned investment is the project's current figure.</item>
/// <item>Funds in place are what the reports recorded by an instant: for each project, period and kind, the newest
/// revision submitted before it. The month's funds are the difference between the month's close and the previous
/// month's close, so an amendment counts in the month it was made, and a month once closed never changes.</item>
/// </list>
/// </summary>
public static class MonthlyReturnCalculator
{
    public static IReadOnlyDictionary<FigureKey, decimal> Compute(StatMonth month, IReadOnlyCollection<ProjectFacts> projects,
        IReadOnlyCollection<FundsReport> reports, StatisticsSettings settings)
    {
        var figures = new SortedDictionary<FigureKey, decimal>();
        foreach (var code in FigureCodes.Totals) figures[new FigureKey(code)] = 0m;
        foreach (var chain in projects.Select(p => p.ChainId).Distinct())
        {
            foreach (var code in FigureCodes.ByChain) figures[new FigureKey(code, chain)] = 0m;
        }

        var start = month.StartUtc;
        var close = month.CloseUtc;
        var yearStart = month.FirstOfYear.StartUtc;

        void Add(FigureCode code, int chainId, decimal value)
        {
            figures[new FigureKey(code)] += value;
            if (FigureCodes.ByChain.Contains(code)) figures[new FigureKey(code, chainId)] += value;
        }

        foreach (var p in projects)
        {
            var history = p.History.OrderBy(s => s.AtUtc).ToList();
            if (history.Count == 0 || history[0].AtUtc >= close) continue; // not on the platform yet at the close

            if (history[0].AtUtc >= start) Add(FigureCode.NewLeads, p.ChainId, 1);
            var atClose = history.Last(s => s.AtUtc < close).To;
            if (atClose is ProjectStage.Negotiating or ProjectStage.Evaluation) Add(FigureCode.InNegotiation, p.ChainId, 1);

            if (FirstReached(history, s => s.IsSignedOrLater()) is { } signedAt && signedAt < close && signedAt >= yearStart)
            {
                Add(FigureCode.SignedYtd, p.ChainId, 1);
                Add(FigureCode.SignedYtdInvestment, p.ChainId, p.PlannedInvestmentWan);
                if (p.PlannedInvestmentWan >= settings.LargeProjectWan) Add(FigureCode.SignedYtdLarge, p.ChainId, 1);
                if (p.PlannedInvestmentWan >= settings.MajorProjectWan) Add(FigureCode.SignedYtdMajor, p.ChainId, 1);
                if (p.TieredInvestor) Add(FigureCode.SignedYtdTiered, p.ChainId, 1);
                if (signedAt >= start)
                {
                    Add(FigureCode.SignedMonth, p.ChainId, 1);
                    Add(FigureCode.SignedMonthInvestment, p.ChainId, p.PlannedInvestmentWan);
                }
            }
            if (FirstReached(history, s => s is ProjectStage.Construction or ProjectStage.Production) is { } startedAt && startedAt < close && startedAt >= yearStart)
            {
                Add(FigureCode.StartedYtd, p.ChainId, 1);
                if (startedAt >= start) Add(FigureCode.StartedMonth, p.ChainId, 1);
            }
            if (FirstReached(history, s => s == ProjectStage.Production) is { } producingAt && producingAt < close && producingAt >= yearStart)
            {
                Add(FigureCode.ProductionYtd, p.ChainId, 1);
                if (producingAt >= start) Add(FigureCode.ProductionMonth, p.ChainId, 1);
            }
        }

        var chainOf = projects.ToDictionary(p => p.ProjectId, p => p.ChainId);
        var mine = reports.Where(r => chainOf.ContainsKey(r.ProjectId)).ToList();
        var atMonthClose = FundsAt(mine, close);
        var atMonthStart = FundsAt(mine, start);
        var atYearStart = FundsAt(mine, yearStart);
        foreach (var (projectId, chainId) in chainOf)
        {
            var now = atMonthClose.GetValueOrDefault(projectId);
            var before = atMonthStart.GetValueOrDefault(projectId);
            var january = atYearStart.GetValueOrDefault(projectId);
            Add(FigureCode.FundsMonth, chainId, now.Total - before.Total);
            Add(FigureCode.OutOfRegionFundsMonth, chainId, now.OutOfRegion - before.OutOfRegion);
            Add(FigureCode.FundsYtd, chainId, now.Total - january.Total);
            Add(FigureCode.OutOfRegionFundsYtd, chainId, now.OutOfRegion - january.OutOfRegion);
        }
        return figures;
    }

    /// <summary>Each project's cumulative funds in place as the reports recorded them before <paramref name="instantUtc"/>.</summary>
    public static IReadOnlyDictionary<int, (decimal Total, decimal OutOfRegion)> FundsAt(IEnumerable<FundsReport> reports, DateTime instantUtc) =>
        reports.Where(r => r.SubmittedAtUtc < instantUtc)
            .GroupBy(r => (r.ProjectId, r.PeriodIndex, r.Kind))
            .Select(g => g.MaxBy(r => r.Revision)!)
            .GroupBy(r => r.ProjectId)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.FundsWan), g.Sum(r => r.OutOfRegionFundsWan)));

    private static DateTime? FirstReached(List<StageStep> history, Func<ProjectStage, bool> reached)
    {
        foreach (var step in history)
        {
            if (reached(step.To)) return step.AtUtc;
        }
        return null;
    }
}
