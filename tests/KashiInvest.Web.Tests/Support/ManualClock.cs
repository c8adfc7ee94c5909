namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// A clock the test moves by hand: <see cref="Advance"/> fires every timer that falls due on the way, in order.
/// (Microsoft.Extensions.TimeProvider.Testing is not among the pinned packages.)
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timers created and not yet disposed: a page that leaks timers shows here.</summary>
    public int ActiveTimers
    {
        get { lock (_gate) return _timers.Count; }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate) target = _now + by;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } d && d <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _now = target;
                    return;
                }
                _now = next.DueAt!.Value;
                next.DueAt = next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan ? _now + next.Period : null;
            }
            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualClock owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        /// <summary>
        /// As with <see cref="System.Threading.Timer"/>, the callback runs in the execution context of the code that
        /// created the timer (its culture, its async locals), not in that of the test moving the clock: a page's
        /// midnight re-read renders in the page's language.
        /// </summary>
        private readonly ExecutionContext? _context = ExecutionContext.Capture();

        public void Fire()
        {
            if (_context is null) callback(state);
            else ExecutionContext.Run(_context, s => callback(s), state);
        }

        /// <summary>
        /// A timer due now (zero or negative) fires at once on the thread pool, as a <see cref="System.Threading.Timer"/>
        /// does, without waiting for the clock to move: a page that schedules "re-read now" is re-read.
        /// </summary>
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool now;
            lock (owner._gate)
            {
                Period = period;
                now = dueTime != Timeout.InfiniteTimeSpan && dueTime <= TimeSpan.Zero;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null
                    : now ? (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan ? owner._now + period : null)
                    : owner._now + dueTime;
            }
            if (now) ThreadPool.QueueUserWorkItem(_ => Fire());
            return true;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
