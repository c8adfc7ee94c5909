using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Scheduling;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Its own application on a <see cref="ManualClock"/>: 2 December 2026, noon in Beijing, when the second-half
/// November reports are due by the end of 3 December. Demo data is generated for that day.
/// </summary>
public sealed class AlertsBrowserFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    private IPlaywright? _playwright;

    public ManualClock Clock { get; } = new(Start);

    public KashiAppFactory App { get; }

    public IBrowser Browser { get; private set; } = default!;

    public AlertsBrowserFixture() => App = new KashiAppFactory { Clock = Clock };

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KASHI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string userName, string culture = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = culture,
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        if (culture != "zh-CN") await page.GotoAsync($"/culture/{culture}?returnUrl=/account/login");
        else await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", HttpSignIn.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/projects");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return page;
    }

    /// <summary>Runs the alert scan as "run now" does and waits (on the run log, not a sleep) until it has finished.</summary>
    public async Task RunScanAsync()
    {
        var before = await App.QueryAsync(db => db.JobRuns.CountAsync(r => r.FinishedAtUtc != null));
        await App.Services.GetRequiredService<ScheduledJobs>().RunNowAsync("alerts.scan", "test");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await App.QueryAsync(db => db.JobRuns.CountAsync(r => r.FinishedAtUtc != null)) <= before) await Task.Delay(50, cts.Token);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class AlertsBrowserTests(AlertsBrowserFixture fixture) : IClassFixture<AlertsBrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 15_000 };
    private static readonly HalfMonthPeriod Nov2 = new(2026, 11, 2);

    [Fact]
    public async Task A_report_passing_its_deadline_alerts_the_leader_live_and_filing_it_clears_the_alert_live()
    {
        // A key project whose November second-half report is still due (not overdue) on 2 December.
        var bureau = new UserScope("bureau", "招商局", ActorRole.Bureau, null, [], []);
        var rows = await fixture.App.Services.GetRequiredService<ReportInboxQuery>().LoadAsync(bureau);
        var target = rows.First(r => r.Period == Nov2 && r.State == ObligationState.Due);
        await fixture.RunScanAsync(); // the start-up scan may still be running: settle on a known state
        Assert.False(await fixture.App.QueryAsync(db => db.Alerts.AnyAsync(a => a.ProjectId == target.Project.Id && a.Kind == AlertKind.ReportOverdue && a.Subject == "2026-11-H2")));

        var leader = await fixture.SignedInPageAsync("leader");
        await leader.GotoInteractiveAsync("/alerts?type=ReportOverdue");
        await Expect(leader.Locator("[data-testid=alert-list]")).ToHaveAttributeAsync("data-live", "on");
        var bell = leader.Locator("[data-testid=alert-bell]");
        var countBefore = int.Parse(await bell.GetAttributeAsync("data-count") ?? "0");
        await leader.EvaluateAsync("() => window.__noReload = 1");
        var row = leader.Locator($"[data-testid=alert-row][data-kind=ReportOverdue]", new() { HasText = target.Project.Name });
        var rowsBefore = await row.CountAsync();

        // 4 December, 00:30 in Beijing: the report's deadline (end of 3 December) has passed; the nightly job runs.
        fixture.Clock.Advance(new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero) - fixture.Clock.GetUtcNow());
        await fixture.RunScanAsync();

        await Expect(row).ToHaveCountAsync(rowsBefore + 1, new() { Timeout = 15_000 });
        await Expect(row.First).ToContainTextAsync("2026年11月下半月");
        await Expect(leader.Locator(".mud-snackbar")).Not.ToHaveCountAsync(0);
        var countAfter = int.Parse(await bell.GetAttributeAsync("data-count") ?? "0");
        Assert.True(countAfter > countBefore, $"the bell went from {countBefore} to {countAfter}");
        await leader.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "alerts-live-toast-zh.png") });

        // The chain lead files the report: the alert clears on the leader's screen by itself.
        var chain = await fixture.App.QueryAsync(db => db.Chains.SingleAsync(c => c.Id == target.Project.ChainId));
        var chainLead = new UserScope($"chain-{chain.Code}", "链长", ActorRole.ChainLead, chain.LeadUnitId, [chain.Id], []);
        var result = await fixture.App.Services.GetRequiredService<SubmitReportCommand>().ExecuteAsync(chainLead,
            new SubmitReport(target.Project.Id, Nov2.Index, ReportKind.Fortnightly, 0, new ReportInput("设备安装完成，准备试生产。", null, 0m, 0m, []), []));
        Assert.Equal(WriteStatus.Saved, result.Status);

        await Expect(row).ToHaveCountAsync(rowsBefore, new() { Timeout = 15_000 });
        var cleared = await fixture.App.QueryAsync(db => db.Alerts.SingleAsync(a => a.ProjectId == target.Project.Id && a.Kind == AlertKind.ReportOverdue && a.Subject == "2026-11-H2"));
        Assert.NotNull(cleared.ClearedAtUtc);
        await Expect(bell).Not.ToHaveAttributeAsync("data-count", countAfter.ToString(), Live);
        Assert.Equal(1, await leader.EvaluateAsync<int>("() => window.__noReload"));
        await leader.Context.CloseAsync();
    }

    [Fact]
    public async Task The_alert_centre_acknowledges_with_a_note_and_reads_in_Chinese_and_English()
    {
        await fixture.RunScanAsync();
        var page = await fixture.SignedInPageAsync("bureau");
        await page.GotoInteractiveAsync("/alerts");
        await Expect(page.Locator("[data-testid=alert-list]")).ToHaveAttributeAsync("data-live", "on");
        await Expect(page.Locator("h4", new() { HasText = "预警中心" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "alerts-zh.png") });

        var first = page.Locator("[data-testid=alert-row]").First;
        var id = await first.GetAttributeAsync("data-alert-id");
        await first.Locator("[data-testid=alert-ack]").ClickAsync();
        await page.Locator("textarea[data-testid=ack-note], [data-testid=ack-note] textarea").FillAsync("已电话督促，周五前报送");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "alerts-ack-dialog-zh.png") });
        await page.Locator("[data-testid=ack-submit]").ClickAsync();
        var acked = page.Locator($"[data-testid=alert-row][data-alert-id='{id}'] [data-testid=alert-acked]");
        await Expect(acked).ToContainTextAsync("已电话督促");
        var stored = await fixture.App.QueryAsync(db => db.Alerts.SingleAsync(a => a.Id == int.Parse(id!)));
        Assert.Equal(("bureau", "已电话督促，周五前报送"), (stored.AcknowledgedBy, stored.AcknowledgeNote));

        // Filters live in the address.
        await page.GotoInteractiveAsync("/alerts?severity=High&type=Stalled");
        await Expect(page.Locator("[data-testid=alert-list]")).ToHaveAttributeAsync("data-live", "on");
        Assert.All(await page.Locator("[data-testid=alert-row]").AllAsync(), r => Assert.Equal("Stalled", r.GetAttributeAsync("data-kind").Result));

        // The same open alerts on the project's battle map and on the wall's cards.
        var projectId = await fixture.App.QueryAsync(db => db.Alerts.Where(a => a.ClearedAtUtc == null && a.ProjectId != null).Select(a => a.ProjectId!.Value).FirstAsync());
        await page.GotoInteractiveAsync($"/projects/{projectId}/battlemap");
        await Expect(page.Locator("[data-testid=bm-alerts]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "alerts-battlemap-zh.png") });
        await page.GotoInteractiveAsync("/wall");
        await Expect(page.Locator($"[data-testid=wall-card][data-project-id='{projectId}'] [data-testid=card-alerts]")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "alerts-wall-zh.png") });

        var en = await fixture.SignedInPageAsync("leader", "en");
        await en.GotoInteractiveAsync("/alerts");
        await Expect(en.Locator("h4", new() { HasText = "Alert centre" })).ToBeVisibleAsync();
        await Expect(en.Locator("[data-testid=alert-list]")).ToHaveAttributeAsync("data-live", "on");
        await en.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "alerts-en.png") });
        await page.Context.CloseAsync();
        await en.Context.CloseAsync();
    }

    [Fact]
    public async Task The_jobs_page_shows_the_schedule_in_words_and_runs_the_scan_now()
    {
        var page = await fixture.SignedInPageAsync("admin");
        await page.GotoInteractiveAsync("/admin/jobs");
        var job = page.Locator("[data-testid=job][data-job='alerts.scan']");
        await Expect(job.Locator("[data-testid=job-schedule]")).ToContainTextAsync("每天 02:00");
        await Expect(page.Locator("[data-testid=job][data-job='statistics.month-close'] [data-testid=job-schedule]")).ToContainTextAsync("每月 1 日 00:30");
        await Expect(page.Locator("[data-testid=jobs-title]")).ToHaveAttributeAsync("data-live", "on");
        var runsBefore = await job.Locator("[data-testid=job-run]").CountAsync();
        await job.Locator("[data-testid=job-run-now]").ClickAsync();
        await Expect(job.Locator("[data-testid=job-run]")).ToHaveCountAsync(Math.Min(runsBefore + 1, 10), new() { Timeout = 30_000 });
        await Expect(job.Locator("[data-testid=job-run]").First).ToContainTextAsync("手动（admin）", new() { Timeout = 30_000 });
        await Expect(job.Locator("[data-testid=job-last-result]")).ToContainTextAsync("新增", new() { Timeout = 30_000 });
        await Expect(page.Locator("h4")).ToContainTextAsync("定时任务"); // still in the user's language after the live update
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "admin-jobs-zh.png") });
        await Expect(job.Locator("[data-testid=job-last-state]")).ToContainTextAsync("成功", new() { Timeout = 30_000 });

        var en = await fixture.SignedInPageAsync("bureau", "en");
        await en.GotoInteractiveAsync("/admin/jobs");
        await Expect(en.Locator("[data-testid=job][data-job='alerts.scan'] [data-testid=job-schedule]")).ToContainTextAsync("Every day at 02:00 (Beijing time)");
        await en.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "admin-jobs-en.png") });

        // Not for a county.
        var county = await fixture.SignedInPageAsync("shufu");
        await county.GotoAsync("/admin/jobs");
        // The page is not for a county: it is sent away to sign in as someone who may see it.
        await Assertions.Expect(county).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(county.Locator("[data-testid=job]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        await en.Context.CloseAsync();
        await county.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
