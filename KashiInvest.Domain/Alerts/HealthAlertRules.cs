using System.Globalization;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;

namespace KashiInvest.Domain.Alerts;

/// <summary>
/// Derives a project's alert conditions from its health assessment — the same reasons the battle map and the wall
/// show — so alerts and health never disagree. One alert per stall, per overdue milestone, per overdue half-month
/// report and per overdue ledger entry; a key project's overdue approval items have their own alerts already
/// (<see cref="ApprovalAlertRules"/>), so that reason raises none here. Severity: a reason that makes the project
/// stalled is high, at risk is medium; an overdue ledger entry is high when it is blocking or has been escalated
/// (escalated ranks higher).
/// </summary>
public static class HealthAlertRules
{
    /// <summary>The kinds these rules decide; an open alert of these kinds whose condition is gone is cleared.</summary>
    public static readonly IReadOnlyList<AlertKind> Kinds = [AlertKind.Stalled, AlertKind.MilestoneOverdue, AlertKind.ReportOverdue, AlertKind.ProblemOverdue];

    public static IReadOnlyList<AlertCondition> For(int projectId, HealthFacts facts, HealthSettings settings, DateTime nowUtc)
    {
        var assessment = HealthRules.Assess(facts, settings, nowUtc);
        var today = BeijingTime.DateOf(nowUtc);
        var result = new List<AlertCondition>();
        foreach (var reason in assessment.Reasons)
        {
            switch (reason.Kind)
            {
                case HealthReasonKind.NoActivity:
                    // Args: idle days, limit. The stage is the subject, so a new stage starts a new count.
                    result.Add(new(AlertKind.Stalled, projectId, null, reason.Subject, Severity(reason.Level), "Stalled",
                        [S(reason.Args[0]), S(reason.Args[1]), reason.Subject]));
                    break;
                case HealthReasonKind.MilestoneOverdue:
                    result.Add(new(AlertKind.MilestoneOverdue, projectId, null, reason.Subject, Severity(reason.Level), "MilestoneOverdue",
                        [S(reason.Args[0]), S(reason.Args[1])]));
                    break;
                case HealthReasonKind.ReportOverdue:
                    foreach (var period in HealthRules.OverdueReportPeriods(facts, settings, nowUtc))
                    {
                        var due = period.DueOn(settings.ReportDeadlineDays);
                        result.Add(new(AlertKind.ReportOverdue, projectId, null, period.ToString(), Severity(reason.Level), "ReportOverdue",
                            [period.ToString(), due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), S(today.DayNumber - due.DayNumber)]));
                    }
                    break;
                case HealthReasonKind.ProblemOverdue when reason.Code == "BlockingProblemsPastDue" || reason.Code == "ProblemsPastDue":
                    var blocking = reason.Code == "BlockingProblemsPastDue";
                    foreach (var p in HealthRules.PastDueProblems(facts, today).Where(p => (p.Severity == ProblemSeverity.Blocking) == blocking))
                    {
                        var severity = blocking || p.Level > EscalationLevel.County ? AlertSeverity.High : AlertSeverity.Medium;
                        result.Add(new(AlertKind.ProblemOverdue, projectId, null, "problem:" + S(p.Id), severity, "ProblemOverdue",
                            [S(p.Id), S(today.DayNumber - p.DueOn.DayNumber), p.Level.ToString(), p.Severity.ToString()], p.OwnerUnitId));
                    }
                    break;
                case HealthReasonKind.ApprovalOverdue:
                    // Each overdue item already has its own approval-overdue alert (ApprovalAlertRules): no second one.
                    break;
            }
        }
        return result;
    }

    private static AlertSeverity Severity(HealthStatus level) => level == HealthStatus.Stalled ? AlertSeverity.High : AlertSeverity.Medium;

    private static string S(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
