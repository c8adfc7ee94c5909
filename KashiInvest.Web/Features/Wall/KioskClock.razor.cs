using KashiInvest.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// A clock that re-renders once a minute, on the minute, from one timer of the injected <see cref="TimeProvider"/>
/// that it re-arms on every tick (so it never drifts over days) and disposes with the page.
/// </summary>
public sealed partial class KioskClock : IDisposable
{
    private ITimer? _timer;
    private DateTime _now;
    private bool _disposed;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override void OnInitialized()
    {
        _now = BeijingTime.ToBeijing(Clock.GetUtcNow().UtcDateTime);
        if (!RendererInfo.IsInteractive) return;
        _timer = Clock.CreateTimer(_ => _ = InvokeAsync(Tick), null, UntilNextMinute(), Timeout.InfiniteTimeSpan);
    }

    private void Tick()
    {
        if (_disposed) return;
        _now = BeijingTime.ToBeijing(Clock.GetUtcNow().UtcDateTime);
        _timer?.Change(UntilNextMinute(), Timeout.InfiniteTimeSpan);
        StateHasChanged();
    }

    private TimeSpan UntilNextMinute()
    {
        var now = Clock.GetUtcNow();
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        return next - now + TimeSpan.FromMilliseconds(50);
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }
}
