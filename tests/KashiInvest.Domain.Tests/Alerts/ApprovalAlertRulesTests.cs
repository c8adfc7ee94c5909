using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using static KashiInvest.Domain.Tests.Approvals.Calendars;

namespace KashiInvest.Domain.Tests.Alerts;

public class ApprovalAlertRulesTests
{
    // Accepted on the holiday Friday 25 September 2026 with 10 working days: due Thursday 15 October.
    private static ApprovalItemFacts Item(bool complete = false, DateOnly? start = null, IReadOnlyList<PauseSpan>? pauses = null) =>
        new(77, 42, 31, "建设工程规划许可证", complete, new ClockFacts(start ?? D(2026, 9, 25), 10, LimitUnit.WorkingDays, pauses ?? []));

    [Fact]
    public void An_item_with_time_left_raises_nothing() =>
        Assert.Null(ApprovalAlertRules.For(Item(), China, D(2026, 10, 13), 20));

    [Fact]
    public void An_item_in_its_warning_share_is_due_soon_for_its_department()
    {
        var alert = ApprovalAlertRules.For(Item(), China, D(2026, 10, 14), 20)!;

        Assert.Equal((AlertKind.ApprovalDueSoon, (int?)42, AlertSeverity.Medium, (int?)31, "approval:77"),
            (alert.Kind, alert.ProjectId, alert.Severity, alert.OwnerUnitId, alert.Subject));
        Assert.Equal(["建设工程规划许可证", "2026-10-15", "1", "10", ""], alert.Args);
    }

    [Fact]
    public void An_item_past_its_due_day_is_overdue_and_high()
    {
        var alert = ApprovalAlertRules.For(Item(), China, D(2026, 10, 19), 20)!;

        Assert.Equal((AlertKind.ApprovalOverdue, AlertSeverity.High), (alert.Kind, alert.Severity));
        Assert.Equal("4", alert.Args[2]);
    }

    [Fact]
    public void A_completed_or_paused_item_raises_nothing()
    {
        Assert.Null(ApprovalAlertRules.For(Item(complete: true), China, D(2026, 10, 19), 20));
        Assert.Null(ApprovalAlertRules.For(Item(pauses: [new PauseSpan(D(2026, 9, 28), null, D(2026, 11, 30))]), China, D(2026, 10, 19), 20));
    }

    [Fact]
    public void An_alert_names_the_years_counted_by_weekends_only()
    {
        var alert = ApprovalAlertRules.For(Item(start: D(2027, 12, 20)), China, D(2028, 1, 3), 20)!;
        Assert.Equal("2027,2028", alert.Args[4]);
    }
}
