using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Domain.Health;

/// <summary>A project's health on its battle map and the wall. Ordered: a higher value is worse.</summary>
public enum HealthStatus { OnTrack, AtRisk, Stalled }

/// <summary>What a health reason is about; the alert engine raises one alert per kind and subject.</summary>
/// <remarks><see cref="ApprovalOverdue"/> raises no alert of its own: each overdue item already has its approval-overdue alert.</remarks>
public enum HealthReasonKind { NoActivity, MilestoneOverdue, ReportOverdue, ProblemOverdue, BlockingProblem, ApprovalOverdue }

/// <summary>
/// One reason for a health status, as a code with its facts (resource key <c>Health.{Code}</c> in Web), e.g.
/// <c>MilestoneOverdue("施工许可", 12)</c>. <see cref="Subject"/> names what it is about (a milestone, a period).
/// </summary>
public sealed record HealthReason(HealthReasonKind Kind, HealthStatus Level, string Code, string Subject, params object[] Args);

/// <summary>The health of one project with every reason spelled out, worst first.</summary>
public sealed record HealthAssessment(HealthStatus Status, IReadOnlyList<HealthReason> Reasons)
{
    public static readonly HealthAssessment OnTrack = new(HealthStatus.OnTrack, []);
}

public sealed record MilestoneFact(string Name, DateOnly PlannedOn, DateOnly? ReachedOn);

public sealed record ProblemFact(int Id, ProblemSeverity Severity, DateOnly DueOn, EscalationLevel Level, int? OwnerUnitId = null);

/// <summary>
/// A project's approval items past their committed limit (Art. 23): how many, and the one overdue longest with its
/// name in both languages and its days past the due day. Null (or a count of 0) when none is overdue.
/// </summary>
public sealed record OverdueApprovalsFact(int Count, string OldestItemName, string OldestItemNameEn, int OldestDaysOverdue)
{
    /// <summary>
    /// Reads each item's clock on <paramref name="today"/> and keeps the overdue ones (not in warning, not finished);
    /// null when none is overdue.
    /// </summary>
    public static OverdueApprovalsFact? Of(IEnumerable<(string Name, string NameEn, ClockFacts Clock)> items, WorkingCalendar calendar, DateOnly today)
    {
        var overdue = items
            .Select(i => (i.Name, i.NameEn, Reading: ApprovalClock.Read(i.Clock, calendar, today)))
            .Where(i => i.Reading.State == ClockState.Overdue)
            .Select(i => (i.Name, i.NameEn, Days: today.DayNumber - i.Reading.DueOn!.Value.DayNumber))
            .OrderByDescending(i => i.Days).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        return overdue.Count == 0 ? null : new OverdueApprovalsFact(overdue.Count, overdue[0].Name, overdue[0].NameEn, overdue[0].Days);
    }
}

/// <summary>What the health rules look at for one project; loaded in one query per screen, not per project.</summary>
public sealed record HealthFacts(
    ProjectStage Stage,
    bool IsKeyProject,
    DateOnly? SignedOn,
    DateTime LastActivityAtUtc,
    IReadOnlyList<MilestoneFact> Milestones,
    IReadOnlyList<SubmittedReport> FortnightlyReports,
    IReadOnlyList<ProblemFact> OpenProblems,
    OverdueApprovalsFact? OverdueApprovals = null);

