using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Issue 17's targets end to end on the real app: the Bureau sets next year's target and splits it among KEDZ and the
/// counties through the page, the remainder shown (and counting down) until the split sums; a county's open page
/// follows live when a chain lead's report moves funds in place on one of its projects; on the page only "Annual
/// targets" is highlighted in the menu, not also "Target enterprises".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualTargetsWorkflowBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 20_000 };

    private static int ThisYear => BeijingTime.DateOf(TestClock.Default.UtcNow).Year;

    [Fact]
    public async Task The_bureau_sets_and_splits_a_target_with_the_remainder_shown_until_the_split_sums()
    {
        var year = ThisYear + 1;
        var page = await browser.SignedInPageAsync("bureau");
        try
        {
            await page.GotoInteractiveAsync("/targets/annual");
            await Expect(page.Locator("[data-live='on']")).ToBeVisibleAsync();
            // Only "Annual targets" is highlighted: "/targets" (the target-enterprise library) is a prefix of the address.
            await Expect(page.Locator("[data-testid=nav-annual-targets]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
            await Expect(page.Locator("[data-testid=nav-targets]")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));

            await FormInput.PickAsync(page, "annual-year", year.ToString(CultureInfo.InvariantCulture), exact: true);
            await Expect(page.Locator("[data-testid=annual-current]")).ToHaveCountAsync(0);
            var amount = FormInput.Field(page, "annual-amount");
            await amount.FillAsync("13000");
            await amount.PressAsync("Tab");
            await page.Locator("[data-testid=annual-set-save]").ClickAsync();
            await Expect(page.Locator("[data-testid=annual-current]")).ToBeVisibleAsync();

            var split = page.Locator($"[data-testid=annual-split-{AssessmentSequence.CountiesAndZone}]");
            var remainder = split.Locator("[data-testid=annual-remainder]");
            await Expect(remainder).ToHaveAttributeAsync("data-remainder", "13000");
            await Expect(remainder).ToContainTextAsync("待分解");
            var shares = split.Locator("input[data-testid=annual-share], [data-testid=annual-share] input");
            Assert.Equal(13, await shares.CountAsync()); // KEDZ and the twelve counties
            for (var i = 0; i < 13; i++)
            {
                await shares.Nth(i).FillAsync("1000");
                var left = (13 - i - 1) * 1000;
                await Expect(remainder).ToHaveAttributeAsync("data-remainder", left.ToString(CultureInfo.InvariantCulture));
                if (left > 0) await Expect(remainder).ToContainTextAsync("待分解");
            }
            await Expect(remainder).ToContainTextAsync("已全部分解");
            await split.Locator("[data-testid=annual-split-save]").ClickAsync();
            await Expect(page.Locator(".mud-snackbar", new() { HasText = "分解已保存" })).ToBeVisibleAsync();

            var target = await browser.App.QueryAsync(db => db.AnnualTargets.AsNoTracking().Include(t => t.Shares)
                .SingleAsync(t => t.Year == year && t.Indicator == AnnualIndicator.OutOfRegionFunds));
            Assert.Equal(13_000m, target.Amount);
            Assert.Equal(13, target.Shares.Count);
            Assert.All(target.Shares, s => Assert.Equal(1_000m, s.Amount));
            Assert.True(target.IsFullySplit(AssessmentSequence.CountiesAndZone));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_countys_open_page_follows_live_when_a_chain_leads_report_moves_funds_in_place()
    {
        // A project of Shache under way on a chain: its chain's lead unit files an update with more funds in place.
        var (shache, project, chainCode) = await browser.App.QueryAsync(async db =>
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "shache");
            var p = await db.Projects.AsNoTracking()
                .Where(x => x.HostUnitId == unit.Id && (x.Stage == ProjectStage.Landing || x.Stage == ProjectStage.Construction || x.Stage == ProjectStage.Production))
                .OrderBy(x => x.Id).FirstAsync();
            var code = await db.Chains.AsNoTracking().Where(c => c.Id == p.ChainId).Select(c => c.Code).SingleAsync();
            return (unit.Id, p.Id, code);
        });
        var lead = await ScopeOfUserAsync($"chain-{chainCode}");
        Assert.Equal(ActorRole.ChainLead, lead.Role);
        Assert.NotEqual(shache, lead.UnitId);

        var page = await browser.SignedInPageAsync("shache");
        try
        {
            await page.GotoInteractiveAsync("/targets/annual");
            await Expect(page.Locator("[data-live='on']")).ToBeVisibleAsync();
            var row = page.Locator($"[data-testid=annual-row][data-indicator={AnnualIndicator.OutOfRegionFunds}]");
            await Expect(row).ToHaveCountAsync(1);
            var before = decimal.Parse(await row.GetAttributeAsync("data-actual") ?? "", CultureInfo.InvariantCulture);
            await page.EvaluateAsync("() => window.__noReload = 1");

            var services = browser.App.Services;
            var today = BeijingTime.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var period = HalfMonthPeriod.Containing(today).Index;
            var current = await browser.App.QueryAsync(db => db.ProgressReports.AsNoTracking()
                .Where(r => r.ProjectId == project && r.PeriodIndex == period && r.Kind == ReportKind.Update && r.IsCurrent)
                .Select(r => new { r.Revision, r.FundsInPlaceThisPeriodWan, r.OutOfRegionFundsThisPeriodWan }).FirstOrDefaultAsync());
            var command = services.GetRequiredService<SubmitReportCommand>();
            var result = await command.ExecuteAsync(lead, new SubmitReport(project, period, ReportKind.Update, current?.Revision ?? 0,
                new ReportInput("设备款到位，生产线安装中。", null, (current?.FundsInPlaceThisPeriodWan ?? 0m) + 800m,
                    (current?.OutOfRegionFundsThisPeriodWan ?? 0m) + 800m, []), []));
            Assert.Equal(WriteStatus.Saved, result.Status);

            await Expect(row).ToHaveAttributeAsync("data-actual", (before + 800m).ToString(CultureInfo.InvariantCulture), Live);
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__noReload"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A demo user's scope, resolved by the app's own Security/UserScopes from its sign-in principal.</summary>
    private async Task<UserScope> ScopeOfUserAsync(string userName)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no demo user {userName}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
        var resolved = await UserScopes.ResolveAsync(principal, db);
        Assert.Equal(userName, resolved.UserName);
        return resolved;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
