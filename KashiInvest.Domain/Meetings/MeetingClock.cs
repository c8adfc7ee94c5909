namespace KashiInvest.Domain.Meetings;

/// <summary>
/// A meeting's timers, computed from stored fields only (start, end, seconds per item, since when the current item
/// shows), so that the domain and every screen's read model agree and a reconnecting screen shows the right time.
/// </summary>
public static class MeetingClock
{
    /// <summary>Total time of the meeting so far, or its length once ended.</summary>
    public static TimeSpan Elapsed(DateTime? startedAtUtc, DateTime? endedAtUtc, DateTime nowUtc) =>
        startedAtUtc is { } s ? (endedAtUtc ?? (nowUtc > s ? nowUtc : s)) - s : TimeSpan.Zero;

    /// <summary>Time spent on an item: its stored seconds, plus the running stretch while it is the current item.</summary>
    public static TimeSpan ItemElapsed(int storedSeconds, bool isRunning, DateTime? sinceUtc, DateTime nowUtc) =>
        TimeSpan.FromSeconds(storedSeconds + (isRunning && sinceUtc is { } since ? RunningSeconds(since, nowUtc) : 0));

    public static int RunningSeconds(DateTime sinceUtc, DateTime nowUtc) => Math.Max(0, (int)(nowUtc - sinceUtc).TotalSeconds);
}
