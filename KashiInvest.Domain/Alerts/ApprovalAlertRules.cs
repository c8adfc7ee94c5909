using System.Globalization;
using KashiInvest.Domain.Approvals;

namespace KashiInvest.Domain.Alerts;

/// <summary>The facts of an open plan item that its alert needs.</summary>
public sealed record ApprovalItemFacts(int ItemId, int ProjectId, int DepartmentUnitId, string ItemName, bool IsComplete, ClockFacts Clock);

/// <summary>
/// The approval alerts (Art. 23), on the same clock the screens show: an item in its warning share is due soon
/// (Medium), an item past its committed limit is overdue (High, so that the Bureau's supervision sees it pop up).
/// The department that must act is the owner; the host county and its service group see it through the project.
/// A completed item has no alert, so its alert clears.
/// </summary>
public static class ApprovalAlertRules
{
    public static string SubjectOf(int itemId) => $"approval:{itemId}";

    public static AlertCondition? For(ApprovalItemFacts item, WorkingCalendar calendar, DateOnly today, int warningPercent)
    {
        if (item.IsComplete) return null;
        var reading = ApprovalClock.Read(item.Clock, calendar, today, warningPercent);
        var due = reading.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        var weekendsOnly = string.Join(",", reading.YearsWithoutData);
        return reading.State switch
        {
            ClockState.Warning => new AlertCondition(AlertKind.ApprovalDueSoon, item.ProjectId, null, SubjectOf(item.ItemId), AlertSeverity.Medium,
                nameof(AlertKind.ApprovalDueSoon),
                [item.ItemName, due, Math.Max(0, reading.Remaining).ToString(CultureInfo.InvariantCulture), reading.Limit.ToString(CultureInfo.InvariantCulture), weekendsOnly],
                OwnerUnitId: item.DepartmentUnitId),
            ClockState.Overdue => new AlertCondition(AlertKind.ApprovalOverdue, item.ProjectId, null, SubjectOf(item.ItemId), AlertSeverity.High,
                nameof(AlertKind.ApprovalOverdue),
                [item.ItemName, due, (today.DayNumber - reading.DueOn!.Value.DayNumber).ToString(CultureInfo.InvariantCulture),
                 reading.Limit.ToString(CultureInfo.InvariantCulture), weekendsOnly],
                OwnerUnitId: item.DepartmentUnitId),
            _ => null,
        };
    }
}
