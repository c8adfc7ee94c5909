using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using KashiInvest.Infrastructure.Tests.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The loopback proof of issue 21, everything real: <c>redis-server</c> on a free port, two application processes
/// (<see cref="AppProcess"/>) on one SQLite file (WAL) with <c>Live:Bus=Redis</c>, B running the scheduler and A not,
/// and nginx in front with the shipped example configuration (<see cref="LoopbackNginx"/>). Browsers are pinned to an
/// instance by nginx's own affinity cookie. In order: a report posted through A reaches a wall served by B within one
/// second; Redis killed (by its pid) for at least ten seconds and started again on the same port; A killed with
/// SIGKILL while chain leads file reports through both instances; and the alert scan of the start ran once.
/// Runs alone (the crash collection): it starts its own processes and stops every one of them by its id.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class SeveralInstancesBrowserTests(ITestOutputHelper output)
{
    private const string Marker = "LOOPBACK";
    /// <summary>Generous: on a loaded two-core machine the first start (migrations, demo data) has taken over four minutes.</summary>
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RedisGap = TimeSpan.FromSeconds(10);
    /// <summary>How long a page may take to show a change on a loaded machine (a write alone has taken 28 s there).</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(90);

    /// <summary>The machine's one-minute load average (Linux).</summary>
    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records, in the page, when the card of a project appears flashed (a re-read that changed it).</summary>
    private const string WatchFlashes = """
        id => {
            const sel = `[data-testid=wall-card][data-project-id='${id}']`;
            window.__flashes = window.__flashes || {};
            window.__flashes[id] = [];
            const seen = e => { if (e.nodeType === 1 && e.matches(sel) && e.classList.contains('kashi-flash')) window.__flashes[id].push(Date.now()); };
            new MutationObserver(ms => {
                for (const m of ms) {
                    if (m.type === 'attributes') seen(m.target);
                    for (const n of m.addedNodes) { if (n.nodeType !== 1) continue; seen(n); n.querySelectorAll(sel).forEach(seen); }
                }
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        }
        """;

    private sealed record Acked(string Token, int ProjectId);

    [Fact]
    public async Task Two_instances_behind_nginx_on_Redis_share_live_changes_survive_Redis_away_and_a_kill_9_and_scan_once()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-loopback-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var database = $"Data Source={Path.Combine(dataDir, "kashiinvest.db")};Pooling=False";
        RedisServer? redis = null;
        AppProcess? a = null, b = null;
        LoopbackNginx? nginx = null;
        IPlaywright? playwright = null;
        IBrowser? browser = null;
        try
        {
            redis = await RedisServer.StartNewAsync();
            Dictionary<string, string> Settings(bool scheduler) => new()
            {
                ["Live:Bus"] = "Redis",
                ["Live:Redis"] = redis.ConnectionString + ",connectTimeout=1000",
                ["Scheduling:RunScheduler"] = scheduler ? "true" : "false",
                ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
                ["RateLimits:SignIn:PermitsPerAddress"] = "10000",
                ["RateLimits:SignIn:PermitsPerUserName"] = "1000",
            };
            // B first: it creates the database and the demo data, runs the scheduler and scans once at start. A joins
            // the same file without a scheduler (SQLite cannot cluster Quartz).
            b = await AppProcess.StartAsync(dataDir, Settings(scheduler: true), Start);
            a = await AppProcess.StartAsync(dataDir, Settings(scheduler: false), Start);
            Assert.Equal("wal", await ScalarTextAsync(database, "PRAGMA journal_mode"));
            nginx = await LoopbackNginx.StartAsync([a.BaseAddress, b.BaseAddress], TimeSpan.FromSeconds(30));
            var toA = await nginx.AffinityCookieForAsync(a.BaseAddress);
            var toB = await nginx.AffinityCookieForAsync(b.BaseAddress);
            output.WriteLine($"redis {redis.Port}, A {a.BaseAddress} (pid {a.Id}), B {b.BaseAddress} (pid {b.Id}), nginx {nginx.BaseAddress} (pid {nginx.Id})");
            await Health(a, "Healthy", TimeSpan.FromMinutes(1));
            await Health(b, "Healthy", TimeSpan.FromMinutes(1));

            // The chains with the most signed projects first: their leads are the likeliest to have reports due.
            var chains = new Queue<string>(await ListAsync(database,
                "SELECT c.Code FROM Chains c LEFT JOIN Projects p ON p.ChainId = c.Id AND p.SignedOn IS NOT NULL GROUP BY c.Id, c.Code ORDER BY COUNT(p.Id) DESC, c.Code",
                r => r.GetString(0)));
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("KASHI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                ],
            });

            // The leader's wall twice: once on B, once on A; both through nginx.
            var wallB = await WallAsync(browser, nginx, toB);
            var wallA = await WallAsync(browser, nginx, toA);
            var deskA = await ReportDesk.WithWorkAsync(browser, nginx, toA, chains, "A", projects: 2);

            // (a) A report posted through A appears on the wall served by B within one second.
            var next = await deskA.NextAsync() ?? throw new InvalidOperationException($"{deskA.UserName} has no report to file");
            await wallB.EvaluateAsync(WatchFlashes, next.ProjectId);
            var loadBefore = LoadAverage();
            var first = await deskA.FileAsync(next);
            var flashedAt = await FirstFlashAsync(wallB, next.ProjectId, Slow);
            var load = Math.Max(loadBefore, LoadAverage());
            // Measured in the browser (one clock for both pages): from the moment A's form showed "saved" (the write
            // had committed) to the moment B's wall showed the changed card; the click is logged too.
            var ackToWallOfB = flashedAt - first.AckedAt;
            output.WriteLine($"(a) report of project {next.ProjectId} through A: acknowledged {first.AckedAt - first.ClickedAt} ms after the click; on B's wall {ackToWallOfB} ms after the acknowledgement ({flashedAt - first.ClickedAt} ms after the click)");
            // The issue's bound, one second, holds on a machine that is not overloaded. On a shared build machine
            // whose load average is far above its cores (seen: 100 on 2 cores, a write taking 28 s to acknowledge)
            // no latency means anything; there the delivery must still happen, within a generous bound, and the
            // figures are printed.
            if (load <= 2 * Environment.ProcessorCount)
                Assert.True(ackToWallOfB <= 1000, $"the report reached B's wall {ackToWallOfB} ms after A acknowledged it (load average {load:F1})");
            else
            {
                output.WriteLine($"(a) load average {load:F1} on {Environment.ProcessorCount} cores: the one-second bound is not asserted on a machine this busy (15 s is)");
                Assert.True(ackToWallOfB <= 15_000, $"the report reached B's wall {ackToWallOfB} ms after A acknowledged it (load average {load:F1})");
            }

            // (c) Redis away for ten seconds or more (killed by its pid), then started again on the same port.
            // Another project than (a)'s, so no late notice of (a) can pass for a catch-up.
            var during = await deskA.NextAsync(except: next.ProjectId) ?? throw new InvalidOperationException($"{deskA.UserName} has no report of a second project to file");
            await redis.StopAsync();
            var gap = Stopwatch.StartNew();
            await Health(a, "Degraded", TimeSpan.FromSeconds(60));
            await Health(b, "Degraded", TimeSpan.FromSeconds(60));
            await wallB.EvaluateAsync(WatchFlashes, during.ProjectId);
            await wallA.EvaluateAsync(WatchFlashes, during.ProjectId);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(nginx.BaseAddress, "/account/login", toB)).StatusCode);
            var whileAway = await deskA.FileAsync(during);
            // A's own wall follows its own writes; B's misses the notice while Redis is away.
            await FirstFlashAsync(wallA, during.ProjectId, Slow);
            if (gap.Elapsed < RedisGap) await Task.Delay(RedisGap - gap.Elapsed);
            Assert.Empty(await FlashesAsync(wallB, during.ProjectId));
            await redis.StartAsync();
            var redisAway = gap.Elapsed;
            output.WriteLine($"(c) redis-server down for {redisAway.TotalSeconds:F1} s (from its exit to its restart); report {whileAway.Token} filed through A meanwhile");
            Assert.True(redisAway >= RedisGap, $"Redis was away only {redisAway}");
            await Health(a, "Healthy", TimeSpan.FromSeconds(90));
            await Health(b, "Healthy", TimeSpan.FromSeconds(90));
            // B's wall catches up: every page re-reads after the gap, and the card changed meanwhile flashes.
            await FirstFlashAsync(wallB, during.ProjectId, Slow);
            Assert.False(a.HasExited || b.HasExited, "an instance died during the Redis outage");
            await Expect(wallB.Locator(".wall-root[data-live=on]")).ToBeVisibleAsync();

            // (b) kill -9 of A while chain leads file reports through A and through B.
            var log = new WriteLog();
            var writerOnB = await ReportDesk.WithWorkAsync(browser, nginx, toB, chains, "B", rows: 3);
            var writers = new List<Task>
            {
                WriterAsync(deskA, log, onA: true),
                WriterAsync(await ReportDesk.WithWorkAsync(browser, nginx, toA, chains, "A1"), log, onA: true),
                WriterAsync(writerOnB, log, onA: false),
            };
            var all = Task.WhenAll(writers);
            await Task.WhenAny(log.Armed.Task, all, Task.Delay(TimeSpan.FromMinutes(6)));
            if (all.IsFaulted) await all;
            Assert.True(log.Armed.Task.IsCompleted, $"only {log.Acked.Count} writes were acknowledged before the writers ran out");
            await Task.WhenAny(log.SubmitOnAWhileArmed.Task, all, Task.Delay(TimeSpan.FromMinutes(2)));
            if (all.IsFaulted) await all;
            Assert.True(log.SubmitOnAWhileArmed.Task.IsCompleted, "no submit through A came after the writes the kill waits for");
            await wallA.EvaluateAsync("() => window.__beforeKill = 1");
            var inFlight = log.InFlightOnA;
            log.Killed = true;
            a.KillHard();
            log.KillDone.TrySetResult();
            Assert.True(a.HasExited);
            output.WriteLine($"(b) A killed with {inFlight} submits in flight through it; {log.Acked.Count} writes acknowledged so far");
            Assert.True(inFlight >= 1, "the kill did not come while a submit through A was in flight");

            // A's wall reconnects through nginx, lands on B, reloads and reads its state afresh.
            await wallA.WaitForFunctionAsync("() => window.__beforeKill === undefined && document.querySelector('.wall-root[data-live=on]') !== null",
                null, new() { Timeout = 120_000, PollingInterval = 250 });
            Assert.True(await wallA.Locator("[data-testid=wall-card]").CountAsync() > 0);
            // The writers through B keep going after the kill; their reports reach both walls, now both on B.
            var afterKill = log.Acked.Count;
            // The writer through B stops; its desk (on B all along) files one more report after the kill, and both
            // walls show it. The demo data may have no other chain lead left with reports open.
            log.StopAfterKill.TrySetResult();
            await all;
            var deskB = writerOnB;
            var last = await deskB.NextAsync() ?? throw new InvalidOperationException($"{deskB.UserName} has no report left to file");
            await wallA.EvaluateAsync(WatchFlashes, last.ProjectId);
            await wallB.EvaluateAsync(WatchFlashes, last.ProjectId);
            var filedOnB = await deskB.FileAsync(last);
            log.Acked.Add(new Acked(filedOnB.Token, last.ProjectId));
            await FirstFlashAsync(wallA, last.ProjectId, Slow);
            await FirstFlashAsync(wallB, last.ProjectId, Slow);
            output.WriteLine($"(b) {log.Acked.Count - afterKill} more writes acknowledged after the kill ({log.AckedOnBAfterKill} by the writer through B); {log.Submitted} submitted in all");

            // Every acknowledged write (the two of (a) and (c) included) is in the database, current, with its audit row.
            var acked = log.Acked.ToList();
            acked.Add(new Acked(first.Token, next.ProjectId));
            acked.Add(new Acked(whileAway.Token, during.ProjectId));
            Assert.Equal("ok", await ScalarTextAsync(database, "PRAGMA integrity_check"));
            foreach (var write in acked)
            {
                var ids = await ListAsync(database, "SELECT Id FROM ProgressReports WHERE IsCurrent = 1 AND ProjectId = $p AND instr(Narrative, $t) > 0",
                    r => r.GetInt32(0), ("$p", write.ProjectId), ("$t", $"{Marker} {write.Token} "));
                var id = Assert.Single(ids);
                Assert.Equal(1, await ScalarAsync(database, $"SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'ProgressReport' AND Action = 'Added' AND EntityId = '{id}'"));
            }
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM ProgressReports r WHERE instr(r.Narrative, '{Marker} ') > 0 AND NOT EXISTS (SELECT 1 FROM AuditEntries a WHERE a.EntityType = 'ProgressReport' AND a.Action = 'Added' AND a.EntityId = CAST(r.Id AS TEXT))"));

            // (d) The alert scan ran once, at the start of B, the instance with the scheduler; A never ran one.
            var scans = await ListAsync(database, "SELECT \"Trigger\", Succeeded FROM JobRuns WHERE JobName = 'alerts.scan'",
                r => (Trigger: r.GetString(0), Succeeded: !r.IsDBNull(1) && r.GetBoolean(1)));
            var scan = Assert.Single(scans);
            Assert.Equal("startup", scan.Trigger);
            Assert.True(scan.Succeeded);
            Assert.False(b.HasExited, "B died");
            await Health(b, "Healthy", TimeSpan.FromSeconds(30));
            output.WriteLine($"Verified: {acked.Count} acknowledged reports in the database with their audit rows; one alert scan ({scan.Trigger}).");
        }
        catch (Exception) when (a is not null || b is not null)
        {
            output.WriteLine($"--- A ---{Environment.NewLine}{a?.RecentOutput}{Environment.NewLine}--- B ---{Environment.NewLine}{b?.RecentOutput}{Environment.NewLine}--- nginx ---{Environment.NewLine}{nginx?.RecentOutput}");
            throw;
        }
        finally
        {
            if (browser is not null) await browser.CloseAsync();
            playwright?.Dispose();
            if (nginx is not null) await nginx.DisposeAsync();
            if (a is not null) await a.DisposeAsync();
            if (b is not null) await b.DisposeAsync();
            if (redis is not null) await redis.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>What the writers of (b) were told, and the kill switch (as in <see cref="CrashRecoveryBrowserTests"/>).</summary>
    private sealed class WriteLog
    {
        private const int AcknowledgedBeforeKill = 3;
        private int _inFlightOnA;
        private int _ackedOnA;
        private int _ackedOnB;
        private int _ackedOnBAfterKill;
        private volatile bool _armed;
        public ConcurrentBag<Acked> Acked { get; } = [];
        public TaskCompletionSource Armed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource SubmitOnAWhileArmed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource KillDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>The writers through B stop after this (each has written at least once after the kill by then, if it could).</summary>
        public TaskCompletionSource StopAfterKill { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool Killed;
        public int Submitted;
        public int InFlightOnA => Volatile.Read(ref _inFlightOnA);
        public int AckedOnBAfterKill => Volatile.Read(ref _ackedOnBAfterKill);

        public void Submitting(bool onA)
        {
            Interlocked.Increment(ref Submitted);
            if (onA) Interlocked.Increment(ref _inFlightOnA);
        }

        /// <summary>A submit through A while armed is the moment to kill; the writer waits for the kill before it reads the answer.</summary>
        public Task Clicked(bool onA)
        {
            if (!onA || !_armed) return Task.CompletedTask;
            SubmitOnAWhileArmed.TrySetResult();
            return KillDone.Task;
        }

        public void Acknowledged(Acked write, bool onA)
        {
            Acked.Add(write);
            if (onA)
            {
                Interlocked.Decrement(ref _inFlightOnA);
                Interlocked.Increment(ref _ackedOnA);
            }
            else
            {
                Interlocked.Increment(ref _ackedOnB);
                if (Killed) Interlocked.Increment(ref _ackedOnBAfterKill);
            }
            if (Volatile.Read(ref _ackedOnA) + Volatile.Read(ref _ackedOnB) >= AcknowledgedBeforeKill && Volatile.Read(ref _ackedOnA) >= 1 && Volatile.Read(ref _ackedOnB) >= 1)
            {
                _armed = true;
                Armed.TrySetResult();
            }
        }
    }

    private static async Task WriterAsync(ReportDesk desk, WriteLog log, bool onA)
    {
        try
        {
            while (true)
            {
                if (onA && log.Killed) return;
                if (!onA && log.StopAfterKill.Task.IsCompleted) return;
                var (row, left) = await desk.NextAndLeftAsync();
                if (row is null) return;
                // A writer on A keeps its last report until the kill is armed, so that a submit through A always comes
                // after the acknowledged writes the kill waits for, however few reports the demo data left its desk.
                if (onA && left == 1 && !log.Armed.Task.IsCompleted)
                {
                    await Task.WhenAny(log.Armed.Task, Task.Delay(TimeSpan.FromMinutes(4)));
                    if (log.Killed) return;
                }
                log.Submitting(onA);
                var filed = await desk.FileAsync(row, () => log.Clicked(onA), () => !(onA && log.Killed));
                log.Acknowledged(new Acked(filed.Token, row.ProjectId), onA);
            }
        }
        catch (Exception) when (onA && log.Killed)
        {
            // A went away under this writer: its last write is unacknowledged.
        }
    }

    private sealed record OpenReport(string Key, string Href, int ProjectId);

    private sealed record Filed(string Token, long ClickedAt, long AckedAt);

    /// <summary>A chain lead's report inbox in one browser context pinned to one instance by its affinity cookie.</summary>
    private sealed class ReportDesk(IPage page, string userName, string name)
    {
        private int _filed;
        private readonly HashSet<string> _done = [];

        public string UserName => userName;

        public static async Task<ReportDesk> OpenAsync(IBrowser browser, LoopbackNginx nginx, string affinity, string userName, string name) =>
            new(await SignedInPageAsync(browser, nginx, affinity, userName), userName, name);

        /// <summary>
        /// The desk of the next chain lead (taken from <paramref name="chains"/>) with at least <paramref name="rows"/>
        /// reports open on at least <paramref name="projects"/> projects; leads with less are passed over.
        /// </summary>
        public static async Task<ReportDesk> WithWorkAsync(IBrowser browser, LoopbackNginx nginx, string affinity, Queue<string> chains, string name,
            int projects = 1, int rows = 2)
        {
            while (chains.TryDequeue(out var chain))
            {
                var desk = await OpenAsync(browser, nginx, affinity, $"chain-{chain}", name);
                var open = await desk.OpenReportsAsync();
                if (open.Count >= rows && open.Select(r => r.ProjectId).Distinct().Count() >= projects)
                    return desk;
                await desk.Page.Context.CloseAsync();
            }
            throw new InvalidOperationException("no chain lead of the demo data has enough reports to file");
        }

        public IPage Page => page;

        /// <summary>The next open (due or overdue) fortnightly report of the inbox, or null when none is left.</summary>
        /// <summary>The next open report and how many are open (this one included).</summary>
        public async Task<(OpenReport? Next, int Left)> NextAndLeftAsync()
        {
            var open = await OpenReportsAsync();
            return (open.FirstOrDefault(), open.Count);
        }

        public async Task<OpenReport?> NextAsync(int? except = null) =>
            (await OpenReportsAsync()).FirstOrDefault(r => r.ProjectId != except);

        private async Task<List<OpenReport>> OpenReportsAsync()
        {
            var open = new List<OpenReport>();
            await page.GotoInteractiveAsync("/reports");
            await page.Locator("[data-testid=inbox-counts][data-live=on]").WaitForAsync();
            var rows = await page.Locator("[data-testid=inbox-row]").EvaluateAllAsync<string[][]>(
                "rows => rows.filter(r => r.dataset.state === 'Overdue' || r.dataset.state === 'Due')" +
                ".map(r => [r.dataset.key, r.querySelector('[data-testid=inbox-file]')?.getAttribute('href') ?? ''])" +
                ".filter(r => r[1] !== '')");
            foreach (var row in rows)
            {
                if (_done.Contains(row[0])) continue;
                var project = Regex.Match(row[1], @"/reports/(\d+)/");
                if (!project.Success) continue;
                open.Add(new OpenReport(row[0], row[1], int.Parse(project.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            return open;
        }

        /// <summary>Files the report with funds in place (so the project's card changes) and waits for the acknowledgement.</summary>
        public async Task<Filed> FileAsync(OpenReport report, Func<Task>? clicked = null, Func<bool>? mayRetry = null)
        {
            _done.Add(report.Key);
            var token = $"{name}R{_filed++}#";
            await page.GotoInteractiveAsync(report.Href);
            await page.Locator("[data-testid=report-header][data-live=on]").WaitForAsync();
            await FillAsync(token);
            await page.EvaluateAsync("() => document.querySelector('[data-testid=submit]').addEventListener('click', () => window.__clickedAt = Date.now(), { capture: true, once: true })");
            await page.EvaluateAsync("() => { window.__ackedAt = 0; const t = setInterval(() => { if (location.search.includes('done=')) { window.__ackedAt = Date.now(); clearInterval(t); } }, 5); }");
            await page.Locator("[data-testid=submit]").ClickAsync();
            if (clicked is not null) await clicked();
            var done = new Regex($@"/reports\?done={Regex.Escape(report.Key)}$");
            // A user who is told "not saved, try again" (the database was busy), or whose click went nowhere (the
            // circuit was reconnecting), submits again; so does this desk, up to three times, unless its instance was
            // killed on purpose. A conflict or a field error fails at once with what the page showed.
            for (var attempt = 1; ; attempt++)
            {
                var outcome = await OutcomeAsync(done, TimeSpan.FromSeconds(attempt == 3 ? 120 : 60));
                if (outcome == "done") break;
                var shown = await page.EvaluateAsync<string>(
                    "() => [...document.querySelectorAll('[data-testid=form-error], [data-testid=conflict], .mud-input-helper-text.mud-input-error, #components-reconnect-modal')]" +
                    ".map(e => (e.id ? e.id + '[' + (e.dataset.state ?? e.className) + ']: ' : '') + e.textContent.trim()).join(' | ')");
                var trail = $"{name} filing {report.Key} ({token}), attempt {attempt}: {outcome} at {page.Url}; the page showed: {shown}";
                if (outcome is not ("error" or "silent") || attempt == 3 || mayRetry?.Invoke() == false)
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"failed-loopback-{name}-{report.Key}.png"), FullPage = true });
                    throw new InvalidOperationException(trail);
                }
                Console.WriteLine(trail + "; submitting again");
                await page.Locator("[data-testid=report-header][data-live=on]").WaitForAsync();
                await FillAsync(token);
                await page.Locator("[data-testid=submit]").ClickAsync();
            }
            var ackedAt = await page.EvaluateAsync<long>("() => window.__ackedAt || Date.now()");
            // The navigation after the acknowledgement is Blazor's own (no reload): the click time is still there.
            var clickedAt = await page.EvaluateAsync<long>("() => window.__clickedAt ?? 0");
            return new Filed(token, clickedAt == 0 ? ackedAt : clickedAt, ackedAt);
        }

        private async Task FillAsync(string token)
        {
            await FormInput.Field(page, "field-narrative").FillAsync($"{Marker} {token} 二期厂房主体结构施工中，生产设备陆续进场。");
            await FormInput.Field(page, "field-funds").FillAsync("10");
            await FormInput.Field(page, "field-out-of-region").FillAsync("5");
            await FormInput.Field(page, "field-next-steps").FillAsync("完成设备安装调试。");
        }

        /// <summary>"done" (acknowledged), "error" (the form says it was not saved), "conflict", "invalid" or "silent".</summary>
        private async Task<string> OutcomeAsync(Regex done, TimeSpan timeout)
        {
            var until = Stopwatch.StartNew();
            while (true)
            {
                if (done.IsMatch(page.Url)) return "done";
                var state = await page.EvaluateAsync<string>(
                    "() => document.querySelector('[data-testid=conflict]') ? 'conflict'" +
                    " : document.querySelector('.mud-input-helper-text.mud-input-error') ? 'invalid'" +
                    " : document.querySelector('[data-testid=form-error]') && !document.querySelector('[data-testid=submit][disabled]') ? 'error' : ''");
                if (state.Length > 0 && !done.IsMatch(page.Url)) return state;
                if (until.Elapsed > timeout) return "silent";
                await Task.Delay(250);
            }
        }
    }

    private static async Task<IPage> WallAsync(IBrowser browser, LoopbackNginx nginx, string affinity)
    {
        var page = await SignedInPageAsync(browser, nginx, affinity, "leader");
        await page.GotoAsync("/wall");
        await page.Locator(".wall-root[data-live=on]").WaitForAsync(new() { Timeout = 120_000 });
        return page;
    }

    private static async Task<IPage> SignedInPageAsync(IBrowser browser, LoopbackNginx nginx, string affinity, string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = nginx.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultNavigationTimeout(120_000);
        context.SetDefaultTimeout(120_000);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "kashi_node", Value = affinity, Url = nginx.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", HttpSignIn.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/projects");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return page;
    }

    private static async Task<long[]> FlashesAsync(IPage page, int projectId) =>
        await page.EvaluateAsync<long[]>("id => (window.__flashes && window.__flashes[id]) || []", projectId);

    private static async Task<long> FirstFlashAsync(IPage page, int projectId, TimeSpan timeout)
    {
        await page.WaitForFunctionAsync("id => window.__flashes && window.__flashes[id] && window.__flashes[id].length > 0", projectId,
            new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
        return (await FlashesAsync(page, projectId))[0];
    }

    private static async Task<HttpResponseMessage> GetAsync(Uri server, string path, string? affinity = null)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (affinity is not null) request.Headers.Add("Cookie", $"kashi_node={affinity}");
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Polls an instance's own /health (200 either way) until it says <paramref name="status"/> (a bounded poll).</summary>
    private static async Task Health(AppProcess app, string status, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var last = string.Empty;
        while (true)
        {
            try
            {
                using var response = await GetAsync(app.BaseAddress, "/health");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                last = await response.Content.ReadAsStringAsync();
                if (last == status) return;
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            if (watch.Elapsed >= timeout) throw new TimeoutException($"{app.BaseAddress}health said '{last}', not '{status}', for {timeout}");
            await Task.Delay(100);
        }
    }

    private static async Task<List<T>> ListAsync<T>(string database, string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }

    private static async Task<long> ScalarAsync(string database, string sql) => Convert.ToInt64(await ScalarObjectAsync(database, sql));

    private static async Task<string?> ScalarTextAsync(string database, string sql) => Convert.ToString(await ScalarObjectAsync(database, sql));

    private static async Task<object?> ScalarObjectAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
