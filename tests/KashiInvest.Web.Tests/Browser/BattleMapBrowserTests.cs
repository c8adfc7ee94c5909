using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BattleMapBrowserTests(BrowserFixture browser)
{
    private const string MilestoneChart = "[data-testid=milestone-chart] .apexcharts-canvas svg";
    private const string FundsChart = "[data-testid=funds-chart] .apexcharts-canvas svg";

    private sealed record KeyProject(int Id, string Name, string Code, int ChainId);

    [Fact]
    public async Task A_leader_watches_a_key_projects_battle_map_and_a_report_filed_elsewhere_appears_without_reload()
    {
        var project = await PickKeyProjectAsync();
        var reasons = await ReasonsAsync(project.Id, "zh-CN");
        Assert.NotEmpty(reasons);

        var page = await browser.SignedInPageAsync("leader");
        await page.GotoAsync($"/projects/{project.Id}/battlemap");
        await page.Locator("[data-testid=battlemap]").WaitForAsync();

        await Expect(page.Locator("[data-testid=bm-name]")).ToHaveTextAsync(project.Name);
        await Expect(page.Locator("[data-testid=bm-header]")).ToContainTextAsync(project.Code);
        await Expect(page.Locator("[data-testid=bm-header]")).ToContainTextAsync("计划投资");
        var shown = (await page.Locator("[data-testid=bm-health-reasons] li").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(reasons, shown);
        await page.Locator(MilestoneChart).First.WaitForAsync();
        await page.Locator(FundsChart).First.WaitForAsync();
        // A leader reads: nothing to file from here.
        await Expect(page.Locator("[data-testid=bm-file-report]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "battlemap-zh.png") });
        // Readable on a laptop and on a projector: the same page at 1366×768 and 1920×1080.
        foreach (var (width, height, name) in new[] { (1366, 768, "laptop"), (1920, 1080, "projector") })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.Locator(FundsChart).First.WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"battlemap-zh-{name}.png") });
        }
        await page.SetViewportSizeAsync(1600, 1000);

        // The chain lead files this period's report from another screen; this page shows it live, without a reload.
        await page.EvaluateAsync("() => { window.__noReload = 1; }");
        var narrative = $"浏览器测试：挂图作战实时显示新报告 {Guid.NewGuid():N}"[..30];
        var result = await FileReportAsChainLeadAsync(project, narrative);
        Assert.Equal(WriteStatus.Saved, result.Status);

        var report = page.Locator("[data-testid=bm-report]", new() { HasText = narrative });
        await report.WaitForAsync();
        await Expect(page.Locator("[data-testid=bm-reports] [data-testid=bm-report]").First).ToContainTextAsync(narrative);
        Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__noReload"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_battle_map_reads_in_English()
    {
        var project = await PickKeyProjectAsync();
        var reasons = await ReasonsAsync(project.Id, "en");

        var page = await browser.SignedInPageAsync("leader", "en");
        await page.GotoAsync($"/projects/{project.Id}/battlemap");
        await page.Locator("[data-testid=battlemap]").WaitForAsync();

        await Expect(page.Locator("[data-testid=bm-header]")).ToContainTextAsync("Planned investment");
        await Expect(page.Locator("[data-testid=bm-next-actions]")).ToContainTextAsync("Next actions");
        var shown = (await page.Locator("[data-testid=bm-health-reasons] li").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(reasons, shown);
        await page.Locator(MilestoneChart).First.WaitForAsync();
        await page.Locator(FundsChart).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "battlemap-en.png") });
        // The cards' chips and icons are plain markup (no component each): every problem row still shows its severity chip.
        var problemRows = await page.Locator("[data-testid=bm-problems] li").CountAsync();
        await Expect(page.Locator("[data-testid=bm-problems] li .mud-chip")).ToHaveCountAsync(problemRows);
        await Expect(page.Locator("[data-testid=bm-next-actions] .bm-card-title svg.mud-icon-root")).ToHaveCountAsync(1);
        foreach (var (width, height, name) in new[] { (1366, 768, "laptop"), (1920, 1080, "projector") })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.Locator(FundsChart).First.WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"battlemap-en-{name}.png") });
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "battlemap-en-projector-full.png"), FullPage = true });
        await page.SetViewportSizeAsync(1600, 1000);

        // A live change is worded in the page's language too.
        var narrative = $"浏览器测试：英文界面实时显示 {Guid.NewGuid():N}"[..30];
        Assert.Equal(WriteStatus.Saved, (await FileReportAsChainLeadAsync(project, narrative)).Status);
        var report = page.Locator("[data-testid=bm-report]", new() { HasText = narrative });
        await Expect(report).ToContainTextAsync("Filed by");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A signed key project under way, with an overdue milestone, reported funds and open problems. The overdue
    /// milestone is made sure of: which milestones are past their plan depends on the day.
    /// </summary>
    private async Task<KeyProject> PickKeyProjectAsync()
    {
        var project = await browser.App.QueryAsync(db => db.Projects
            .Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject && (p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
                        && p.PlannedStartOn != null && p.PlannedCompletionOn != null)
            .Where(p => db.ProgressReports.Count(r => r.ProjectId == p.Id && r.IsCurrent && r.FundsInPlaceThisPeriodWan > 0) >= 3)
            .OrderByDescending(p => db.Problems.Count(x => x.ProjectId == p.Id && x.Status != ProblemStatus.Resolved))
            .ThenBy(p => p.Id)
            .Select(p => new KeyProject(p.Id, p.Name, p.Code, p.ChainId))
            .FirstAsync());
        await DemoProjects.EditMilestonesAsync(browser.App, project.Id, DemoProjects.AddOverdueMilestone);
        var today = BeijingTime.Today(browser.App.Clock);
        Assert.True(await browser.App.QueryAsync(db => db.Milestones.AnyAsync(m => m.ProjectId == project.Id && m.ReachedOn == null && m.PlannedOn < today)));
        return project;
    }

    /// <summary>The project's health reasons in words, as the shared health query and the app's words give them.</summary>
    private async Task<List<string>> ReasonsAsync(int projectId, string culture)
    {
        var services = browser.App.Services;
        var health = services.GetRequiredService<ProjectHealthQuery>();
        var assessment = await browser.App.QueryAsync(db => health.AssessAsync(db, db.Projects.Where(p => p.Id == projectId)));
        using var _ = new UiCulture(culture);
        var text = services.GetRequiredService<UiText>();
        return assessment[projectId].Reasons.Select(text.Health).ToList();
    }

    private async Task<WriteResult> FileReportAsChainLeadAsync(KeyProject project, string narrative)
    {
        var services = browser.App.Services;
        var period = HalfMonthPeriod.Containing(BeijingTime.Today(browser.App.Clock));
        var (scope, revision) = await browser.App.QueryAsync(async db =>
        {
            var chain = await db.Chains.SingleAsync(c => c.Id == project.ChainId);
            var unit = await db.Units.SingleAsync(u => u.Id == chain.LeadUnitId);
            var chains = await db.Chains.Where(c => c.LeadUnitId == unit.Id).Select(c => c.Id).ToListAsync();
            var current = await db.ProgressReports.Where(r => r.ProjectId == project.Id && r.PeriodIndex == period.Index
                    && r.Kind == ReportKind.Fortnightly && r.IsCurrent).Select(r => (int?)r.Revision).FirstOrDefaultAsync();
            return (new UserScope($"chain-{chain.Code}", unit.Name, ActorRole.ChainLead, unit.Id, chains, []), current ?? 0);
        });
        var command = ServiceProviderServiceExtensions.GetRequiredService<SubmitReportCommand>(services);
        return await command.ExecuteAsync(scope, new SubmitReport(project.Id, period.Index, ReportKind.Fortnightly, revision,
            new ReportInput(narrative, null, 100m, 60m, []), []));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
