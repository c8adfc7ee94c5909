using KashiInvest.Domain.Investors;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The target-library import in headless Chromium, as the Bureau does it: the template from <c>/import</c>, a filled
/// workbook with a wrong credit code (the preview names the check character it should have), the fixed file, the
/// import, and the entries in the library.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TargetImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_Bureau_imports_the_target_library_after_fixing_a_wrong_credit_code()
    {
        var page = await browser.SignedInPageAsync("bureau");
        await page.GotoInteractiveAsync("/import");
        await Expect(page.Locator("[data-testid=import-card-targets] [data-testid=import-targets]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.Locator("[data-testid=import-targets]").ClickAsync();
        await Expect(page.Locator("[data-testid=template-targets]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var response = await page.APIRequest.GetAsync("/import/templates/targets.xlsx");
        Assert.Equal(200, response.Status);
        var template = await response.BodyAsync();
        using (var xlsx = new XlsxFile(template)) Assert.Equal("企业名称", xlsx.RowTexts(2)[0]);

        var code17 = "91440300MA5K8P2Q3";
        var good = CreditCode.Complete(code17).Value;
        var bad = code17 + (good[^1] == 'A' ? 'B' : 'A');
        object?[] Row(string name, string? credit) => [name, credit, "纺织服装", null, "珠三角", "上市公司", "浏览器导入"];
        var wrongPath = Path.Combine(Path.GetTempPath(), $"kashi-targets-{Guid.NewGuid():N}.xlsx");
        var fixedPath = Path.Combine(Path.GetTempPath(), $"kashi-targets-fixed-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(wrongPath, TestWorkbook.Fill(template, [Row("浏览器目标-甲纺织集团", bad), Row("浏览器目标-乙服饰有限公司", null)]));
            await page.Locator("[data-testid=import-file]").SetInputFilesAsync(wrongPath);
            await Expect(page.Locator("[data-testid=import-preview]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-error]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(page.Locator("[data-testid=import-error]").First).ToContainTextAsync($"应为“{good[^1]}”");
            await Expect(page.Locator("[data-testid=import-run]")).ToBeDisabledAsync();
            await ScreenshotsAsync(page, "import-targets-preview-zh");

            await File.WriteAllBytesAsync(fixedPath, TestWorkbook.Fill(template, [Row("浏览器目标-甲纺织集团", good), Row("浏览器目标-乙服饰有限公司", null)]));
            await page.Locator("[data-testid=import-file]").SetInputFilesAsync(fixedPath);
            await Expect(page.Locator("[data-testid=import-file-name]")).ToHaveTextAsync(Path.GetFileName(fixedPath), new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("新增 2", new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-error]")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=import-run]").ClickAsync();
            await Expect(page.Locator("[data-testid=import-message]")).ToContainTextAsync("导入完成", new() { Timeout = 30_000 });
        }
        finally
        {
            File.Delete(wrongPath);
            File.Delete(fixedPath);
        }

        await page.GotoInteractiveAsync("/targets");
        await Expect(page.GetByText("浏览器目标-甲纺织集团").First).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The same page in English, with the file's errors.
        var english = await browser.SignedInPageAsync("bureau", "en");
        await english.GotoInteractiveAsync("/import/targets");
        var enTemplate = await (await english.APIRequest.GetAsync("/import/templates/targets.xlsx")).BodyAsync();
        var enPath = Path.Combine(Path.GetTempPath(), $"kashi-targets-en-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(enPath, TestWorkbook.Fill(enTemplate,
                [["Browser target Alpha Textiles", bad, "Textiles and garments", null, "Pearl River Delta", "Listed", null],
                 ["Browser target Beta Apparel", null, "No such chain", null, "Yangtze River Delta", "Unicorn", null]]));
            await english.Locator("[data-testid=import-file]").SetInputFilesAsync(enPath);
            await Expect(english.Locator("[data-testid=import-error]")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await ScreenshotsAsync(english, "import-targets-preview-en");
        }
        finally
        {
            File.Delete(enPath);
        }
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var (w, h) in new[] { (1920, 1080), (1366, 768) })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"{name}-{w}.png") });
        }
    }
}
