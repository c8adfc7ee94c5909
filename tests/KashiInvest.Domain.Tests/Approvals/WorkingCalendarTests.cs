using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Tests.Support;
using static KashiInvest.Domain.Tests.Approvals.Calendars;

namespace KashiInvest.Domain.Tests.Approvals;

public class WorkingCalendarTests
{
    [Fact]
    public void The_seeded_notices_list_every_day_off_and_make_up_day_of_2025_and_2026()
    {
        Assert.Equal(28, HolidayNotices.Year2025.Days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(5, HolidayNotices.Year2025.Days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        Assert.Equal(33, HolidayNotices.Year2026.Days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(6, HolidayNotices.Year2026.Days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        Assert.Equal(D(2024, 11, 12), HolidayNotices.Year2025.PublishedOn);
        Assert.Contains("国办发明电〔2024〕12号", HolidayNotices.Year2025.Title);
        Assert.Equal(D(2025, 11, 4), HolidayNotices.Year2026.PublishedOn);
    }

    [Theory]
    [InlineData(2026, 9, 25, false)]  // Friday, 中秋节
    [InlineData(2026, 9, 20, true)]   // Sunday, make-up working day
    [InlineData(2026, 10, 7, false)]  // Wednesday, 国庆节
    [InlineData(2026, 10, 8, true)]   // Thursday after the holiday
    [InlineData(2026, 10, 10, true)]  // Saturday, make-up working day
    [InlineData(2026, 10, 11, false)] // Sunday
    [InlineData(2026, 2, 23, false)]  // Monday, last day of 春节
    [InlineData(2026, 2, 28, true)]   // Saturday, make-up working day
    [InlineData(2025, 1, 26, true)]   // Sunday, make-up working day
    [InlineData(2025, 10, 8, false)]  // Wednesday, 国庆节、中秋节
    [InlineData(2026, 11, 19, true)]  // an ordinary Thursday
    [InlineData(2026, 11, 21, false)] // an ordinary Saturday
    public void Holidays_and_make_up_days_override_the_week(int year, int month, int day, bool working) =>
        Assert.Equal(working, China.IsWorkingDay(D(year, month, day)));

    [Fact]
    public void The_day_after_the_start_is_day_one()
    {
        Assert.Equal(D(2026, 11, 20), China.AddWorkingDays(D(2026, 11, 19), 1));
        Assert.Equal(D(2026, 11, 23), China.AddWorkingDays(D(2026, 11, 20), 1));
        Assert.Equal(D(2026, 11, 19), China.AddWorkingDays(D(2026, 11, 19), 0));
    }

    [Fact]
    public void Counting_from_Tuesday_29_September_2026_jumps_the_National_Day_week_and_takes_the_make_up_Saturday()
    {
        var start = D(2026, 9, 29);
        Assert.Equal(D(2026, 9, 30), China.AddWorkingDays(start, 1));
        Assert.Equal(D(2026, 10, 8), China.AddWorkingDays(start, 2));
        Assert.Equal(D(2026, 10, 10), China.AddWorkingDays(start, 4));
        Assert.Equal(D(2026, 10, 12), China.AddWorkingDays(start, 5));
        Assert.Equal(5, China.WorkingDaysBetween(start, D(2026, 10, 12)));
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day()
    {
        // Friday 13 February 2026: day 1 is the make-up Saturday before 春节, day 2 the Tuesday after it.
        Assert.Equal(D(2026, 2, 14), China.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 24), China.AddWorkingDays(D(2026, 2, 13), 2));
        Assert.Equal(D(2026, 2, 16), WorkingCalendar.WeekendsOnly.AddWorkingDays(D(2026, 2, 13), 1));
    }

    [Fact]
    public void The_new_year_counts_on_the_next_years_notice()
    {
        // 31 December 2025 → 1–3 January 2026 off, Sunday 4 January a make-up working day.
        Assert.Equal(D(2026, 1, 4), China.AddWorkingDays(D(2025, 12, 31), 1));
        Assert.Equal(1, China.WorkingDaysBetween(D(2025, 12, 31), D(2026, 1, 4)));
    }

    [Fact]
    public void A_year_without_data_counts_weekends_only_and_says_so()
    {
        Assert.False(China.HasDataFor(2028));
        Assert.True(China.IsWorkingDay(D(2028, 10, 2)));   // a Monday: no notice, no holiday
        Assert.False(China.IsWorkingDay(D(2028, 10, 7)));  // a Saturday
        Assert.Equal([2027, 2028], China.YearsWithoutData(D(2026, 12, 20), D(2028, 1, 10)));
        Assert.Empty(China.YearsWithoutData(D(2025, 3, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void Counting_between_is_zero_when_the_end_is_not_after_the_start()
    {
        Assert.Equal(0, China.WorkingDaysBetween(D(2026, 11, 19), D(2026, 11, 19)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2026, 11, 19), D(2026, 11, 1)));
        Assert.Equal(0, WorkingCalendar.NaturalDaysBetween(D(2026, 11, 19), D(2026, 11, 1)));
        Assert.Equal(7, WorkingCalendar.NaturalDaysBetween(D(2026, 11, 19), D(2026, 11, 26)));
    }

    [Fact]
    public void A_natural_day_period_ending_on_a_day_off_ends_on_the_next_working_day()
    {
        Assert.Equal(D(2026, 11, 26), China.NaturalDeadline(D(2026, 11, 19), 7));
        Assert.Equal(D(2026, 10, 1), WorkingCalendar.AddNaturalDays(D(2026, 9, 24), 7));
        Assert.Equal(D(2026, 10, 8), China.NaturalDeadline(D(2026, 9, 24), 7));
        Assert.Equal(D(2026, 11, 23), China.NaturalDeadline(D(2026, 11, 14), 7)); // Saturday 21 → Monday 23
    }

    [Fact]
    public void A_make_up_day_must_fall_on_a_weekend() =>
        Rules.Refused("Calendar.MakeUpDayNotOnWeekend", () => _ = new CalendarYear(2027, "通知", null,
            [new CalendarDayInput(D(2027, 3, 3), CalendarDayKind.MakeUpWorkday)], Bureau, Now));

    [Fact]
    public void A_day_is_listed_once_and_inside_its_year()
    {
        Rules.Refused("Calendar.DuplicateDay", () => _ = new CalendarYear(2027, "通知", null,
            [new CalendarDayInput(D(2027, 1, 1), CalendarDayKind.Holiday), new CalendarDayInput(D(2027, 1, 1), CalendarDayKind.Holiday)], Bureau, Now));
        Rules.Refused("Calendar.DayOutsideYear", () => _ = new CalendarYear(2027, "通知", null,
            [new CalendarDayInput(D(2028, 1, 1), CalendarDayKind.Holiday)], Bureau, Now));
        Rules.Refused("Calendar.SourceRequired", () => _ = new CalendarYear(2027, " ", null, [], Bureau, Now));
    }

    [Fact]
    public void Replacing_a_year_keeps_the_unchanged_days_and_takes_the_new_ones()
    {
        var year = YearOf(HolidayNotices.Year2026);
        var firstDay = year.Days[0];

        year.Replace("更正通知", D(2025, 11, 5), HolidayNotices.Year2026.Days.Where(d => d.Date != D(2026, 10, 7)), Bureau, Now.AddDays(1));

        Assert.Same(firstDay, year.Days[0]);
        Assert.DoesNotContain(year.Days, d => d.Date == D(2026, 10, 7));
        Assert.Equal("更正通知", year.SourceTitle);
        Assert.True(new WorkingCalendar([year]).IsWorkingDay(D(2026, 10, 7)));
    }
}
