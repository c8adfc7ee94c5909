using System.Collections.Concurrent;
using KashiInvest.Infrastructure.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.Live;

/// <summary>Two instances' buses on one real Redis: delivery once, in order, across instances; Redis away and back.</summary>
public sealed class RedisLiveBusTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc);
    private RedisServer _redis = default!;
    private readonly List<RedisLiveBus> _buses = [];
    private readonly CancellationTokenSource _end = new();

    public async Task InitializeAsync() => _redis = await RedisServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        try
        {
            await _end.CancelAsync();
            foreach (var bus in _buses)
            {
                await bus.StopAsync(CancellationToken.None);
                await bus.DisposeAsync();
            }
        }
        finally
        {
            // The server is stopped by its process id even when a bus fails to stop.
            await _redis.DisposeAsync();
        }
    }

    private async Task<RedisLiveBus> StartBusAsync()
    {
        var bus = new RedisLiveBus(Options.Create(new LiveBusOptions { Bus = LiveBusKind.Redis, Redis = _redis.ConnectionString + ",connectTimeout=1000" }),
            NullLogger<RedisLiveBus>.Instance);
        await bus.StartAsync(CancellationToken.None);
        _buses.Add(bus);
        await Until(() => bus.IsConnected, "the bus connects");
        return bus;
    }

    private static ChangeNotice Notice(int project, int version, long sequence) =>
        new(ChangeKinds.ProjectUpdated, project, 1, 1, 1, version, At, Sequence: sequence);

    /// <summary>Reads a subscription into a list in the background (subscribed before this returns).</summary>
    private async Task<(ConcurrentQueue<ChangeNotice> Received, Func<int> Gaps)> ListenAsync(ILiveBus bus)
    {
        var received = new ConcurrentQueue<ChangeNotice>();
        var gaps = 0;
        var stream = bus.SubscribeAsync(() => Interlocked.Increment(ref gaps), _end.Token).GetAsyncEnumerator(_end.Token);
        var first = stream.MoveNextAsync(); // subscribes now
        _ = Task.Run(async () =>
        {
            try
            {
                while (await first)
                {
                    received.Enqueue(stream.Current);
                    first = stream.MoveNextAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await Task.Yield();
        return (received, () => Volatile.Read(ref gaps));
    }

    private static async Task Until(Func<bool> condition, string what, int seconds = 15)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException($"Waited {seconds} s for: {what}.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_notice_committed_on_one_instance_reaches_the_others_once_and_its_own_subscribers_once()
    {
        var a = await StartBusAsync();
        var b = await StartBusAsync();
        var onA = await ListenAsync(a);
        var onB = await ListenAsync(b);

        await a.PublishAsync(Notice(7, 2, 1), CancellationToken.None);

        await Until(() => onB.Received.Count == 1, "B receives A's notice");
        await Until(() => onA.Received.Count == 1, "A's own subscriber receives it");
        // Let any echo or repeat arrive: a round trip through Redis of a later notice proves the earlier ones are through.
        await a.PublishAsync(Notice(8, 1, 2), CancellationToken.None);
        await Until(() => onB.Received.Count == 2, "B receives the marker");
        Assert.Equal([7, 8], onA.Received.Select(n => n.ProjectId!.Value));
        Assert.Equal([7, 8], onB.Received.Select(n => n.ProjectId!.Value));
    }

    [Fact]
    public async Task Notices_of_one_project_arrive_on_another_instance_in_commit_order_and_none_twice()
    {
        var a = await StartBusAsync();
        var b = await StartBusAsync();
        var onB = await ListenAsync(b);

        for (var v = 1; v <= 500; v++) await a.PublishAsync(Notice(42, v, v), CancellationToken.None);
        // A repeated sequence number (a duplicate) is dropped.
        await a.PublishAsync(Notice(42, 500, 500), CancellationToken.None);
        await a.PublishAsync(Notice(43, 1, 501), CancellationToken.None);

        await Until(() => onB.Received.Any(n => n.ProjectId == 43), "the last notice arrives");
        Assert.Equal(Enumerable.Range(1, 500), onB.Received.Where(n => n.ProjectId == 42).Select(n => n.Version));
    }

    [Fact]
    public async Task Only_the_notices_committed_here_reach_the_once_per_write_listeners()
    {
        var a = await StartBusAsync();
        var b = await StartBusAsync();
        var committedOnB = await ListenAsync(b.CommittedHere);
        var onB = await ListenAsync(b);

        await a.PublishAsync(Notice(1, 1, 1), CancellationToken.None);
        await b.PublishAsync(Notice(2, 1, 2), CancellationToken.None);

        await Until(() => onB.Received.Count == 2, "B's pages hear both");
        Assert.Equal([2], committedOnB.Received.Select(n => n.ProjectId!.Value));
    }

    [Fact]
    public async Task With_Redis_away_pages_keep_their_own_notices_health_is_degraded_and_when_it_is_back_every_page_re_reads()
    {
        var a = await StartBusAsync();
        var b = await StartBusAsync();
        var onA = await ListenAsync(a);
        var onB = await ListenAsync(b);
        var health = new RedisLiveBusHealthCheck(b);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        await _redis.StopAsync();
        await Until(() => !b.IsConnected, "B notices Redis is gone");
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        // A keeps serving its own pages without Redis.
        await a.PublishAsync(Notice(5, 1, 1), CancellationToken.None);
        await Until(() => onA.Received.Any(n => n.ProjectId == 5), "A's page hears A's write while Redis is away");
        var gapsBefore = onB.Gaps();

        await _redis.StartAsync();
        await Until(() => onB.Gaps() > gapsBefore, "B's page is told to re-read", seconds: 30);
        await Until(() => a.IsConnected && b.IsConnected, "both are back", seconds: 30);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        await a.PublishAsync(Notice(6, 1, 2), CancellationToken.None);
        await Until(() => onB.Received.Any(n => n.ProjectId == 6), "notices flow again");
        Assert.DoesNotContain(onB.Received, n => n.ProjectId == 5);
    }

    [Fact]
    public async Task A_bus_disposed_twice_by_its_host_stays_quiet()
    {
        var bus = await StartBusAsync();
        _buses.Remove(bus);
        await bus.StopAsync(CancellationToken.None);

        await bus.DisposeAsync();
        await bus.DisposeAsync();
    }

    [Fact]
    public void The_Redis_bus_needs_a_connection_string_and_a_wrong_one_is_named()
    {
        Assert.Empty(new LiveBusOptions().Validate());
        Assert.Contains(new LiveBusOptions { Bus = LiveBusKind.Redis }.Validate(), e => e.Contains("Live:Redis", StringComparison.Ordinal));
        Assert.Contains(new LiveBusOptions { Bus = LiveBusKind.Redis, Redis = "127.0.0.1:6379,abortConnect=maybe" }.Validate(), e => e.Contains("Live:Redis", StringComparison.Ordinal));
        Assert.Empty(new LiveBusOptions { Bus = LiveBusKind.Redis, Redis = "127.0.0.1:6379" }.Validate());
    }
}
