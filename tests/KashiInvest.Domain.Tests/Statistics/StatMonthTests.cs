using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Statistics;

public class StatMonthTests
{
    [Fact]
    public void A_month_closes_at_midnight_Beijing_which_is_16_00_UTC_on_its_last_day()
    {
        var november = new StatMonth(2026, 11);

        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), november.StartUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), november.CloseUtc);
    }

    [Fact]
    public void A_report_at_23_30_Beijing_on_the_last_day_belongs_to_that_month()
    {
        var at2330Beijing = new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new StatMonth(2026, 11), StatMonth.Containing(at2330Beijing));
        Assert.True(new StatMonth(2026, 11).Contains(at2330Beijing));
    }

    [Fact]
    public void Midnight_Beijing_on_the_first_belongs_to_the_new_month_though_it_is_still_the_previous_day_in_UTC()
    {
        var midnightBeijing = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new StatMonth(2026, 12), StatMonth.Containing(midnightBeijing));
        Assert.False(new StatMonth(2026, 11).Contains(midnightBeijing));
    }

    [Fact]
    public void December_closes_into_January_of_the_next_year()
    {
        var december = new StatMonth(2026, 12);

        Assert.Equal(new StatMonth(2027, 1), december.Next());
        Assert.Equal(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc), december.CloseUtc);
        Assert.Equal(december, StatMonth.FromIndex(december.Index));
        Assert.Equal(december.Index + 1, december.Next().Index);
    }

    [Fact]
    public void A_return_is_due_by_the_end_of_the_5th_of_the_next_month_in_Beijing()
    {
        Assert.Equal(new DateTime(2026, 12, 5, 16, 0, 0, DateTimeKind.Utc), new StatMonth(2026, 11).DueAtUtc(5));
        Assert.Equal(new DateTime(2027, 1, 5, 16, 0, 0, DateTimeKind.Utc), new StatMonth(2026, 12).DueAtUtc(5));
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("abcd-11", false)]
    [InlineData(null, false)]
    public void Months_parse_from_their_stable_key(string? text, bool ok)
    {
        Assert.Equal(ok, StatMonth.TryParse(text, out var month));
        if (ok) Assert.Equal(text, month.ToString());
    }
}
