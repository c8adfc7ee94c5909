using KashiInvest.Domain.Common;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Common;

public class BeijingTimeTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void Beijing_is_eight_hours_ahead_of_UTC() => Assert.Equal(TimeSpan.FromHours(8), BeijingTime.Offset);

    [Theory]
    [InlineData(2026, 11, 15, 0, 0, 0, "2026-11-15")]
    [InlineData(2026, 11, 15, 15, 59, 59, "2026-11-15")]   // 23:59:59 in Beijing
    [InlineData(2026, 11, 15, 16, 0, 0, "2026-11-16")]     // midnight in Beijing
    [InlineData(2026, 11, 15, 23, 59, 59, "2026-11-16")]
    [InlineData(2026, 12, 31, 16, 0, 0, "2027-01-01")]     // new year in Beijing, not yet in UTC
    [InlineData(2028, 2, 28, 16, 0, 0, "2028-02-29")]      // leap day
    public void The_Beijing_date_turns_at_16_00_UTC(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd"), BeijingTime.DateOf(Utc(y, mo, d, h, mi, s)));

    [Fact]
    public void An_unspecified_time_is_taken_as_UTC()
    {
        var unspecified = new DateTime(2026, 11, 15, 16, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateOnly(2026, 11, 16), BeijingTime.DateOf(unspecified));
        Assert.Equal(new DateTime(2026, 11, 16, 0, 0, 0), BeijingTime.ToBeijing(unspecified));
    }

    [Fact]
    public void ToBeijing_gives_the_wall_clock_time_in_Beijing()
    {
        var beijing = BeijingTime.ToBeijing(Utc(2026, 11, 10, 2, 30));

        Assert.Equal(new DateTime(2026, 11, 10, 10, 30, 0), beijing);
        Assert.Equal(DateTimeKind.Unspecified, beijing.Kind);
    }

    [Fact]
    public void A_Beijing_day_starts_at_16_00_UTC_the_day_before()
    {
        var start = BeijingTime.StartOfDayUtc(new DateOnly(2026, 11, 16));

        Assert.Equal(Utc(2026, 11, 15, 16), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
        Assert.Equal(Utc(2026, 12, 31, 16), BeijingTime.StartOfDayUtc(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_Beijing_day_ends_at_16_00_UTC_the_same_day()
    {
        var end = BeijingTime.EndOfDayUtc(new DateOnly(2026, 11, 16));

        Assert.Equal(Utc(2026, 11, 16, 16), end);
        Assert.Equal(DateTimeKind.Utc, end.Kind);
        Assert.Equal(BeijingTime.StartOfDayUtc(new DateOnly(2026, 11, 17)), end);
    }

    [Fact]
    public void The_start_and_end_of_a_day_belong_to_that_day_and_the_next()
    {
        var day = new DateOnly(2026, 2, 28);

        Assert.Equal(day, BeijingTime.DateOf(BeijingTime.StartOfDayUtc(day)));
        Assert.Equal(day, BeijingTime.DateOf(BeijingTime.EndOfDayUtc(day).AddTicks(-1)));
        Assert.Equal(day.AddDays(1), BeijingTime.DateOf(BeijingTime.EndOfDayUtc(day)));
    }

    [Fact]
    public void Today_reads_the_Beijing_date_from_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 15, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 16), BeijingTime.Today(clock));
    }
}
