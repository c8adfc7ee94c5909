using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Alerts;

public class StatisticsAlertRulesTests
{
    private static readonly StatisticsSettings Settings = new();
    private static readonly int November = new StatMonth(2026, 11).Index;
    private static readonly int October = new StatMonth(2026, 10).Index;
    private static readonly DateTime JustAfterNovembersDeadline = new(2026, 12, 5, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_unit_and_month_without_a_submitted_return_after_the_deadline_is_one_alert()
    {
        var returns = new[]
        {
            new ReturnState(1, October, ReturnStatus.Approved, true), new ReturnState(1, November, ReturnStatus.Submitted, true),
            new ReturnState(2, October, ReturnStatus.Approved, true), new ReturnState(2, November, ReturnStatus.Computed, false),
            new ReturnState(3, October, ReturnStatus.Approved, true), new ReturnState(3, November, ReturnStatus.Returned, true),
        };
        var september = new StatMonth(2026, 9).Index;
        var all = returns.Concat(new[] { 1, 2, 3 }.Select(u => new ReturnState(u, september, ReturnStatus.Approved, true)));

        var alerts = StatisticsAlertRules.ReturnsMissing([1, 2, 3], all, JustAfterNovembersDeadline, Settings);

        Assert.Equal(new[] { (2, "2026-11", "MonthlyReturnMissing"), (3, "2026-11", "MonthlyReturnNotResubmitted") },
            alerts.Select(a => (a.UnitId!.Value, a.Subject, a.Code)));
        Assert.All(alerts, a => Assert.Equal(AlertSeverity.Medium, a.Severity));
    }

    [Fact]
    public void Before_the_deadline_nothing_is_missing_and_a_month_a_deadline_later_is_high()
    {
        Assert.Empty(StatisticsAlertRules.ReturnsMissing([1], [new ReturnState(1, October, ReturnStatus.Approved, true), new ReturnState(1, new StatMonth(2026, 9).Index, ReturnStatus.Approved, true), new ReturnState(1, new StatMonth(2026, 8).Index, ReturnStatus.Approved, true)],
            JustAfterNovembersDeadline.AddTicks(-1), Settings));

        var alerts = StatisticsAlertRules.ReturnsMissing([1], [], JustAfterNovembersDeadline, Settings);

        Assert.Equal(["2026-09", "2026-10", "2026-11"], alerts.Select(a => a.Subject));
        Assert.Equal([AlertSeverity.High, AlertSeverity.High, AlertSeverity.Medium], alerts.Select(a => a.Severity));
    }
}
