using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KashiInvest.Infrastructure.Live;

/// <summary>
/// The live bus of several instances. A notice committed here reaches this instance's subscribers at once, from
/// memory, and goes to the other instances through one Redis pub/sub channel; a notice from another instance is
/// delivered to this instance's subscribers when it arrives. Each notice is delivered once per instance: the echo of
/// its own notices is recognised by this instance's origin id and dropped, and a repeated sequence number of an
/// origin is dropped. Order per project holds because one pump publishes in commit order on one connection and
/// Redis delivers one channel's messages in order, handled one at a time.
/// <para>
/// Redis down: pages keep working on their own instance (local notices never wait for Redis; notices for the others
/// are dropped while it is away). When the subscription is back, every subscriber is told it missed notices
/// (<c>onGap</c>, the same re-read as after a dropped connection), so no screen keeps stale data after the gap.
/// </para>
/// </summary>
public sealed class RedisLiveBus : ILiveBus, IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InMemoryLiveBus _local = new();
    private readonly ConcurrentDictionary<Guid, Action> _gapHandlers = new();
    private readonly ConcurrentDictionary<string, RecentSequences> _seen = new(StringComparer.Ordinal);
    private readonly Channel<ChangeNotice> _outbox = Channel.CreateBounded<ChangeNotice>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly LiveBusOptions _options;
    private readonly ILogger<RedisLiveBus> _logger;
    private readonly RedisChannel _channel;
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _queue;
    private Task _pump = Task.CompletedTask;
    private int _disposed;
    private string? _pendingProbe;

    public RedisLiveBus(IOptions<LiveBusOptions> options, ILogger<RedisLiveBus> logger)
    {
        _options = options.Value;
        _logger = logger;
        _channel = RedisChannel.Literal(_options.Channel);
    }

    /// <summary>This instance's id on the channel (its own notices come back with it and are dropped).</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether the pub/sub connection to Redis is up (the health check reads it).</summary>
    public bool IsConnected => _redis?.GetSubscriber().IsConnected(_channel) == true && _queue is not null;

    /// <summary>
    /// The notices committed on this instance only: work that must happen once per write, not once per instance (the
    /// alert re-check), listens here.
    /// </summary>
    public ILiveBus CommittedHere => _committedHere;

    private readonly InMemoryLiveBus _committedHere = new();

    public int SubscriberCount => _local.SubscriberCount;

    public async ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        await _local.PublishAsync(notice, cancellationToken);
        await _committedHere.PublishAsync(notice, cancellationToken);
        _outbox.Writer.TryWrite(notice);
    }

    public IAsyncEnumerable<ChangeNotice> SubscribeAsync(CancellationToken cancellationToken) => SubscribeAsync(static () => { }, cancellationToken);

    public async IAsyncEnumerable<ChangeNotice> SubscribeAsync(Action onGap, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        _gapHandlers[id] = onGap;
        try
        {
            await foreach (var notice in _local.SubscribeAsync(onGap, cancellationToken).ConfigureAwait(false)) yield return notice;
        }
        finally
        {
            _gapHandlers.TryRemove(id, out _);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var config = ConfigurationOptions.Parse(_options.Redis!);
        // Start without Redis if it is down (pages work on their own instance) and keep trying in the background.
        config.AbortOnConnectFail = false;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        if (!_options.Redis!.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase)) config.ConnectTimeout = 2000;
        config.ClientName ??= "kashi-" + Origin[..8];
        _redis = await ConnectionMultiplexer.ConnectAsync(config);
        _redis.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription) _logger.LogWarning("Redis live bus: connection lost ({Failure}); notices from other instances wait until it is back", e.FailureType);
        };
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription) return;
            _logger.LogInformation("Redis live bus: connection restored; every page re-reads");
            _ = Task.Run(RejoinAsync);
        };
        await TrySubscribeAsync();
        _pump = Task.Run(() => PumpAsync(_stopping.Token));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _outbox.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _pump.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        // A host may dispose its services more than once (e.g. Dispose and DisposeAsync): the first one counts.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<bool> TrySubscribeAsync()
    {
        if (_queue is not null) return true;
        try
        {
            var queue = await _redis!.GetSubscriber().SubscribeAsync(_channel);
            // One message at a time, in the channel's order.
            queue.OnMessage(ReceiveAsync);
            _queue = queue;
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning("Redis live bus: not subscribed yet ({Message}); retrying when the connection is up", ex.Message);
            return false;
        }
    }

    /// <summary>
    /// After a lost connection: subscribe again if the first attempt failed, then send a probe through the channel;
    /// when the probe comes back the subscription is live again, and every subscriber re-reads (<see cref="Resync"/>).
    /// </summary>
    private async Task RejoinAsync()
    {
        try
        {
            if (!await TrySubscribeAsync()) return;
            // The client re-subscribes on its own shortly after the connection is back: probe until one returns.
            var probe = new Envelope(Origin, null, Probe: true, ProbeId: Guid.NewGuid().ToString("N"));
            _pendingProbe = probe.ProbeId;
            for (var attempt = 0; attempt < 20 && Volatile.Read(ref _pendingProbe) == probe.ProbeId; attempt++)
            {
                await _redis!.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(probe, Json));
                await Task.Delay(TimeSpan.FromMilliseconds(500), _stopping.Token);
            }
            // No probe came back in 10 s: re-read anyway (the pages lose nothing by it).
            if (Interlocked.CompareExchange(ref _pendingProbe, null, probe.ProbeId) == probe.ProbeId) Resync();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning("Redis live bus: probe after reconnect failed ({Message}); re-reading now", ex.Message);
            Resync();
        }
    }

    /// <summary>Every subscriber of this instance re-reads everything (it may have missed notices of the others).</summary>
    private void Resync()
    {
        foreach (var onGap in _gapHandlers.Values)
        {
            try
            {
                onGap();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A live subscriber failed to start its re-read");
            }
        }
    }

    private async Task ReceiveAsync(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString(), Json);
            if (envelope is null) return;
            if (envelope.Origin == Origin)
            {
                // Our own notices were delivered here when they were published; our own probe proves the way back.
                if (envelope.Probe && envelope.ProbeId is { } id && Interlocked.CompareExchange(ref _pendingProbe, null, id) == id) Resync();
                return;
            }
            if (envelope.Notice is not { } notice) return;
            if (notice.Sequence > 0)
            {
                // A repeat is dropped. Numbers are taken before the notices queue up to be published, so two commits
                // at once may arrive as 6 then 5: only a number seen before is a repeat, not a smaller one.
                if (!_seen.GetOrAdd(envelope.Origin, _ => new RecentSequences()).Add(notice.Sequence)) return;
            }
            await _local.PublishAsync(notice, CancellationToken.None);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            _logger.LogWarning("Redis live bus: a message that is not a change notice was ignored ({Message})", ex.Message);
        }
    }

    /// <summary>Publishes this instance's notices in commit order; while Redis is away they are dropped (the others re-read).</summary>
    private async Task PumpAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var notice in _outbox.Reader.ReadAllAsync(ct))
            {
                if (_redis is null || !_redis.IsConnected) continue;
                try
                {
                    await _redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(new Envelope(Origin, notice), Json));
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    _logger.LogWarning("Redis live bus: a notice could not be sent to the other instances ({Message})", ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>What travels on the channel: the origin instance and the notice, or a probe after a reconnect.</summary>
    private sealed record Envelope(string Origin, ChangeNotice? Notice, bool Probe = false, string? ProbeId = null);
}

/// <summary>
/// Redis for the live bus: <c>Degraded</c> while it is unreachable (the app keeps serving every page on this
/// instance; only notices from the other instances wait), never <c>Unhealthy</c>.
/// </summary>
public sealed class RedisLiveBusHealthCheck(RedisLiveBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.IsConnected
            ? HealthCheckResult.Healthy("Redis live bus connected.")
            : HealthCheckResult.Degraded("Redis live bus unreachable: pages work on this instance; notices from the other instances resume when it is back."));
}

/// <summary>The last few thousand sequence numbers heard from one instance, to drop a notice delivered twice.</summary>
internal sealed class RecentSequences
{
    private const int Capacity = 4096;
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _order = new();
    private readonly Lock _gate = new();

    /// <summary>False when <paramref name="sequence"/> was seen already.</summary>
    public bool Add(long sequence)
    {
        lock (_gate)
        {
            if (!_seen.Add(sequence)) return false;
            _order.Enqueue(sequence);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
