using KashiInvest.Web.Shared.Charts;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>ApexCharts, fetched from npm at build and served by the app, draws the battle map's milestone timeline.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "今天", "计划")]
    [InlineData("en", "Today", "Planned")]
    public async Task The_battle_map_draws_the_milestones_as_a_planned_and_actual_timeline(string culture, string today, string planned)
    {
        // A project with several milestones, some reached, one reached late or open past its plan (a red bar), and
        // one still ahead, so the timeline reaches today. What is late or ahead depends on the day: made sure of.
        var id = await browser.App.QueryAsync(db => db.Projects.AsNoTracking()
            .Where(p => p.Milestones.Count >= 3 && p.Milestones.Count(m => m.ReachedOn != null && m.ReachedOn <= m.PlannedOn) >= 2)
            .OrderByDescending(p => p.Milestones.Count).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await DemoProjects.EditMilestonesAsync(browser.App, id, (milestones, on) =>
        {
            var late = DemoProjects.AddOverdueMilestone(milestones, on);
            var ahead = milestones.Any(m => m.PlannedOn > on);
            if (!ahead) milestones.Add(new KashiInvest.Domain.Projects.MilestoneInput(null, "竣工投产", on.AddDays(30), null));
            return late || !ahead;
        });
        var names = await browser.App.QueryAsync(db => db.Milestones.Where(m => m.ProjectId == id).OrderBy(m => m.Order).Select(m => m.Name).ToListAsync());

        var page = await browser.SignedInPageAsync("bureau", culture);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync($"/projects/{id}/battlemap");
        var chart = page.Locator("[data-testid=milestone-chart]");
        var svg = chart.Locator(".apexcharts-canvas > svg.apexcharts-svg");
        await svg.WaitForAsync(new() { Timeout = 15000 });

        // Every milestone is a row label, the today line and the legend are there, and a late bar is red.
        await Assertions.Expect(chart.Locator(".apexcharts-yaxis-label").First).ToBeVisibleAsync();
        var labels = await chart.Locator(".apexcharts-yaxis-label").AllTextContentsAsync();
        Assert.All(names, n => Assert.Contains(labels, l => l.Contains(n, StringComparison.Ordinal)));
        await Assertions.Expect(chart.Locator(".apexcharts-xaxis-annotations")).ToContainTextAsync(today);
        await Assertions.Expect(chart.Locator(".apexcharts-legend")).ToContainTextAsync(planned);
        var fills = await chart.Locator(".apexcharts-rangebar-area").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('fill'))");
        Assert.Contains(fills, f => f.StartsWith("rgba(198,40,40", StringComparison.Ordinal)); // #C62828
        Assert.Contains(fills, f => f.StartsWith("rgba(31,78,140", StringComparison.Ordinal)); // #1F4E8C, on time
        var months = await chart.Locator(".apexcharts-xaxis-label").AllTextContentsAsync();
        Assert.NotEmpty(months);
        if (culture == "zh-CN") Assert.Contains(months, m => m.Contains('月') || m.Contains('年'));
        Assert.Empty(errors);

        await chart.Locator("..").ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"milestone-chart-{(culture == "en" ? "en" : "zh")}.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"battlemap-chart-{(culture == "en" ? "en" : "zh")}.png"), FullPage = true });

        // Leaving the page by enhanced navigation disposes the chart without a script error.
        await page.Locator("a[href='/projects']").First.ClickAsync();
        await page.Locator("[data-testid=register-grid]").WaitForAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_module_draws_funds_against_the_plan_in_wan_and_updates_in_place()
    {
        // The charts module as the app serves it, on a page of the app, with the funds spec the battle map will use.
        static string Spec(decimal last) => ApexOptions.ToJson(ChartSpecs.FundsInPlace(
            [
                new FundsPoint(new DateOnly(2026, 1, 31), 1200m, 800m),
                new FundsPoint(new DateOnly(2026, 2, 28), 4800m, 2500m),
                new FundsPoint(new DateOnly(2026, 3, 31), last, 9000m),
            ],
            [new PlanPoint(new DateOnly(2026, 1, 31), 2000m), new PlanPoint(new DateOnly(2026, 3, 31), 15000m)],
            "到位资金", "其中区外", "计划到位", "万元", locale: "zh-CN"));

        var page = await browser.SignedInPageAsync("bureau");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var result = await page.EvaluateAsync<string[]>(@"async ([first, second]) => {
            const charts = await import('/js/charts.js');
            const el = document.createElement('div');
            el.id = 'funds-chart';
            el.style.cssText = 'position:fixed;top:0;left:0;z-index:100000;background:#fff;padding:8px;width:700px';
            document.body.prepend(el);
            await charts.render(el, first);
            const svg = el.querySelector('.apexcharts-canvas > svg.apexcharts-svg');
            const labels = [...el.querySelectorAll('.apexcharts-yaxis-label')].map(t => t.textContent);
            const chart = charts.chartOf(el);
            await charts.update(el, second);
            // The same ApexCharts instance, now showing the new top value (1.6亿 > 1.5亿: the axis grows).
            const top = el.querySelector('.apexcharts-yaxis-label')?.textContent ?? '';
            const same = charts.chartOf(el) === chart && top !== labels[0];
            const dashed = [...el.querySelectorAll('.apexcharts-series path')].some(p => Number(p.getAttribute('stroke-dasharray') || 0) > 0);
            const months = [...el.querySelectorAll('.apexcharts-xaxis-label')].map(t => t.textContent);
            return [String(svg !== null), String(same), String(dashed), labels.join('|'), months.join('|')];
        }", new[] { Spec(10000m), Spec(16000m) });
        var info = string.Join(" ; ", result);
        await page.WaitForTimeoutAsync(500); // let the update animation finish for the screenshot
        await page.Locator("#funds-chart").ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "funds-chart-zh.png") });

        Assert.True(result[0] == "true", "drawn: " + info);
        Assert.True(result[1] == "true", "updated without re-creating the chart: " + info);
        Assert.True(result[2] == "true", "the plan is a dashed line: " + info);
        Assert.Contains("万", result[3], StringComparison.Ordinal);
        Assert.Contains("亿", result[3], StringComparison.Ordinal);
        Assert.Contains("月", result[4], StringComparison.Ordinal);
        var disposed = await page.EvaluateAsync<int>(@"async () => {
            const charts = await import('/js/charts.js');
            const before = charts.count();
            charts.dispose(document.getElementById('funds-chart'));
            return before - charts.count();
        }");
        Assert.Equal(1, disposed);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
