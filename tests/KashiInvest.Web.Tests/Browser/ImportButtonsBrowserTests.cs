using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The lists that can be imported carry an "import from Excel" button beside their export button (issue 19), shown only
/// to those who may import the list: the target library (the Bureau) leads to <c>/import/targets</c>, the problem
/// ledger (any unit that raises problems) to <c>/import/problems</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportButtonsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_Bureau_goes_from_the_target_library_to_its_import_and_a_leader_sees_no_such_button()
    {
        var page = await browser.SignedInPageAsync("bureau");
        await page.GotoInteractiveAsync("/targets");
        await Expect(page.GetByTestId("targets-xlsx")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("targets-import")).ToHaveTextAsync("导入 Excel");
        await ScreenshotAsync(page, "targets-import-button-zh");
        await page.GetByTestId("targets-import").ClickAsync();
        await page.WaitForURLAsync("**/import/targets");
        await Expect(page.GetByTestId("template-targets")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var english = await browser.SignedInPageAsync("bureau", "en");
        await english.GotoInteractiveAsync("/targets");
        await Expect(english.GetByTestId("targets-import")).ToHaveTextAsync("Import from Excel", new() { Timeout = 15_000 });
        await ScreenshotAsync(english, "targets-import-button-en");

        // A leader reads the whole library and exports it, but does not keep it: no import button.
        var leader = await browser.SignedInPageAsync("leader");
        await leader.GotoInteractiveAsync("/targets");
        await Expect(leader.GetByTestId("targets-xlsx")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(leader.GetByTestId("targets-import")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_county_goes_from_the_problem_ledger_to_its_import_and_a_leader_sees_no_such_button()
    {
        var page = await browser.SignedInPageAsync("shache");
        await page.GotoInteractiveAsync("/ledger");
        await Expect(page.GetByTestId("ledger-xlsx")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("ledger-import")).ToHaveTextAsync("导入 Excel");
        await ScreenshotAsync(page, "ledger-import-button-zh");
        await page.GetByTestId("ledger-import").ClickAsync();
        await page.WaitForURLAsync("**/import/problems");
        await Expect(page.GetByTestId("template-problems")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var english = await browser.SignedInPageAsync("shache", "en");
        await english.GotoInteractiveAsync("/ledger");
        await Expect(english.GetByTestId("ledger-import")).ToHaveTextAsync("Import from Excel", new() { Timeout = 15_000 });
        await ScreenshotAsync(english, "ledger-import-button-en");

        var leader = await browser.SignedInPageAsync("leader");
        await leader.GotoInteractiveAsync("/ledger");
        await Expect(leader.GetByTestId("ledger-xlsx")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(leader.GetByTestId("ledger-import")).ToHaveCountAsync(0);
    }

    /// <summary>The list as a leader sees it on a projector's common size.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1366, 768);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"{name}-1366.png") });
    }
}
