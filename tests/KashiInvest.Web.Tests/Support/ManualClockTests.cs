namespace KashiInvest.Web.Tests.Support;

/// <summary>The test clock behaves as the system's does where pages depend on it.</summary>
public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timer_due_now_fires_without_the_clock_moving()
    {
        var clock = new ManualClock(Start);
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(clock.GetUtcNow()), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.Equal(Start, await fired.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, clock.ActiveTimers);
    }

    [Fact]
    public void A_timer_due_later_waits_for_the_clock_and_fires_once_on_the_way()
    {
        var clock = new ManualClock(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(firedAt);
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal([Start.AddHours(1)], firedAt);
        Assert.Equal(Start.AddHours(5).AddMinutes(59), clock.GetUtcNow());
    }
}
