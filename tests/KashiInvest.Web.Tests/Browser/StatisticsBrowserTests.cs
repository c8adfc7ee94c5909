using KashiInvest.Domain.Statistics;
using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// A leader's statistics screen at projector size (1366×768): the charts of a month every unit has approved are drawn
/// by ApexCharts without a script error and without spilling sideways; a click on a county's bar opens the projects
/// behind it, and a project's link opens its battle map.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_leader_clicks_a_countys_bar_and_reaches_the_battle_map_of_a_project_behind_it()
    {
        var month = StatMonth.Containing(TestClock.Default.UtcNow).Previous().Previous();
        var page = await browser.SignedInPageAsync("leader", "zh-CN");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        try
        {
            await page.SetViewportSizeAsync(1366, 768);
            await page.GotoInteractiveAsync($"/statistics?month={month}");
            await Assertions.Expect(page.Locator("[data-testid=statistics-page]")).ToHaveAttributeAsync("data-live", "on");
            await Assertions.Expect(page.Locator("[data-testid=statistics-missing-none]")).ToBeVisibleAsync();
            var county = page.Locator("[data-testid=chart-by-county]");
            await county.Locator(".apexcharts-canvas > svg.apexcharts-svg").WaitForAsync(new() { Timeout = 15000 });
            foreach (var chart in new[] { "chart-by-month", "chart-by-chain", "chart-by-stage", "chart-by-region" })
                await page.Locator($"[data-testid={chart}] .apexcharts-canvas > svg.apexcharts-svg").WaitForAsync(new() { Timeout = 15000 });
            // Growth labels are on the county bars (e.g. "1. 喀什经开区 +12.3%").
            var labels = await county.Locator(".apexcharts-yaxis-label").AllTextContentsAsync();
            Assert.Contains(labels, l => l.StartsWith("1. ", StringComparison.Ordinal));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the statistics screen spills {overflow}px sideways at 1366×768");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "statistics-zh-1366x768.png"), FullPage = true });

            // The first (top-ranked) county's bar: the projects behind it, each with its battle map.
            await page.WaitForTimeoutAsync(400); // the bars' entry animation
            await county.Locator(".apexcharts-bar-area").First.ClickAsync();
            var rows = page.Locator("[data-testid=drill-panel] [data-testid=drill-row]");
            await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Assertions.Expect(page.Locator("[data-testid=drill-panel]")).ToHaveAttributeAsync("data-kind", "County");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "statistics-drill-zh-1366x768.png"), FullPage = true });
            await page.Locator("[data-testid=drill-battlemap]").First.ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/projects/\\d+/battlemap$"));
            Assert.Empty(errors);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
