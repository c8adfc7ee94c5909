using KashiInvest.Domain.Access;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReportsBrowserTests(BrowserFixture browser)
{
    /// <summary>An overdue report of the demo data and the chain-lead account that owes it.</summary>
    private async Task<(InboxRow Row, string Account)> OverdueReportAsync(int skip = 0)
    {
        var bureau = new UserScope("bureau", "招商局", ActorRole.Bureau, null, [], []);
        var rows = await browser.App.Services.GetRequiredService<ReportInboxQuery>().LoadAsync(bureau);
        var row = ReportInboxQuery.Order(rows).Where(r => r.State == ObligationState.Overdue).Skip(skip).First();
        var chain = await browser.App.QueryAsync(db => db.Chains.Where(c => c.Id == row.Project.ChainId).Select(c => c.Code).SingleAsync());
        return (row, $"chain-{chain}");
    }

    [Fact]
    public async Task A_chain_lead_files_an_overdue_report_and_the_open_inbox_shows_it_submitted_late_without_reload()
    {
        var (row, account) = await OverdueReportAsync();
        var inbox = await browser.SignedInPageAsync(account);
        await inbox.GotoInteractiveAsync("/reports");
        var line = inbox.Locator($"[data-testid=inbox-row][data-key='{row.Key}']");
        await Expect(line).ToHaveAttributeAsync("data-state", "Overdue");
        await Expect(inbox.Locator("[data-testid=inbox-counts]")).ToHaveAttributeAsync("data-live", "on");
        await Expect(inbox.Locator("[data-testid=count-overdue]")).ToContainTextAsync("已逾期");
        await inbox.EvaluateAsync("() => window.__sameDocument = true");
        await inbox.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "reports-inbox-zh.png") });

        // A second tab of the same user opens the overdue report from its row and files it.
        var form = await inbox.Context.NewPageAsync();
        await form.GotoInteractiveAsync(await line.Locator("[data-testid=inbox-file]").GetAttributeAsync("href") ?? throw new InvalidOperationException("no link"));
        await Expect(form.Locator("[data-testid=report-header]")).ToHaveAttributeAsync("data-live", "on");
        await Expect(form.Locator("[data-testid=late-warning]")).ToBeVisibleAsync();
        await Expect(form.Locator("[data-testid=report-header]")).ToContainTextAsync(row.Project.Name);
        await form.Locator("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").FillAsync(
            "二期厂房主体结构完工，生产设备已进场安装调试；本期协调解决了施工用电临时接入。");
        await form.Locator("input[data-testid=field-funds], [data-testid=field-funds] input").FillAsync("1200");
        await form.Locator("input[data-testid=field-out-of-region], [data-testid=field-out-of-region] input").FillAsync("800");
        await form.Locator("textarea[data-testid=field-next-steps], [data-testid=field-next-steps] textarea").FillAsync("完成设备调试，组织试生产。");
        await form.Locator("[data-testid=problem-add]").ClickAsync();
        await form.Locator(".problem-row textarea").FillAsync("二期用电负荷需增容至10千伏专线，供电公司尚未批复。");
        await form.Locator("[data-testid=problem-factor] .mud-input-control").ClickAsync();
        await form.Locator(".mud-popover-open .mud-list-item", new() { HasText = "用电" }).ClickAsync();
        await Expect(form.Locator("[data-testid=cumulative-total]")).ToContainTextAsync(await MoneyHintAsync(row));
        await form.EvaluateAsync("() => window.scrollTo(0, 0)");
        await form.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "report-form-zh.png") });
        await form.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "report-form-zh-full.png"), FullPage = true });
        // The form goes back to the inbox with the filed row on top …
        await FormInput.SubmitAndWaitForAsync(form, "submit", $@"/reports\?done={System.Text.RegularExpressions.Regex.Escape(row.Key)}$", "report-overdue");
        await Expect(form.Locator($"[data-testid=inbox-row][data-key='{row.Key}']")).ToHaveAttributeAsync("data-state", "SubmittedLate");
        // … and the inbox that stayed open turned the row into 逾期报送 by itself, without reloading.
        await Expect(line).ToHaveAttributeAsync("data-state", "SubmittedLate");
        await Expect(line).ToContainTextAsync("逾期报送");
        await Expect(line).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("kashi-flash"));
        Assert.True(await inbox.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await inbox.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "reports-inbox-live-zh.png") });

        var filed = await browser.App.QueryAsync(db => db.ProgressReports.AsNoTracking()
            .Where(r => r.ProjectId == row.Project.Id && r.PeriodIndex == row.Period.Index && r.Kind == ReportKind.Fortnightly).ToListAsync());
        var report = Assert.Single(filed);
        Assert.True(report.IsLate);
        Assert.Equal(1_200m, report.FundsInPlaceThisPeriodWan);
        Assert.True(await browser.App.QueryAsync(db => db.Problems.AnyAsync(p => p.ProjectId == row.Project.Id && p.RaisedBy == account && p.Description.StartsWith("二期用电负荷"))));
        await inbox.Context.CloseAsync();
    }

    [Fact]
    public async Task The_inbox_and_an_amendment_read_in_English()
    {
        var (row, account) = await OverdueReportAsync(skip: 1);
        var page = await browser.SignedInPageAsync(account, "en");
        await page.GotoInteractiveAsync("/reports");
        await Expect(page.Locator("h4", new() { HasText = "Fortnightly reports" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=count-overdue]")).ToContainTextAsync("Overdue");
        await Expect(page.Locator("[data-testid=inbox-counts]")).ToHaveAttributeAsync("data-live", "on");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "reports-inbox-en.png") });

        // File once, then open the report again: the form now amends it.
        await page.GotoInteractiveAsync($"/reports/{row.Project.Id}/{row.Period.Index}/fortnightly");
        await Expect(page.Locator("[data-testid=report-header]")).ToHaveAttributeAsync("data-live", "on");
        await page.Locator("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").FillAsync("Main workshop topped out; equipment is being installed.");
        await page.Locator("input[data-testid=field-funds], [data-testid=field-funds] input").FillAsync("500");
        await FormInput.SubmitAndWaitForAsync(page, "submit", $@"/reports\?done={System.Text.RegularExpressions.Regex.Escape(row.Key)}$", "report-amend");
        await page.GotoInteractiveAsync($"/reports/{row.Project.Id}/{row.Period.Index}/fortnightly");
        await Expect(page.Locator("[data-testid=report-header]")).ToHaveAttributeAsync("data-live", "on");
        await Expect(page.Locator("[data-testid=submit]")).ToContainTextAsync("Amend (revision 2)");
        await Expect(page.Locator("[data-testid=amend-note]")).ToBeVisibleAsync();
        await Expect(page.Locator("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea")).ToHaveValueAsync("Main workshop topped out; equipment is being installed.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "report-form-en.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "report-form-en-full.png"), FullPage = true });

        await page.Locator("[data-testid=revision-view]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=revision-panel]").Last).ToContainTextAsync("Main workshop topped out");
        await page.Context.CloseAsync();
    }

    /// <summary>The cumulative total after 1,200万 more, as the form words it in Chinese (万元 or 亿元).</summary>
    private async Task<string> MoneyHintAsync(InboxRow row)
    {
        var funds = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Id == row.Project.Id).Select(p => p.FundsInPlaceWan).SingleAsync());
        using var _ = new UiCulture("zh-CN");
        return browser.App.Services.GetRequiredService<KashiInvest.Web.Shared.UiText>().Money(funds + 1_200m);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
