using KashiInvest.Web.Live;

namespace KashiInvest.Web.Tests.Live;

/// <summary>A page whose "overdue" moves with the calendar is read again just past the Beijing midnight after its read began.</summary>
public sealed class MidnightRereadTests
{
    // 2026-12-07 23:59:58 Beijing = 15:59:58 UTC; the next Beijing midnight is 16:00:00 UTC.
    private static readonly DateTime BeforeMidnight = new(2026, 12, 7, 15, 59, 58, DateTimeKind.Utc);

    [Fact]
    public void A_read_that_ends_before_midnight_waits_until_one_second_past_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), LivePage.MidnightRereadDelay(BeforeMidnight, BeforeMidnight));
        Assert.Equal(TimeSpan.FromSeconds(1), LivePage.MidnightRereadDelay(BeforeMidnight, BeforeMidnight.AddSeconds(2)));
    }

    [Fact]
    public void A_read_that_began_before_midnight_and_ended_after_it_is_read_again_at_once()
    {
        // It showed the old day; scheduling from its end would wait a whole day.
        Assert.Equal(TimeSpan.Zero, LivePage.MidnightRereadDelay(BeforeMidnight, BeforeMidnight.AddSeconds(5)));
        Assert.Equal(TimeSpan.Zero, LivePage.MidnightRereadDelay(BeforeMidnight, BeforeMidnight.AddHours(3)));
    }

    [Fact]
    public void A_read_just_after_midnight_waits_for_the_next_one()
    {
        var after = BeforeMidnight.AddSeconds(3);  // 00:00:01 Beijing
        Assert.Equal(TimeSpan.FromDays(1), LivePage.MidnightRereadDelay(after, after));
    }
}
