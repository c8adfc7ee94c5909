using System.Globalization;
using KashiInvest.Domain.Commitments;

namespace KashiInvest.Domain.Alerts;

/// <summary>The facts of a running commitment that its alert needs.</summary>
public sealed record CommitmentAlertFacts(int CommitmentId, int ProjectId, int ResponsibleUnitId, string DocumentNumber, CommitmentStatus Status, DateOnly? DueOn);

/// <summary>
/// A commitment not paid or delivered in full by its due day is overdue (High): the responsible department owns the
/// alert, the host county sees it through the project, and the Bureau is told outside the app. The alert clears when
/// it is delivered, honoured or terminated.
/// </summary>
public static class CommitmentAlertRules
{
    public static string SubjectOf(int commitmentId) => $"commitment:{commitmentId}";

    public static AlertCondition? For(CommitmentAlertFacts c, DateOnly today)
    {
        if (!Commitment.Runs(c.Status) || c.DueOn is not { } due || today <= due) return null;
        return new AlertCondition(AlertKind.CommitmentOverdue, c.ProjectId, null, SubjectOf(c.CommitmentId), AlertSeverity.High,
            nameof(AlertKind.CommitmentOverdue),
            [c.DocumentNumber, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (today.DayNumber - due.DayNumber).ToString(CultureInfo.InvariantCulture)],
            OwnerUnitId: c.ResponsibleUnitId);
    }
}
