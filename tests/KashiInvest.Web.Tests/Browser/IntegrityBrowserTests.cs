using KashiInvest.Domain.Access;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Web.Features.Complaints;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The integrity ledger end to end: the Bureau turns a founded complaint into a case from the complaint register; the
/// county, whose /integrity is already open, sees it arrive live, enters its rectification plan and reports it
/// rectified; the Bureau, on its open ledger, sees the report arrive and verifies it; the complaint shows its case.
/// Screenshots of /integrity and /complaints in both languages on a laptop and a projector go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntegrityBrowserTests(BrowserFixture browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"integrity-{name}.png"), FullPage = true });

    /// <summary>A complaint filed, accepted and assigned to the county through the app's own write path.</summary>
    private async Task<(int Id, string Tracking)> FoundedComplaintAsync(string enterprise)
    {
        var services = browser.App.Services;
        var (bureauId, countyId) = await browser.App.QueryAsync(async db => (
            await db.Units.Where(u => u.Code == "bureau").Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Code == "shache").Select(u => u.Id).SingleAsync()));
        var bureau = new UserScope("bureau", "bureau", ActorRole.Bureau, bureauId, [], []);
        var (filed, numbers) = await services.GetRequiredService<ComplaintWindow>().FileAsync(new ComplaintInput(enterprise,
            CreditCode.Complete("91440300MA5F00011").Value, "陈经理", "13809985678", null, ComplaintCategory.CommitmentNotHonoured,
            "协议约定的设备购置补贴已超过兑现期限三个月，多次催办无果。"));
        Assert.Equal(WriteStatus.Saved, filed.Status);
        var commands = services.GetRequiredService<ComplaintCommands>();
        Assert.Equal(WriteStatus.Saved, (await commands.AcceptAsync(bureau, filed.Id!.Value, 0, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await commands.AssignAsync(bureau, filed.Id!.Value, 1, countyId, null)).Status);
        return (filed.Id!.Value, numbers!.TrackingNumber);
    }

    [Fact]
    public async Task The_Bureau_turns_a_founded_complaint_into_a_case_the_county_sees_it_live_rectifies_and_the_Bureau_verifies()
    {
        const string enterprise = "深圳鹏喀智能装备有限公司";
        var (complaintId, tracking) = await FoundedComplaintAsync(enterprise);
        var county = await browser.SignedInPageAsync("shache");
        var bureau = await browser.SignedInPageAsync("bureau");
        try
        {
            // The county's ledger is open before the case exists.
            await county.GotoInteractiveAsync("/integrity");
            await Expect(county.Locator("[data-live=on]")).ToBeVisibleAsync();
            var countyCase = county.Locator(".integrity-case", new() { HasText = tracking });
            await Expect(countyCase).ToHaveCountAsync(0);

            // The Bureau finds the complaint founded and opens a case from it: the form comes filled from the complaint.
            await bureau.GotoInteractiveAsync("/complaints");
            var row = bureau.Locator($"[data-testid=complaint-{tracking}]");
            await row.Locator("[data-testid=complaint-to-case]").ClickAsync();
            await bureau.WaitForURLAsync(new System.Text.RegularExpressions.Regex($@"/integrity\?complaint={complaintId}$"));
            await Expect(bureau.Locator("[data-testid=integrity-from-complaint]")).ToContainTextAsync(tracking);
            await Expect(bureau.Locator("[data-live=on]")).ToBeVisibleAsync();
            await ShotAsync(bureau, "form-zh-1366x768");
            await bureau.Locator("[data-testid=integrity-open-case]").ClickAsync();
            var bureauCase = bureau.Locator(".integrity-case", new() { HasText = tracking });
            await Expect(bureauCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("待整改");
            var caseId = await browser.App.QueryAsync(db => db.IntegrityCases.Where(c => c.ComplaintId == complaintId).Select(c => c.Id).SingleAsync());

            // The county's open page shows it without a reload, and the county enters its plan, then reports it rectified.
            await Expect(countyCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("待整改", new() { Timeout = 15_000 });
            const string plan = "一、本周内完成补贴资金审核；二、报县政府常务会研究；三、月底前拨付到位并书面告知企业。";
            await FillCountedAsync(countyCase, "integrity-plan-text", plan);
            await countyCase.Locator("[data-testid=integrity-enter-plan]").ClickAsync();
            await Expect(countyCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("整改中");
            await Expect(countyCase.Locator("[data-testid=integrity-plan]")).ToContainTextAsync(plan);
            await Expect(bureauCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("整改中", new() { Timeout = 15_000 });
            const string report = "设备购置补贴已全额拨付，企业已书面确认。";
            await FillCountedAsync(countyCase, "integrity-report-text", report);
            await countyCase.Locator("[data-testid=integrity-report-rectified]").ClickAsync();
            await Expect(countyCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("待核验");
            await ShotAsync(county, "county-zh-1366x768");

            // The Bureau's open ledger shows the report live; the Bureau verifies; the county sees it rectified.
            await Expect(bureauCase.Locator("[data-testid=integrity-report]")).ToContainTextAsync(report, new() { Timeout = 15_000 });
            await bureauCase.Locator("[data-testid=integrity-verify]").ClickAsync();
            await Expect(bureauCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("已整改");
            await Expect(bureauCase.Locator("[data-testid=integrity-verified]")).ToContainTextAsync("bureau");
            await Expect(countyCase.Locator("[data-testid=integrity-state]")).ToContainTextAsync("已整改", new() { Timeout = 15_000 });

            var stored = await browser.App.QueryAsync(db => db.IntegrityCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
            Assert.Equal((Domain.Integrity.IntegrityCaseStatus.Rectified, "bureau", plan), (stored.Status, stored.VerifiedBy, stored.Plan));

            // The complaint shows the case it turned into.
            await bureau.GotoInteractiveAsync("/complaints");
            await Expect(bureau.Locator($"[data-testid=complaint-{tracking}] [data-testid=complaint-case]")).ToContainTextAsync("已整改");
            await Expect(bureau.Locator($"[data-testid=complaint-{tracking}] [data-testid=complaint-to-case]")).ToHaveCountAsync(0);
        }
        finally
        {
            await county.Context.CloseAsync();
            await bureau.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_ledger_and_the_register_read_in_both_languages_on_a_laptop_and_a_projector_overdue_first()
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var language = culture == "en" ? "en" : "zh";
            var bureau = await browser.SignedInPageAsync("bureau", culture);
            try
            {
                foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
                {
                    await bureau.SetViewportSizeAsync(width, height);
                    await bureau.GotoInteractiveAsync("/integrity");
                    await Expect(bureau.Locator(".integrity-case").First).ToBeVisibleAsync();
                    // Overdue cases come first.
                    await Expect(bureau.Locator(".integrity-case").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("integrity-overdue"));
                    await AssertNoSidewaysSpillAsync(bureau, "/integrity", culture, width, height);
                    await ShotAsync(bureau, $"ledger-{language}-{width}x{height}");
                    await bureau.Locator("[data-testid=integrity-new]").ClickAsync();
                    await Expect(bureau.Locator("[data-testid=integrity-form]")).ToBeVisibleAsync();
                    await AssertNoSidewaysSpillAsync(bureau, "/integrity (form)", culture, width, height);
                    await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"integrity-form-{language}-{width}x{height}.png") });

                    await bureau.GotoInteractiveAsync("/complaints");
                    await Expect(bureau.Locator("[data-testid=complaints-overdue]")).ToBeVisibleAsync();
                    await Expect(bureau.Locator("[data-testid=complaint-case]").First).ToBeVisibleAsync();
                    await AssertNoSidewaysSpillAsync(bureau, "/complaints", culture, width, height);
                    await bureau.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"integrity-complaints-{language}-{width}x{height}.png") });
                }
            }
            finally
            {
                await bureau.Context.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Fills a counted text field inside one case (the county may have several open) and waits until the counter, which
    /// the server renders, shows the new length, as <see cref="FormInput.FillCountedAsync"/> does for a whole page.
    /// </summary>
    private static async Task FillCountedAsync(ILocator scope, string testId, string text)
    {
        var selector = $"textarea[data-testid={testId}], [data-testid={testId}] textarea, input[data-testid={testId}], [data-testid={testId}] input";
        var input = scope.Locator(selector).First;
        // The inner locator of Has is relative to the control: built from the page, not from the case.
        var control = scope.Locator(".mud-input-control", new() { Has = scope.Page.Locator(selector) });
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(text);
            try
            {
                await Expect(control).ToContainTextAsync($"{text.Length} / ", new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
                await input.FillAsync(string.Empty);
            }
        }
    }

    private static async Task AssertNoSidewaysSpillAsync(IPage page, string what, string culture, int width, int height)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} ({culture}, {width}×{height}) spills {overflow}px sideways");
    }
}
