using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WallBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_fortnightly_report_filed_by_the_chain_lead_turns_the_leaders_card_green_without_a_reload()
    {
        var target = await PrepareProjectMissingOnlyOneReportAsync();
        var chainLead = await ScopeOfUserAsync($"chain-{target.ChainCode}");
        var bus = browser.App.Services.GetRequiredService<InMemoryLiveBus>();
        var listeners = bus.SubscriberCount;

        // Two browsers: the leader's wall, and the chain-lead unit's own wall of its chain.
        var leader = await OpenWallAsync("leader", "/wall");
        var lead = await OpenWallAsync(chainLead.UserName, "/wall?group=chain");
        var leaderCard = Card(leader, target.ProjectId);
        var leadCard = Card(lead, target.ProjectId);
        await Expect(leaderCard).ToHaveAttributeAsync("data-health", "AtRisk");
        await Expect(leadCard).ToHaveAttributeAsync("data-health", "AtRisk");
        await Expect(leaderCard.Locator("[data-testid=wall-reason]")).ToContainTextAsync("半月报未报送");
        var onTrackBefore = int.Parse(await SummaryCount(leader, HealthStatus.OnTrack).InnerTextAsync());
        var atRiskBefore = int.Parse(await SummaryCount(leader, HealthStatus.AtRisk).InnerTextAsync());
        await WaitUntilAsync(() => bus.SubscriberCount >= listeners + 2, "both walls listen to the live bus");
        await leader.EvaluateAsync("() => window.__noReload = 1");
        await lead.EvaluateAsync("() => window.__noReload = 1");

        // The chain lead files the missing period's report (the report form is another page; its command is this).
        var command = ServiceProviderServiceExtensions.GetRequiredService<SubmitReportCommand>(browser.App.Services);
        var result = await command.ExecuteAsync(chainLead, new SubmitReport(target.ProjectId, target.MissingPeriodIndex, ReportKind.Fortnightly, 0,
            new ReportInput("厂房主体结构完工，设备进场安装。", "下一步：试生产。", 0m, 0m, []), []));
        Assert.Equal(WriteStatus.Saved, result.Status);

        await Expect(leaderCard).ToHaveAttributeAsync("data-health", "OnTrack", Live);
        await Expect(leadCard).ToHaveAttributeAsync("data-health", "OnTrack", Live);
        await Expect(leaderCard).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("kashi-flash"));
        await Expect(leaderCard.Locator("[data-testid=wall-reason]")).ToContainTextAsync("无预警事项");
        await Expect(SummaryCount(leader, HealthStatus.OnTrack)).ToHaveTextAsync((onTrackBefore + 1).ToString());
        await Expect(SummaryCount(leader, HealthStatus.AtRisk)).ToHaveTextAsync((atRiskBefore - 1).ToString());
        Assert.Equal(1, await leader.EvaluateAsync<int>("() => window.__noReload"));
        Assert.Equal(1, await lead.EvaluateAsync<int>("() => window.__noReload"));
        await leader.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task The_wall_groups_filters_and_keeps_them_in_the_address_in_Chinese_and_English()
    {
        var page = await OpenWallAsync("leader", "/wall");
        await Expect(page.Locator("h4", new() { HasText = "挂图作战总览" })).ToBeVisibleAsync();
        var groups = await page.Locator("[data-testid=wall-group]").CountAsync();
        Assert.InRange(groups, 10, 13); // KEDZ and the twelve counties, those with projects on the map
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "wall-zh.png") });
        await ScreenshotsAsync(page, "wall-zh");
        await page.SetViewportSizeAsync(1600, 1000);

        // Group by chain: the address says so, and the groups are the chains.
        await FormInput.ClickUntilUrlAsync(page, page.Locator("[data-testid=wall-grouping] >> text=按产业链"), "**/wall?group=chain");
        await Expect(page.Locator("[data-testid=wall-group]").First).ToHaveAttributeAsync("data-group", new System.Text.RegularExpressions.Regex("^chain-"));

        // A health tile filters; the bookmark reopens the same view.
        // The regrouping's render may replace the tile under the first click, as with the grouping above.
        await FormInput.ClickUntilUrlAsync(page, page.Locator("[data-testid=summary-count][data-health=Stalled]"), "**/wall?group=chain&health=Stalled");
        await Expect(page.Locator("[data-testid=wall-card][data-health=OnTrack]")).ToHaveCountAsync(0);
        await page.GotoAsync("/wall?group=chain&health=Stalled&key=1");
        await page.Locator(".wall-root[data-live=on]").WaitForAsync();
        var healths = await page.Locator("[data-testid=wall-card]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.health)");
        Assert.NotEmpty(healths);
        Assert.All(healths, h => Assert.Equal("Stalled", h));
        Assert.Equal(healths.Length, await page.Locator("[data-testid=wall-card] [data-testid=wall-key]").CountAsync());

        // The closed filters name what the address chose (their options are built only while a list is open).
        await Expect(FormInput.Field(page, "wall-filter-health")).ToHaveValueAsync("推进停滞");
        await Expect(FormInput.Field(page, "wall-filter-chain")).ToHaveValueAsync("");
        // A chain picked from its list goes into the address, and the wall keeps that chain's cards alone.
        var chainName = (await page.Locator("[data-testid=wall-card] [data-testid=wall-chain]").First.InnerTextAsync()).Trim();
        await page.Locator("[data-testid=wall-filter-chain]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(chainName)}\\s*$") })
            .ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/wall\?group=chain&health=Stalled&key=1&chain=[^&]+$"));
        await Expect(FormInput.Field(page, "wall-filter-chain")).ToHaveValueAsync(chainName);
        await Expect(page.Locator("[data-testid=wall-group]")).ToHaveCountAsync(1); // grouped by chain: one chain, one group
        var chains = await page.Locator("[data-testid=wall-card] [data-testid=wall-chain]").EvaluateAllAsync<string[]>("els => els.map(e => e.textContent.trim())");
        Assert.NotEmpty(chains);
        Assert.All(chains, c => Assert.Equal(chainName, c));
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);

        // Clicking a card opens its battle map.
        var id = await page.Locator("[data-testid=wall-card]").First.GetAttributeAsync("data-project-id");
        Assert.Equal($"/projects/{id}/battlemap", await page.Locator("[data-testid=wall-card]").First.GetAttributeAsync("href"));
        await page.Context.CloseAsync();

        var english = await OpenWallAsync("leader", "/wall", "en");
        await Expect(english.Locator("h4", new() { HasText = "Battle-map wall" })).ToBeVisibleAsync();
        await Expect(english.Locator("[data-testid=wall-summary]")).ToContainTextAsync("Planned investment");
        await english.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "wall-en.png") });
        await ScreenshotsAsync(english, "wall-en");
        await english.Context.CloseAsync();
    }

    [Fact]
    public async Task The_projector_shows_the_wall_without_chrome_in_large_type_with_a_prominent_reconnect_banner()
    {
        var page = await OpenWallAsync("wall", "/wall?kiosk=1");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.Locator("[data-testid=kiosk-slide] [data-testid=wall-card]").First.WaitForAsync();

        Assert.Equal(0, await page.Locator(".mud-appbar, .mud-drawer").CountAsync());
        await Expect(page.Locator("[data-testid=kiosk-clock]")).ToContainTextAsync("北京时间");
        var titlePx = await page.Locator("[data-testid=kiosk-slide] .wall-card-name").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(titlePx >= 24, $"card titles are {titlePx}px");
        // Nothing spills out of the screen: the slide fits 1920×1080.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > innerHeight + 1");
        Assert.False(overflow, "the kiosk screen scrolls");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "wall-kiosk-zh.png") });

        // The reconnect banner (shown by js/reconnect.js when the connection drops) is big and on top of the wall.
        var banner = await page.EvaluateAsync<BannerLook>(
            """
            () => {
                const b = document.getElementById('components-reconnect-modal');
                b.hidden = false; b.dataset.state = 'offline';
                const r = b.getBoundingClientRect();
                const hit = document.elementFromPoint(innerWidth / 2, r.top + r.height / 2);
                return { fontPx: parseFloat(getComputedStyle(b).fontSize), height: r.height, width: r.width, onTop: b.contains(hit), background: getComputedStyle(b).backgroundColor, page: getComputedStyle(document.querySelector('.wall-kiosk')).backgroundColor };
            }
            """);
        Assert.True(banner.FontPx >= 32, $"banner text is {banner.FontPx}px");
        Assert.Equal("rgb(183, 28, 28)", banner.Background); // the offline red, not the dark page behind it
        Assert.NotEqual(banner.Page, banner.Background);
        Assert.True(banner.OnTop && banner.Width >= 1900, "the banner spans the top of the screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "wall-kiosk-offline-zh.png") });
        await page.EvaluateAsync("() => { const b = document.getElementById('components-reconnect-modal'); b.hidden = true; delete b.dataset.state; }");
        await page.Context.CloseAsync();
    }

    public sealed class BannerLook
    {
        public double FontPx { get; set; }
        public double Height { get; set; }
        public double Width { get; set; }
        public bool OnTop { get; set; }
        public string Background { get; set; } = string.Empty;
        public string Page { get; set; } = string.Empty;
    }

    private sealed record Target(int ProjectId, string ChainCode, int MissingPeriodIndex);

    /// <summary>
    /// A key project whose only health reason is one missing fortnightly report. The demo data usually has one; if
    /// not, one with nothing worse than missing reports, overdue milestones and inactivity is brought there the way
    /// a chain lead would: reports for the older missing periods, and an update that records the milestones reached.
    /// </summary>
    private async Task<Target> PrepareProjectMissingOnlyOneReportAsync()
    {
        var services = browser.App.Services;
        var health = services.GetRequiredService<ProjectHealthQuery>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var deadline = services.GetRequiredService<IOptions<HealthSettings>>().Value.ReportDeadlineDays;
        await using var db = await services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
        IQueryable<Project> Key() => db.Projects.Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject
            && (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction));
        var assessed = await health.AssessAsync(db, Key());
        HealthReasonKind[] fixable = [HealthReasonKind.ReportOverdue, HealthReasonKind.MilestoneOverdue, HealthReasonKind.NoActivity];
        var candidates = assessed
            .Where(a => a.Value.Reasons.Any(r => r.Kind == HealthReasonKind.ReportOverdue) && a.Value.Reasons.All(r => fixable.Contains(r.Kind)))
            .OrderBy(a => a.Value.Reasons is [{ Code: "ReportMissing" }] ? 0 : 1).ThenBy(a => a.Value.Reasons.Count).ThenBy(a => a.Key)
            .Select(a => a.Key).ToList();
        Assert.True(candidates.Count > 0, "no key project in the demo data misses fortnightly reports without worse trouble");
        var id = candidates[0];
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == id);
        var chainCode = await db.Chains.Where(c => c.Id == project.ChainId).Select(c => c.Code).SingleAsync();
        var lead = await ScopeOfUserAsync($"chain-{chainCode}");
        var facts = (await health.LoadFactsAsync(db, db.Projects.Where(p => p.Id == id)))[id];
        var overdue = FortnightlyObligations.For(facts.Stage, facts.IsKeyProject, facts.SignedOn, facts.FortnightlyReports, now, deadline)
            .Where(o => o.State == ObligationState.Overdue).Select(o => o.Period.Index).ToList();
        var command = ServiceProviderServiceExtensions.GetRequiredService<SubmitReportCommand>(services);
        var today = Domain.Common.BeijingTime.DateOf(now);

        foreach (var period in overdue.SkipLast(1))
        {
            var filed = await command.ExecuteAsync(lead, new SubmitReport(id, period, ReportKind.Fortnightly, 0, new ReportInput("补报：项目按计划推进。", null, 0m, 0m, []), []));
            Assert.Equal(WriteStatus.Saved, filed.Status);
        }
        var late = await db.Milestones.AsNoTracking().Where(m => m.ProjectId == id && m.ReachedOn == null && m.PlannedOn < today).Select(m => m.Id).ToListAsync();
        if (late.Count > 0 || assessed[id].Reasons.Any(r => r.Kind == HealthReasonKind.NoActivity))
        {
            var current = HalfMonthPeriod.Containing(today).Index;
            var revision = await db.ProgressReports.Where(r => r.ProjectId == id && r.PeriodIndex == current && r.Kind == ReportKind.Update && r.IsCurrent)
                .Select(r => r.Revision).FirstOrDefaultAsync();
            var update = await command.ExecuteAsync(lead, new SubmitReport(id, current, ReportKind.Update, revision,
                new ReportInput("节点已完成，现场核实。", null, 0m, 0m, late.Select(m => new MilestoneReached(m, today)).ToList()), []));
            Assert.Equal(WriteStatus.Saved, update.Status);
        }

        var now2 = await health.AssessAsync(db, db.Projects.Where(p => p.Id == id));
        Assert.Equal(HealthStatus.AtRisk, now2[id].Status);
        Assert.Equal("ReportMissing", Assert.Single(now2[id].Reasons).Code);
        return new Target(id, chainCode, overdue[^1]);
    }

    /// <summary>A demo user's scope, resolved by the app's own Security/UserScopes from its sign-in principal.</summary>
    private async Task<UserScope> ScopeOfUserAsync(string userName)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no demo user {userName}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
        var resolved = await UserScopes.ResolveAsync(principal, db);
        Assert.Equal(userName, resolved.UserName);
        return resolved;
    }

    private async Task<IPage> OpenWallAsync(string user, string url, string culture = "zh-CN")
    {
        var page = await browser.SignedInPageAsync(user, culture);
        await page.GotoAsync(url);
        // The interactive pass has subscribed to live changes.
        await page.Locator(".wall-root[data-live=on]").WaitForAsync(new() { Timeout = 15_000 });
        return page;
    }

    private static ILocator Card(IPage page, int projectId) => page.Locator($"[data-testid=wall-card][data-project-id='{projectId}']");

    private static ILocator SummaryCount(IPage page, HealthStatus status) =>
        page.Locator($"[data-testid=summary-count][data-health={status}] .wall-tile-value");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"timed out waiting until {what}");
            await Task.Yield();
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The page at the two screens the leaders use (1920×1080 projector, 1366×768 laptop).</summary>
    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var (w, h) in new[] { (1920, 1080), (1366, 768) })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"{name}-{w}.png") });
        }
    }
}
