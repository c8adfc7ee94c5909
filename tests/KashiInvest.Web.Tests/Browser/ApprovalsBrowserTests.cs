using KashiInvest.Domain.Approvals;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>"My approvals" on the real app: a department's proxy claims an item and records it submitted and accepted;
/// the group leader's open page follows without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalsBrowserTests(BrowserFixture browser)
{
    private static async Task OpenAsync(IPage page)
    {
        await page.GotoInteractiveAsync("/approvals");
        await Expect(page.Locator("[data-testid=approvals-title]")).ToHaveAttributeAsync("data-live", "on");
        await page.EvaluateAsync("() => window.__approvalsNoReload = true");
    }

    [Fact]
    public async Task A_proxy_claims_an_item_and_records_it_accepted_and_the_group_leader_sees_it_live()
    {
        var target = await browser.App.QueryAsync(db =>
            (from i in db.PlanItems
             join d in db.Units on i.DepartmentUnitId equals d.Id
             join g in db.ServiceGroups on i.HostUnitId equals g.HostUnitId
             join gu in db.Units on g.GroupUnitId equals gu.Id
             where i.Status == PlanItemStatus.Planned && i.Holder == null
             orderby i.Id descending
             select new { i.Id, Department = d.Code, Group = gu.Code }).FirstAsync());
        string Item(string section) => $"[data-testid=approvals-{section}] [data-testid=approval-item][data-item='{target.Id}']";

        var leader = await browser.SignedInPageAsync(target.Group);
        await OpenAsync(leader);
        await leader.Locator(Item("to-claim")).WaitForAsync();

        var proxy = await browser.SignedInPageAsync(target.Department);
        await OpenAsync(proxy);
        await proxy.Locator($"{Item("to-claim")} [data-testid=approval-claim]").ClickAsync();
        await Expect(proxy.Locator(Item("in-hand"))).ToHaveAttributeAsync("data-status", "Claimed");

        foreach (var (step, status) in new[] { ("Submit", "Submitted"), ("Accept", "Accepted") })
        {
            await proxy.Locator($"{Item("in-hand")} [data-testid=approval-step][data-step={step}]").ClickAsync();
            await proxy.Locator(".mud-dialog [data-testid=step-submit]").ClickAsync();
            await Expect(proxy.Locator(Item("in-hand"))).ToHaveAttributeAsync("data-status", status);
        }
        await Expect(proxy.Locator($"{Item("in-hand")} [data-testid=approval-clock]")).ToHaveAttributeAsync("data-state", "Normal");
        await Expect(proxy.Locator($"{Item("in-hand")} [data-testid=approval-clock-days]")).ToContainTextAsync("已用 0");
        Assert.True(await proxy.EvaluateAsync<bool>("() => window.__approvalsNoReload === true"), "the proxy's page reloaded");
        await proxy.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "approvals-mine-zh.png"), FullPage = true });

        // The group leader's page heard of every step.
        await Expect(leader.Locator(Item("in-hand"))).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(leader.Locator(Item("to-claim"))).ToHaveCountAsync(0);
        Assert.True(await leader.EvaluateAsync<bool>("() => window.__approvalsNoReload === true"), "the leader's page reloaded");

        await proxy.Context.CloseAsync();
        await leader.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
