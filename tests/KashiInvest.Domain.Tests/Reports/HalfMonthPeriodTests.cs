using System.Globalization;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Domain.Tests.Reports;

public class HalfMonthPeriodTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Theory]
    // 31-day month
    [InlineData("2026-01-01", 1, "2026-01-01", "2026-01-15")]
    [InlineData("2026-01-15", 1, "2026-01-01", "2026-01-15")]
    [InlineData("2026-01-16", 2, "2026-01-16", "2026-01-31")]
    [InlineData("2026-01-31", 2, "2026-01-16", "2026-01-31")]
    // 30-day month
    [InlineData("2026-04-15", 1, "2026-04-01", "2026-04-15")]
    [InlineData("2026-04-16", 2, "2026-04-16", "2026-04-30")]
    [InlineData("2026-04-30", 2, "2026-04-16", "2026-04-30")]
    // February, non-leap years
    [InlineData("2026-02-01", 1, "2026-02-01", "2026-02-15")]
    [InlineData("2026-02-16", 2, "2026-02-16", "2026-02-28")]
    [InlineData("2026-02-28", 2, "2026-02-16", "2026-02-28")]
    [InlineData("2027-02-28", 2, "2027-02-16", "2027-02-28")]
    [InlineData("2100-02-28", 2, "2100-02-16", "2100-02-28")] // a century, not a leap year
    // February, leap years
    [InlineData("2028-02-15", 1, "2028-02-01", "2028-02-15")]
    [InlineData("2028-02-16", 2, "2028-02-16", "2028-02-29")]
    [InlineData("2028-02-28", 2, "2028-02-16", "2028-02-29")]
    [InlineData("2028-02-29", 2, "2028-02-16", "2028-02-29")]
    [InlineData("2000-02-29", 2, "2000-02-16", "2000-02-29")] // a 400th year, a leap year
    // December
    [InlineData("2026-12-31", 2, "2026-12-16", "2026-12-31")]
    public void The_period_containing_a_day_runs_1st_to_15th_or_16th_to_month_end(string day, int half, string start, string end)
    {
        var period = HalfMonthPeriod.Containing(D(day));

        Assert.Equal(D(day).Year, period.Year);
        Assert.Equal(D(day).Month, period.Month);
        Assert.Equal(half, period.Half);
        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
        Assert.True(period.Contains(D(day)));
    }

    [Fact]
    public void A_period_contains_exactly_its_days()
    {
        var period = new HalfMonthPeriod(2026, 11, 2);

        Assert.False(period.Contains(D("2026-11-15")));
        Assert.True(period.Contains(D("2026-11-16")));
        Assert.True(period.Contains(D("2026-11-30")));
        Assert.False(period.Contains(D("2026-12-01")));
    }

    [Fact]
    public void The_index_counts_half_months()
    {
        Assert.Equal(2026 * 24, new HalfMonthPeriod(2026, 1, 1).Index);
        Assert.Equal(2026 * 24 + 1, new HalfMonthPeriod(2026, 1, 2).Index);
        Assert.Equal(2026 * 24 + 23, new HalfMonthPeriod(2026, 12, 2).Index);
        Assert.Equal(2027 * 24, new HalfMonthPeriod(2027, 1, 1).Index);
    }

    [Fact]
    public void Consecutive_periods_are_dense_and_seamless_over_several_years()
    {
        var period = new HalfMonthPeriod(2026, 1, 1);
        var count = 0;
        while (period.Year < 2029)
        {
            var next = period.Next();
            Assert.Equal(period.Index + 1, next.Index);
            Assert.Equal(period.End.AddDays(1), next.Start);
            Assert.Equal(period, next.Previous());
            Assert.Equal(period, HalfMonthPeriod.FromIndex(period.Index));
            Assert.True(next > period);
            period = next;
            count++;
        }
        Assert.Equal(3 * 24, count);
        Assert.Equal(new HalfMonthPeriod(2029, 1, 1), period);
    }

    [Theory]
    [InlineData(2026, 12, 2, 2027, 1, 1)]
    [InlineData(2026, 1, 2, 2026, 2, 1)]
    [InlineData(2026, 11, 1, 2026, 11, 2)]
    [InlineData(2028, 2, 2, 2028, 3, 1)]
    public void Next_crosses_month_and_year_boundaries(int y, int m, int h, int ny, int nm, int nh)
    {
        var period = new HalfMonthPeriod(y, m, h);
        var next = new HalfMonthPeriod(ny, nm, nh);

        Assert.Equal(next, period.Next());
        Assert.Equal(period, next.Previous());
    }

    [Theory]
    [InlineData(2000, 1, 1)]
    [InlineData(2026, 11, 2)]
    [InlineData(2028, 2, 2)]
    [InlineData(2100, 12, 2)]
    public void FromIndex_reverses_Index(int year, int month, int half)
    {
        var period = HalfMonthPeriod.FromIndex(new HalfMonthPeriod(year, month, half).Index);

        Assert.Equal((year, month, half), (period.Year, period.Month, period.Half));
    }

    [Fact]
    public void Range_lists_every_period_between_two_days_inclusive()
    {
        var periods = HalfMonthPeriod.Range(D("2026-11-10"), D("2027-01-20")).Select(p => p.ToString());

        Assert.Equal(["2026-11-H1", "2026-11-H2", "2026-12-H1", "2026-12-H2", "2027-01-H1", "2027-01-H2"], periods);
    }

    [Fact]
    public void Range_within_one_period_has_that_period_and_a_reversed_range_is_empty()
    {
        Assert.Equal([new HalfMonthPeriod(2026, 11, 2)], HalfMonthPeriod.Range(D("2026-11-16"), D("2026-11-30")));
        Assert.Empty(HalfMonthPeriod.Range(D("2026-12-01"), D("2026-11-30")));
    }

    [Theory]
    [InlineData(2026, 11, 1, 3, "2026-11-18")]
    [InlineData(2026, 11, 2, 3, "2026-12-03")]
    [InlineData(2026, 12, 2, 3, "2027-01-03")]
    [InlineData(2028, 2, 2, 3, "2028-03-03")]
    [InlineData(2026, 2, 2, 3, "2026-03-03")]
    [InlineData(2026, 11, 1, 0, "2026-11-15")]
    [InlineData(2026, 11, 1, 5, "2026-11-20")]
    public void A_report_is_due_a_number_of_days_after_the_period_ends(int y, int m, int h, int days, string dueOn) =>
        Assert.Equal(D(dueOn), new HalfMonthPeriod(y, m, h).DueOn(days));

    [Fact]
    public void A_report_is_late_from_the_end_of_the_due_day_in_Beijing()
    {
        var due = new HalfMonthPeriod(2026, 11, 1).DueAtUtc(3);

        // Due on 2026-11-18; that Beijing day ends at 2026-11-18T16:00Z.
        Assert.Equal(Utc(2026, 11, 18, 16), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
        Assert.Equal(Utc(2027, 1, 3, 16), new HalfMonthPeriod(2026, 12, 2).DueAtUtc(3));
    }

    [Theory]
    [InlineData(2026, 11, 15, 15, 59, 1)]   // 23:59 on the 15th in Beijing
    [InlineData(2026, 11, 15, 16, 30, 2)]   // 00:30 on the 16th in Beijing
    [InlineData(2026, 11, 15, 12, 0, 1)]
    [InlineData(2026, 11, 30, 15, 59, 2)]
    public void The_period_of_an_instant_is_that_of_its_Beijing_date(int y, int mo, int d, int h, int mi, int expectedHalf)
    {
        var period = HalfMonthPeriod.Containing(Utc(y, mo, d, h, mi));

        Assert.Equal(new HalfMonthPeriod(2026, 11, expectedHalf), period);
    }

    [Fact]
    public void New_year_in_Beijing_starts_the_first_period_of_the_new_year()
    {
        Assert.Equal(new HalfMonthPeriod(2027, 1, 1), HalfMonthPeriod.Containing(Utc(2026, 12, 31, 16)));
        Assert.Equal(new HalfMonthPeriod(2026, 12, 2), HalfMonthPeriod.Containing(Utc(2026, 12, 31, 15, 59)));
    }

    [Theory]
    [InlineData(1999, 1, 1)]
    [InlineData(2101, 1, 1)]
    [InlineData(2026, 0, 1)]
    [InlineData(2026, 13, 1)]
    [InlineData(2026, 1, 0)]
    [InlineData(2026, 1, 3)]
    public void A_period_out_of_range_cannot_be_made(int year, int month, int half) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfMonthPeriod(year, month, half));

    [Fact]
    public void Periods_compare_by_time()
    {
        var a = new HalfMonthPeriod(2026, 12, 2);
        var b = new HalfMonthPeriod(2027, 1, 1);

        Assert.True(a < b);
        Assert.True(a <= b);
        Assert.True(b >= a);
        Assert.False(a > b);
        Assert.True(a.CompareTo(b) < 0);
        Assert.Equal(0, a.CompareTo(new HalfMonthPeriod(2026, 12, 2)));
    }

    [Fact]
    public void The_period_key_is_stable()
    {
        Assert.Equal("2026-11-H1", new HalfMonthPeriod(2026, 11, 1).ToString());
        Assert.Equal("2027-01-H2", new HalfMonthPeriod(2027, 1, 2).ToString());
    }
}
