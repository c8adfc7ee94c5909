using KashiInvest.Domain.Investors;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The complaint window end to end: an investor files a complaint from a fresh, signed-out browser and gets a tracking
/// number and a code; the Bureau accepts it and assigns it to the county; the county answers; the investor, signed out
/// again, reads the answer with the tracking number and the code and rates it. Screenshots of the pages in both
/// languages on a laptop and a projector are kept in artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplaintBrowserTests(BrowserFixture browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<IPage> SignedOutPageAsync(string culture = "zh-CN")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = culture,
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"complaints-{name}.png"), FullPage = true });

    [Fact]
    public async Task An_investor_complains_signed_out_the_Bureau_assigns_the_county_answers_and_the_investor_reads_the_answer()
    {
        // 1. A fresh browser, nobody signed in.
        var investor = await SignedOutPageAsync();
        string tracking, code;
        try
        {
            await investor.GotoAsync("/complain");
            Assert.EndsWith("/complain", new Uri(investor.Url).AbsolutePath, StringComparison.Ordinal);
            await investor.FillAsync("#enterprise", "广东粤纺印染科技股份有限公司");
            await investor.FillAsync("#credit-code", CreditCode.Complete("91440300MA5F00001").Value);
            await investor.FillAsync("#contact", "张经理");
            await investor.FillAsync("#phone", "138 0998 1234");
            await investor.SelectOptionAsync("#category", "ApprovalDelay");
            await investor.FillAsync("#description", "施工许可申请已超过法定时限二十个工作日，多次询问无答复。");
            await investor.ClickAsync("[data-testid=complain-submit]");
            await Expect(investor.Locator("[data-testid=complain-filed]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            tracking = (await investor.Locator("[data-testid=complain-tracking]").InnerTextAsync()).Trim();
            code = (await investor.Locator("[data-testid=complain-code]").InnerTextAsync()).Trim();
            await ShotAsync(investor, "filed-zh-1366x768");
        }
        finally
        {
            await investor.Context.CloseAsync();
        }

        // 2. The Bureau accepts it and assigns it to the county.
        var county = await browser.App.QueryAsync(db => db.Units.Where(u => u.Code == "shache").Select(u => u.Name).SingleAsync());
        var bureau = await browser.SignedInPageAsync("bureau");
        try
        {
            await bureau.GotoInteractiveAsync("/complaints");
            var row = bureau.Locator($"[data-testid=complaint-{tracking}]");
            await row.Locator("[data-testid=complaint-accept]").ClickAsync();
            await Expect(row.Locator("[data-testid=complaint-assign]")).ToBeVisibleAsync();
            await row.Locator("[data-testid=complaint-unit]").ClickAsync();
            await bureau.Locator(".mud-popover-open .mud-list-item", new() { HasText = county }).First.ClickAsync();
            await row.Locator("[data-testid=complaint-assign]").ClickAsync();
            await Expect(row.Locator("[data-testid=complaint-state]")).ToContainTextAsync("已交办");
            await ShotAsync(bureau, "register-zh-1366x768");
        }
        finally
        {
            await bureau.Context.CloseAsync();
        }

        // 3. The county answers.
        const string reply = "经核查，施工许可已于今日核发，延误原因已通报批评。";
        var shache = await browser.SignedInPageAsync("shache");
        try
        {
            await shache.GotoInteractiveAsync("/complaints");
            var row = shache.Locator($"[data-testid=complaint-{tracking}]");
            await FormInput.FillCountedAsync(row, "complaint-reply-text", reply); // the demo has other complaints assigned to the county
            await row.Locator("[data-testid=complaint-answer]").ClickAsync();
            await Expect(row.Locator("[data-testid=complaint-reply]")).ToContainTextAsync(reply);
        }
        finally
        {
            await shache.Context.CloseAsync();
        }

        // 4. The investor, signed out, reads the answer with the tracking number and the code, and rates it.
        var again = await SignedOutPageAsync();
        try
        {
            await again.GotoAsync("/complain/status");
            await again.FillAsync("#tracking", tracking);
            await again.FillAsync("#code", code);
            await again.ClickAsync("[data-testid=status-submit]");
            await Expect(again.Locator("[data-testid=status-reply]")).ToContainTextAsync(reply);
            await ShotAsync(again, "status-zh-1366x768");
            await again.SelectOptionAsync("#rating", "Satisfied");
            await again.ClickAsync("[data-testid=rate-submit]");
            await Expect(again.Locator("[data-testid=status-notice]")).ToBeVisibleAsync();
            await Expect(again.Locator("[data-testid=status-state]")).ToContainTextAsync("已办结");
        }
        finally
        {
            await again.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_public_pages_and_the_register_read_in_both_languages_on_a_laptop_and_a_projector()
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var language = culture == "en" ? "en" : "zh";
            var page = await SignedOutPageAsync(culture);
            try
            {
                await page.GotoAsync($"/culture/{culture}?returnUrl=%2Fcomplain");
                await Expect(page.Locator("[data-testid=complain-form]")).ToBeVisibleAsync();
                await Expect(page.Locator("h1")).ToContainTextAsync(culture == "en" ? "complaint window" : "投诉窗口");
                foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoAsync("/complain");
                    await ShotAsync(page, $"form-{language}-{width}x{height}");
                    await page.GotoAsync("/complain/status");
                    await Expect(page.Locator("[data-testid=status-form]")).ToBeVisibleAsync();
                    await ShotAsync(page, $"status-form-{language}-{width}x{height}");
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }

            var bureau = await browser.SignedInPageAsync("bureau", culture);
            try
            {
                foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
                {
                    await bureau.SetViewportSizeAsync(width, height);
                    await bureau.GotoInteractiveAsync("/complaints");
                    await Expect(bureau.Locator("[data-testid=complaints-overdue]")).ToBeVisibleAsync();
                    var overflow = await bureau.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    Assert.True(overflow <= 0, $"/complaints ({culture}, {width}×{height}) spills {overflow}px sideways");
                    await ShotAsync(bureau, $"register-{language}-{width}x{height}");
                }
            }
            finally
            {
                await bureau.Context.CloseAsync();
            }
        }
    }
}
