using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RegisterBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_county_user_signs_in_and_sees_only_its_projects_in_Chinese()
    {
        var page = await browser.SignedInPageAsync("shache");
        await page.Locator("h4", new() { HasText = "项目台账" }).WaitForAsync();
        await page.Locator("[data-testid=register-grid] tbody tr a.project-link").First.WaitForAsync();
        await Expect(page.Locator("[data-testid=current-user]")).ToContainTextAsync("莎车县");

        // Every row's attracting unit (2nd column) is the signed-in county.
        var hosts = await page.Locator("[data-testid=register-grid] tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(hosts);
        Assert.All(hosts, h => Assert.Equal("莎车县", h.Trim()));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "register-zh.png"), FullPage = false });

        // The project page opens from the register, in Chinese, with its life cycle.
        await page.Locator("[data-testid=register-grid] a.project-link").First.ClickAsync();
        await page.Locator("[data-testid=stage-stepper]").WaitForAsync();
        await Expect(page.Locator("text=项目进程")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "project-zh.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_turns_the_register_into_English()
    {
        var page = await browser.SignedInPageAsync("bureau");
        await page.Locator("[data-testid=language-switch] a[lang=en]").ClickAsync();
        await page.Locator("h4", new() { HasText = "Project register" }).WaitForAsync();
        await page.Locator("[data-testid=register-grid] tbody tr a.project-link").First.WaitForAsync();
        var headers = await page.Locator("[data-testid=register-grid] thead th").AllInnerTextsAsync();
        Assert.Contains(headers, h => h.Contains("Stage", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "register-en.png") });

        await page.Locator("[data-testid=register-grid] a.project-link").First.ClickAsync();
        await page.Locator("[data-testid=stage-stepper]").WaitForAsync();
        await Expect(page.Locator("text=Life cycle")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "project-en.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
