using KashiInvest.Domain.Problems;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LedgerBrowserTests(BrowserFixture browser)
{
    /// <summary>Opens the ledger and waits until the board is interactive and following live changes.</summary>
    private static async Task OpenLedgerAsync(IPage page, string url = "/ledger")
    {
        await page.GotoInteractiveAsync(url);
        await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();
        // Marks this document: if the page reloaded, the mark would be gone.
        await page.EvaluateAsync("() => window.__ledgerNoReload = true");
    }

    private static Task<bool> NotReloadedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__ledgerNoReload === true");

    [Fact]
    public async Task The_Bureau_escalates_a_card_and_it_moves_on_its_board_and_on_the_leaders_board_without_reload()
    {
        var id = await browser.App.QueryAsync(db => db.Problems
            .Where(p => p.Status == ProblemStatus.InProgress && p.Level == EscalationLevel.County).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var card = $"[data-problem-id='{id}']";

        // A column draws only its first cards (LedgerOptions.CardsPerColumn): the entry is opened by its link
        // (?problem=N), which always draws it, wherever it stands in its column.
        var leader = await browser.SignedInPageAsync("leader");
        await OpenLedgerAsync(leader, $"/ledger?problem={id}");
        await leader.Locator($"[data-testid=column-InProgress] {card}").WaitForAsync();

        var page = await browser.SignedInPageAsync("bureau");
        await OpenLedgerAsync(page, $"/ledger?problem={id}");
        await page.Locator($"[data-testid=column-InProgress] {card}").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "ledger-zh.png") });
        var escalatedBefore = int.Parse(await page.Locator("[data-testid=count-Escalated]").InnerTextAsync());

        await page.Locator($"[data-testid=column-InProgress] {card} [data-action=escalate]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("[data-testid=escalation-target]")).ToContainTextAsync("链长单位");
        // Submitting without a reason is refused next to the field.
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=field-reason]") })).ToContainTextAsync("此项为必填项。");
        await dialog.Locator("textarea[data-testid=field-reason], [data-testid=field-reason] textarea").First.FillAsync("县级协调无果，请链主单位协调用地指标");
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();

        await page.Locator($"[data-testid=column-Escalated] {card}").WaitForAsync();
        await Expect(page.Locator($"[data-testid=column-InProgress] {card}")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=count-Escalated]")).ToHaveTextAsync((escalatedBefore + 1).ToString());
        Assert.True(await NotReloadedAsync(page), "the Bureau's board reloaded");

        // The leader's board hears of it through the live feed, and moves the card too.
        await leader.Locator($"[data-testid=column-Escalated] {card}").WaitForAsync();
        await Expect(leader.Locator($"[data-testid=column-InProgress] {card}")).ToHaveCountAsync(0);
        await Expect(leader.Locator($"[data-testid=column-Escalated] {card} [data-level]")).ToHaveTextAsync("链长单位");
        Assert.True(await NotReloadedAsync(leader), "the leader's board reloaded");
        // A leader watches: no action buttons on any card.
        await Expect(leader.Locator("[data-testid=ledger-card] [data-action=escalate]")).ToHaveCountAsync(0);

        // The history shows the escalation with its reason, who did it and where the entry stands now.
        await page.Locator($"[data-testid=column-Escalated] {card} [data-action=history]").ClickAsync();
        var history = page.Locator("[data-testid=problem-history]");
        await Expect(history).ToContainTextAsync("县级协调无果，请链主单位协调用地指标");
        await Expect(history.Locator(".mud-timeline-item").First).ToContainTextAsync("提级");
        await Expect(history.Locator(".mud-timeline-item").Last).ToContainTextAsync("登记");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "ledger-history-zh.png") });

        await page.Context.CloseAsync();
        await leader.Context.CloseAsync();
    }

    [Fact]
    public async Task The_board_in_English_with_filters_in_the_address()
    {
        var page = await browser.SignedInPageAsync("bureau", "en");
        await OpenLedgerAsync(page);
        await Expect(page.Locator("h4")).ToHaveTextAsync("Problem ledger");
        await Expect(page.Locator("[data-testid=column-Escalated] .column-title")).ToHaveTextAsync("Escalated");
        await page.Locator("[data-testid=ledger-card]").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "ledger-en.png") });

        // The quick filter is bookmarkable: it lands in the address, and only open prefecture-level cards remain.
        // A toggle: clicked again only while it is still off (a click that lands as the circuit re-renders can be lost).
        var toggle = page.Locator("[data-testid=quick-prefecture]");
        for (var attempt = 1; ; attempt++)
        {
            if (await toggle.GetAttributeAsync("aria-pressed") != "true") await toggle.ClickAsync();
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/ledger\?coord=1$"), new() { Timeout = 15_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4) { }
        }
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("[data-testid=filter-prefecture]")).ToBeVisibleAsync();
        var levels = await page.Locator("[data-testid=ledger-card] [data-level]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.level)");
        Assert.NotEmpty(levels);
        Assert.All(levels, l => Assert.Equal("Prefecture", l));
        await Expect(page.Locator("[data-testid=column-Resolved] [data-testid=ledger-card]")).ToHaveCountAsync(0);

        // A severity picked from its list (built only while open) joins the address; the closed field names it.
        await Expect(FormInput.Field(page, "filter-severity")).ToHaveValueAsync("");
        await page.Locator("[data-testid=filter-severity]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Blocking" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/ledger\?coord=1&severity=Blocking$"));
        await Expect(FormInput.Field(page, "filter-severity")).ToHaveValueAsync("Blocking");
        await Expect(page.Locator("[data-testid=ledger-card] [data-severity]:not([data-severity=Blocking])")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_battle_map_link_opens_the_record_form_for_its_project_and_the_new_card_appears()
    {
        var project = await browser.App.QueryAsync(db => db.Projects
            .Where(p => p.HostUnitId == db.Units.Single(u => u.Code == "yecheng").Id && p.Stage != Domain.Projects.ProjectStage.Terminated)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var page = await browser.SignedInPageAsync("yecheng");
        await OpenLedgerAsync(page, $"/ledger?project={project.Id}&new=1");

        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("input[data-testid=field-project], [data-testid=field-project] input").First).ToHaveValueAsync(project.Name);
        await Expect(page.Locator("[data-testid=filter-project]")).ToContainTextAsync(project.Name);
        await dialog.Locator("textarea[data-testid=field-description], [data-testid=field-description] textarea").First.FillAsync("施工用电负荷不足，需新建10千伏专线");
        await dialog.Locator("[data-testid=field-factor]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "用电" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "ledger-raise-zh.png") });
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();

        var card = page.Locator("[data-testid=column-New] [data-testid=ledger-card]", new() { HasText = "施工用电负荷不足，需新建10千伏专线" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("要素保障 · 用电");
        await Expect(card.Locator("[data-action=start]")).ToBeVisibleAsync();
        await page.WaitForURLAsync($"**/ledger?project={project.Id}"); // "new" is gone: a refresh will not reopen the form
        Assert.True(await NotReloadedAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_long_column_draws_its_first_cards_and_the_rest_on_request_while_its_count_says_all()
    {
        var perColumn = new KashiInvest.Web.Features.Problems.LedgerOptions().CardsPerColumn; // appsettings.json keeps the default
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var page = await browser.SignedInPageAsync("bureau", culture);
            await OpenLedgerAsync(page);
            var counts = new Dictionary<string, int>();
            foreach (var status in Enum.GetNames<ProblemStatus>())
                counts[status] = int.Parse(await page.Locator($"[data-testid=count-{status}]").InnerTextAsync());
            var (longest, total) = counts.MaxBy(c => c.Value);
            Assert.True(total > perColumn, $"the demo data should give one column more than {perColumn} entries (counts: {string.Join(", ", counts)})");
            var column = page.Locator($"[data-testid=column-{longest}]");
            await Expect(column.Locator("[data-testid=ledger-card]")).ToHaveCountAsync(perColumn);
            var more = column.Locator($"[data-testid=show-more-{longest}]");
            await Expect(more).ToContainTextAsync((total - perColumn).ToString());
            // Columns that fit draw every card and offer nothing more.
            foreach (var (status, count) in counts.Where(c => c.Value <= perColumn))
            {
                await Expect(page.Locator($"[data-testid=column-{status}] [data-testid=ledger-card]")).ToHaveCountAsync(count);
                await Expect(page.Locator($"[data-testid=show-more-{status}]")).ToHaveCountAsync(0);
            }
            var lang = culture == "en" ? "en" : "zh";
            foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"ledger-show-more-{lang}-{width}x{height}.png") });
            }

            await more.ClickAsync();
            await Expect(column.Locator("[data-testid=ledger-card]")).ToHaveCountAsync(Math.Min(total, 2 * perColumn));
            await Expect(page.Locator($"[data-testid=count-{longest}]")).ToHaveTextAsync(total.ToString());
            if (total <= 2 * perColumn) await Expect(more).ToHaveCountAsync(0);
            Assert.True(await NotReloadedAsync(page));
            await page.Context.CloseAsync();
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
