using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using KashiInvest.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>Runs alone: it starts its own application processes and a browser, and kills one of them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}

/// <summary>
/// Crashes mid-write. The application runs as its own process; chain-lead accounts file fortnightly reports with
/// problems and the Bureau escalates ledger entries, all through the real Blazor forms in Chromium; the process is
/// killed with SIGKILL while a submit is in flight, then started again on the same data folder.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashRecoveryBrowserTests(ITestOutputHelper output)
{
    private const string Marker = "CRASHTEST";
    private const int ProblemsPerReport = 2;
    private const int ReportWriters = 3;
    private const int MaxReportsPerWriter = 5;
    private const int MaxEscalations = 5;
    /// <summary>The kill waits for this many acknowledged writes (at least two of each kind), then strikes at the next submit.</summary>
    private const int AcknowledgedBeforeKill = 5;
    private const int AcknowledgedOfEachKindBeforeKill = 2;

    private static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        // No scan at start: after the restart, the only run of the alert scan is the catch-up of the missed nights.
        ["Alerts:ScanOnStart"] = "false",
        ["RateLimits:SignIn:PermitsPerAddress"] = "10000",
        ["RateLimits:SignIn:PermitsPerUserName"] = "1000",
        // The ledger writer escalates several entries from one open board: every card of a column is drawn.
        ["Ledger:CardsPerColumn"] = "1000",
    };

    private sealed record AckedReport(string Token, string Href);

    private sealed record AckedEscalation(string Token, int ProblemId);

    /// <summary>What the writers were told, and the kill switch.</summary>
    private sealed class WriteLog
    {
        private int _acknowledged;
        private int _inFlight;
        private volatile bool _armed;
        public ConcurrentBag<AckedReport> Reports { get; } = [];
        public ConcurrentBag<AckedEscalation> Escalations { get; } = [];
        public TaskCompletionSource Armed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource SubmitWhileArmed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>Completed once the process is dead: a writer that clicked while armed reads no answer before it.</summary>
        public TaskCompletionSource KillDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool Killed;
        public int Submitted;
        public int InFlight => Volatile.Read(ref _inFlight);

        public void Submitting()
        {
            Interlocked.Increment(ref Submitted);
            Interlocked.Increment(ref _inFlight);
        }

        /// <summary>
        /// The submit button was clicked: when armed, this is the moment to kill. The writer then waits for the kill
        /// before it looks for the answer, so the write is still unacknowledged when the process dies (a fast answer
        /// could otherwise arrive before the test thread gets to the kill, and nothing would be in flight).
        /// </summary>
        public Task Clicked()
        {
            if (!_armed) return Task.CompletedTask;
            SubmitWhileArmed.TrySetResult();
            return KillDone.Task;
        }

        public void Acknowledged()
        {
            Interlocked.Decrement(ref _inFlight);
            if (Interlocked.Increment(ref _acknowledged) >= AcknowledgedBeforeKill
                && Reports.Count >= AcknowledgedOfEachKindBeforeKill && Escalations.Count >= AcknowledgedOfEachKindBeforeKill)
            {
                _armed = true;
                Armed.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task Acknowledged_writes_survive_a_kill_9_nothing_is_half_written_and_the_missed_scan_runs_once()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-crash-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var database = $"Data Source={Path.Combine(dataDir, "kashiinvest.db")};Pooling=False";
        AppProcess? first = null, second = null;
        IPlaywright? playwright = null;
        IBrowser? browser = null;
        try
        {
            first = await AppProcess.StartAsync(dataDir, Settings, TimeSpan.FromMinutes(3));
            var chains = await ListAsync(database, "SELECT Code FROM Chains ORDER BY Code", r => r.GetString(0));
            var candidates = await ListAsync(database,
                $"SELECT Id FROM Problems WHERE Status = 'InProgress' AND Level = 'County' ORDER BY Id LIMIT {MaxEscalations}", r => r.GetInt32(0));
            var auditBefore = await ScalarAsync(database, "SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");
            Assert.True(chains.Count >= ReportWriters, "the demo data has too few chains");
            Assert.NotEmpty(candidates);

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

            // Writers through the app process; the kill comes at the first submit after enough acknowledgements.
            var log = new WriteLog();
            var deadline = Stopwatch.StartNew();
            var (chromium, address) = (browser, first.BaseAddress);
            var writers = Enumerable.Range(0, ReportWriters)
                .Select(w => ReportWriterAsync(chromium, address, [.. chains.Where((_, i) => i % ReportWriters == w)], w, log, deadline))
                .Append(LedgerWriterAsync(chromium, address, candidates, log, deadline))
                .ToList();
            var allWritten = Task.WhenAll(writers);
            await Task.WhenAny(log.Armed.Task, allWritten, Task.Delay(TimeSpan.FromMinutes(8)));
            Assert.True(log.Armed.Task.IsCompleted || allWritten.IsFaulted, $"only {log.Reports.Count + log.Escalations.Count} writes were acknowledged before the writers ran out");
            if (allWritten.IsFaulted) await allWritten; // a writer failed before the crash: that failure is the story
            await Task.WhenAny(log.SubmitWhileArmed.Task, allWritten, Task.Delay(TimeSpan.FromMinutes(2)));
            if (allWritten.IsFaulted) await allWritten;
            Assert.True(log.SubmitWhileArmed.Task.IsCompleted, "no submit came after the writes the kill waits for");
            var inFlightAtKill = log.InFlight;
            // Marked before the kill, so an error a writer sees from the dying app (a reset navigation, a closed
            // circuit) is always counted as an unacknowledged write, never as a failure of the test.
            log.Killed = true;
            first.KillHard();
            log.KillDone.TrySetResult();
            Assert.True(first.HasExited);
            // The browser goes too: every form still waiting for an answer fails now, and its write is unacknowledged.
            await browser.CloseAsync();
            browser = null;
            await allWritten;
            var reports = log.Reports.ToList();
            var escalations = log.Escalations.ToList();
            output.WriteLine($"Killed with {inFlightAtKill} submits in flight; {log.Submitted} submitted, {reports.Count} reports (with {ProblemsPerReport} problems each) and {escalations.Count} escalations acknowledged.");
            Assert.True(inFlightAtKill >= 1, "the kill did not come while a submit was in flight");

            // The file after the crash: intact.
            Assert.Equal("ok", await ScalarTextAsync(database, "PRAGMA integrity_check"));

            // The app is down for three nights: the alert scan's stored trigger is moved three days back, as in
            // ScheduledScanTests (measured from its own next fire time, so this test never reads the machine's clock).
            var nextFire = await ScalarAsync(database, "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'alerts.scan.cron'");
            var runsBefore = await ScalarAsync(database, "SELECT COALESCE(MAX(Id), 0) FROM JobRuns");
            Assert.Equal(1, await ExecuteAsync(database,
                $"UPDATE QRTZ_TRIGGERS SET PREV_FIRE_TIME = {nextFire - TimeSpan.FromDays(4).Ticks}, NEXT_FIRE_TIME = {nextFire - TimeSpan.FromDays(3).Ticks} WHERE TRIGGER_NAME = 'alerts.scan.cron'"));

            // Second life on the same data folder: it serves again.
            second = await AppProcess.StartAsync(dataDir, Settings, TimeSpan.FromMinutes(3));
            using (var http = new HttpClient { BaseAddress = second.BaseAddress })
            using (var login = await http.GetAsync("/account/login"))
            {
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            }
            Assert.Equal("ok", await ScalarTextAsync(database, "PRAGMA integrity_check"));

            // Quartz catches up once: one run of the scan, a catch-up, and the trigger is back on its next night.
            await PollAsync(database, $"SELECT COUNT(*) FROM JobRuns WHERE JobName = 'alerts.scan' AND Id > {runsBefore} AND FinishedAtUtc IS NOT NULL", TimeSpan.FromMinutes(2));
            await PollAsync(database, $"SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'alerts.scan.cron' AND NEXT_FIRE_TIME = {nextFire}", TimeSpan.FromMinutes(1));
            var scans = await ListAsync(database, $"SELECT \"Trigger\", Succeeded FROM JobRuns WHERE JobName = 'alerts.scan' AND Id > {runsBefore}",
                r => (Trigger: r.GetString(0), Succeeded: !r.IsDBNull(1) && r.GetBoolean(1)));
            var scan = Assert.Single(scans);
            Assert.Equal("catch-up", scan.Trigger);
            Assert.True(scan.Succeeded);

            // Every acknowledged report is there, current, with its audit row and all its problems, each audited.
            foreach (var report in reports)
            {
                var ids = await ListAsync(database, "SELECT Id FROM ProgressReports WHERE IsCurrent = 1 AND instr(Narrative, $t) > 0", r => r.GetInt32(0), report.Token);
                var id = Assert.Single(ids);
                Assert.Equal(1, await ScalarAsync(database, $"SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'ProgressReport' AND Action = 'Added' AND EntityId = '{id}'"));
                Assert.Equal(ProblemsPerReport, await ScalarAsync(database, "SELECT COUNT(*) FROM Problems WHERE instr(Description, $t) > 0", report.Token));
            }
            // Every acknowledged escalation is there with its history entry and the audit row of the change.
            foreach (var escalation in escalations)
            {
                Assert.Equal("Escalated", await ScalarTextAsync(database, $"SELECT Status FROM Problems WHERE Id = {escalation.ProblemId}"));
                Assert.Equal(1, await ScalarAsync(database, $"SELECT COUNT(*) FROM ProblemHistory WHERE ProblemId = {escalation.ProblemId} AND instr(Note, $t) > 0", escalation.Token));
                Assert.True(await ScalarAsync(database,
                    $"SELECT COUNT(*) FROM AuditEntries WHERE Id > {auditBefore} AND EntityType = 'Problem' AND Action = 'Modified' AND EntityId = '{escalation.ProblemId}'") >= 1);
            }

            // Nothing half-written, acknowledged or not: each report of the run has all its problems and no problem
            // lacks its report; no change of the run lacks its audit row, and no audit row of the run lacks its change.
            var reportTokens = await ListAsync(database, $"SELECT Narrative FROM ProgressReports WHERE instr(Narrative, '{Marker} ') > 0", r => TokenOf(r.GetString(0)));
            var problemTokens = (await ListAsync(database, $"SELECT Description FROM Problems WHERE instr(Description, '{Marker} ') > 0", r => TokenOf(r.GetString(0))))
                .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            Assert.Superset(reports.Select(r => r.Token).ToHashSet(), reportTokens.ToHashSet());
            Assert.All(reportTokens, t => Assert.Equal(ProblemsPerReport, problemTokens.GetValueOrDefault(t)));
            Assert.Subset(reportTokens.ToHashSet(), problemTokens.Keys.ToHashSet());
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM ProgressReports r WHERE instr(r.Narrative, '{Marker} ') > 0 AND NOT EXISTS (SELECT 1 FROM AuditEntries a WHERE a.EntityType = 'ProgressReport' AND a.Action = 'Added' AND a.EntityId = CAST(r.Id AS TEXT))"));
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM Problems p WHERE instr(p.Description, '{Marker} ') > 0 AND NOT EXISTS (SELECT 1 FROM AuditEntries a WHERE a.EntityType = 'Problem' AND a.Action = 'Added' AND a.EntityId = CAST(p.Id AS TEXT))"));
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM ProblemHistory h WHERE instr(h.Note, '{Marker} ') > 0 AND NOT EXISTS (SELECT 1 FROM AuditEntries a WHERE a.Id > {auditBefore} AND a.EntityType = 'Problem' AND a.Action = 'Modified' AND a.EntityId = CAST(h.ProblemId AS TEXT))"));
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM AuditEntries a WHERE a.Id > {auditBefore} AND a.EntityType = 'ProgressReport' AND NOT EXISTS (SELECT 1 FROM ProgressReports r WHERE CAST(r.Id AS TEXT) = a.EntityId)"));
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM AuditEntries a WHERE a.Id > {auditBefore} AND a.EntityType = 'Problem' AND a.Action = 'Added' AND NOT EXISTS (SELECT 1 FROM Problems p WHERE CAST(p.Id AS TEXT) = a.EntityId)"));
            Assert.Equal(0, await ScalarAsync(database,
                $"SELECT COUNT(*) FROM AuditEntries a WHERE a.Id > {auditBefore} AND a.EntityType = 'Problem' AND a.Action = 'Modified' AND NOT EXISTS (SELECT 1 FROM ProblemHistory h WHERE CAST(h.ProblemId AS TEXT) = a.EntityId AND instr(h.Note, '{Marker} ') > 0)"));
            output.WriteLine($"Verified after the restart: {reports.Count} reports, {reports.Count * ProblemsPerReport} problems, {escalations.Count} escalations; {reportTokens.Count} reports of the run in the database; one catch-up scan.");
        }
        finally
        {
            if (browser is not null) await browser.CloseAsync();
            playwright?.Dispose();
            if (first is not null) await first.DisposeAsync();
            if (second is not null) await second.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string TokenOf(string text) => Regex.Match(text, $@"{Marker} (\S+#)").Groups[1].Value;

    /// <summary>A chain lead files its open fortnightly reports, each with two problems, one after another.</summary>
    private static async Task ReportWriterAsync(IBrowser browser, Uri app, IReadOnlyList<string> chains, int writer, WriteLog log, Stopwatch deadline)
    {
        var filed = 0;
        try
        {
            foreach (var chain in chains)
            {
                if (filed >= MaxReportsPerWriter || log.Killed || deadline.Elapsed > TimeSpan.FromMinutes(8)) return;
                var page = await SignedInPageAsync(browser, app, $"chain-{chain}");
                await page.GotoInteractiveAsync("/reports");
                await page.Locator("[data-testid=inbox-counts][data-live=on]").WaitForAsync();
                var rows = await page.Locator("[data-testid=inbox-row]").EvaluateAllAsync<string[][]>(
                    "rows => rows.filter(r => r.dataset.state === 'Overdue' || r.dataset.state === 'Due')" +
                    ".map(r => [r.dataset.key, r.querySelector('[data-testid=inbox-file]')?.getAttribute('href') ?? ''])" +
                    ".filter(r => r[1] !== '')");
                foreach (var row in rows)
                {
                    if (filed >= MaxReportsPerWriter || log.Killed || deadline.Elapsed > TimeSpan.FromMinutes(8)) return;
                    var token = $"W{writer}R{filed}#";
                    await page.GotoInteractiveAsync(row[1]);
                    await page.Locator("[data-testid=report-header][data-live=on]").WaitForAsync();
                    await FormInput.Field(page, "field-narrative").FillAsync($"{Marker} {token} 二期厂房主体结构施工中，生产设备陆续进场。");
                    await FormInput.Field(page, "field-funds").FillAsync("10");
                    await FormInput.Field(page, "field-out-of-region").FillAsync("5");
                    await FormInput.Field(page, "field-next-steps").FillAsync("完成设备安装调试。");
                    for (var i = 0; i < ProblemsPerReport; i++)
                    {
                        await page.Locator("[data-testid=problem-add]").ClickAsync();
                        var problem = page.Locator("[data-testid=problem-row]").Nth(i);
                        await problem.Locator("textarea").First.FillAsync($"{Marker} {token} 问题{i + 1}：施工用电需增容，供电公司尚未批复。");
                        await problem.Locator("[data-testid=problem-factor] .mud-input-control").ClickAsync();
                        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "用电" }).First.ClickAsync();
                    }
                    log.Submitting();
                    await page.Locator("[data-testid=submit]").ClickAsync();
                    await log.Clicked();
                    await page.WaitForURLAsync(new Regex($@"/reports\?done={Regex.Escape(row[0])}$"), new() { Timeout = 60_000 });
                    log.Reports.Add(new AckedReport(token, row[1]));
                    log.Acknowledged();
                    filed++;
                }
                await page.Context.CloseAsync();
            }
        }
        catch (Exception) when (log.Killed)
        {
            // The app or the browser went away under this writer: its last write is unacknowledged.
        }
    }

    /// <summary>The Bureau escalates county-level ledger entries in progress, one after another.</summary>
    private static async Task LedgerWriterAsync(IBrowser browser, Uri app, IReadOnlyList<int> problems, WriteLog log, Stopwatch deadline)
    {
        try
        {
            var page = await SignedInPageAsync(browser, app, "bureau");
            await page.GotoInteractiveAsync("/ledger");
            await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();
            for (var n = 0; n < problems.Count; n++)
            {
                if (log.Killed || deadline.Elapsed > TimeSpan.FromMinutes(8)) return;
                var id = problems[n];
                var token = $"L{n}#";
                await page.Locator($"[data-testid=column-InProgress] [data-problem-id='{id}'] [data-action=escalate]").ClickAsync();
                var dialog = page.Locator(".mud-dialog");
                await dialog.Locator("textarea[data-testid=field-reason], [data-testid=field-reason] textarea").First.FillAsync($"{Marker} {token} 县级协调无果，请链主单位协调用地指标。");
                log.Submitting();
                await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
                await log.Clicked();
                await page.Locator($"[data-testid=column-Escalated] [data-problem-id='{id}']").WaitForAsync(new() { Timeout = 60_000 });
                log.Escalations.Add(new AckedEscalation(token, id));
                log.Acknowledged();
            }
        }
        catch (Exception) when (log.Killed)
        {
            // As for the reports: the escalation waiting for an answer is unacknowledged.
        }
    }

    private static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri app, string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", HttpSignIn.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/projects");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return page;
    }

    private static async Task<List<T>> ListAsync<T>(string database, string sql, Func<SqliteDataReader, T> read, string? token = null)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (token is not null) command.Parameters.AddWithValue("$t", $"{Marker} {token}");
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }

    private static async Task<long> ScalarAsync(string database, string sql, string? token = null) =>
        Convert.ToInt64(await ScalarObjectAsync(database, sql, token));

    private static async Task<string?> ScalarTextAsync(string database, string sql) =>
        Convert.ToString(await ScalarObjectAsync(database, sql, null));

    private static async Task<object?> ScalarObjectAsync(string database, string sql, string? token)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (token is not null) command.Parameters.AddWithValue("$t", $"{Marker} {token}");
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits, bounded, until a count query finds exactly one row (a short poll on the database, not a sleep to a deadline).</summary>
    private static async Task PollAsync(string database, string countSql, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (await ScalarAsync(database, countSql) < 1)
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"Nothing found within {timeout}: {countSql}");
            await Task.Delay(200);
        }
    }
}
