using System.Text.RegularExpressions;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The export buttons in headless Chromium: the register's link (an endpoint, with the page's filters) and a live
/// list's button (the circuit writes the workbook, the browser saves it) give real workbooks of what the screen shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExcelExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_county_downloads_its_register_as_a_workbook_with_the_rows_the_register_counts()
    {
        var page = await browser.SignedInPageAsync("shache");
        await page.GotoInteractiveAsync("/projects");
        var total = page.Locator("[data-testid=register-total]");
        await Assertions.Expect(total).ToContainTextAsync(Number());
        var count = int.Parse(Number().Match(await total.InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (w, h) in new[] { (1920, 1080), (1366, 768) })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"register-export-zh-{w}.png") });
        }

        var href = await page.Locator("[data-testid=register-xlsx]").GetAttributeAsync("href");
        Assert.StartsWith("/export/projects.xlsx", href, StringComparison.Ordinal);
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Contains("spreadsheetml", response.Headers["content-type"], StringComparison.Ordinal);
        using var xlsx = new XlsxFile(await response.BodyAsync());
        Assert.Equal("项目台账", xlsx.SheetName);
        Assert.Equal(count, xlsx.Rows.Count - 2);
    }

    [Fact]
    public async Task The_pipeline_button_saves_the_board_as_a_workbook_in_English_for_an_English_user()
    {
        var page = await browser.SignedInPageAsync("bureau", "en");
        await page.GotoInteractiveAsync("/pipeline");
        await page.Locator(".pipeline-page[data-live=on]").WaitForAsync(new() { Timeout = 15_000 });
        await page.SetViewportSizeAsync(1366, 768);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "pipeline-export-en-1366.png") });
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=pipeline-xlsx]").ClickAsync());
        Assert.Matches(@"^pipeline-\d{8}-\d{4}\.xlsx$", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"kashi-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var xlsx = new XlsxFile(await File.ReadAllBytesAsync(path));
            Assert.StartsWith("Project pipeline", xlsx.Text("A1"), StringComparison.Ordinal);
            Assert.Equal("Planned investment (10,000 CNY)", xlsx.RowTexts(2)[9]);
            Assert.True(xlsx.Rows.Count > 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
