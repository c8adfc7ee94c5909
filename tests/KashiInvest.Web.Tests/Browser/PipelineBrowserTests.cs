using KashiInvest.Domain.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>The pipeline board, the to-do list and the project page's history, driven in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PipelineBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task The_Bureau_drags_a_lead_to_Terminated_giving_a_reason_and_a_second_screen_sees_it_move_live()
    {
        var lead = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Lead)
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Code, p.Name }).FirstAsync());
        var url = $"/pipeline?q={lead.Code}";
        var bureau = await OpenAsync("bureau", url);
        var watcher = await OpenAsync("leader", url);
        await ExpandAsync(bureau, ProjectStage.Terminated);
        await ExpandAsync(watcher, ProjectStage.Terminated);
        var card = Card(bureau, lead.Id);
        await Expect(Column(bureau, ProjectStage.Lead).Locator($"[data-project-id='{lead.Id}']")).ToBeVisibleAsync();
        // The leader reads the board but may not drag.
        await Expect(Card(watcher, lead.Id)).ToHaveAttributeAsync("data-can-edit", "false");
        await Card(watcher, lead.Id).DragToAsync(Zone(watcher, ProjectStage.Terminated));
        await Expect(watcher.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(Column(watcher, ProjectStage.Lead).Locator($"[data-project-id='{lead.Id}']")).ToBeVisibleAsync();

        // A cancelled move puts the card back.
        await card.DragToAsync(Zone(bureau, ProjectStage.Terminated));
        var dialog = bureau.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("button", new() { HasText = "取消" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Column(bureau, ProjectStage.Lead).Locator($"[data-project-id='{lead.Id}']")).ToBeVisibleAsync();

        // Terminating asks for a reason from the list and an explanation.
        await Card(bureau, lead.Id).DragToAsync(Zone(bureau, ProjectStage.Terminated));
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("[data-testid=transition-submit]").ClickAsync();
        await Expect(dialog).ToContainTextAsync("请选择终止原因。");
        await Expect(dialog).ToContainTextAsync("请说明原因。");
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "pipeline-terminate-dialog-zh.png") });
        await dialog.Locator("[data-testid=termination-reason]").First.ClickAsync();
        await bureau.Locator(".mud-popover-open .mud-list-item", new() { HasText = "企业放弃投资" }).ClickAsync();
        await dialog.Locator("textarea[data-testid=transition-note], [data-testid=transition-note] textarea").First.FillAsync("客商集团战略调整，书面撤回投资意向。");
        await dialog.Locator("[data-testid=transition-submit]").ClickAsync();

        await Expect(Column(bureau, ProjectStage.Terminated).Locator($"[data-project-id='{lead.Id}']")).ToBeVisibleAsync(Live);
        await Expect(Column(bureau, ProjectStage.Lead).Locator($"[data-project-id='{lead.Id}']")).ToHaveCountAsync(0);
        // The other screen moves the card without a reload, and flashes it.
        var moved = Column(watcher, ProjectStage.Terminated).Locator($"[data-project-id='{lead.Id}']");
        await Expect(moved).ToBeVisibleAsync(Live);
        await Expect(moved.Locator(".kashi-flash")).ToHaveCountAsync(1);
        await Expect(Column(watcher, ProjectStage.Terminated).Locator("[data-testid=column-count]")).ToHaveTextAsync("1");
        var stored = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Id == lead.Id).Select(p => new { p.Stage, p.TerminationReason }).SingleAsync());
        Assert.Equal(ProjectStage.Terminated, stored.Stage);
        Assert.Equal(TerminationReason.InvestorWithdrew, stored.TerminationReason);

        // The project page tells the story: Lead → Terminated, by whom, why.
        await bureau.GotoInteractiveAsync($"/projects/{lead.Id}");
        var history = bureau.Locator("[data-testid=history-panel]");
        await Expect(history.Locator("[data-testid=history-item][data-to=Terminated]")).ToContainTextAsync("企业放弃投资");
        await Expect(history.Locator("[data-testid=history-item][data-to=Terminated]")).ToContainTextAsync("地区招商局调度员");
        await Expect(history).ToContainTextAsync("书面撤回投资意向");
        await Expect(bureau.Locator("[data-testid=project-documents]")).ToBeVisibleAsync();
        foreach (var (w, h) in new[] { (1366, 768), (1920, 1080) })
        {
            await bureau.SetViewportSizeAsync(w, h);
            await ScrollToHistoryAsync(bureau);
            await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"project-history-zh-{w}.png") });
        }
        await bureau.GotoAsync($"/culture/en?returnUrl=/projects/{lead.Id}");
        await Expect(bureau.Locator("[data-testid=history-item][data-to=Terminated]")).ToContainTextAsync("Reason");
        foreach (var (w, h) in new[] { (1366, 768), (1920, 1080) })
        {
            await bureau.SetViewportSizeAsync(w, h);
            await ScrollToHistoryAsync(bureau);
            await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"project-history-en-{w}.png") });
        }
        await bureau.Context.CloseAsync();
        await watcher.Context.CloseAsync();
    }

    [Fact]
    public async Task A_move_the_rules_forbid_is_refused_with_the_reason_and_the_card_stays()
    {
        var lead = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Lead)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Code }).FirstAsync());
        var page = await OpenAsync("bureau", $"/pipeline?q={lead.Code}");

        await Card(page, lead.Id).DragToAsync(Zone(page, ProjectStage.Signed));

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("项目不能从“线索”直接转入“签约”");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(Column(page, ProjectStage.Lead).Locator($"[data-project-id='{lead.Id}']")).ToBeVisibleAsync();
        await Expect(Column(page, ProjectStage.Signed).Locator($"[data-project-id='{lead.Id}']")).ToHaveCountAsync(0);
        Assert.Equal(ProjectStage.Lead, await browser.App.QueryAsync(db => db.Projects.Where(p => p.Id == lead.Id).Select(p => p.Stage).SingleAsync()));

        // The keyboard way: the card's menu offers only the moves the rules allow.
        await Card(page, lead.Id).Locator("[data-testid=card-move-menu] button").First.ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-menu-item, .mud-popover-open .mud-list-item");
        await Expect(items).ToHaveCountAsync(ProjectLifecycle.NextStages(ProjectStage.Lead).Count);
        await page.Keyboard.PressAsync("Escape");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Screenshots_of_the_board_and_the_to_do_list_in_Chinese_and_English_at_projector_sizes()
    {
        var chainLead = await browser.App.QueryAsync(db => db.Projects
            .Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject && p.SignedOn != null && (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction))
            .Join(db.Chains, p => p.ChainId, c => c.Id, (p, c) => c.Code).FirstAsync());
        var withReports = await browser.App.QueryAsync(db => db.ProgressReports.Where(r => r.IsCurrent).GroupBy(r => r.ProjectId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var tag = culture == "zh-CN" ? "zh" : "en";
            var board = await OpenAsync("bureau", "/pipeline", culture);
            var columns = await board.Locator("[data-testid=pipeline-column]").CountAsync();
            Assert.Equal(10, columns);
            foreach (var (w, h) in new[] { (1366, 768), (1920, 1080) })
            {
                await board.SetViewportSizeAsync(w, h);
                await board.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"pipeline-{tag}-{w}.png") });
            }
            await board.Context.CloseAsync();

            var todo = await browser.SignedInPageAsync($"chain-{chainLead}", culture);
            await todo.GotoInteractiveAsync("/todo");
            await todo.Locator(".todo-page[data-live=on]").WaitForAsync(new() { Timeout = 15_000 });
            await Expect(todo.Locator("[data-testid=todo-item]").First).ToBeVisibleAsync();
            await Expect(todo.Locator("[data-testid=todo-badge]")).ToBeVisibleAsync();
            var first = await todo.Locator("[data-testid=todo-band]").First.GetAttributeAsync("data-urgency");
            Assert.Equal("Overdue", first);
            foreach (var (w, h) in new[] { (1366, 768), (1920, 1080) })
            {
                await todo.SetViewportSizeAsync(w, h);
                await todo.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"todo-{tag}-{w}.png") });
            }
            await todo.Context.CloseAsync();

            // A key project's page: its history and its documents (the filed reports).
            var project = await browser.SignedInPageAsync("bureau", culture);
            await project.SetViewportSizeAsync(1366, 768);
            await project.GotoInteractiveAsync($"/projects/{withReports}");
            await Expect(project.Locator("[data-testid=project-document]").First).ToBeVisibleAsync();
            await ScrollToHistoryAsync(project);
            await project.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"project-documents-{tag}-1366.png") });
            await project.Context.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(string user, string url, string culture = "zh-CN")
    {
        var page = await browser.SignedInPageAsync(user, culture);
        // The whole board fits a 1920 screen; narrower screens scroll it sideways.
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoInteractiveAsync(url);
        await page.Locator(".pipeline-page[data-live=on]").WaitForAsync(new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>Scrolls the history panel to the top of the screen (by script: the interactive render may replace the prerendered element).</summary>
    private static async Task ScrollToHistoryAsync(IPage page)
    {
        await page.Locator("[data-testid=history-panel]").WaitForAsync();
        await page.EvaluateAsync("() => document.querySelector('[data-testid=history-panel]').scrollIntoView({ block: 'start' })");
    }

    private static async Task ExpandAsync(IPage page, ProjectStage stage)
    {
        await Column(page, stage).Locator("[data-testid=column-toggle]").First.ClickAsync();
        await Expect(Column(page, stage)).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("collapsed"));
    }

    private static ILocator Column(IPage page, ProjectStage stage) => page.Locator($".pipeline-column[data-stage={stage}]");

    private static ILocator Zone(IPage page, ProjectStage stage) => Column(page, stage).Locator(".pipeline-zone");

    private static ILocator Card(IPage page, int id) => page.Locator($"[data-testid=pipeline-card][data-project-id='{id}']");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
