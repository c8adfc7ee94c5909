using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Issue 14 end to end on the real app: the county records the investor's application, the group leader plans it, a
/// prefecture department's proxy claims an item and steps it to approved — while a leader's screen shows the project's
/// battle map with its approvals timeline and, on a second page, the speed table, both following live without a reload.
/// Every step's day is the app's injected clock's today (the dialogs' default).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalGanttBrowserTests(BrowserFixture browser)
{
    private const string Item = "land-preexam-site"; // dept-natres, a prefecture department

    [Fact]
    public async Task A_proxy_approves_an_item_and_the_leaders_gantt_and_speed_table_change_live()
    {
        var target = await browser.App.QueryAsync(db =>
            (from p in db.Projects
             join u in db.Units on p.HostUnitId equals u.Id
             where (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
                   && !db.ServicePlans.Any(s => s.ProjectId == p.Id) && u.Code != "kedz"
             orderby p.Id
             select new { p.Id, County = u.Code }).FirstAsync());
        var natres = await browser.App.QueryAsync(db => db.Units.Where(u => u.Code == "dept-natres").Select(u => u.Id).SingleAsync());

        // The leader's screen: the battle map (no timeline yet) and the speed table.
        var map = await browser.SignedInPageAsync("leader");
        await map.GotoInteractiveAsync($"/projects/{target.Id}/battlemap");
        await Expect(map.Locator("[data-testid=battlemap]")).ToBeVisibleAsync();
        await Expect(map.Locator("[data-testid=bm-approval-gantt]")).ToHaveCountAsync(0);
        await map.EvaluateAsync("() => window.__mapNoReload = true");
        var speed = await map.Context.NewPageAsync();
        await speed.GotoInteractiveAsync("/approvals/speed");
        await Expect(speed.Locator("[data-testid=speed-title]")).ToHaveAttributeAsync("data-live", "on");
        await speed.EvaluateAsync("() => window.__speedNoReload = true");
        var speedRow = speed.Locator($"[data-testid=speed-department][data-department='{natres}'] [data-testid=speed-count]");
        var before = await speedRow.CountAsync() == 0 ? 0 : int.Parse((await speedRow.InnerTextAsync()).Trim());

        // The county records the application.
        var county = await browser.SignedInPageAsync(target.County);
        await county.GotoInteractiveAsync($"/projects/{target.Id}/battlemap");
        await county.Locator("[data-testid=application-record]").ClickAsync();
        await county.Locator(".mud-dialog [data-testid=application-applicant]").FillAsync("客商代表 周经理");
        await county.Locator(".mud-dialog [data-testid=application-submit]").ClickAsync();
        await Expect(county.Locator("[data-testid=bm-approval-application]")).ToHaveAttributeAsync("data-recorded", "yes");

        // The group leader plans the chain to the construction permit: filing, site selection, the two planning permits, the permit.
        var group = await browser.SignedInPageAsync($"svc-{target.County}");
        await group.GotoInteractiveAsync("/approvals/board");
        var application = group.Locator($"[data-testid=board-application][data-project='{target.Id}']");
        await application.Locator("[data-testid=board-plan]").ClickAsync();
        foreach (var code in new[] { "project-filing", Item, "land-use-planning", "engineering-planning", "construction-permit" })
            await group.Locator($".mud-dialog [data-testid=plan-pick][data-code={code}]").ClickAsync();
        await group.Locator(".mud-dialog [data-testid=plan-submit]").ClickAsync();
        await Expect(group.Locator($"[data-testid=board-plan-card][data-project='{target.Id}'] [data-testid=board-item]")).ToHaveCountAsync(5);

        // The leader's battle map shows the timeline at once: planned bars only, the critical path marked.
        var gantt = map.Locator("[data-testid=bm-approval-gantt]");
        await Expect(gantt.Locator("[data-testid=gantt-row]")).ToHaveCountAsync(5);
        var row = gantt.Locator($"[data-testid=gantt-row][data-item={Item}]");
        await Expect(row).ToHaveAttributeAsync("data-actual", "no");
        await Expect(row).ToHaveAttributeAsync("data-critical", "yes");
        await Expect(gantt.Locator("[data-testid=gantt-row][data-item=construction-permit]")).ToHaveAttributeAsync("data-critical", "yes");
        await Expect(gantt.Locator("[data-testid=gantt-legend]")).ToBeVisibleAsync();

        // The natural-resources proxy claims the site selection and steps it to approved.
        var itemId = await browser.App.QueryAsync(db => db.PlanItems.Where(i => i.ProjectId == target.Id && i.ItemCode == Item).Select(i => i.Id).SingleAsync());
        string Mine(string section) => $"[data-testid=approvals-{section}] [data-testid=approval-item][data-item='{itemId}']";
        var proxy = await browser.SignedInPageAsync("dept-natres");
        await proxy.GotoInteractiveAsync("/approvals");
        await Expect(proxy.Locator("[data-testid=approvals-title]")).ToHaveAttributeAsync("data-live", "on");
        await proxy.Locator($"{Mine("to-claim")} [data-testid=approval-claim]").ClickAsync();
        await Expect(proxy.Locator(Mine("in-hand"))).ToHaveAttributeAsync("data-status", "Claimed");
        await Expect(row).ToHaveAttributeAsync("data-status", "Claimed");
        foreach (var (step, status) in new[] { ("Submit", "Submitted"), ("Accept", "Accepted") })
        {
            await proxy.Locator($"{Mine("in-hand")} [data-testid=approval-step][data-step={step}]").ClickAsync();
            await proxy.Locator(".mud-dialog [data-testid=step-submit]").ClickAsync();
            await Expect(proxy.Locator(Mine("in-hand"))).ToHaveAttributeAsync("data-status", status);
        }

        // Accepted: the actual bar appears on the leader's timeline, running.
        await Expect(row).ToHaveAttributeAsync("data-actual", "running");
        await Expect(row.Locator("[data-testid=gantt-actual]")).ToBeVisibleAsync();

        await proxy.Locator($"{Mine("in-hand")} [data-testid=approval-step][data-step=Approve]").ClickAsync();
        await proxy.Locator(".mud-dialog [data-testid=step-submit]").ClickAsync();

        // Approved: the bar ends, and the speed table counts one more item finished by the department.
        await Expect(row).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(row).ToHaveAttributeAsync("data-actual", "done");
        await Expect(speedRow).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await map.EvaluateAsync<bool>("() => window.__mapNoReload === true"), "the leader's battle map reloaded");
        Assert.True(await speed.EvaluateAsync<bool>("() => window.__speedNoReload === true"), "the leader's speed page reloaded");
        await map.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "approvals-gantt-zh.png"), FullPage = true });

        await proxy.Context.CloseAsync();
        await group.Context.CloseAsync();
        await county.Context.CloseAsync();
        await map.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
