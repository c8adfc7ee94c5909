using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Leads;

namespace KashiInvest.Domain.Tests.Alerts;

/// <summary>The life cycle's two alert conditions, at and around their deadlines.</summary>
public class LifecycleAlertRulesTests
{
    private static readonly WeeklyReportSettings Weekly = new();
    private static readonly LifecycleSettings Lifecycle = new();

    // Week 47 of 2026 runs Mon 16 – Sun 22 November; its report is due Mon 23 November 12:00 Beijing = 04:00 UTC.
    private static readonly DateOnly W47 = new(2026, 11, 16);

    private static IReadOnlyList<AlertCondition> WeeklyAt(DateTime nowUtc, params WeeklyFiling[] filings)
    {
        // Every earlier week is filed, so only week 47 (and the current week 48, not yet due) can be missing.
        var earlier = Enumerable.Range(1, 8).Select(i => new WeeklyFiling(7, W47.AddDays(-7 * i), new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc)));
        return LifecycleAlertRules.WeeklyReportsMissing([7], earlier.Concat(filings), nowUtc, Weekly);
    }

    [Fact]
    public void A_weekly_report_is_an_alert_from_the_minute_after_its_deadline_and_not_before()
    {
        Assert.Empty(WeeklyAt(new DateTime(2026, 11, 23, 3, 59, 0, DateTimeKind.Utc)));

        var alert = Assert.Single(WeeklyAt(new DateTime(2026, 11, 23, 4, 1, 0, DateTimeKind.Utc)));
        Assert.Equal(AlertKind.WeeklyIntentionReportMissing, alert.Kind);
        Assert.Equal(7, alert.UnitId);
        Assert.Null(alert.ProjectId);
        Assert.Equal("2026-W47", alert.Subject);
        Assert.Equal(["2026-W47", "2026-11-23 12:00"], alert.Args);
    }

    [Fact]
    public void A_filed_weekly_report_even_a_late_one_is_no_alert()
    {
        var late = new WeeklyFiling(7, W47, new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc));
        Assert.Empty(WeeklyAt(new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), late));
    }

    [Fact]
    public void An_agreement_is_overdue_the_day_after_the_allowed_days_and_high_from_twice_that()
    {
        var passed = new DateOnly(2026, 10, 1);
        Assert.Null(LifecycleAlertRules.AgreementNotSigned(5, 9, passed, null, passed.AddDays(Lifecycle.SignAgreementWithinDays), Lifecycle));

        var late = LifecycleAlertRules.AgreementNotSigned(5, 9, passed, null, passed.AddDays(Lifecycle.SignAgreementWithinDays + 1), Lifecycle);
        Assert.NotNull(late);
        Assert.Equal(AlertKind.AgreementNotSigned, late.Kind);
        Assert.Equal(5, late.ProjectId);
        Assert.Equal(9, late.OwnerUnitId);
        Assert.Equal(AlertSeverity.Medium, late.Severity);
        Assert.Equal(["31", "30"], late.Args);

        var veryLate = LifecycleAlertRules.AgreementNotSigned(5, 9, passed, null, passed.AddDays(2 * Lifecycle.SignAgreementWithinDays), Lifecycle);
        Assert.Equal(AlertSeverity.High, veryLate!.Severity);
    }

    [Fact]
    public void A_signed_or_never_passed_project_is_no_agreement_alert()
    {
        var today = new DateOnly(2026, 12, 31);
        Assert.Null(LifecycleAlertRules.AgreementNotSigned(5, 9, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20), today, Lifecycle));
        Assert.Null(LifecycleAlertRules.AgreementNotSigned(5, 9, null, null, today, Lifecycle));
    }
}
