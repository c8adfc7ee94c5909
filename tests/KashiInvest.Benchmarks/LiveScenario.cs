using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Tests.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Benchmarks;

/// <summary>
/// N real SignalR clients (WebSockets) subscribed to the live hub under their accounts' scopes; writes at a steady
/// rate through the real write path; commit-to-receive latency, and lost, duplicated and unexpected deliveries
/// against the deliveries the scope rules call for. A write can also make the server re-check a project's alerts and
/// publish alert notices (e.g. <c>alert.cleared</c>): those the bus publishes during the run are expected too, where
/// the subscriber may see the project and holds a matching topic, so "unexpected" means a scope leak only.
/// </summary>
internal static class LiveScenario
{
    private const int ConnectParallelism = 32;
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);

    /// <summary>Alert notices are numbered from here on in the expectation, apart from the writes.</summary>
    private const int AlertIndexBase = 100_000_000;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        if (o.Instances == 2) return await RunTwoInstancesAsync(o);
        LiveResult result;
        await using (var host = await BenchHost.StartAsync(o.Scale)) result = await MeasureAsync(o, [host]);
        await Results.WriteAsync(o.Out, result);
        return 0;
    }

    /// <summary>
    /// <c>--instances 2</c>: the one-instance run first (in-memory bus, as today), then two instances of the app in this
    /// process on the same SQLite file (WAL) with the Redis bus on a <c>redis-server</c> of our own, only the first
    /// running the scheduler; subscribers and writes alternate between them. Redis is stopped by its process id at the end,
    /// whatever happened.
    /// </summary>
    private static async Task<int> RunTwoInstancesAsync(BenchOptions o)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-bench", Guid.NewGuid().ToString("N"));
        try
        {
            LiveResult one, two;
            // Seeds the demo data that the two instances then share.
            await using (var host = await BenchHost.StartAsync(o.Scale, dataDir: dataDir)) one = await MeasureAsync(o, [host]);
            await using var redis = await RedisServer.StartNewAsync();
            string[] Settings(bool scheduler) => ["--Live:Bus=Redis", $"--Live:Redis={redis.ConnectionString}", $"--Scheduling:RunScheduler={scheduler}"];
            await using (var a = await BenchHost.StartAsync(o.Scale, dataDir: dataDir, settings: Settings(scheduler: true)))
            await using (var b = await BenchHost.StartAsync(o.Scale, dataDir: dataDir, settings: Settings(scheduler: false)))
            {
                var buses = new[] { a, b }.Select(h => (RedisLiveBus)h.Services.GetRequiredService<ILiveBus>()).ToList();
                var joining = Stopwatch.StartNew();
                while (!buses.All(bus => bus.IsConnected))
                {
                    if (joining.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("The instances did not join Redis in 30 s.");
                    await Task.Delay(50);
                }
                two = await MeasureAsync(o, [a, b]);
            }
            Func<LiveResult, double>[] figures = [r => r.P50Ms, r => r.P95Ms, r => r.P99Ms, r => r.MaxMs];
            var overhead = figures.Select(f => Results.Round(f(two) - f(one))).ToArray();
            await Results.WriteAsync(o.Out, new TwoInstancesResult(
                Scenario: "live-2x",
                Subscribers: o.Subscribers,
                Seconds: o.Seconds,
                Rate: o.Rate,
                Scale: o.Scale,
                Setup: "One process: the benchmark's clients and the app hosts. one_instance: one host, in-memory bus (as a single "
                    + "server runs). two_instances: two hosts on the same SQLite file (WAL), Live:Bus=Redis on a redis-server started "
                    + "for the run (127.0.0.1, free port, no persistence), Scheduling:RunScheduler only on the first; subscriber i "
                    + "connects to instance i mod 2, write k goes through instance k mod 2. Latency: commit (the writing instance's "
                    + "transaction interceptor) to receipt by the client, one Stopwatch clock.",
                OverheadMs: new LatencyDelta(overhead[0], overhead[1], overhead[2], overhead[3]),
                LoadAverage: [one.LoadAverage[0], two.LoadAverage[^1]],
                OneInstance: one,
                TwoInstances: two,
                Machine: MachineInfo.Current,
                Timestamp: DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>One measurement over the given instances: subscriber i on instance i mod n, write k through instance k mod n.</summary>
    private static async Task<LiveResult> MeasureAsync(BenchOptions o, IReadOnlyList<BenchHost> hosts)
    {
        var errors = new ConcurrentQueue<string>();
        var world = await World.LoadAsync(hosts[0]);
        var random = new Random(o.Seed);
        var idle = MemorySample.Take();

        // Subscribers: connect and subscribe everyone before the first write (each instance signs in its own).
        var tokens = new Dictionary<(int, string), string>();
        for (var h = 0; h < hosts.Count; h++)
        {
            using var http = new HttpClient { BaseAddress = hosts[h].BaseAddress };
            foreach (var account in DemoAccounts.All.Select(a => a.UserName))
            {
                var response = await http.PostAsJsonAsync("/api/token", new { userName = account, password = DemoDataOptions.Password });
                response.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                tokens[(h, account)] = body.RootElement.GetProperty("accessToken").GetString()!;
            }
        }
        var subscribers = Plan(o.Subscribers, world, random);
        foreach (var s in subscribers) s.Host = s.Index % hosts.Count;
        var connectWatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (s, ct) =>
        {
            try
            {
                await s.ConnectAsync(new Uri(hosts[s.Host].BaseAddress, LiveHub.Path), tokens[(s.Host, s.Account)], ct);
            }
            catch (Exception ex)
            {
                errors.Enqueue($"subscriber {s.Index} ({s.Account}): {ex.GetType().Name}: {ex.Message}");
            }
        });
        Console.Error.WriteLine($"{subscribers.Count(s => s.Connected)} of {subscribers.Count} subscribers connected to {hosts.Count} instance(s) in {connectWatch.Elapsed.TotalSeconds:F1} s");
        var connected = MemorySample.Take();

        // Warm-up (JIT, connection pools, caches): the same writes, delivered and then set aside, not measured.
        using var relay = new RelayMetrics();
        if (o.Warmup > 0)
        {
            var warm = await WriteForAsync(TimeSpan.FromSeconds(o.Warmup), o.Rate, world, random, hosts, errors, firstIndex: -1_000_000);
            ExpectTo(subscribers, warm);
            await DrainWarmupAsync(subscribers, warm);
            foreach (var s in subscribers) s.Inbox.Clear();
            relay.Clear();
        }

        // An in-process subscriber of each instance's live bus: when each notice was published there (splits
        // commit-to-receive in two; on the other instance, it is the trip through Redis).
        using var busProbe = new CancellationTokenSource();
        var published = hosts.Select(_ => new ConcurrentDictionary<(string, int, int?, int), long>()).ToArray();
        var alertNotices = new ConcurrentQueue<(ChangeNotice Notice, long At)>();
        var probing = new List<Task>();
        for (var h = 0; h < hosts.Count; h++)
        {
            var bus = hosts[h].Services.GetRequiredService<ILiveBus>();
            var seen = published[h];
            var first = h == 0; // every notice reaches the first instance's bus once (its own, and the others' through Redis)
            var probeReady = new TaskCompletionSource();
            probing.Add(Task.Run(async () =>
            {
                var notices = bus.SubscribeAsync(busProbe.Token).GetAsyncEnumerator(busProbe.Token);
                var next = notices.MoveNextAsync();
                probeReady.SetResult();
                try
                {
                    while (await next)
                    {
                        var n = notices.Current;
                        var at = Stopwatch.GetTimestamp();
                        seen.TryAdd((n.Kind, n.ProjectId ?? 0, n.ItemId, n.Version), at);
                        if (first && n.Kind.StartsWith("alert.", StringComparison.Ordinal) && n.Project is not null) alertNotices.Enqueue((n, at));
                        next = notices.MoveNextAsync();
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }));
            await probeReady.Task;
        }

        // Writes at a steady rate through the real write path.
        var load = new[] { MachineInfo.LoadAverage(), 0 };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var writeWatch = Stopwatch.StartNew();
        var writes = await WriteForAsync(TimeSpan.FromSeconds(o.Seconds), o.Rate, world, random, hosts, errors, firstIndex: 0);
        var writingSeconds = writeWatch.Elapsed.TotalSeconds;

        // What should arrive where, from the scope rules (ProjectAccess) and the topics each client holds.
        var expectedTotal = ExpectTo(subscribers, writes);
        await DrainAsync(subscribers, expectedTotal);
        var cpuCores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / writeWatch.Elapsed.TotalSeconds;
        load[1] = MachineInfo.LoadAverage();
        await busProbe.CancelAsync();
        await Task.WhenAll(probing);
        // The alert notices the writes caused (the alert re-check after a write), expected by the same scope rules.
        var alerts = alertNotices.Select((a, i) => new WriteRecord(AlertIndexBase + i, a.Notice.Kind, a.Notice.Project!.Value, a.Notice.ItemId,
            a.Notice.Version, a.At, 0, Host: -1)).ToList();
        var expectedWithAlerts = ExpectTo(subscribers, [.. writes, .. alerts]);
        await DrainAsync(subscribers, expectedWithAlerts);
        List<double> BusLatencies(Func<WriteRecord, int> host) => writes
            .Select(w => published[host(w)].TryGetValue((w.Kind, w.Key.ProjectId, w.ItemId, w.Version), out var t) ? (t - w.CommittedAt) * 1000.0 / Stopwatch.Frequency : double.NaN)
            .Where(ms => !double.IsNaN(ms)).Order().ToList();
        var busLatencies = BusLatencies(w => w.Host);
        var otherBusLatencies = hosts.Count > 1 ? BusLatencies(w => (w.Host + 1) % hosts.Count) : [];
        var after = MemorySample.Take();
        var groups = hosts.Sum(h => h.Services.GetRequiredService<LiveSubscriptions>().GroupCount);

        // Match every delivery to its write: by (kind, project, item, version); duplicates by sequence.
        var byKey = writes.ToDictionary(w => (w.Kind, w.Key.ProjectId, w.ItemId, w.Version));
        foreach (var a in alerts) byKey.TryAdd((a.Kind, a.Key.ProjectId, a.ItemId, a.Version), a);
        var latencies = new List<double>();
        var crossInstance = new List<double>();
        var samples = new List<(int Write, int Subscriber, double Ms)>();
        long received = 0, matched = 0, duplicates = 0, unexpected = 0, lost = 0, alertsMatched = 0;
        foreach (var s in subscribers)
        {
            var sequences = new HashSet<long>();
            var got = new HashSet<int>();
            foreach (var r in s.Inbox)
            {
                received++;
                if (!sequences.Add(r.Event.Sequence))
                {
                    duplicates++;
                    continue;
                }
                if (!byKey.TryGetValue((r.Event.Kind, r.Event.ProjectId, r.Event.ItemId, r.Event.Version), out var w) || !s.Expected.Contains(w.Index))
                {
                    unexpected++;
                    if (unexpected <= 5) errors.Enqueue($"unexpected delivery to {s.Account} {string.Join(' ', s.Topics)}: {r.Event}");
                    continue;
                }
                got.Add(w.Index);
                if (w.Index >= AlertIndexBase)
                {
                    alertsMatched++; // counted apart, without a latency: it has no write of its own
                    continue;
                }
                matched++;
                var ms = (r.Timestamp - w.CommittedAt) * 1000.0 / Stopwatch.Frequency;
                latencies.Add(ms);
                if (w.Host != s.Host) crossInstance.Add(ms);
                samples.Add((w.Index, s.Index, ms));
            }
            lost += s.Expected.Count - got.Count;
        }
        latencies.Sort();
        crossInstance.Sort();
        if (Environment.GetEnvironmentVariable("KASHI_BENCH_DUMP") is { Length: > 0 } dump)
        {
            dump = hosts.Count > 1 ? dump + ".2x" : dump;
            await File.WriteAllLinesAsync(dump, samples.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Write},{x.Subscriber},{x.Ms:F3}")));
            await File.WriteAllLinesAsync(dump + ".bus", writes.Select(w => string.Create(CultureInfo.InvariantCulture,
                $"{w.Index},{w.Kind},{(published[w.Host].TryGetValue((w.Kind, w.Key.ProjectId, w.ItemId, w.Version), out var t) ? (t - w.CommittedAt) * 1000.0 / Stopwatch.Frequency : -1):F3},{w.SaveMs:F3}")));
        }
        var result = new LiveResult(
            Scenario: "live",
            Instances: hosts.Count,
            LiveBus: hosts[0].Services.GetRequiredService<ILiveBus>().GetType().Name,
            Subscribers: o.Subscribers,
            SubscribersPerInstance: [.. Enumerable.Range(0, hosts.Count).Select(h => subscribers.Count(s => s.Host == h && s.Connected))],
            WritesPerInstance: [.. Enumerable.Range(0, hosts.Count).Select(h => writes.Count(w => w.Host == h))],
            Seconds: o.Seconds,
            Rate: o.Rate,
            Scale: o.Scale,
            EventsSent: writes.Count,
            EventsExpected: expectedTotal,
            EventsReceived: received,
            EventsMatched: matched,
            AlertNotices: alerts.Count,
            AlertDeliveriesExpected: expectedWithAlerts - expectedTotal,
            AlertDeliveriesMatched: alertsMatched,
            Lost: lost,
            Duplicates: duplicates,
            Unexpected: unexpected,
            P50Ms: Results.Round(Results.Percentile(latencies, 50)),
            P95Ms: Results.Round(Results.Percentile(latencies, 95)),
            P99Ms: Results.Round(Results.Percentile(latencies, 99)),
            MaxMs: Results.Round(latencies.Count == 0 ? 0 : latencies[^1]),
            MeanMs: Results.Round(latencies.Count == 0 ? 0 : latencies.Average()),
            CrossInstanceDeliveries: crossInstance.Count,
            CrossInstanceP50Ms: Results.Round(Results.Percentile(crossInstance, 50)),
            CrossInstanceP99Ms: Results.Round(Results.Percentile(crossInstance, 99)),
            CrossInstanceMaxMs: Results.Round(crossInstance.Count == 0 ? 0 : crossInstance[^1]),
            DeliveriesPerSecond: Results.Round(expectedTotal / writingSeconds, 0),
            WriteMsP50: Results.Round(Results.Percentile([.. writes.Select(w => w.SaveMs).Order()], 50)),
            ServerMemoryMb: new ServerMemory(Results.Round(after.WorkingSetMb, 1), Results.Round(after.GcHeapMb, 1),
                Results.Round(idle.WorkingSetMb, 1), Results.Round(idle.GcHeapMb, 1),
                Results.Round(connected.WorkingSetMb, 1), Results.Round(connected.GcHeapMb, 1),
                "One process: the server(s) and the N client connections. After full compacting GCs: at the end of the run, before any client connected, and with all connected before the first write."),
            Connections: subscribers.Count(s => s.Connected),
            SubscriptionGroups: groups,
            TopicsBySubscribers: subscribers.SelectMany(s => s.Topics.Select(t => t.Split(':')[0])).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()),
            ProbesRefused: subscribers.Count(s => s.ProbeRefused == true),
            ProbeLeaks: subscribers.Count(s => s.ProbeRefused == false),
            Disconnects: subscribers.Count(s => s.Disconnected),
            ErrorCount: errors.Count,
            Errors: [.. errors.Take(20)],
            WarmupSeconds: o.Warmup,
            CommitToBusP99Ms: Results.Round(Results.Percentile(busLatencies, 99)),
            CommitToBusMaxMs: Results.Round(busLatencies.Count == 0 ? 0 : busLatencies[^1]),
            CommitToOtherInstanceBusP50Ms: Results.Round(Results.Percentile(otherBusLatencies, 50)),
            CommitToOtherInstanceBusP99Ms: Results.Round(Results.Percentile(otherBusLatencies, 99)),
            RelayLagP99Ms: Results.Round(relay.LagP99),
            RelaySendP50Ms: Results.Round(relay.SendP50),
            RelaySendP99Ms: Results.Round(relay.SendP99),
            ProcessCpuCores: Results.Round(cpuCores),
            LoadAverage: [.. load.Select(l => Results.Round(l))],
            Machine: MachineInfo.Current,
            Timestamp: DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        foreach (var s in subscribers) await s.DisposeAsync();
        return result;
    }

    private static async Task<List<WriteRecord>> WriteForAsync(TimeSpan duration, double rate, World world, Random random, IReadOnlyList<BenchHost> hosts,
        ConcurrentQueue<string> errors, int firstIndex)
    {
        var writes = new List<WriteRecord>();
        var watch = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / rate);
        for (var k = 0; ; k++)
        {
            var due = interval * k;
            if (due >= duration) break;
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            try
            {
                writes.Add(await WriteAsync(firstIndex + k, world, random, hosts, k % hosts.Count));
            }
            catch (Exception ex)
            {
                errors.Enqueue($"write {firstIndex + k}: {ex.GetType().Name}: {ex.Message}");
            }
        }
        return writes;
    }

    /// <summary>Sets each subscriber's expected writes; returns the number of deliveries expected in all.</summary>
    private static long ExpectTo(List<Subscriber> subscribers, List<WriteRecord> writes)
    {
        var total = 0L;
        foreach (var s in subscribers)
        {
            s.Expected = [.. writes.Where(w => s.Connected && ProjectAccess.CanSee(s.Scope, w.Key) && s.Topics.Any(t => TopicMatches(t, w.Key))).Select(w => w.Index)];
            total += s.Expected.Count;
        }
        return total;
    }

    /// <summary>Waits (at most <see cref="DrainLimit"/>) until as many deliveries as expected have arrived.</summary>
    private static async Task DrainAsync(List<Subscriber> subscribers, long expected)
    {
        var drain = Stopwatch.StartNew();
        while (subscribers.Sum(s => (long)s.Inbox.Count) < expected && drain.Elapsed < DrainLimit) await Task.Delay(50);
    }

    /// <summary>
    /// Waits (at most <see cref="DrainLimit"/>) until every subscriber holds every warm-up write it expects: counting
    /// deliveries is not enough here (alert notices count too), and a warm-up notice arriving after the clear would be
    /// counted as unexpected.
    /// </summary>
    private static async Task DrainWarmupAsync(List<Subscriber> subscribers, List<WriteRecord> warm)
    {
        var keys = warm.ToDictionary(w => w.Index, w => (w.Kind, w.Key.ProjectId, w.ItemId, w.Version));
        bool Complete(Subscriber s)
        {
            var got = s.Inbox.Select(r => (r.Event.Kind, r.Event.ProjectId, r.Event.ItemId, r.Event.Version)).ToHashSet();
            return s.Expected.All(i => got.Contains(keys[i]));
        }
        var drain = Stopwatch.StartNew();
        while (!subscribers.All(Complete) && drain.Elapsed < DrainLimit) await Task.Delay(50);
    }

    /// <summary>Who subscribes to what: leaders on the wall, counties on their unit or one of their projects, chain leads on their chain…</summary>
    private static List<Subscriber> Plan(int count, World world, Random random)
    {
        string[] leaders = ["leader", "bureau", "wall", "admin"];
        var hosts = DemoAccounts.All.Where(a => a.Role == ActorRole.AttractingUnit).Select(a => a.UserName).ToArray();
        var chainLeads = DemoAccounts.All.Where(a => a.Role == ActorRole.ChainLead).Select(a => a.UserName).ToArray();
        var sources = DemoAccounts.All.Where(a => a.Role is ActorRole.SubBureau or ActorRole.FrontCommand).Select(a => a.UserName).ToArray();
        var list = new List<Subscriber>(count);
        for (var i = 0; i < count; i++)
        {
            var round = i / 10;
            Subscriber s;
            switch (i % 10)
            {
                case 0:
                    s = new(i, leaders[round % leaders.Length], world);
                    s.Plan.Add("wall");
                    if (round % 3 == 0)
                    {
                        // The same notices through several topics at once: must still arrive once.
                        var p = world.Pool[random.Next(world.Pool.Count)];
                        s.Plan.AddRange([$"project:{p.ProjectId}", $"chain:{p.ChainId}", $"unit:{p.HostUnitId}"]);
                    }
                    break;
                case 1 or 2 or 3:
                    s = new(i, hosts[(i + round) % hosts.Length], world);
                    s.Plan.Add($"unit:{s.Scope.UnitId}");
                    break;
                case 4:
                {
                    s = new(i, hosts[round % hosts.Length], world);
                    var own = world.Pool.Where(p => p.HostUnitId == s.Scope.UnitId).ToList();
                    if (own.Count == 0) own = [.. world.Projects.Where(p => p.HostUnitId == s.Scope.UnitId)];
                    s.Plan.Add($"project:{own[random.Next(own.Count)].ProjectId}");
                    var foreign = world.Pool.Where(p => p.HostUnitId != s.Scope.UnitId).ToList();
                    s.Probe = $"project:{foreign[random.Next(foreign.Count)].ProjectId}";
                    break;
                }
                case 5 or 6:
                    s = new(i, chainLeads[(i + round) % chainLeads.Length], world);
                    s.Plan.Add($"chain:{world.ChainOf(s.Account)}");
                    break;
                case 7:
                    s = new(i, sources[round % sources.Length], world);
                    s.Plan.Add("wall");
                    break;
                case 8:
                    s = new(i, leaders[round % leaders.Length], world);
                    s.Plan.Add($"project:{world.Pool[random.Next(world.Pool.Count)].ProjectId}");
                    break;
                default:
                    s = new(i, hosts[(round + 5) % hosts.Length], world);
                    s.Plan.Add("wall");
                    break;
            }
            list.Add(s);
        }
        return list;
    }

    private static bool TopicMatches(string topic, ProjectKey key)
    {
        if (topic == "wall") return true;
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        var id = int.Parse(topic.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        return topic[..colon] switch
        {
            "project" => id == key.ProjectId,
            "unit" => id == key.HostUnitId || id == key.SourceUnitId,
            "chain" => id == key.ChainId,
            _ => false,
        };
    }

    private static readonly ProblemCategory[] Categories = [ProblemCategory.Approvals, ProblemCategory.Financing, ProblemCategory.PolicyFulfilment, ProblemCategory.Other];

    /// <summary>One write, in turn: a new problem, a progress report, or funds in place on a key project.</summary>
    private static async Task<WriteRecord> WriteAsync(int k, World world, Random random, IReadOnlyList<BenchHost> hosts, int host)
    {
        var key = world.Pool[random.Next(world.Pool.Count)];
        var factory = hosts[host].Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        var started = Stopwatch.GetTimestamp();
        var commit = CommitClock.Start();
        await using var db = await factory.CreateDbContextAsync();
        db.Actor = world.Bureau;
        var now = DateTime.UtcNow;
        string kind;
        int? itemId = null;
        Func<int> version;
        switch (((k % 3) + 3) % 3)
        {
            case 0:
            {
                var problem = new Problem(key.ProjectId, Categories[((k % Categories.Length) + Categories.Length) % Categories.Length], null, $"压测问题 {k}：用地手续待协调", ProblemSeverity.Medium,
                    key.HostUnitId, BeijingTime.DateOf(now).AddDays(14), world.Bureau, now);
                db.Problems.Add(problem);
                await db.SaveChangesAsync();
                (kind, itemId, version) = (ChangeKinds.ProblemRaised, problem.Id, () => problem.Version);
                break;
            }
            case 1:
            {
                var project = await db.Projects.SingleAsync(p => p.Id == key.ProjectId);
                var period = HalfMonthPeriod.Containing(now);
                var current = await db.ProgressReports.FirstOrDefaultAsync(r =>
                    r.ProjectId == key.ProjectId && r.PeriodIndex == period.Index && r.Kind == ReportKind.Update && r.IsCurrent);
                var report = ProgressReporting.Submit(project, period, ReportKind.Update, current,
                    new ReportInput($"压测进度报告 {k}：设备进场安装", null, 0m, 0m, []), world.Bureau, now, deadlineDays: 5);
                db.ProgressReports.Add(report);
                await db.SaveChangesAsync();
                (kind, itemId, version) = (ChangeKinds.ReportSubmitted, report.Id, () => report.Revision);
                break;
            }
            default:
            {
                var project = await db.Projects.SingleAsync(p => p.Id == key.ProjectId);
                project.Touch(now);
                project.RecordFundsInPlace(project.FundsInPlaceWan + 10m, project.OutOfRegionFundsInPlaceWan, now);
                await db.SaveChangesAsync();
                (kind, version) = (ChangeKinds.ProjectUpdated, () => project.Version);
                break;
            }
        }
        var returned = Stopwatch.GetTimestamp();
        if (commit.Value == 0) throw new InvalidOperationException("The write committed without the commit clock seeing it.");
        return new WriteRecord(k, kind, key, itemId, version(), commit.Value, (returned - started) * 1000.0 / Stopwatch.Frequency, host);
    }

    private sealed record WriteRecord(int Index, string Kind, ProjectKey Key, int? ItemId, int Version, long CommittedAt, double SaveMs, int Host);

    private sealed record Received(LiveEvent Event, long Timestamp);

    private sealed class Subscriber(int index, string account, World world) : IAsyncDisposable
    {
        private HubConnection? _connection;

        public int Index { get; } = index;
        public string Account { get; } = account;
        /// <summary>The instance it connects to.</summary>
        public int Host { get; set; }
        public UserScope Scope { get; } = world.Scopes[account];
        public List<string> Plan { get; } = [];
        public string? Probe { get; set; }
        public bool? ProbeRefused { get; private set; }
        public List<string> Topics { get; } = [];
        public ConcurrentQueue<Received> Inbox { get; } = new();
        public HashSet<int> Expected { get; set; } = [];
        public bool Connected { get; private set; }
        public bool Disconnected { get; private set; }

        public async Task ConnectAsync(Uri hubUrl, string token, CancellationToken ct)
        {
            _connection = new HubConnectionBuilder()
                .WithUrl(hubUrl, o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            _connection.On<LiveEvent>(nameof(ILiveClient.Changed), e => Inbox.Enqueue(new Received(e, Stopwatch.GetTimestamp())));
            _connection.Closed += _ =>
            {
                Disconnected = true;
                return Task.CompletedTask;
            };
            await _connection.StartAsync(ct);
            Connected = true;
            if (Probe is not null) ProbeRefused = !await _connection.InvokeAsync<bool>("Subscribe", Probe, ct);
            foreach (var topic in Plan)
            {
                if (await _connection.InvokeAsync<bool>("Subscribe", topic, ct)) Topics.Add(topic);
                else throw new InvalidOperationException($"{Account} was refused {topic}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null) await _connection.DisposeAsync();
        }
    }

    /// <summary>The demo world the benchmark needs: accounts' scopes, projects' keys, the pool of key projects written to.</summary>
    private sealed class World
    {
        public required Dictionary<string, UserScope> Scopes { get; init; }
        public required List<ProjectKey> Projects { get; init; }
        public required List<ProjectKey> Pool { get; init; }
        public required Dictionary<string, int> Chains { get; init; }
        public required Actor Bureau { get; init; }

        public int ChainOf(string chainAccount) => Chains[chainAccount["chain-".Length..]];

        public static async Task<World> LoadAsync(BenchHost host)
        {
            var factory = host.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var scopes = new Dictionary<string, UserScope>(StringComparer.Ordinal);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                // The same resolution as the hub's: the claims of the token, then UserScopes.
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
                foreach (var account in DemoAccounts.All)
                {
                    var user = await users.FindByNameAsync(account.UserName) ?? throw new InvalidOperationException($"no demo account {account.UserName}");
                    scopes[account.UserName] = await UserScopes.ResolveAsync(await principals.CreateAsync(user), db);
                }
            }
            var projects = await db.Projects.AsNoTracking()
                .Select(p => new { Key = new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId), p.WorkGroupLevel, p.Stage })
                .ToListAsync();
            var live = projects.Where(p => p.Stage != ProjectStage.Terminated).ToList();
            var pool = live.Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject).Select(p => p.Key).ToList();
            if (pool.Count < 20) pool = [.. live.Select(p => p.Key)];
            var bureauUnit = scopes["bureau"].UnitId;
            Console.Error.WriteLine($"{projects.Count} projects, {pool.Count} key projects written to");
            return new World
            {
                Scopes = scopes,
                Projects = [.. live.Select(p => p.Key)],
                Pool = pool,
                Chains = await db.Chains.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id),
                Bureau = new Actor("bureau", bureauUnit),
            };
        }
    }

    private sealed record ServerMemory(double WorkingSet, double GcHeap, double WorkingSetIdle, double GcHeapIdle,
        double WorkingSetConnected, double GcHeapConnected, string Note);

    private sealed record LiveResult(
        string Scenario, int Instances, string LiveBus, int Subscribers, int[] SubscribersPerInstance, int[] WritesPerInstance, int Seconds, double Rate, int Scale,
        int EventsSent, long EventsExpected, long EventsReceived, long EventsMatched,
        int AlertNotices, long AlertDeliveriesExpected, long AlertDeliveriesMatched, long Lost, long Duplicates, long Unexpected,
        double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs,
        long CrossInstanceDeliveries, double CrossInstanceP50Ms, double CrossInstanceP99Ms, double CrossInstanceMaxMs, double DeliveriesPerSecond, double WriteMsP50,
        ServerMemory ServerMemoryMb, int Connections, int SubscriptionGroups, Dictionary<string, int> TopicsBySubscribers,
        int ProbesRefused, int ProbeLeaks, int Disconnects, int ErrorCount, IReadOnlyList<string> Errors,
        int WarmupSeconds, double CommitToBusP99Ms, double CommitToBusMaxMs,
        double CommitToOtherInstanceBusP50Ms, double CommitToOtherInstanceBusP99Ms, double RelayLagP99Ms, double RelaySendP50Ms, double RelaySendP99Ms, double ProcessCpuCores, double[] LoadAverage,
        MachineInfo Machine, string Timestamp);

    /// <summary>Two instances against one, both measured in the same run (two minus one, in ms).</summary>
    private sealed record LatencyDelta(double P50, double P95, double P99, double Max);

    private sealed record TwoInstancesResult(
        string Scenario, int Subscribers, int Seconds, double Rate, int Scale, string Setup, LatencyDelta OverheadMs, double[] LoadAverage,
        LiveResult OneInstance, LiveResult TwoInstances, MachineInfo Machine, string Timestamp);
}
