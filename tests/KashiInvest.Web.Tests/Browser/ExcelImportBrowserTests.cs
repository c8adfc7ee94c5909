using KashiInvest.Domain.Investors;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The register import in headless Chromium, as a county does it: download the template, fill it (a real .xlsx made
/// by the test), upload it, see the two errors next to their cells, fix the file, upload it again, import, and see the
/// projects on the register and, live, on an open wall.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExcelImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_county_fills_the_template_sees_two_errors_fixes_them_and_imports_onto_the_register_and_the_live_wall()
    {
        var wall = await browser.SignedInPageAsync("shache");
        await wall.GotoAsync("/wall");
        await wall.Locator(".wall-root[data-live=on]").WaitForAsync(new() { Timeout = 15_000 });

        var page = await browser.SignedInPageAsync("shache");
        await page.GotoInteractiveAsync("/import");
        await Expect(page.Locator("[data-testid=import-card-projects]")).ToBeVisibleAsync();
        await ScreenshotsAsync(page, "import-zh");

        await page.GotoInteractiveAsync("/import/projects");
        var response = await page.APIRequest.GetAsync(ProjectRegisterImport.TemplateRoute);
        Assert.Equal(200, response.Status);
        var template = await response.BodyAsync();
        using (var xlsx = new XlsxFile(template)) Assert.Equal("项目名称", xlsx.RowTexts(2)[1]);

        var chain = "纺织服装";
        var code17 = "91653125MA7K8P2Q3";
        var good = CreditCode.Complete(code17).Value;
        var bad = code17 + (good[^1] == 'A' ? 'B' : 'A');
        object?[] Row(string name, string chainName, string credit) =>
            [null, name, null, chainName, "浏览器导入测试有限公司", credit, "珠三角", "洽谈", 8800m, 120, new DateOnly(2027, 4, 1), new DateOnly(2028, 4, 1), "王某", "李某"];

        var wrong = TestWorkbook.Fill(template, [Row("浏览器导入-一号厂房", chain, bad), Row("浏览器导入-二号厂房", "不存在的链", good), Row("浏览器导入-三号仓库", chain, good)]);
        var file = Path.Combine(Path.GetTempPath(), $"kashi-import-{Guid.NewGuid():N}.xlsx");
        var fixedPath = Path.Combine(Path.GetTempPath(), $"kashi-import-fixed-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(file, wrong);
            await page.Locator("[data-testid=import-file]").SetInputFilesAsync(file);
            await Expect(page.Locator("[data-testid=import-preview]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-error]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-testid=import-error]").First).ToContainTextAsync($"应为“{good[^1]}”");
            await Expect(page.Locator("[data-testid=import-run]")).ToBeDisabledAsync();
            await ScreenshotsAsync(page, "import-preview-errors-zh");

            var fixedFile = TestWorkbook.Fill(template, [Row("浏览器导入-一号厂房", chain, good), Row("浏览器导入-二号厂房", chain, good), Row("浏览器导入-三号仓库", chain, good)]);
            await File.WriteAllBytesAsync(fixedPath, fixedFile);
            await page.Locator("[data-testid=import-file]").SetInputFilesAsync(fixedPath);
            await Expect(page.Locator("[data-testid=import-file-name]")).ToHaveTextAsync(Path.GetFileName(fixedPath), new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("新增 3", new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=import-error]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-testid=import-run]")).ToBeEnabledAsync();
            await page.Locator("[data-testid=import-run]").ClickAsync();
            await Expect(page.Locator("[data-testid=import-message]")).ToContainTextAsync("导入完成", new() { Timeout = 30_000 });
        }
        finally
        {
            File.Delete(file);
            File.Delete(fixedPath);
        }

        // The open wall shows them live (negotiating projects have battle maps), and the register lists them.
        await Expect(wall.Locator(".wall-card-name", new() { HasText = "浏览器导入-三号仓库" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GotoInteractiveAsync("/projects");
        await page.Locator("input[data-testid=register-search], [data-testid=register-search] input").First.FillAsync("浏览器导入");
        await Expect(page.Locator("[data-testid=register-total]")).ToContainTextAsync("3", new() { Timeout = 15_000 });

        // The same pages in English.
        var english = await browser.SignedInPageAsync("shache", "en");
        await english.GotoInteractiveAsync("/import");
        await Expect(english.Locator("[data-testid=import-card-projects]")).ToContainTextAsync("Download template");
        await ScreenshotsAsync(english, "import-en");
        await english.GotoInteractiveAsync("/import/projects");
        var enTemplate = await (await english.APIRequest.GetAsync(ProjectRegisterImport.TemplateRoute)).BodyAsync();
        var enFile = Path.Combine(Path.GetTempPath(), $"kashi-import-{Guid.NewGuid():N}.xlsx");
        try
        {
            object?[] En(string name, string chainName, string credit) =>
                [null, name, null, chainName, "Browser Import Test Co., Ltd.", credit, "Pearl River Delta", null, "about 9000", 120, new DateOnly(2027, 4, 1), new DateOnly(2026, 4, 1), "Wang", "Li"];
            await File.WriteAllBytesAsync(enFile, TestWorkbook.Fill(enTemplate, [En("Browser import plant", "Textiles and garments", bad), En("Browser import depot", "No such chain", good)]));
            await english.Locator("[data-testid=import-file]").SetInputFilesAsync(enFile);
            await Expect(english.Locator("[data-testid=import-preview]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(english.Locator("[data-testid=import-has-errors]")).ToBeVisibleAsync();
            await ScreenshotsAsync(english, "import-preview-errors-en");
        }
        finally
        {
            File.Delete(enFile);
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
