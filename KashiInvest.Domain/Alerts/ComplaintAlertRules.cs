using System.Globalization;
using KashiInvest.Domain.Complaints;

namespace KashiInvest.Domain.Alerts;

/// <summary>
/// The facts of an open complaint that its alert needs (nothing the complainant typed). A deadline and an owing unit
/// exist only while somebody in government owes the next step (<see cref="Complaint.Deadline"/>).
/// </summary>
public sealed record ComplaintAlertFacts(int ComplaintId, string TrackingNumber, int? ProjectId, DateOnly? Deadline, int? OwingUnitId);

/// <summary>
/// A complaint past its deadline (not registered and assigned in time by the Bureau, or not answered in time by its
/// unit) is overdue: High, owned by the unit that owes the next step; the Bureau is told as well. The alert clears
/// when the step is taken (a new deadline, a new unit, or the complainant's turn).
/// </summary>
public static class ComplaintAlertRules
{
    public static string SubjectOf(int complaintId) => $"complaint:{complaintId}";

    public static AlertCondition? For(ComplaintAlertFacts c, DateOnly today)
    {
        if (c.Deadline is not { } due || today <= due || c.OwingUnitId is not { } unit) return null;
        return new AlertCondition(AlertKind.ComplaintOverdue, c.ProjectId, unit, SubjectOf(c.ComplaintId), AlertSeverity.High,
            nameof(AlertKind.ComplaintOverdue),
            [c.TrackingNumber, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (today.DayNumber - due.DayNumber).ToString(CultureInfo.InvariantCulture)],
            OwnerUnitId: unit);
    }
}
