using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The annual targets page as its users see it, in Chinese and English on a projector (1920×1080) and a laptop
/// (1366×768): the Bureau sees the split editor with its remainder and everyone's progress with the chart; a county
/// sees its own progress on every indicator. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualTargetsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("bureau")]
    [InlineData("shache")]
    public async Task The_targets_page_reads_in_both_languages_on_a_projector_and_a_laptop(string user)
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var page = await browser.SignedInPageAsync(user, culture);
            try
            {
                await page.GotoInteractiveAsync("/targets/annual");
                await Assertions.Expect(page.Locator("[data-live='on']")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByTestId("annual-row").First).ToBeVisibleAsync();
                if (user == "bureau")
                {
                    await Assertions.Expect(page.GetByTestId("annual-remainder").First).ToBeVisibleAsync();
                    await Assertions.Expect(page.GetByTestId("annual-chart")).ToBeVisibleAsync();
                }
                else
                {
                    Assert.Equal(9, await page.GetByTestId("annual-row").CountAsync());
                    Assert.Equal(0, await page.GetByTestId("annual-split-save").CountAsync());
                }
                foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    var language = culture == "en" ? "en" : "zh";
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"annual-targets-{user}-{language}-{width}x{height}.png"), FullPage = true });
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }
}
