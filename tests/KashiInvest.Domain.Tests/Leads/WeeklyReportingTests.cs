using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;

namespace KashiInvest.Domain.Tests.Leads;

public class WeeklyReportingTests
{
    private static readonly WeeklyReportSettings Settings = new();
    // ISO week 48 of 2026: Monday 23 – Sunday 29 November (Beijing).
    private static readonly ReportWeek Week48 = new(new DateOnly(2026, 11, 23));

    private static DateTime Beijing(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void A_week_is_the_iso_week_of_its_beijing_days()
    {
        Assert.Equal(Week48, ReportWeek.Containing(new DateOnly(2026, 11, 29)));
        Assert.Equal(Week48, ReportWeek.Containing(Beijing(11, 23, 0, 1)));
        // Sunday 23:30 Beijing is already Monday's week-start minus 30 minutes: still week 47.
        Assert.Equal(Week48.Previous(), ReportWeek.Containing(Beijing(11, 22, 23, 30)));
        Assert.Equal((2026, 48), (Week48.IsoYear, Week48.IsoWeek));
        Assert.True(ReportWeek.TryParse("2026-W48", out var parsed) && parsed == Week48);
        Assert.False(ReportWeek.TryParse("2026-W54", out _));
    }

    [Fact]
    public void By_default_a_weeks_report_is_due_the_following_monday_at_noon_beijing()
    {
        Assert.Equal(Beijing(11, 30, 12), WeeklyReporting.DueUtc(Week48, Settings));
        Assert.Equal(Beijing(12, 2, 9), WeeklyReporting.DueUtc(Week48, new WeeklyReportSettings { DueDaysAfterWeek = 3, DueHour = 9 }));
    }

    [Fact]
    public void At_the_deadline_the_report_is_still_on_time_one_minute_later_it_is_overdue()
    {
        var due = Beijing(11, 30, 12);
        Assert.Equal(WeeklyReportState.DueSoon, WeeklyReporting.StateOf(Week48, null, due, Settings));
        Assert.Equal(WeeklyReportState.Overdue, WeeklyReporting.StateOf(Week48, null, due.AddMinutes(1), Settings));
        Assert.Equal(WeeklyReportState.Filed, WeeklyReporting.StateOf(Week48, due, due.AddDays(3), Settings));
        Assert.Equal(WeeklyReportState.FiledLate, WeeklyReporting.StateOf(Week48, due.AddSeconds(1), due.AddDays(3), Settings));
        Assert.Equal(WeeklyReportState.Open, WeeklyReporting.StateOf(Week48, null, Beijing(11, 23, 9), Settings));
    }

    [Fact]
    public void Missing_lists_each_unfiled_unit_week_and_says_which_are_overdue()
    {
        var now = Beijing(11, 30, 12, 30); // Monday of week 49, just after week 48's deadline
        var settings = new WeeklyReportSettings { LookBackWeeks = 1 };
        var filings = new[] { new WeeklyFiling(1, Week48.Monday, Beijing(11, 29, 18)), new WeeklyFiling(2, Week48.Next().Monday, now) };
        var missing = WeeklyReporting.Missing([1, 2], filings, now, settings);
        Assert.Equal(
            [(2, Week48, WeeklyReportState.Overdue), (1, Week48.Next(), WeeklyReportState.Open)],
            missing.Select(m => (m.UnitId, m.Week, m.State)));
        Assert.True(missing[0].IsOverdue);
        Assert.Equal(Beijing(11, 30, 12), missing[0].DueUtc);
    }

    [Fact]
    public void Just_before_the_deadline_the_previous_week_is_due_soon_not_overdue()
    {
        var now = Beijing(11, 30, 11, 59);
        var missing = WeeklyReporting.Missing([5], [], now, new WeeklyReportSettings { LookBackWeeks = 1 });
        Assert.Equal(WeeklyReportState.DueSoon, missing.Single(m => m.Week == Week48).State);
    }

    [Theory]
    [InlineData(7, 12, 4, 72)]
    [InlineData(1, 24, 4, 72)]
    [InlineData(1, 12, -1, 72)]
    [InlineData(1, 12, 4, -1)]
    public void Settings_out_of_range_are_reported(int days, int hour, int lookBack, int soon) =>
        Assert.Single(new WeeklyReportSettings { DueDaysAfterWeek = days, DueHour = hour, LookBackWeeks = lookBack, SoonHours = soon }.Validate());

    [Fact]
    public void A_report_is_intentions_or_nothing_new_never_both_and_never_neither()
    {
        var today = new DateOnly(2026, 11, 25);
        var entry = new IntentionInput("甲公司", null, 1, "棉纺项目", 1000m, 50, ContactStage.Talks, null);
        Assert.Empty(WeeklyIntentionReport.Validate(Week48, true, [], today));
        Assert.Empty(WeeklyIntentionReport.Validate(Week48, false, [entry], today));
        Assert.Equal("Weekly.NothingNewWithEntries", WeeklyIntentionReport.Validate(Week48, true, [entry], today).Single().Violation.Code);
        Assert.Equal("Weekly.EmptyReport", WeeklyIntentionReport.Validate(Week48, false, [], today).Single().Violation.Code);
        Assert.Equal("Weekly.FutureWeek", WeeklyIntentionReport.Validate(Week48.Next(), true, [], today).Single().Violation.Code);
    }

    [Fact]
    public void Amending_keeps_the_first_filing_time_and_counts_revisions()
    {
        var actor = new Actor("shache", 10);
        var first = Beijing(11, 27, 10);
        var report = new WeeklyIntentionReport(10, Week48, actor, first);
        report.File(true, [], [], actor, first);
        report.File(false, [new IntentionInput("甲公司", null, 1, "棉纺项目", null, null, ContactStage.FirstContact, null)], [5], actor, first.AddDays(4));
        Assert.Equal((2, first, false), (report.Revision, report.FirstFiledAtUtc, report.NothingNew));
        Assert.Equal(5, report.Entries.Single().InvestorId);
    }
}
