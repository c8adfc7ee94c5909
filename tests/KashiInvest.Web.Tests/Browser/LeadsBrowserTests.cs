using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LeadsBrowserTests(BrowserFixture browser)
{
    private static ILocator Field(IPage page, string testId) => FormInput.Field(page, testId);

    private static Task PickAsync(IPage page, string testId, string option) => FormInput.PickAsync(page, testId, option);

    [Fact]
    public async Task A_sub_bureau_files_the_registration_form_and_the_Bureau_sees_the_lead()
    {
        const string enterprise = "深圳浏览器测试智造科技有限公司";
        var page = await browser.SignedInPageAsync("sub-prd");
        await page.GotoInteractiveAsync("/leads/new");
        await page.Locator("[data-testid=submit]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-new-zh.png"), FullPage = true });

        await PickAsync(page, "field-host", "喀什经济开发区"); // first: it waits for the circuit, so typed text is not lost
        await Field(page, "field-enterprise").FillAsync(enterprise);
        await Field(page, "field-background").FillAsync("成立于2010年，主营智能终端代工，员工两千人");
        await Field(page, "field-project").FillAsync("智能终端组装基地");
        await PickAsync(page, "field-chain", "电子产品组装");
        await Field(page, "field-amount").FillAsync("32000");
        await Field(page, "field-jobs").FillAsync("800");
        await Field(page, "field-demands").FillAsync("标准厂房租金减免，用工培训补贴");
        await PickAsync(page, "field-feasibility", "可行性高");
        await Field(page, "field-feasibility-note").FillAsync("意向明确，补智能终端短链，建议尽快对接");
        await Field(page, "field-people-visited").FillAsync("董事长");
        await Field(page, "field-visitors").FillAsync("驻珠三角分局两名同志");
        await FormInput.SubmitAndWaitForAsync(page, "submit", @"/leads/\d+$", "leads-new");
        await Assertions.Expect(page.Locator("[data-testid=view-enterprise]")).ToHaveTextAsync(enterprise);
        await Assertions.Expect(page.Locator("[data-testid=open-project]")).ToContainTextAsync("线索");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-view-zh.png"), FullPage = true });
        await page.Context.CloseAsync();

        // The Bureau sees the new lead in the list (and so in its triage queue, which lists Lead projects).
        var bureau = await browser.SignedInPageAsync("bureau");
        await bureau.GotoInteractiveAsync("/leads");
        await Assertions.Expect(bureau.Locator("[data-testid=lead-table]")).ToContainTextAsync(enterprise);
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-zh.png") });
        await bureau.GotoInteractiveAsync("/targets");
        await bureau.Locator("[data-testid=target-table] tbody tr").First.WaitForAsync();
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "targets-zh.png") });
        await bureau.GotoInteractiveAsync("/leads/weekly");
        await bureau.Locator("[data-testid=weekly-table] tbody tr").First.WaitForAsync();
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-weekly-zh.png"), FullPage = true });
        await bureau.Context.CloseAsync();
    }

    [Fact]
    public async Task The_target_library_and_the_lead_pages_read_in_English()
    {
        var page = await browser.SignedInPageAsync("bureau", "en");
        await page.GotoInteractiveAsync("/targets");
        await page.Locator("h4", new() { HasText = "Target-enterprise library" }).WaitForAsync();
        await page.Locator("[data-testid=target-table] tbody tr").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "targets-en.png") });
        await page.GotoInteractiveAsync("/leads");
        await page.Locator("[data-testid=lead-table] tbody tr").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-en.png") });
        await page.GotoInteractiveAsync("/leads/new");
        // A click on the prerendered button before the circuit is up does nothing: click until the form answers.
        for (var attempt = 0; attempt < 20 && await page.Locator("[data-testid=form-error]").CountAsync() == 0; attempt++)
        {
            await page.Locator("[data-testid=submit]").ClickAsync();
            try { await page.Locator("[data-testid=form-error]").WaitForAsync(new() { Timeout = 1000 }); } catch (TimeoutException) { }
        }
        await Assertions.Expect(page.Locator("[data-testid=form-error]")).ToContainTextAsync("need attention");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-new-en.png"), FullPage = true });
        await page.GotoInteractiveAsync("/leads/investors");
        await page.Locator("[data-testid=investor-card]").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "leads-investors-en.png") });
        await page.Context.CloseAsync();

        // A county sees its pushed targets as an inbox.
        var county = await browser.SignedInPageAsync("shache", "en");
        await county.GotoInteractiveAsync("/targets");
        await county.Locator("[data-testid=follow-up]").First.WaitForAsync();
        await county.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "targets-inbox-en.png") });
        await county.Context.CloseAsync();
    }
}
