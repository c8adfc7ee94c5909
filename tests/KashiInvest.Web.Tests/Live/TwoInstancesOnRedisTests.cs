using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Infrastructure.Tests.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KashiInvest.Web.Tests.Live;

/// <summary>
/// Two instances of the real application on one SQLite data folder with <c>Live:Bus=Redis</c> on a real
/// <c>redis-server</c>: a notice committed on one reaches the other's subscribers, only one runs the scheduler, and
/// with Redis gone the health endpoint says <c>Degraded</c> while the pages keep being served; after a Redis gap the
/// external hub's clients are told to re-read.
/// </summary>
public sealed class TwoInstancesOnRedisTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));
    private RedisServer _redis = default!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private KashiAppFactory Instance(bool runScheduler) => new()
    {
        DataDir = _dataDir,
        DeleteDataDirOnDispose = false,
        Settings = new Dictionary<string, string?>
        {
            ["Live:Bus"] = "Redis",
            ["Live:Redis"] = _redis.ConnectionString + ",connectTimeout=1000",
            ["Scheduling:RunScheduler"] = runScheduler ? "true" : "false",
        },
    };

    private static async Task Until(Func<bool> condition, string what, int seconds = 20)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException($"Waited {seconds} s for: {what}.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_notice_from_one_instance_reaches_the_other_one_instance_schedules_and_Redis_away_is_only_degraded()
    {
        await using var a = Instance(runScheduler: true);
        _ = a.BaseAddress;
        await using var b = Instance(runScheduler: false);
        _ = b.BaseAddress;
        var busA = Assert.IsType<RedisLiveBus>(a.Services.GetRequiredService<ILiveBus>());
        var busB = Assert.IsType<RedisLiveBus>(b.Services.GetRequiredService<ILiveBus>());
        await Until(() => busA.IsConnected && busB.IsConnected, "both instances join Redis");

        using var end = new CancellationTokenSource();
        var onB = new ConcurrentQueue<ChangeNotice>();
        var stream = busB.SubscribeAsync(end.Token).GetAsyncEnumerator(end.Token);
        var next = stream.MoveNextAsync();
        var reader = Task.Run(async () =>
        {
            try
            {
                while (await next)
                {
                    onB.Enqueue(stream.Current);
                    next = stream.MoveNextAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var notice = new ChangeNotice(ChangeKinds.ProjectUpdated, 424242, 1, 1, 1, 3, TestClock.Default.GetUtcNow().UtcDateTime, Sequence: long.MaxValue / 2);
        await busA.PublishAsync(notice, CancellationToken.None);
        await Until(() => onB.Any(n => n.ProjectId == 424242), "B's subscriber hears A's notice");

        // Exactly one instance runs the scheduler (SQLite cannot cluster): A has Quartz's hosted service, B has not.
        Assert.Contains(a.Services.GetServices<IHostedService>(), s => s.GetType().Name == "QuartzHostedService");
        Assert.DoesNotContain(b.Services.GetServices<IHostedService>(), s => s.GetType().Name == "QuartzHostedService");

        using var http = b.CreateHttpClient();
        var healthy = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        await _redis.StopAsync();
        await Until(() => !busB.IsConnected, "B sees Redis gone");
        var degraded = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/account/login")).StatusCode);

        await end.CancelAsync();
        await reader;
    }

    [Fact]
    public async Task After_a_Redis_gap_the_live_hub_tells_its_clients_to_re_read_and_keeps_their_subscriptions()
    {
        await using var a = Instance(runScheduler: true);
        _ = a.BaseAddress;
        await using var b = Instance(runScheduler: false);
        _ = b.BaseAddress;
        var busA = Assert.IsType<RedisLiveBus>(a.Services.GetRequiredService<ILiveBus>());
        var busB = Assert.IsType<RedisLiveBus>(b.Services.GetRequiredService<ILiveBus>());
        await Until(() => busA.IsConnected && busB.IsConnected, "both instances join Redis");

        // A wall client of instance B, on the external hub, subscribed to everything it may see.
        await using var hub = await ConnectAsync(b, "leader");
        var resyncs = 0;
        var changes = new ConcurrentQueue<LiveEvent>();
        hub.On(nameof(ILiveClient.Resync), () => Interlocked.Increment(ref resyncs));
        hub.On<LiveEvent>(nameof(ILiveClient.Changed), changes.Enqueue);
        Assert.True(await hub.InvokeAsync<bool>("Subscribe", "wall"));
        var projectId = await FirstProjectIdAsync(b);

        // A notice of A reaches B's hub client through Redis; no re-read is asked for while nothing was missed.
        await busA.PublishAsync(Notice(projectId, 1), CancellationToken.None);
        await Until(() => changes.Any(e => e.Sequence == Sequence(1)), "B's hub client hears A's notice");
        Assert.Equal(0, Volatile.Read(ref resyncs));

        // Redis away (killed by its process id) and back on the same port: B's hub client is told to re-read.
        await _redis.StopAsync();
        await Until(() => !busB.IsConnected, "B sees Redis gone");
        await busA.PublishAsync(Notice(projectId, 2), CancellationToken.None); // lost: nobody carries it to B
        Assert.Equal(0, Volatile.Read(ref resyncs));
        await _redis.StartAsync();
        await Until(() => Volatile.Read(ref resyncs) >= 1, "B's hub client is told to re-read after the gap", seconds: 60);
        await Until(() => busA.IsConnected && busB.IsConnected, "both instances are back on Redis", seconds: 60);
        Assert.DoesNotContain(changes, e => e.Sequence == Sequence(2));

        // The connection and its subscription stay: the next notice of A arrives as before.
        await busA.PublishAsync(Notice(projectId, 3), CancellationToken.None);
        await Until(() => changes.Any(e => e.Sequence == Sequence(3)), "B's hub client hears A's notices again, on the same subscription", seconds: 30);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    private static long Sequence(int n) => long.MaxValue / 4 + n;

    private static ChangeNotice Notice(KashiInvest.Domain.Projects.ProjectKey project, int n) =>
        new(ChangeKinds.ProjectUpdated, project.ProjectId, project.HostUnitId, project.ChainId, project.SourceUnitId, n, TestClock.Default.GetUtcNow().UtcDateTime, Sequence: Sequence(n));

    private static async Task<KashiInvest.Domain.Projects.ProjectKey> FirstProjectIdAsync(KashiAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<KashiInvest.Infrastructure.Persistence.KashiDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Projects.OrderBy(p => p.Id).Select(p => new KashiInvest.Domain.Projects.ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)));
    }

    private static async Task<HubConnection> ConnectAsync(KashiAppFactory app, string userName)
    {
        using var client = app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/token", new { userName, password = HttpSignIn.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString()!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, LiveHub.Path), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
