using System.Collections.Concurrent;
using System.Net;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Tests.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KashiInvest.Web.Tests.Live;

/// <summary>
/// Two instances of the real application on one SQLite data folder with <c>Live:Bus=Redis</c> on a real
/// <c>redis-server</c>: a notice committed on one reaches the other's subscribers, only one runs the scheduler, and
/// with Redis gone the health endpoint says <c>Degraded</c> while the pages keep being served.
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
}
