using KashiInvest.Domain.Investors;
using KashiInvest.Web.Tests.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// One tiered lead from the registration form to a complete work group (Art. 18, 19, 20, 22), each step signed in as
/// the unit that owns it: a sub-bureau files the form, the Bureau analyses, a leader approves, the Bureau records the
/// leading group's decision and the evaluation, the host county signs and forms the work group.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LifecycleBrowserTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(Repo.Screenshots, name);

    [Fact]
    public async Task A_tiered_lead_goes_from_triage_through_evaluation_to_signing_and_a_complete_work_group()
    {
        const string name = "浙江纺织集团喀什棉纺一体化项目";
        // A sub-bureau files the information-transfer registration form after its visit (Art. 18).
        var subBureau = await browser.SignedInPageAsync("sub-prd");
        await subBureau.GotoInteractiveAsync("/leads/new");
        await subBureau.Locator("[data-testid=submit]").WaitForAsync();
        await FormInput.PickAsync(subBureau, "field-host", "莎车县");
        await FormInput.FillCountedAsync(subBureau, "field-enterprise", "浙江纺织集团股份有限公司");
        await FormInput.PickAsync(subBureau, "field-tiers", "上市公司");
        await subBureau.Locator(".mud-popover-open .mud-list-item", new() { HasText = "行业龙头" }).First.ClickAsync();
        await FormInput.CloseListAsync(subBureau);
        await FormInput.FillCountedAsync(subBureau, "field-background", "成立于1998年，主营棉纺与印染，年营收六十亿元");
        await FormInput.FillCountedAsync(subBureau, "field-project", name);
        await FormInput.PickAsync(subBureau, "field-chain", "纺织");
        await FormInput.Field(subBureau, "field-amount").FillAsync("75000");
        await FormInput.Field(subBureau, "field-jobs").FillAsync("600");
        await FormInput.FillCountedAsync(subBureau, "field-demands", "棉花储备与用电价格支持");
        await FormInput.PickAsync(subBureau, "field-feasibility", "可行性高");
        await FormInput.FillCountedAsync(subBureau, "field-feasibility-note", "上市公司、行业龙头，意向明确");
        await FormInput.FillCountedAsync(subBureau, "field-people-visited", "董事长");
        await FormInput.FillCountedAsync(subBureau, "field-visitors", "驻珠三角分局两名同志");
        await FormInput.SubmitAndWaitForAsync(subBureau, "submit", @"/leads/\d+$", "lifecycle-lead");
        await subBureau.Context.CloseAsync();
        var id = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
        var row = $"[data-testid=triage-queue] tr[data-project='{id}']";

        // (a) The Bureau records its analysis: Lead → Triage, waiting on a leader.
        var bureau = await browser.SignedInPageAsync("bureau");
        await bureau.GotoInteractiveAsync("/triage");
        await bureau.Locator("[data-testid=triage-live]").WaitForAsync();
        // The Bureau lands on what waits on it; show the whole queue, as on the projector, to follow the lead past its step.
        await bureau.Locator("input[data-testid=triage-mine], [data-testid=triage-mine] input").First.ClickAsync(new() { Force = true });
        await bureau.Locator($"{row} [data-action=Analyse]").ClickAsync();
        var dialog = bureau.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=triage-recommendation]").First.ClickAsync();
        await bureau.Locator(".mud-popover-open .mud-list-item", new() { HasText = "建议地区统筹洽谈" }).ClickAsync();
        await dialog.Locator("textarea[data-testid=triage-text], [data-testid=triage-text] textarea").First.FillAsync("上市公司、行业龙头，拟投资7.5亿元建设棉纺一体化项目，建议地区统筹洽谈。");
        await dialog.Locator("[data-testid=triage-submit]").ClickAsync();
        await Expect(bureau.Locator(row)).ToHaveAttributeAsync("data-status", "Analysed");

        // (b) A prefecture leader reviews it (in English) and approves.
        var leader = await browser.SignedInPageAsync("leader", "en");
        await leader.GotoInteractiveAsync("/triage");
        await leader.Locator($"{row} [data-action=Approve]").WaitForAsync();
        await leader.ScreenshotAsync(new() { Path = Shot("triage-en.png") });
        await leader.Locator($"{row} [data-action=Approve]").ClickAsync();
        await leader.Locator(".mud-dialog [data-testid=triage-submit]").ClickAsync();
        // The leader's queue shows what waits on the leader: the approved lead leaves it.
        await Expect(leader.Locator(row)).ToHaveCountAsync(0);

        // The Bureau's queue follows live; (c) it records the leading group's decision: Triage → Negotiating.
        await Expect(bureau.Locator(row)).ToHaveAttributeAsync("data-status", "Approved");
        await bureau.ScreenshotAsync(new() { Path = Shot("triage-zh.png") });
        await bureau.Locator($"{row} [data-action=Decide]").ClickAsync();
        await dialog.Locator("input[data-testid=triage-leader], [data-testid=triage-leader] input").First.FillAsync("地区副专员 王建国");
        await dialog.Locator("input[data-testid=triage-meeting], [data-testid=triage-meeting] input").First.FillAsync("地区招商引资工作领导小组第5次会议");
        await dialog.Locator("[data-testid=triage-submit]").ClickAsync();
        await Expect(bureau.Locator(row)).ToHaveCountAsync(0);

        // The evaluation meeting: every criterion judged, Pass.
        await bureau.GotoInteractiveAsync($"/evaluations/new?project={id}");
        await bureau.Locator("[data-testid=evaluation-subject]").WaitForAsync();
        await bureau.Locator("textarea[data-testid=attendees], [data-testid=attendees] textarea").First.FillAsync("地区招商局 张伟（局长）；纺织服装产业链链主单位 李明；莎车县 王芳（副县长）");
        // Each click waits for the circuit's answer (the chip drawn selected): on a busy machine a click that lands while
        // the previous one re-renders the table must not be taken as done.
        foreach (var chip in await bureau.Locator("[data-testid=criteria] tr [data-judgement=Good]").AllAsync())
        {
            await chip.ClickAsync();
            await Expect(chip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-selected"), new() { Timeout = 30_000 });
        }
        await bureau.Locator("[data-testid=decision] .mud-radio").First.ClickAsync();
        await Expect(bureau.Locator("[data-testid=decision] input[type=radio]").First).ToBeCheckedAsync(new() { Timeout = 30_000 });
        await bureau.ScreenshotAsync(new() { Path = Shot("evaluation-form-zh.png"), FullPage = true });
        var english = await browser.SignedInPageAsync("bureau", "en");
        await english.GotoInteractiveAsync($"/evaluations/new?project={id}");
        await english.Locator("[data-testid=evaluation-subject]").WaitForAsync();
        await Expect(english.Locator("[data-testid=criteria] tr")).ToHaveCountAsync(13);
        await english.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await english.ScreenshotAsync(new() { Path = Shot("evaluation-form-en.png"), FullPage = true });
        await english.Context.CloseAsync();
        await bureau.Locator("[data-testid=evaluation-submit]").ClickAsync();
        await bureau.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/evaluations/\d+$"));
        await Expect(bureau.Locator("[data-decision=Pass]")).ToBeVisibleAsync(new() { Timeout = 15000 });

        // The host county signs (a key project: 7.5亿, 600 jobs) and forms the work group the level requires.
        var county = await browser.SignedInPageAsync("shache");
        await county.GotoInteractiveAsync($"/projects/{id}/signing");
        await county.Locator("[data-testid=sign-deadline]").WaitForAsync();
        await county.Locator("input[data-testid=agreement-number], [data-testid=agreement-number] input").First.FillAsync("SC-XY-2026-018");
        await county.Locator("[data-testid=sign-submit]").ClickAsync();
        await county.Locator("[data-testid=workgroup-missing]").WaitForAsync();
        await Expect(county.Locator("[data-testid=workgroup-incomplete]")).ToBeVisibleAsync();
        await Expect(county.Locator("[data-testid=fortnightly-duty]")).ToBeVisibleAsync();
        await county.ScreenshotAsync(new() { Path = Shot("signing-zh.png"), FullPage = true });
        // The battle map says so too, in its header, until the work group is formed.
        var map = await browser.SignedInPageAsync("bureau");
        await map.GotoInteractiveAsync($"/projects/{id}/battlemap");
        await Expect(map.Locator("[data-testid=bm-header] [data-testid=workgroup-incomplete]")).ToBeVisibleAsync();

        await county.Locator("input[data-testid=wg-leader], [data-testid=wg-leader] input").First.FillAsync("县委书记 王海");
        await county.Locator("[data-testid=wg-principal]").First.ClickAsync();
        await county.Locator("[data-testid=wg-departments]").First.ClickAsync();
        await county.Locator(".mud-popover-open .mud-list-item", new() { HasText = "自然资源局" }).ClickAsync();
        await county.Locator(".mud-popover-open .mud-list-item", new() { HasText = "生态环境局" }).ClickAsync();
        await FormInput.CloseListAsync(county);
        await county.Locator("[data-testid=wg-submit]").ClickAsync();
        await county.Locator("[data-testid=workgroup-complete]").WaitForAsync();
        await Expect(county.Locator("[data-testid=workgroup-incomplete]")).ToHaveCountAsync(0);
        await map.GotoInteractiveAsync($"/projects/{id}/battlemap");
        await map.Locator("[data-testid=bm-header]").WaitForAsync();
        await Expect(map.Locator("[data-testid=workgroup-incomplete]")).ToHaveCountAsync(0);

        var stage = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => new { p.Stage, p.ResponsibleLeader, p.SignedOn }).SingleAsync());
        Assert.Equal(Domain.Projects.ProjectStage.Signed, stage.Stage);
        Assert.Equal("地区副专员 王建国", stage.ResponsibleLeader);

        var countyEn = await browser.SignedInPageAsync("shache", "en");
        await countyEn.GotoInteractiveAsync($"/projects/{id}/workgroup");
        await countyEn.Locator("[data-testid=workgroup-complete]").WaitForAsync();
        await countyEn.ScreenshotAsync(new() { Path = Shot("signing-en.png"), FullPage = true });

        foreach (var p in new[] { bureau, leader, county, countyEn, map }) await p.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
