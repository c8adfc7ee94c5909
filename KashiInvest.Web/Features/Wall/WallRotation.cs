namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// Steps the kiosk through its screens at an interval, on one timer from the injected <see cref="TimeProvider"/>
/// (tests drive it with a fake clock). The timer only signals: <paramref name="onTick"/> moves the position on the
/// page's own thread through <see cref="Advance"/>. One timer at a time, disposed on stop and on dispose, so a wall
/// that runs for days holds exactly one.
/// </summary>
public sealed class WallRotation(TimeProvider clock, Func<Task> onTick) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;

    /// <summary>The running interval, or null when the rotation is stopped.</summary>
    public TimeSpan? Interval { get; private set; }

    /// <summary>The position among the screens.</summary>
    public int Index { get; private set; }

    /// <summary>Starts (or restarts with a new interval). The first step comes one interval from now.</summary>
    public void Start(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval));
        lock (_gate)
        {
            if (Interval == interval && _timer is not null) return;
            _timer?.Dispose();
            Interval = interval;
            _timer = clock.CreateTimer(_ => _ = onTick(), null, interval, interval);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            Interval = null;
        }
    }

    /// <summary>Moves to the next of <paramref name="count"/> screens, back to the first after the last.</summary>
    public int Advance(int count) => Index = count <= 0 ? 0 : (Index + 1) % count;

    /// <summary>Puts the position on <paramref name="index"/>, kept within <paramref name="count"/> screens.</summary>
    public int MoveTo(int index, int count) => Index = count <= 0 ? 0 : Math.Clamp(index, 0, count - 1);

    public void Dispose() => Stop();
}