/// <summary>
/// The health rules (Art. 21–22, 27): inactivity for the stage, overdue milestones, missing fortnightly reports,
/// problems past due and blocking problems, and (Art. 23) a key project's overdue approval items. The battle map,
/// the wall and the alert checks all call this.
/// </summary>
public static class HealthRules
{
    public static HealthAssessment Assess(HealthFacts facts, HealthSettings settings, DateTime nowUtc)
    {
        if (!facts.Stage.HasBattleMap()) return HealthAssessment.OnTrack;
        var today = BeijingTime.DateOf(nowUtc);
        var reasons = new List<HealthReason>();

        if (settings.StallDaysFor(facts.Stage) is { } limit)
        {
            var idle = today.DayNumber - BeijingTime.DateOf(facts.LastActivityAtUtc).DayNumber;
            if (idle > limit) reasons.Add(new(HealthReasonKind.NoActivity, HealthStatus.Stalled, "NoActivity", facts.Stage.ToString(), idle, limit));
        }

        if (facts.Stage != ProjectStage.Production)
        {
            foreach (var m in facts.Milestones.Where(m => m.ReachedOn is null && today > m.PlannedOn).OrderBy(m => m.PlannedOn))
            {
                var days = today.DayNumber - m.PlannedOn.DayNumber;
                var level = days >= settings.MilestoneStalledAfterDays ? HealthStatus.Stalled : HealthStatus.AtRisk;
                reasons.Add(new(HealthReasonKind.MilestoneOverdue, level, "MilestoneOverdue", m.Name, m.Name, days));
            }
        }

        var overdue = OverdueReportPeriods(facts, settings, nowUtc);
        if (overdue.Count > 0)
        {
            var level = overdue.Count >= settings.MissingReportsStalledAt ? HealthStatus.Stalled : HealthStatus.AtRisk;
            var latest = overdue[^1];
            reasons.Add(overdue.Count == 1
                ? new(HealthReasonKind.ReportOverdue, level, "ReportMissing", latest.ToString(), latest)
                : new(HealthReasonKind.ReportOverdue, level, "ReportsMissing", latest.ToString(), overdue.Count, latest));
        }

        var pastDue = PastDueProblems(facts, today);
        var blockingPastDue = pastDue.Count(p => p.Severity == ProblemSeverity.Blocking);
        if (blockingPastDue > 0)
            reasons.Add(new(HealthReasonKind.ProblemOverdue, HealthStatus.Stalled, "BlockingProblemsPastDue", "blocking", blockingPastDue));
        if (pastDue.Count - blockingPastDue > 0)
            reasons.Add(new(HealthReasonKind.ProblemOverdue, HealthStatus.AtRisk, "ProblemsPastDue", "other", pastDue.Count - blockingPastDue));
        var blockingOpen = facts.OpenProblems.Count(p => p.Severity == ProblemSeverity.Blocking && today <= p.DueOn);
        if (blockingOpen > 0)
            reasons.Add(new(HealthReasonKind.BlockingProblem, HealthStatus.AtRisk, "BlockingProblemsOpen", "blocking-open", blockingOpen));

        // A key project's overdue approval item shows on its health (Art. 23); other projects' items show on the board.
        if (facts.IsKeyProject && facts.OverdueApprovals is { Count: > 0 } approvals)
        {
            reasons.Add(new(HealthReasonKind.ApprovalOverdue, HealthStatus.AtRisk, approvals.Count == 1 ? "ApprovalOverdue" : "ApprovalsOverdue", "approvals",
                approvals.Count, approvals.OldestItemName, approvals.OldestItemNameEn, approvals.OldestDaysOverdue));
        }

        if (reasons.Count == 0) return HealthAssessment.OnTrack;
        var ordered = reasons.OrderByDescending(r => r.Level).ThenBy(r => r.Kind).ToList();
        return new HealthAssessment(ordered[0].Level, ordered);
    }

    /// <summary>The half-month periods whose fortnightly report is overdue, oldest first (the facts behind <c>ReportMissing</c>).</summary>
    public static IReadOnlyList<HalfMonthPeriod> OverdueReportPeriods(HealthFacts facts, HealthSettings settings, DateTime nowUtc) =>
        FortnightlyObligations.For(facts.Stage, facts.IsKeyProject, facts.SignedOn, facts.FortnightlyReports, nowUtc, settings.ReportDeadlineDays)
            .Where(o => o.State == ObligationState.Overdue).Select(o => o.Period).ToList();

    /// <summary>The open ledger entries past their due date (the facts behind <c>ProblemsPastDue</c>).</summary>
    public static IReadOnlyList<ProblemFact> PastDueProblems(HealthFacts facts, DateOnly today) =>
        facts.OpenProblems.Where(p => today > p.DueOn).ToList();
}
