using System.Diagnostics;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// The suite's clock: it starts at a fixed instant, <see cref="Start"/>, and then runs on with real elapsed time, so
/// the demo data, periods and deadlines are the same on every day the suite runs, while the app's timers,
/// throttles, circuits and Quartz keep working. Every test reads time from it (or from a <see cref="ManualClock"/>
/// it steps by hand); none reads the machine's clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// Thursday 19 November 2026, 10:00 in Beijing (02:00 UTC): a working day inside the second half of November, so
    /// "this period", "last period" and "today" are all ordinary, and the demo data of that day has every kind of row
    /// the demo is meant to show (e.g. tiered leads in triage both approved and still awaiting a leader).
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 19, 2, 0, 0, TimeSpan.Zero);

    /// <summary>One clock for the whole test run: the apps, the seeded databases and the tests read the same time.</summary>
    public static TestClock Default { get; } = new(Start);

    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public TestClock(DateTimeOffset start) => _start = start;

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>The clock's current instant as a UTC <see cref="DateTime"/>, as the database stores it.</summary>
    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>Today's date in Beijing on this clock.</summary>
    public DateOnly Today => KashiInvest.Domain.Common.BeijingTime.Today(this);
}
