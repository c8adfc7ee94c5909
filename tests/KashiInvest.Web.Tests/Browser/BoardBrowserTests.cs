using KashiInvest.Domain.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>The application and the service group's board on the real app: the county records the investor's application on
/// the battle map, the group leader's open board shows it without a reload, the leader plans two items and assigns one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_county_applies_and_the_group_leader_plans_and_assigns_on_the_live_board()
    {
        var target = await browser.App.QueryAsync(db =>
            (from p in db.Projects
             join u in db.Units on p.HostUnitId equals u.Id
             where (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
                   && !db.ServicePlans.Any(s => s.ProjectId == p.Id) && u.Code != "kedz"
             orderby p.Id descending
             select new { p.Id, County = u.Code }).FirstAsync());

        var leader = await browser.SignedInPageAsync($"svc-{target.County}");
        await leader.GotoInteractiveAsync("/approvals/board");
        await Expect(leader.Locator("[data-testid=board-title]")).ToHaveAttributeAsync("data-live", "on");
        await Expect(leader.Locator("[data-testid=board-counts]")).ToBeVisibleAsync();
        await leader.EvaluateAsync("() => window.__boardNoReload = true");

        // The county records the application on the project's battle map.
        var county = await browser.SignedInPageAsync(target.County);
        await county.GotoInteractiveAsync($"/projects/{target.Id}/battlemap");
        await county.Locator("[data-testid=application-record]").ClickAsync();
        await county.Locator(".mud-dialog [data-testid=application-submit]").ClickAsync();
        await Expect(county.Locator(".mud-dialog [data-testid=application-applicant]")).ToHaveAttributeAsync("aria-invalid", "true");
        await county.Locator(".mud-dialog [data-testid=application-applicant]").FillAsync("客商代表 孙经理");
        await county.Locator(".mud-dialog [data-testid=application-submit]").ClickAsync();
        await Expect(county.Locator("[data-testid=bm-approval-application]")).ToHaveAttributeAsync("data-recorded", "yes");

        // The leader's open board heard of it; the leader plans two items.
        var application = leader.Locator($"[data-testid=board-application][data-project='{target.Id}']");
        await Expect(application).ToContainTextAsync("客商代表 孙经理");
        await application.Locator("[data-testid=board-plan]").ClickAsync();
        await leader.Locator(".mud-dialog [data-testid=plan-pick][data-code=project-filing]").ClickAsync();
        await leader.Locator(".mud-dialog [data-testid=plan-pick][data-code=construction-permit]").ClickAsync();
        await leader.Locator(".mud-dialog [data-testid=plan-submit]").ClickAsync();
        var card = leader.Locator($"[data-testid=board-plan-card][data-project='{target.Id}']");
        await Expect(card.Locator("[data-testid=board-item][data-lane=Unclaimed]")).ToHaveCountAsync(2);
        await Expect(application).ToHaveCountAsync(0);

        // … and assigns the first to its department's proxy.
        var first = card.Locator("[data-testid=board-item]").First;
        var itemId = await first.GetAttributeAsync("data-item");
        // The plan's own save and its live notice re-render the card one after the other; a click that lands between
        // the two renders reaches a button the next render replaced, so click until the dialog is open (bounded).
        var assignSubmit = leader.Locator(".mud-dialog [data-testid=assign-submit]");
        for (var attempt = 1; ; attempt++)
        {
            await first.Locator("[data-testid=board-assign]").ClickAsync();
            try
            {
                await assignSubmit.WaitForAsync(new() { Timeout = 5000 });
                break;
            }
            catch (System.TimeoutException) when (attempt < 3)
            {
            }
        }
        await assignSubmit.ClickAsync();
        var assigned = card.Locator($"[data-testid=board-item][data-item='{itemId}']");
        await Expect(assigned).ToHaveAttributeAsync("data-holder", new System.Text.RegularExpressions.Regex("^dept-"));
        await Expect(assigned).ToHaveAttributeAsync("data-lane", "Unclaimed");
        Assert.True(await leader.EvaluateAsync<bool>("() => window.__boardNoReload === true"), "the leader's board reloaded");
        await leader.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "approvals-board-zh.png"), FullPage = true });

        await county.Context.CloseAsync();
        await leader.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
