using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Projects;

namespace KashiInvest.Web.Features.BattleMaps;

/// <summary>
/// Everything one project's battle map (挂图作战, Art. 21) shows, read under the user's scope: the project itself
/// (<see cref="Project"/>, as the project page reads it), its health with every reason, funds in place over time
/// against the plan, the latest reports, the open problems, and what is next with its owner and date.
/// </summary>
public sealed record BattleMapView(
    ProjectView Project,
    DateOnly Today,
    HealthAssessment Health,
    int ChainLeadUnitId,
    int? LeadServiceUnitId,
    IReadOnlyList<FundsStep> Funds,
    IReadOnlyList<PlannedFunds> Plan,
    IReadOnlyList<ReportLine> LatestReports,
    IReadOnlyList<ProblemLine> OpenProblems,
    IReadOnlyList<NextAction> NextActions,
    BattleMapActions Actions)
{
    /// <summary>Funds in place as a share of the planned investment (0–1, may exceed 1), or null without a plan.</summary>
    public decimal? FundsShare => Project.PlannedInvestmentWan > 0m ? Project.FundsInPlaceWan / Project.PlannedInvestmentWan : null;
}

/// <summary>Funds in place up to the end of <see cref="Period"/> (cumulative, 万元), from the project's current reports.</summary>
public sealed record FundsStep(HalfMonthPeriod Period, DateOnly On, decimal TotalWan, decimal OutOfRegionWan);

/// <summary>The planned cumulative funds in place by a date (万元): the planned investment spread evenly over the plan.</summary>
public sealed record PlannedFunds(DateOnly On, decimal Wan);

/// <summary>One current report revision as the battle map lists it.</summary>
public sealed record ReportLine(
    int Id, HalfMonthPeriod Period, ReportKind Kind, int Revision, bool IsLate, string SubmittedBy, int? SubmittedByUnitId,
    DateTime SubmittedAtUtc, string Excerpt, decimal FundsThisPeriodWan)
{
    /// <summary>The report form for this report's project, period and kind.</summary>
    public string FormHref(int projectId) => BattleMapRoutes.ReportForm(projectId, Period.Index, Kind);
}

/// <summary>One open entry of the problem ledger.</summary>
public sealed record ProblemLine(
    int Id, ProblemCategory Category, FactorKind? Factor, string Excerpt, ProblemSeverity Severity, ProblemStatus Status,
    EscalationLevel Level, int OwnerUnitId, DateOnly DueOn, int DaysOverdue);

public enum NextActionKind { Milestone, Report, Problem }

/// <summary>
/// One thing that must happen next, with who owns it and by when: an unreached milestone (the host unit), an owed
/// fortnightly report (the chain's lead unit), an open problem (its owner unit).
/// </summary>
/// <param name="Subject">The milestone's name; for a problem its category's and excerpt; for a report unused (see <see cref="Period"/>).</param>
public sealed record NextAction(NextActionKind Kind, string Subject, int OwnerUnitId, DateOnly DueOn, int DaysOverdue,
    HalfMonthPeriod? Period = null, int? ProblemId = null, ProblemCategory? Category = null, ProblemSeverity? Severity = null)
{
    public bool IsOverdue => DaysOverdue > 0;
}

/// <summary>What the user may start from the battle map; null links are not offered.</summary>
/// <param name="FileReportHref">The report form for the current period (fortnightly where owed and allowed, else an update).</param>
/// <param name="RaiseProblemHref">The ledger's new-entry form for this project.</param>
public sealed record BattleMapActions(string? FileReportHref, string? RaiseProblemHref, string LedgerHref);

/// <summary>Routes the battle map links to; the report form and the ledger are their own features.</summary>
public static class BattleMapRoutes
{
    public static string BattleMap(int projectId) => $"/projects/{projectId}/battlemap";

    public static string ReportForm(int projectId, int periodIndex, ReportKind kind) =>
        $"/reports/{projectId}/{periodIndex}/{(kind == ReportKind.Fortnightly ? "fortnightly" : "update")}";

    public static string Ledger(int projectId) => $"/ledger?project={projectId}";

    public static string NewProblem(int projectId) => $"/ledger?project={projectId}&new=1";
}
