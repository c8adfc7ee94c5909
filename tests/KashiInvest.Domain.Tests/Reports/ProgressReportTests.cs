using KashiInvest.Domain.Common;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Domain.Tests.Reports;

public class ProgressReportTests
{
    private static readonly HalfMonthPeriod Period = new(2026, 11, 1);
    private static readonly Actor ChainLead = new("chain-textiles", 31);

    // 2026-11-H1 with 3 deadline days is due on 2026-11-18 (Beijing), i.e. late from 2026-11-18T16:00Z.
    [Theory]
    [InlineData("2026-11-15T15:00:00Z", false)]        // during the period
    [InlineData("2026-11-18T10:00:00Z", false)]        // 18:00 on the due day in Beijing
    [InlineData("2026-11-18T15:59:59.9999999Z", false)] // the last tick of the due day in Beijing
    [InlineData("2026-11-18T16:00:00Z", true)]         // midnight in Beijing: the next day
    [InlineData("2026-11-19T02:00:00Z", true)]
    public void A_report_is_late_exactly_from_the_end_of_the_due_day(string submittedAt, bool late)
    {
        var at = DateTime.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

        Assert.Equal(late, ProgressReport.IsLateFor(Period, at, deadlineDays: 3));
    }

    [Fact]
    public void A_longer_deadline_makes_the_same_report_on_time()
    {
        var at = new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc);

        Assert.True(ProgressReport.IsLateFor(Period, at, 3));
        Assert.False(ProgressReport.IsLateFor(Period, at, 4));
    }

    [Fact]
    public void A_report_keeps_its_period_figures_and_author()
    {
        var at = new DateTime(2026, 11, 17, 3, 0, 0, DateTimeKind.Utc);

        var report = new ProgressReport(42, Period, ReportKind.Fortnightly, 1, "  厂房主体封顶 ", "  ", 3_000m, 2_500m, ChainLead, at, isLate: false);

        Assert.Equal(Period, report.Period);
        Assert.Equal(Period.Index, report.PeriodIndex);
        Assert.Equal("厂房主体封顶", report.Narrative);
        Assert.Null(report.NextSteps);
        Assert.Equal(3_000m, report.FundsInPlaceThisPeriodWan);
        Assert.Equal(2_500m, report.OutOfRegionFundsThisPeriodWan);
        Assert.Equal("chain-textiles", report.SubmittedBy);
        Assert.Equal(31, report.SubmittedByUnitId);
        Assert.True(report.IsCurrent);
    }

    [Fact]
    public void An_amended_report_is_no_longer_current()
    {
        var report = new ProgressReport(42, Period, ReportKind.Update, 1, "进展", null, 0m, 0m, ChainLead, DateTime.UnixEpoch, false);

        report.Supersede();

        Assert.False(report.IsCurrent);
    }

    [Fact]
    public void A_report_needs_a_narrative() =>
        Assert.Equal("Report.NarrativeRequired", Assert.Throws<DomainRuleException>(
            () => new ProgressReport(42, Period, ReportKind.Fortnightly, 1, " ", null, 0m, 0m, ChainLead, DateTime.UnixEpoch, false)).Violation.Code);

    [Fact]
    public void Out_of_region_funds_of_a_period_cannot_exceed_its_total() =>
        Assert.Equal("Funds.OutOfRegionExceedsTotal", Assert.Throws<DomainRuleException>(
            () => new ProgressReport(42, Period, ReportKind.Fortnightly, 1, "进展", null, 100m, 101m, ChainLead, DateTime.UnixEpoch, false)).Violation.Code);

    [Fact]
    public void Funds_of_a_period_cannot_be_negative() =>
        Assert.Equal("Money.MustNotBeNegative", Assert.Throws<DomainRuleException>(
            () => new ProgressReport(42, Period, ReportKind.Fortnightly, 1, "进展", null, -1m, 0m, ChainLead, DateTime.UnixEpoch, false)).Violation.Code);
}
