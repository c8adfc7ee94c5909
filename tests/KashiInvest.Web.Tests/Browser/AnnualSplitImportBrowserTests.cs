using System.Globalization;
using KashiInvest.Domain.Assessment;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Web.Features.AnnualTargets;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The annual target split imported in headless Chromium, as the Bureau does it: from the targets page to the import
/// page, download the template, fill it (a real .xlsx), upload it, see the preview (an update and the remainder it
/// leaves), import, and see the new share on the targets page; then put the old share back the same way. Also: a
/// far-behind alert's link opens the unit's row on the targets page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualSplitImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_Bureau_downloads_the_template_uploads_a_split_sees_the_preview_with_the_remainder_and_imports_it()
    {
        // A year of its own: another test of this app finalizes this year's assessment, which freezes its targets.
        var year = await SeedSplitOfTheYearAfterNextAsync();
        var unit = await browser.App.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "shache"));
        var target = await browser.App.QueryAsync(db => db.AnnualTargets.Include(t => t.Shares)
            .SingleAsync(t => t.Year == year && t.Indicator == AnnualIndicator.SignedInvestment));
        var share = target.Shares.Single(s => s.UnitId == unit.Id).Amount;

        var page = await browser.SignedInPageAsync("bureau");
        await page.GotoInteractiveAsync("/targets/annual");
        await page.GetByTestId("annual-import").ClickAsync();
        await page.WaitForURLAsync("**" + AnnualSplitImport.PageRoute);
        await Expect(page.GetByTestId("template-annual-targets")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var response = await page.APIRequest.GetAsync(AnnualSplitImport.TemplateRoute);
        Assert.Equal(200, response.Status);
        var template = await response.BodyAsync();
        using (var xlsx = new XlsxFile(template)) Assert.Equal("单位", xlsx.RowTexts(2)[2]);

        var lowered = Path.Combine(Path.GetTempPath(), $"kashi-split-{Guid.NewGuid():N}.xlsx");
        var restored = Path.Combine(Path.GetTempPath(), $"kashi-split-back-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(lowered, TestWorkbook.Fill(template, [[year, "签约投资额", unit.Name, (share - 100m).ToString(CultureInfo.InvariantCulture)]]));
            await page.Locator("[data-testid=import-file]").SetInputFilesAsync(lowered);
            await Expect(page.Locator("[data-testid=import-preview]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("更新 1");
            await Expect(page.GetByTestId("import-warning")).ToContainTextAsync("尚余");
            await Expect(page.GetByTestId("import-warning")).ToContainTextAsync("100");
            await ScreenshotsAsync(page, "annual-split-import-preview-zh");
            await page.Locator("[data-testid=import-run]").ClickAsync();
            await Expect(page.Locator("[data-testid=import-message]")).ToContainTextAsync("导入完成", new() { Timeout = 30_000 });
            Assert.Equal(share - 100m, await browser.App.QueryAsync(db => db.Set<Domain.AnnualTargets.TargetShare>()
                .Where(s => s.AnnualTargetId == target.Id && s.UnitId == unit.Id).Select(s => s.Amount).SingleAsync()));

            // The old share back, the same way (and the split sums again).
            await File.WriteAllBytesAsync(restored, TestWorkbook.Fill(template, [[year, "签约投资额", unit.Name, share.ToString(CultureInfo.InvariantCulture)]]));
            await page.Locator("[data-testid=import-file]").SetInputFilesAsync(restored);
            await Expect(page.Locator("[data-testid=import-file-name]")).ToHaveTextAsync(Path.GetFileName(restored), new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("更新 1", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("import-warning")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=import-run]").ClickAsync();
            await Expect(page.Locator("[data-testid=import-message]")).ToContainTextAsync("导入完成", new() { Timeout = 30_000 });
        }
        finally
        {
            File.Delete(lowered);
            File.Delete(restored);
        }

        var english = await browser.SignedInPageAsync("bureau", "en");
        await english.GotoInteractiveAsync("/import");
        await Expect(english.GetByTestId("import-card-annual-targets")).ToContainTextAsync("Annual target split import");
        await english.GotoInteractiveAsync(AnnualSplitImport.PageRoute);
        var enTemplate = await (await english.APIRequest.GetAsync(AnnualSplitImport.TemplateRoute)).BodyAsync();
        var enFile = Path.Combine(Path.GetTempPath(), $"kashi-split-en-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(enFile, TestWorkbook.Fill(enTemplate, [[year, "Signed investment", "No such county", "10"], [year, "Signed investment", unit.NameEn, "-1"]]));
            await english.Locator("[data-testid=import-file]").SetInputFilesAsync(enFile);
            await Expect(english.Locator("[data-testid=import-preview]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(english.Locator("[data-testid=import-error]")).ToHaveCountAsync(2);
            await Expect(english.Locator("[data-testid=import-run]")).ToBeDisabledAsync();
            await Expect(english.GetByTestId("import-warning")).ToHaveCountAsync(0);
            await ScreenshotsAsync(english, "annual-split-import-errors-en");
        }
        finally
        {
            File.Delete(enFile);
        }
    }

    [Fact]
    public async Task A_far_behind_alerts_link_opens_the_units_row_on_the_targets_page()
    {
        var year = BeijingTimeYear();
        var unit = await browser.App.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "shache"));
        var link = AlertLinks.PathOf(1, null, year.ToString(CultureInfo.InvariantCulture), Domain.Alerts.AlertKind.AnnualTargetFarBehind, unit.Id,
            [year.ToString(CultureInfo.InvariantCulture), "SignedProjects:10.0%", "90.0%"]);

        foreach (var (user, culture) in new[] { ("bureau", "zh-CN"), ("bureau", "en"), ("shache", "zh-CN") })
        {
            var page = await browser.SignedInPageAsync(user, culture);
            await page.GotoInteractiveAsync(link);
            var row = page.Locator("[data-testid=annual-row][data-focused=true]");
            await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(row).ToHaveAttributeAsync("data-unit-id", unit.Id.ToString(CultureInfo.InvariantCulture));
            await Expect(row).ToHaveAttributeAsync("data-indicator", "SignedProjects");
            await Expect(row).ToBeInViewportAsync();
            if (user == "bureau") await ScreenshotsAsync(page, $"annual-targets-alert-link-{(culture == "en" ? "en" : "zh")}");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The year after next with this year's signed-investment target and split copied (once): a year no other test
    /// finalizes or edits.
    /// </summary>
    private async Task<int> SeedSplitOfTheYearAfterNextAsync()
    {
        var thisYear = BeijingTimeYear();
        var year = thisYear + 2;
        var now = TestClock.Start.UtcDateTime;
        await browser.App.QueryAsync(async db =>
        {
            if (await db.AnnualTargets.AnyAsync(t => t.Year == year && t.Indicator == AnnualIndicator.SignedInvestment)) return 0;
            var source = await db.AnnualTargets.Include(t => t.Shares).SingleAsync(t => t.Year == thisYear && t.Indicator == AnnualIndicator.SignedInvestment);
            var types = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Type);
            var bureau = await db.Units.SingleAsync(u => u.Code == "bureau");
            var actor = new Domain.Common.Actor("bureau", bureau.Id);
            var copy = Domain.AnnualTargets.AnnualTarget.Set(year, AnnualIndicator.SignedInvestment, source.Amount, actor, now);
            foreach (var sequence in Enum.GetValues<AssessmentSequence>())
                copy.Split(sequence, [.. source.SharesOf(sequence).Select(s => new Domain.AnnualTargets.SplitLine(s.UnitId, types[s.UnitId], s.Amount))], actor, now);
            db.AnnualTargets.Add(copy);
            db.Actor = actor;
            return await db.SaveChangesAsync();
        });
        return year;
    }

    private int BeijingTimeYear() =>
        Domain.Common.BeijingTime.Today(browser.App.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).Year;

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var (w, h) in new[] { (1920, 1080), (1366, 768) })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"{name}-{w}x{h}.png") });
        }
    }
}
