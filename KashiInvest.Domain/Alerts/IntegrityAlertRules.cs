using System.Globalization;

namespace KashiInvest.Domain.Alerts;

/// <summary>The facts of an integrity case that its alert needs: whether the unit still owes its rectification, and by when.</summary>
public sealed record IntegrityAlertFacts(int CaseId, string Title, int? ProjectId, int UnitId, bool Owed, DateOnly RectifyBy);

/// <summary>
/// An integrity case whose unit has not rectified it by its deadline (still open or rectifying) is overdue: High, owned
/// by the responsible unit; the Bureau is told as well. It clears once the unit reports it rectified, the Bureau records
/// a breach of trust, or the deadline is moved.
/// </summary>
public static class IntegrityAlertRules
{
    public static string SubjectOf(int caseId) => $"integrity:{caseId}";

    public static AlertCondition? For(IntegrityAlertFacts c, DateOnly today)
    {
        if (!c.Owed || today <= c.RectifyBy) return null;
        return new AlertCondition(AlertKind.IntegrityOverdue, c.ProjectId, c.UnitId, SubjectOf(c.CaseId), AlertSeverity.High,
            nameof(AlertKind.IntegrityOverdue),
            [c.Title, c.RectifyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (today.DayNumber - c.RectifyBy.DayNumber).ToString(CultureInfo.InvariantCulture)],
            OwnerUnitId: c.UnitId);
    }
}
