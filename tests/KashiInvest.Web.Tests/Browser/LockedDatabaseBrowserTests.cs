using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>The application with a two-second SQLite busy wait, so that a held write lock fails a save quickly.</summary>
public sealed class ShortBusyBrowserFixture() : BrowserFixture(new KashiAppFactory { Settings = { ["Database:BusyTimeoutSeconds"] = "2" } });

/// <summary>
/// A save while another program holds the database's write lock, in a real browser: the user is told that nothing was
/// saved and their input is kept, the page stays alive (no reconnect, no reload), and the same input saves once the
/// lock is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LockedDatabaseBrowserTests(ShortBusyBrowserFixture browser) : IClassFixture<ShortBusyBrowserFixture>
{
    [Fact]
    public async Task Recording_a_problem_while_the_database_is_locked_keeps_the_text_and_the_circuit_and_saves_after_the_lock()
    {
        const string text = "锁库测试：施工用电负荷不足，需新建10千伏专线";
        var project = await browser.App.QueryAsync(db => db.Projects
            .Where(p => p.HostUnitId == db.Units.Single(u => u.Code == "yecheng").Id && p.Stage != Domain.Projects.ProjectStage.Terminated)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var page = await browser.SignedInPageAsync("yecheng");
        await page.GotoInteractiveAsync($"/ledger?project={project.Id}&new=1");
        await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();
        await page.EvaluateAsync("() => window.__noReload = true");

        var dialog = page.Locator(".mud-dialog");
        var description = dialog.Locator("textarea[data-testid=field-description], [data-testid=field-description] textarea").First;
        await description.FillAsync(text);
        await dialog.Locator("[data-testid=field-factor]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "用电" }).ClickAsync();

        await using (var held = await DatabaseWriteLock.TakeAsync(browser.App.DataDir))
        {
            await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
            await Expect(dialog.Locator("[data-testid=dialog-error]")).ToContainTextAsync("未能保存", new() { Timeout = 20_000 });
            // The input is still there, the dialog still works, and the page neither reloaded nor lost its circuit.
            await Expect(description).ToHaveValueAsync(text);
            await Expect(dialog.Locator("[data-testid=dialog-submit]")).ToBeEnabledAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"));
            await Expect(page.Locator("#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal[open]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "ledger-raise-locked-zh.png") });
            Assert.Equal(0, await browser.App.QueryAsync(db => db.Problems.CountAsync(p => p.Description == text)));
        }

        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
        var card = page.Locator("[data-testid=column-New] [data-testid=ledger-card]", new() { HasText = text });
        await Expect(card).ToBeVisibleAsync();
        Assert.Equal(1, await browser.App.QueryAsync(db => db.Problems.CountAsync(p => p.Description == text)));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"));
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
