using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Reports;

/// <summary>Where one owed fortnightly report stands.</summary>
public enum ObligationState
{
    /// <summary>Not submitted, and the deadline has not passed yet.</summary>
    Due,
    /// <summary>Not submitted, and the deadline has passed.</summary>
    Overdue,
    Submitted,
    SubmittedLate,
}

/// <summary>One report a chain-lead unit owes for a key project: the period, its deadline and its state.</summary>
public sealed record ReportObligation(HalfMonthPeriod Period, DateOnly DueOn, ObligationState State, int Revision)
{
    public bool IsOutstanding => State is ObligationState.Due or ObligationState.Overdue;
}

/// <summary>What was submitted for one period: the current revision and whether its first revision was late.</summary>
public readonly record struct SubmittedReport(int PeriodIndex, int Revision, bool IsLate);

/// <summary>
/// Art. 22: a key project's chain-lead unit reports every half month, from the period the agreement was signed in,
/// for as long as the project is signed, landing or under construction.
/// </summary>
public static class FortnightlyObligations
{
    /// <summary>Whether the project owes fortnightly reports at all in its current state.</summary>
    public static bool Applies(ProjectStage stage, bool isKeyProject, DateOnly? signedOn) =>
        isKeyProject && signedOn is not null && stage is ProjectStage.Signed or ProjectStage.Landing or ProjectStage.Construction;

    /// <summary>Every owed period up to the current one, oldest first.</summary>
    public static IReadOnlyList<ReportObligation> For(ProjectStage stage, bool isKeyProject, DateOnly? signedOn,
        IEnumerable<SubmittedReport> submitted, DateTime nowUtc, int deadlineDays)
    {
        if (!Applies(stage, isKeyProject, signedOn)) return [];
        var byPeriod = submitted.ToDictionary(s => s.PeriodIndex);
        var today = BeijingTime.DateOf(nowUtc);
        var result = new List<ReportObligation>();
        foreach (var period in HalfMonthPeriod.Range(signedOn!.Value, today))
        {
            var due = period.DueOn(deadlineDays);
            var state = byPeriod.TryGetValue(period.Index, out var s)
                ? s.IsLate ? ObligationState.SubmittedLate : ObligationState.Submitted
                : nowUtc >= period.DueAtUtc(deadlineDays) ? ObligationState.Overdue : ObligationState.Due;
            result.Add(new ReportObligation(period, due, state, byPeriod.TryGetValue(period.Index, out var r) ? r.Revision : 0));
        }
        return result;
    }

    /// <summary>Whether a fortnightly report may be filed for <paramref name="period"/>: a key project, from its signing period, not a future period.</summary>
    public static RuleViolation? CheckPeriod(Project project, HalfMonthPeriod period, DateOnly today)
    {
        if (!project.IsKeyProject) return new RuleViolation("Report.NotKeyProject");
        if (project.SignedOn is not { } signed || !project.Stage.IsSignedOrLater()) return new RuleViolation("Report.NotSigned");
        if (period < HalfMonthPeriod.Containing(signed)) return new RuleViolation("Report.BeforeSigning");
        if (period.Start > today) return new RuleViolation("Report.FuturePeriod");
        return null;
    }
}
