using KashiInvest.Domain.Statistics;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Issue 16's level-by-level review end to end on the real app (统一布置、分级负责、层层审核): a county reviews the
/// return computed for the latest closed month, corrects a figure with a reason and submits it; the Bureau, on its own
/// page, returns it with a comment; the county sees the comment, corrects again and resubmits; the Bureau approves.
/// Meanwhile a leader's prefecture table (/statistics/returns) and statistics screen (/statistics) for that month
/// follow without a reload: the county leaves the list of missing units and the out-of-region funds move.
/// The month is the app's injected clock's latest closed month, where the demo leaves most counties' returns computed
/// only (not submitted).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnReviewBrowserTests(BrowserFixture browser)
{
    /// <summary>A county whose latest return the demo leaves computed only (not the returned or the lagging county, not KEDZ).</summary>
    private const string County = "yingjisha";
    private const string CountyName = "英吉沙县";
    private const string Figure = "OutOfRegionFundsMonth";
    private const string FigureName = "本月区外到位资金"; // FigureCode.OutOfRegionFundsMonth in zh-CN

    [Fact]
    public async Task A_county_submits_the_bureau_returns_then_approves_and_the_leaders_table_and_charts_follow_live()
    {
        var month = StatMonth.Containing(TestClock.Default.UtcNow).Previous();
        var unitId = await browser.App.QueryAsync(db => db.Units.Where(u => u.Code == County).Select(u => u.Id).SingleAsync());
        var status = await browser.App.QueryAsync(db => db.MonthlyReturns.Where(r => r.UnitId == unitId && r.MonthIndex == month.Index)
            .Select(r => (ReturnStatus?)r.Status).SingleOrDefaultAsync());
        Assert.True(status is null or ReturnStatus.Computed, $"the demo's {month} return of {County} is {status}, not one still to review");
        var returnPath = $"/statistics/returns/{unitId}/{month}";

        // The leader's two screens for the month, open before anything happens.
        var table = await browser.SignedInPageAsync("leader");
        await table.GotoInteractiveAsync("/statistics/returns");
        await Expect(table.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
        await table.EvaluateAsync("() => window.__tableNoReload = true");
        var tableMissing = table.Locator("[data-testid=prefecture-table] [data-testid=table-missing]");
        await Expect(tableMissing).ToContainTextAsync(CountyName);
        var countyRow = table.Locator($"[data-testid=county-row][data-unit='{unitId}']");
        await Expect(countyRow.Locator("td").Nth(2)).ToHaveTextAsync("—");
        var tableTotal = await table.Locator("[data-testid=total-row] td").Nth(4).InnerTextAsync();

        var charts = await table.Context.NewPageAsync();
        await charts.GotoInteractiveAsync($"/statistics?month={month}");
        await Expect(charts.Locator("[data-testid=statistics-page]")).ToHaveAttributeAsync("data-live", "on");
        await charts.EvaluateAsync("() => window.__chartsNoReload = true");
        var chartsMissing = charts.Locator("[data-testid=statistics-missing]");
        await Expect(chartsMissing).ToContainTextAsync(CountyName);
        var headline = charts.Locator($"[data-testid=headline-figure][data-code={Figure}] [data-testid=headline-value]");
        await Expect(headline).ToBeVisibleAsync();
        var headlineBefore = await headline.InnerTextAsync();

        // The county reviews its computed return, corrects the out-of-region funds with a reason, and submits.
        var county = await browser.SignedInPageAsync(County);
        await county.GotoInteractiveAsync(returnPath);
        if (status is null)
        {
            await county.Locator("[data-testid=return-compute]").ClickAsync();
        }
        var state = county.Locator("[data-testid=return-status]");
        await Expect(state).ToHaveAttributeAsync("data-status", "Computed");
        await CorrectAsync(county, "4321", "项目半月报漏报本月到位资金，按银行进账单更正");
        await Expect(county.Locator($"[data-testid=figure-{Figure}] [data-testid=corrected]")).ToHaveTextAsync("4,321万元");
        await county.Locator("[data-testid=return-submit]").ClickAsync();
        await Expect(state).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(county.Locator("[data-testid=return-correct]")).ToHaveCountAsync(0);

        // The leader's table shows the return submitted, still missing from the sums until it is approved.
        var listRow = table.Locator($"[data-testid=returns-row][data-unit='{unitId}']");
        await Expect(listRow).ToHaveAttributeAsync("data-state", "Submitted");
        await Expect(tableMissing).ToContainTextAsync(CountyName);

        // The Bureau, on its own page, returns it with a comment.
        const string comment = "本月区外到位资金与项目半月报不一致，请逐项核对银行回单后重新报送。";
        var bureau = await browser.SignedInPageAsync("bureau");
        await bureau.GotoInteractiveAsync(returnPath);
        var bureauState = bureau.Locator("[data-testid=return-status]");
        await Expect(bureauState).ToHaveAttributeAsync("data-status", "Submitted");
        await FormInput.FillCountedAsync(bureau, "review-comment", comment);
        await bureau.Locator("[data-testid=review-return]").ClickAsync();
        await Expect(bureauState).ToHaveAttributeAsync("data-status", "Returned");
        await Expect(listRow).ToHaveAttributeAsync("data-state", "Returned");

        // The county's open page shows the comment at once; it corrects again and resubmits.
        await Expect(state).ToHaveAttributeAsync("data-status", "Returned");
        await Expect(county.Locator("[data-testid=return-comment]")).ToContainTextAsync(comment);
        await CorrectAsync(county, "4567", "按银行回单逐项核实，补录一笔到位资金");
        await Expect(county.Locator($"[data-testid=figure-{Figure}] [data-testid=corrected]")).ToHaveTextAsync("4,567万元");
        await county.Locator("[data-testid=return-submit]").ClickAsync();
        await Expect(state).ToHaveAttributeAsync("data-status", "Submitted");

        // The Bureau's open page follows; it approves.
        await Expect(bureauState).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(bureau.Locator("[data-testid=review-approve]")).ToBeEnabledAsync();
        await bureau.Locator("[data-testid=review-approve]").ClickAsync();
        await Expect(bureauState).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(bureau.Locator($"[data-testid=figure-{Figure}] [data-testid=approved]")).ToHaveTextAsync("4,567万元");
        await Expect(state).ToHaveAttributeAsync("data-status", "Approved");

        // The leader's table: the county is approved, no longer missing, its corrected figure summed in.
        await Expect(listRow).ToHaveAttributeAsync("data-state", "Approved");
        await Expect(countyRow.Locator("td").Nth(4)).ToHaveTextAsync("4,567万元");
        if (await tableMissing.CountAsync() > 0) await Expect(tableMissing).Not.ToContainTextAsync(CountyName);
        await Expect(table.Locator("[data-testid=total-row] td").Nth(4)).Not.ToHaveTextAsync(tableTotal);

        // The leader's statistics screen: the county left the missing list and the headline figure moved.
        await Expect(charts.Locator("[data-testid=statistics-page]")).ToHaveAttributeAsync("data-live", "on");
        if (await chartsMissing.CountAsync() > 0) await Expect(chartsMissing).Not.ToContainTextAsync(CountyName);
        await Expect(headline).Not.ToHaveTextAsync(headlineBefore);
        Assert.True(await table.EvaluateAsync<bool>("() => window.__tableNoReload === true"), "the leader's prefecture table reloaded");
        Assert.True(await charts.EvaluateAsync<bool>("() => window.__chartsNoReload === true"), "the leader's statistics screen reloaded");
        await table.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "statistics-returns-approved-zh.png"), FullPage = true });

        // The history names every step: computed, corrected, submitted, returned, approved.
        var history = bureau.Locator("[data-testid=return-history] [data-testid=history-entry]");
        Assert.True(await history.CountAsync() >= 6, "the return's history misses steps");

        await bureau.Context.CloseAsync();
        await county.Context.CloseAsync();
        await table.Context.CloseAsync();
    }

    /// <summary>Picks the figure, types the new value and the reason, and saves the correction.</summary>
    private static async Task CorrectAsync(IPage page, string value, string reason)
    {
        // The save button is enabled once the circuit has both the figure and the value. On a loaded machine the value
        // typed while the pick re-renders the form can be lost: pick and type again (both idempotent), a bounded few times.
        var save = page.Locator("[data-testid=correct-save]");
        for (var attempt = 1; ; attempt++)
        {
            await FormInput.PickAsync(page, "correct-figure", FigureName, exact: true);
            var field = FormInput.Field(page, "correct-value");
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            try
            {
                await Expect(save).ToBeEnabledAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
        await FormInput.FillCountedAsync(page, "correct-reason", reason);
        await Expect(save).ToBeEnabledAsync();
        await save.ClickAsync();
        await Expect(page.Locator("[data-testid=correct-reason] textarea, [data-testid=correct-reason] input, input[data-testid=correct-reason]").First).ToHaveValueAsync("");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
