using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Meeting mode in three browsers: the Bureau presents, the projector (zh, kiosk, 1920×1080) and a chain lead's
/// screen (en) follow live; decisions and action items appear everywhere without reload; a follower that looked away
/// comes back with "follow presenter"; another Bureau user takes over after the presenter's browser is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions LiveText = new() { Timeout = 15_000 };

    private sealed record Setup(int MeetingId, IReadOnlyList<int> Items, string ChainLeadUser, string ChainLeadUnitName);

    [Fact]
    public async Task Followers_move_with_the_presenter_see_the_record_live_and_another_bureau_user_takes_over()
    {
        var setup = await CreateChainMeetingAsync();
        var id = setup.MeetingId;
        var items = setup.Items;

        // The presenter opens the meeting and starts it.
        var presenter = await browser.SignedInPageAsync("bureau");
        await presenter.GotoInteractiveAsync($"/meetings/{id}/present");
        await presenter.Locator("[data-testid=start-meeting]").ClickAsync();
        var present = presenter.Locator("[data-testid=meeting-present]");
        await Expect(present).ToHaveAttributeAsync("data-current", items[0].ToString(), Live);
        await Expect(present).ToHaveAttributeAsync("data-presenter", "true");

        // Two followers: the projector in Chinese (kiosk, 1920×1080) and the chain lead's screen in English.
        var projector = await browser.SignedInPageAsync("wall");
        await projector.SetViewportSizeAsync(1920, 1080);
        await projector.GotoInteractiveAsync($"/meetings/{id}/screen?kiosk=1");
        var lead = await browser.SignedInPageAsync(setup.ChainLeadUser, "en");
        await lead.GotoInteractiveAsync($"/meetings/{id}/screen");
        foreach (var follower in new[] { projector, lead })
        {
            await Expect(follower.Locator("[data-testid=meeting-screen]")).ToHaveAttributeAsync("data-live", "on", Live);
            await Expect(Panel(follower)).ToHaveAttributeAsync("data-item", items[0].ToString(), Live);
            await follower.EvaluateAsync("() => window.__noReload = 1");
        }
        await Expect(projector.Locator(".mt-kiosk")).ToHaveCountAsync(1);
        await Expect(projector.Locator("[data-testid=follow-presenter]")).ToHaveCountAsync(0);

        // Next with the button, then with a clicker's PageDown, back with the left arrow: both followers move each time.
        await presenter.Locator("[data-testid=present-next]").ClickAsync();
        await ExpectAllOnAsync(items[1], presenter, projector, lead);
        await presenter.Locator("[data-testid=present-position]").ClickAsync();
        await presenter.Keyboard.PressAsync("PageDown");
        await ExpectAllOnAsync(items[2], presenter, projector, lead);
        await presenter.Keyboard.PressAsync("ArrowLeft");
        await ExpectAllOnAsync(items[1], presenter, projector, lead);

        // A decision and an action item recorded on the presenter appear on both followers without a reload.
        var decision = $"由链主单位牵头，两周内协调解决用地问题 {Guid.NewGuid():N}"[..28];
        await FormInput.Field(presenter, "field-decision").FillAsync(decision);
        await presenter.Locator("[data-testid=record-decision]").ClickAsync();
        var action = $"落实项目用电增容方案 {Guid.NewGuid():N}"[..20];
        // A missing deadline is refused next to its field, the typed text is kept.
        await FormInput.Field(presenter, "field-action-text").FillAsync(action);
        if (string.IsNullOrEmpty(await presenter.Locator("[data-testid=record-forms]").GetAttributeAsync("data-owner")))
            await FormInput.PickAsync(presenter, "field-action-owner", setup.ChainLeadUnitName, exact: true);
        await presenter.Locator("[data-testid=record-action]").ClickAsync();
        // MudBlazor puts the test id on the input; the message is in the field's control, under it.
        var dueControl = presenter.Locator(".mud-input-control", new() { Has = presenter.Locator("[data-testid=field-action-due]") }).Last;
        await Expect(dueControl).ToContainTextAsync("请填写完成时限", LiveText);
        await Expect(FormInput.Field(presenter, "field-action-text")).ToHaveValueAsync(action);
        var due = BeijingTime.Today(browser.App.Clock).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await FormInput.Field(presenter, "field-action-due").FillAsync(due);
        await FormInput.Field(presenter, "field-action-due").PressAsync("Tab");
        await presenter.Locator("[data-testid=record-action]").ClickAsync();
        await Expect(presenter.Locator("[data-testid=item-record] [data-testid=action]")).ToContainTextAsync(action, LiveText);
        foreach (var follower in new[] { projector, lead })
        {
            await Expect(follower.Locator("[data-testid=item-record] [data-testid=decision]")).ToContainTextAsync(decision, LiveText);
            await Expect(follower.Locator("[data-testid=item-record] [data-testid=action]")).ToContainTextAsync(action, LiveText);
            await Expect(follower.Locator("[data-testid=meeting-record-count]")).ToContainTextAsync("1", LiveText);
            Assert.Equal(1, await follower.EvaluateAsync<int?>("() => window.__noReload"));
        }
        await Expect(lead.Locator("[data-testid=meeting-record-count]")).ToContainTextAsync("This meeting: 1 decisions, 1 action items");
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-screen-zh.png") });
        await lead.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-screen-en.png") });
        await presenter.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-present-zh.png"), FullPage = true });

        // The chain lead looks back at the first item; the presenter moves on; the lead stays, then follows again.
        await lead.Locator($"[data-testid=strip-item][data-item='{items[0]}']").ClickAsync();
        await Expect(Panel(lead)).ToHaveAttributeAsync("data-item", items[0].ToString());
        await Expect(lead.Locator("[data-testid=looking-away]")).ToBeVisibleAsync();
        await presenter.Locator("[data-testid=present-next]").ClickAsync();
        await ExpectAllOnAsync(items[2], presenter, projector);
        await Expect(lead.Locator("[data-testid=meeting-screen]")).ToHaveAttributeAsync("data-current", items[2].ToString(), Live);
        await Expect(Panel(lead)).ToHaveAttributeAsync("data-item", items[0].ToString());
        await lead.Locator("[data-testid=follow-presenter]").ClickAsync();
        await Expect(Panel(lead)).ToHaveAttributeAsync("data-item", items[2].ToString());
        await Expect(lead.Locator("[data-testid=follow-presenter]")).ToHaveCountAsync(0);

        // The presenter's browser is gone. Another Bureau user (the administrator, in English) opens /present,
        // takes over and resumes at the current item; the followers keep following the new presenter.
        await presenter.Context.CloseAsync();
        var other = await browser.SignedInPageAsync("admin", "en");
        await other.GotoInteractiveAsync($"/meetings/{id}/present");
        var otherPresent = other.Locator("[data-testid=meeting-present]");
        await Expect(other.Locator("[data-testid=takeover-panel]")).ToBeVisibleAsync();
        await Expect(otherPresent).ToHaveAttributeAsync("data-presenter", "false");
        await other.Locator("[data-testid=take-over]").ClickAsync();
        await Expect(otherPresent).ToHaveAttributeAsync("data-presenter", "true", Live);
        await Expect(otherPresent).ToHaveAttributeAsync("data-current", items[2].ToString());
        await Expect(other.Locator("[data-testid=item-record]")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-testid=meeting-screen]")).ToContainTextAsync("系统管理员", LiveText);
        await other.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-present-en.png"), FullPage = true });
        await other.Locator("[data-testid=present-prev]").ClickAsync();
        await ExpectAllOnAsync(items[1], other, projector, lead);

        // A long agenda does not push the item down: the strip is two rows at most and scrolls,
        // so the presenter's jump to the last item leaves it fully in view on every screen.
        var last = items[^1];
        await other.Locator($"[data-testid=strip-item][data-item='{last}']").ClickAsync();
        await ExpectAllOnAsync(last, other, projector, lead);
        foreach (var page in new[] { other, projector, lead })
        {
            await Expect(page.Locator($"[data-testid=agenda-strip] [data-testid=strip-item][data-item='{last}']").First).ToBeInViewportAsync(new() { Ratio = 1 });
            var height = await page.Locator("[data-testid=agenda-strip]").Last.EvaluateAsync<double>("e => e.getBoundingClientRect().height");
            Assert.InRange(height, 30, 125);
        }

        foreach (var page in new[] { other, projector, lead }) await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static ILocator Panel(IPage page) => page.Locator("[data-testid=item-panel]");

    private static async Task ExpectAllOnAsync(int itemId, IPage presenter, params IPage[] followers)
    {
        await Expect(presenter.Locator("[data-testid=meeting-present]")).ToHaveAttributeAsync("data-current", itemId.ToString(), Live);
        foreach (var f in followers) await Expect(Panel(f)).ToHaveAttributeAsync("data-item", itemId.ToString(), Live);
    }

    /// <summary>
    /// A planned chain meeting of the chain with the most projects, organised by the Bureau, its agenda proposed from
    /// the demo data (at least three items), the chain lead's unit attending.
    /// </summary>
    private async Task<Setup> CreateChainMeetingAsync()
    {
        var services = browser.App.Services;
        var chain = await browser.App.QueryAsync(db => db.Chains
            .Select(c => new { c.Id, c.Code, c.LeadUnitId, Projects = db.Projects.Count(p => p.ChainId == c.Id) })
            .OrderByDescending(c => c.Projects).FirstAsync());
        var leadUnit = (await services.GetRequiredService<KashiInvest.Web.Shared.ReferenceCache>().GetAsync()).Unit(chain.LeadUnitId)!;
        var bureauUnit = await browser.App.QueryAsync(db => db.Units.FirstAsync(u => u.Type == UnitType.Bureau));
        var bureau = new UserScope("bureau", "地区招商局调度员", ActorRole.Bureau, bureauUnit.Id, [], []);
        var commands = ActivatorUtilities.GetServiceOrCreateInstance<MeetingCommands>(services);
        var query = ActivatorUtilities.GetServiceOrCreateInstance<MeetingQuery>(services);
        var created = await commands.CreateAsync(bureau, new MeetingInput
        {
            Kind = MeetingKind.Progress, Title = "重点产业链项目推进会", StartsOn = BeijingTime.Today(browser.App.Clock), StartsAt = new TimeOnly(15, 0),
            Place = "行署三楼会议室", Chair = "王副专员", AttendingUnitIds = [chain.LeadUnitId], ScopeKind = MeetingScopeKind.Chain, ScopeChainId = chain.Id,
        });
        Assert.Equal(WriteStatus.Saved, created.Status);
        var id = created.Id!.Value;
        var view = (await query.GetAsync(bureau, id))!;
        for (var i = view.Items.Count; i < 3; i++)
        {
            var added = await commands.AddItemAsync(bureau, id, view.Version, AgendaItemKind.Custom, null, null, $"研究冬季施工保障（{i + 1}）", null);
            Assert.Equal(WriteStatus.Saved, added.Status);
            view = (await query.GetAsync(bureau, id))!;
        }
        return new Setup(id, view.Items.OrderBy(i => i.Position).Select(i => i.Id).ToList(), $"chain-{chain.Code}", leadUnit.Name);
    }
}
