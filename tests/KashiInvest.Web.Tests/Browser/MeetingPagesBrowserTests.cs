using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Before and after the meeting, in a real browser: the Bureau creates a meeting on the form, gets an agenda built
/// from the data (the last meeting's open action items first), reorders and annotates it; an attending unit finds the
/// agenda in its to-do list; a past meeting is found by search, is read-only and prints as minutes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingPagesBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToContainTextOptions LiveText = new() { Timeout = 15_000 };

    [Fact]
    public async Task The_bureau_creates_a_meeting_edits_its_agenda_and_the_attending_unit_sees_it_in_its_to_do_list()
    {
        var chain = await browser.App.QueryAsync(db => db.Chains
            .Select(c => new { c.Code, c.LeadUnitId, Projects = db.Projects.Count(p => p.ChainId == c.Id) })
            .OrderByDescending(c => c.Projects).FirstAsync());
        // The name the pickers show (a chain-lead unit is named with its chain when its bureau's name is shared).
        var leadName = (await browser.App.Services.GetRequiredService<ReferenceCache>().GetAsync()).Unit(chain.LeadUnitId)!.Name;

        var page = await browser.SignedInPageAsync("bureau");
        await page.GotoInteractiveAsync("/meetings");
        await Expect(page.Locator("[data-testid=section-Ended] a.meeting-card").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meetings-zh.png") });

        // The form refuses a meeting without title and chair next to each field, and keeps what was typed.
        await page.Locator("[data-testid=new-meeting]").ClickAsync();
        await page.WaitForURLAsync("**/meetings/new");
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        var date = BeijingTime.Today(browser.App.Clock).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await FormInput.Field(page, "field-date").FillAsync(date);
        await FormInput.Field(page, "field-date").PressAsync("Tab");
        await FormInput.Field(page, "field-place").FillAsync("地区行署三楼会议室");
        await page.Locator("[data-testid=meeting-save]").ClickAsync();
        var form = page.Locator("[data-testid=meeting-form]");
        await Expect(form).ToContainTextAsync("请填写会议名称。", LiveText);
        await Expect(form).ToContainTextAsync("请填写主持人（姓名及职务）。");
        await Expect(FormInput.Field(page, "field-place")).ToHaveValueAsync("地区行署三楼会议室");

        var title = $"地区重点项目推进调度会 {Guid.NewGuid():N}"[..20];
        await FormInput.Field(page, "field-title").FillAsync(title);
        await FormInput.Field(page, "field-chair").FillAsync("王建国 地区行署副专员");
        await FormInput.PickAsync(page, "field-units", leadName, exact: true);
        await FormInput.CloseListAsync(page);
        await FormInput.SubmitAndWaitForAsync(page, "meeting-save", @"/meetings/\d+$", "meeting-new");
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync(title);
        var id = int.Parse(page.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // The agenda came from the data: the earlier meeting's open action items lead, then projects in trouble.
        var items = page.Locator("[data-testid=agenda-item]");
        await Expect(items.First).ToBeVisibleAsync();
        var stored = await browser.App.QueryAsync(db => db.Set<AgendaItem>().Where(i => i.MeetingId == id).OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.Kind }).ToListAsync());
        Assert.True(stored.Count >= 3, $"expected an agenda from the demo data, got {stored.Count} items");
        Assert.Equal(AgendaItemKind.ActionFollowUp, stored[0].Kind);
        Assert.Contains(stored, i => i.Kind is AgendaItemKind.StalledProject or AgendaItemKind.AtRiskProject);
        Assert.Equal(stored.Count, await items.CountAsync());

        // Move the second item up: the page and the database agree on the new order.
        await items.Nth(1).Locator("[data-testid=move-up]").ClickAsync();
        await Expect(items.First).ToHaveAttributeAsync("data-item-id", stored[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        var reordered = await browser.App.QueryAsync(db => db.Set<AgendaItem>().Where(i => i.MeetingId == id).OrderBy(i => i.Position)
            .Select(i => i.Id).Take(2).ToListAsync());
        Assert.Equal([stored[1].Id, stored[0].Id], reordered);

        // Annotate the (new) first item.
        var note = "请链主单位重点汇报用地和用电问题";
        await items.First.Locator("[data-testid=annotate]").ClickAsync();
        await FormInput.Field(page, "annotate-note").FillAsync(note);
        await page.Locator("[data-testid=annotate-save]").ClickAsync();
        await Expect(items.First.Locator("[data-testid=item-note]")).ToContainTextAsync(note, LiveText);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-agenda-zh.png") });
        await page.Locator("[data-testid=carried]").ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-carried-zh.png") });
        await page.Context.CloseAsync();

        // The chain lead's unit attends: the agenda is in its to-do list, and the page opens in English for its user.
        var attending = await browser.App.QueryAsync(db => db.Set<Meeting>().Where(m => m.Id == id).Select(m => m.AttendingUnitIds).SingleAsync());
        Assert.Equal([chain.LeadUnitId], attending.ToArray());
        var lead = await browser.SignedInPageAsync($"chain-{chain.Code}", "en");
        await lead.GotoInteractiveAsync("/todo");
        var todo = lead.Locator($"[data-testid=todo-item][data-kind='meeting.agenda'][href='/meetings/{id}']");
        try { await Expect(todo).ToContainTextAsync(title, LiveText); }
        catch (PlaywrightException) { throw new Xunit.Sdk.XunitException("to-do: " + await lead.Locator("[data-testid=todo-page]").InnerTextAsync()); }
        await todo.ClickAsync();
        await lead.WaitForURLAsync($"**/meetings/{id}");
        await Expect(lead.Locator("[data-testid=agenda]")).ToContainTextAsync("Agenda");
        await Expect(lead.Locator("[data-testid=move-up]")).ToHaveCountAsync(0);
        // Attendees see what is on the agenda, including projects outside their own chain: as in the room, every item has its project.
        var titles = await lead.Locator("[data-testid=item-title]").AllInnerTextsAsync();
        Assert.Equal(stored.Count, titles.Count);
        Assert.DoesNotContain(titles, t => t.Trim() is "Stalled project" or "At-risk project" or "Key project report");
        await lead.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-agenda-en.png") });
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task A_past_meeting_is_found_by_search_is_read_only_and_prints_as_minutes()
    {
        var page = await browser.SignedInPageAsync("bureau");
        await page.GotoInteractiveAsync("/meetings");
        await FormInput.Field(page, "filter-text").FillAsync("第21期");
        var cards = page.Locator("a.meeting-card");
        await Expect(cards).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await cards.First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/meetings/\d+$"));
        await Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=go-present]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=move-up]")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=go-minutes-page]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/meetings/\d+/minutes$"));
        await Expect(page.Locator("body")).ToContainTextAsync("会议纪要");
        await Expect(page.Locator("body")).ToContainTextAsync("地区重点项目推进调度会（第21期）");
        await Expect(page.Locator("body")).ToContainTextAsync("完成项目用地报批材料上报");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-minutes-zh.png"), FullPage = true });

        var english = await browser.SignedInPageAsync("bureau", "en");
        await english.GotoInteractiveAsync(new Uri(page.Url).AbsolutePath);
        await Expect(english.Locator("body")).ToContainTextAsync("Action items");
        await english.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meeting-minutes-en.png"), FullPage = true });
        await english.GotoInteractiveAsync("/meetings");
        await english.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "meetings-en.png") });
        await page.Context.CloseAsync();
        await english.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
