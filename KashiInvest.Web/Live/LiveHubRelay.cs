using System.Diagnostics;
using System.Diagnostics.Metrics;
using KashiInvest.Infrastructure.Live;
using Microsoft.AspNetCore.SignalR;

namespace KashiInvest.Web.Live;

/// <summary>The name of the live relay's meter, for listeners (OpenTelemetry, dotnet-counters, the benchmarks).</summary>
public static class LiveHubRelayMetrics
{
    public const string MeterName = "KashiInvest.Live";
}

/// <summary>
/// Forwards every committed change notice of the live bus to the hub's connections that should get it: one
/// subscription to the bus for the whole server, one group send per notice (see <see cref="LiveSubscriptions"/>).
/// Notices are relayed in publishing order; a connection's writes keep that order. When the bus reports a gap (the
/// Redis live bus was away and is back, or the relay fell behind), every connection is told to re-read
/// (<see cref="ILiveClient.Resync"/>): the same path as a Blazor page's re-read after a gap.
/// <para>
/// Metrics (meter <c>KashiInvest.Live</c>): <c>kashi.live.relay.lag</c>, how long a notice waited between its
/// publication and the relay taking it up; <c>kashi.live.relay.send</c>, how long its writes to every receiving
/// connection took.
/// </para>
/// </summary>
internal sealed class LiveHubRelay(ILiveBus bus, LiveSubscriptions subscriptions, IHubContext<LiveHub, ILiveClient> hub,
    TimeProvider clock, ILogger<LiveHubRelay> logger)
    : BackgroundService
{
    private static readonly Meter Meter = new(LiveHubRelayMetrics.MeterName);
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("kashi.live.relay.lag", "ms", "Time from a notice's publication to the relay taking it up");
    private static readonly Histogram<double> Send = Meter.CreateHistogram<double>("kashi.live.relay.send", "ms", "Time to write one notice to every receiving connection");
    private readonly CancellationTokenSource _stopping = new();
    private IAsyncEnumerator<ChangeNotice>? _notices;
    private ValueTask<bool> _first;
    private bool _disposed;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe to the bus now rather than when ExecuteAsync gets a thread (.NET 10 runs it in the background):
        // the first MoveNextAsync registers the subscriber synchronously, before the server takes requests.
        _notices = bus.SubscribeAsync(OnGap, _stopping.Token).GetAsyncEnumerator(_stopping.Token);
        _first = _notices.MoveNextAsync();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop a service it has already disposed (seen once in a test host's shutdown): then there is
        // nothing left to cancel, and the base's cancellation source is gone too.
        if (Volatile.Read(ref _disposed)) return;
        try
        {
            await _stopping.CancelAsync();
            await base.StopAsync(cancellationToken);
        }
        catch (ObjectDisposedException) when (Volatile.Read(ref _disposed))
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notices = _notices ?? throw new InvalidOperationException("The relay was not started.");
        try
        {
            for (var more = await _first; more; more = await notices.MoveNextAsync())
            {
                await RelayAsync(notices.Current, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested || stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await notices.DisposeAsync();
        }
    }

    private async Task RelayAsync(ChangeNotice notice, CancellationToken ct)
    {
        // Every notice kind today is about a project; one without a project key cannot be scoped, so it is not pushed.
        if (notice.Project is not { } project) return;
        Lag.Record((clock.GetUtcNow().UtcDateTime - notice.AtUtc).TotalMilliseconds);
        var e = LiveEvent.From(notice);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await subscriptions.SendAsync(project, groups => hub.Clients.Groups(groups).Changed(e), ct);
            Send.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Relaying {Kind} #{Sequence} to live-hub clients failed", notice.Kind, notice.Sequence);
        }
    }

    /// <summary>Called by the bus off the relay's loop: the signal carries no data, so every connection gets it.</summary>
    private void OnGap()
    {
        if (Volatile.Read(ref _disposed)) return;
        _ = ResyncAsync();
    }

    private async Task ResyncAsync()
    {
        try
        {
            await hub.Clients.All.Resync();
            logger.LogInformation("Live hub: the bus missed notices; every client was told to re-read");
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Telling live-hub clients to re-read failed");
        }
    }

    public override void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _stopping.Dispose();
        base.Dispose();
    }
}
