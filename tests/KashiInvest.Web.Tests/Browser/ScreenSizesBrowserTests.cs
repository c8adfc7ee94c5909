using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Every screen where leaders look (issue 20): the pages a leader opens from a robot message on a phone (360×740 and
/// 390×844), in Chinese and English. Each page must not scroll sideways and must not clip a title inside its box; a
/// screenshot of each is kept in artifacts/screenshots for a person to read. One browser context per size and
/// language, signed in once per user.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenSizesBrowserTests(BrowserFixture browser)
{
    private static readonly (int Width, int Height)[] Phones = [(360, 740), (390, 844)];
    private static readonly string[] Cultures = ["zh-CN", "en"];
    private static readonly (int Width, int Height)[] Projectors = [(1024, 768), (1280, 720), (1366, 768), (1600, 900), (1920, 1080), (3840, 2160)];

    /// <summary>
    /// Titles and names that must show whole: their box may not cut them (scroll size beyond client size; the ink of
    /// a glyph below its line box, less than a third of the font size, is not a cut line).
    /// </summary>
    private const string TitleSelector =
        ".app-title, .page-body .mud-typography-h4, .page-body .mud-typography-h5, .alert-kind, .alert-project, .wall-card-name, .wall-group-name, " +
        ".todo-item-title, .todo-band-title, .mt-title, .mt-item-title, .kiosk-title, .filter-fold-toggle";

    private static readonly string[] PhonePages =
        ["alerts", "battlemap", "wall", "ledger", "meeting-screen", "todo", "statistics", "approvals-board", "commitments"];

    [Fact]
    public async Task A_leader_s_pages_fit_a_phone_in_both_languages_without_sideways_scrolling_or_clipped_titles()
    {
        var targets = await TargetsAsync();
        var failures = new List<string>();
        foreach (var culture in Cultures)
        {
            var state = await SignInStateAsync("leader", culture);
            foreach (var (width, height) in Phones)
            {
                var context = await NewContextAsync(state, culture, width, height, phone: true);
                try
                {
                    var page = await context.NewPageAsync();
                    foreach (var screen in PhonePages)
                    {
                        await OpenAsync(page, screen, targets, kiosk: false);
                        failures.AddRange(await MeasureAsync(page, $"phone-{screen}", culture, width, height));
                    }
                }
                finally
                {
                    await context.CloseAsync();
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task On_a_phone_the_app_bar_shows_the_short_name_the_bell_and_a_menu_and_the_filters_fold_under_one_button()
    {
        var state = await SignInStateAsync("leader", "zh-CN");
        var context = await NewContextAsync(state, "zh-CN", 390, 844, phone: true);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync("/alerts");
            await Expect(page.Locator(".app-title-short")).ToBeVisibleAsync();
            await Expect(page.Locator(".app-title-long")).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=alert-bell]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=current-user]")).ToBeHiddenAsync();
            await Expect(page.Locator(".mud-appbar [data-testid=language-switch]")).ToBeHiddenAsync();

            // The user, the unit, the language and signing out are in the menu.
            await page.Locator("[data-testid=account-menu] button").ClickAsync();
            var panel = page.Locator("[data-testid=account-menu-panel]");
            await Expect(panel).ToBeVisibleAsync();
            await Expect(panel.Locator("[data-testid=account-menu-user]")).ToHaveTextAsync("地区分管领导");
            await Expect(panel.Locator("[data-testid=language-switch] a[lang=en]")).ToBeVisibleAsync();
            await Expect(panel.Locator("[data-testid=account-menu-signout]")).ToBeVisibleAsync();
            await page.Mouse.ClickAsync(195, 600);
            await Expect(panel).ToBeHiddenAsync();

            // The list comes first: the filters are folded under one button, above the first alert.
            await Expect(page.Locator("[data-testid=alert-filters]")).ToBeHiddenAsync();
            var toggle = page.Locator("[data-testid=filter-toggle]");
            await Expect(toggle).ToBeVisibleAsync();
            var firstAlert = page.Locator("[data-testid=alert-row]").First;
            await Expect(firstAlert).ToBeVisibleAsync();
            Assert.True((await firstAlert.BoundingBoxAsync())!.Y < 844, "the first alert is on the first screen");
            await toggle.ClickAsync();
            await Expect(page.Locator("[data-testid=alert-filters]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=filter-fold]")).ToHaveAttributeAsync("data-open", "true");
            await page.Locator("[data-testid=filter-done]").ClickAsync();
            await Expect(page.Locator("[data-testid=alert-filters]")).ToBeHiddenAsync();

            // Every button and link a thumb needs on the alert list is at least 44 px high.
            var small = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll(
                    '.mud-appbar button, .mud-appbar a, [data-testid=filter-toggle], [data-testid=alert-row] button, [data-testid=alert-row] a.mud-button-root, [data-testid=alert-battlemap]')]
                .filter(e => e.offsetParent !== null)
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(x => x.r.height < 43.5 || x.r.width < 43.5)
                .map(x => (x.e.getAttribute('data-testid') || x.e.className) + ':' + Math.round(x.r.width) + 'x' + Math.round(x.r.height)).join(' | ')");
            Assert.True(small.Length == 0, $"touch targets below 44 px: {small}");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_kiosk_screens_are_legible_at_every_projector_resolution_in_both_languages()
    {
        var targets = await TargetsAsync();
        var chain = await browser.App.QueryAsync(db => db.Chains.Where(c => c.Code == "textiles").Select(c => c.Id).SingleAsync());
        var failures = new List<string>();
        foreach (var culture in Cultures)
        {
            var state = await SignInStateAsync("wall", culture);
            foreach (var (width, height) in Projectors)
            {
                var context = await NewContextAsync(state, culture, width, height, phone: false);
                try
                {
                    var page = await context.NewPageAsync();
                    var at = $"({culture}, {width}×{height})";

                    // The wall: as many cards a screen as the resolution holds legibly; the rotation shows the rest.
                    await OpenAsync(page, "wall", targets, kiosk: true);
                    var grid = KashiInvest.Web.Features.Wall.KioskGrid.For(width, height);
                    await Expect(page.Locator("[data-testid=wall-kiosk]")).ToHaveAttributeAsync("data-grid", $"{grid.Columns}x{grid.Rows}");
                    var cards = await page.Locator("[data-testid=kiosk-slide] [data-testid=wall-card]").CountAsync();
                    if (cards > grid.Cards) failures.Add($"kiosk-wall {at} shows {cards} cards on a {grid.Columns}×{grid.Rows} screen");
                    failures.AddRange(await MeasureAsync(page, "kiosk-wall", culture, width, height));
                    failures.AddRange(await FitsHeightAsync(page, "kiosk-wall", at));
                    // Each card's second line (chain · host) is a whole line, never squeezed by the grid; the group tabs stay on one line.
                    var squeezed = await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('[data-testid=kiosk-slide] .wall-card-meta')]
                        .filter(e => e.clientHeight < parseFloat(getComputedStyle(e).fontSize)).length");
                    if (squeezed > 0) failures.Add($"kiosk-wall {at}: {squeezed} cards' second line is squeezed below one line");
                    var tabRows = await page.EvaluateAsync<int>(@"() => new Set([...document.querySelectorAll('[data-testid=kiosk-tab]')].map(e => Math.round(e.getBoundingClientRect().top))).size");
                    if (tabRows > 1) failures.Add($"kiosk-wall {at}: the group tabs take {tabRows} lines");

                    // The meeting's follower screen: fits the projector's height, the open problems in view, no ring
                    // around the item's title; a problem item is headed by the problem and names its project below.
                    await OpenAsync(page, "meeting-screen", targets, kiosk: true);
                    failures.AddRange(await MeasureAsync(page, "kiosk-meeting", culture, width, height));
                    failures.AddRange(await FitsHeightAsync(page, "kiosk-meeting", at));
                    var problems = page.Locator("[data-testid=item-problems]");
                    if (await problems.CountAsync() > 0 && !await problems.EvaluateAsync<bool>("e => e.getBoundingClientRect().top < window.innerHeight - 40"))
                        failures.Add($"kiosk-meeting {at}: the open problems are below the screen");
                    var outline = await page.Locator("[data-testid=item-title]").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
                    if (!outline.StartsWith("none", StringComparison.Ordinal) && !outline.EndsWith(" 0px", StringComparison.Ordinal))
                        failures.Add($"kiosk-meeting {at}: the item title has an outline ({outline})");
                    if (targets.ProblemItem) await Expect(page.Locator("[data-testid=item-project-name]")).ToBeVisibleAsync();

                    // The chain map on the projector.
                    await page.GotoInteractiveAsync($"/chains/{chain}?kiosk=1");
                    await Expect(page.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
                    failures.AddRange(await MeasureAsync(page, "kiosk-chain", culture, width, height));
                }
                finally
                {
                    await context.CloseAsync();
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>At least 44 CSS px high (its laid-out size: a dialog still scaling in does not count against it).</summary>
    private static async Task<bool> ThumbSizedAsync(ILocator button)
    {
        await button.WaitForAsync();
        return await button.EvaluateAsync<bool>("e => e.offsetHeight >= 44");
    }

    private static async Task<IReadOnlyList<string>> FitsHeightAsync(IPage page, string name, string at)
    {
        var over = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - document.documentElement.clientHeight");
        return over > 0 ? [$"{name} {at} is {over}px taller than the screen"] : [];
    }

    [Fact]
    public async Task A_leader_on_a_phone_acknowledges_an_alert_and_records_a_problem_with_one_thumb()
    {
        var project = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Construction)
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var state = await SignInStateAsync("leader", "zh-CN");
        var context = await NewContextAsync(state, "zh-CN", 390, 844, phone: true);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync("/alerts");
            await Expect(page.Locator("[data-testid=alert-list]")).ToHaveAttributeAsync("data-live", "on");
            var row = page.Locator("[data-testid=alert-row]", new() { Has = page.Locator("[data-testid=alert-ack]") }).First;
            var id = await row.GetAttributeAsync("data-alert-id");
            var ack = row.Locator("[data-testid=alert-ack]");
            Assert.True(await ThumbSizedAsync(ack), "the acknowledge button is a thumb's size");
            await ack.TapAsync();
            await page.Locator("textarea[data-testid=ack-note], [data-testid=ack-note] textarea").FillAsync("已电话督促，周五前报送");
            var submit = page.Locator("[data-testid=ack-submit]");
            Assert.True(await ThumbSizedAsync(submit), "the dialog's button is a thumb's size");
            await submit.TapAsync();
            await Expect(page.Locator($"[data-testid=alert-row][data-alert-id='{id}'] [data-testid=alert-acked]")).ToBeVisibleAsync();

            // Recording a problem on a project, from the phone.
            await page.GotoInteractiveAsync($"/ledger?project={project.Id}&new=1");
            var dialog = page.Locator(".mud-dialog");
            await Expect(dialog.Locator("input[data-testid=field-project], [data-testid=field-project] input").First).ToHaveValueAsync(project.Name);
            var text = $"施工道路未通，材料运输受阻 {Guid.NewGuid():N}"[..22];
            await dialog.Locator("textarea[data-testid=field-description], [data-testid=field-description] textarea").First.FillAsync(text);
            await dialog.Locator("[data-testid=field-factor]").First.TapAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "用电" }).TapAsync();
            var save = dialog.Locator("[data-testid=dialog-submit]");
            Assert.True(await ThumbSizedAsync(save), "the dialog's button is a thumb's size");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "sizes-phone-raise-problem-zh-390x844.png") });
            await save.TapAsync();
            await Expect(page.Locator("[data-testid=column-New] [data-testid=ledger-card]", new() { HasText = text })).ToBeVisibleAsync();
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_robot_message_s_link_opened_on_a_phone_lands_on_its_ledger_entry_after_signing_in()
    {
        var problem = await browser.App.QueryAsync(db => db.Problems.Where(p => p.Status != KashiInvest.Domain.Problems.ProblemStatus.Resolved)
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.ProjectId }).FirstAsync());
        var link = KashiInvest.Infrastructure.Alerts.AlertLinks.PathOf(1, problem.ProjectId, "problem:" + problem.Id);
        var context = await NewContextCoreAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            HasTouch = true,
        });
        try
        {
            var page = await context.NewPageAsync();
            // Not signed in on the phone: the link leads to the sign-in form, which keeps where it was going.
            await page.GotoAsync(link);
            await page.WaitForURLAsync("**/account/login**");
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(link), page.Url, StringComparison.OrdinalIgnoreCase);
            await page.FillAsync("#username", "leader");
            await page.FillAsync("#password", HttpSignIn.DemoPassword);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync(url => url.EndsWith(link, StringComparison.Ordinal), new() { Timeout = 40_000 });

            // The entry itself is marked and in view.
            var card = page.Locator($"[data-testid=ledger-card][data-problem-id='{problem.Id}']");
            await Expect(card).ToHaveAttributeAsync("data-focused", "true");
            await Expect(card).ToBeInViewportAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "sizes-robot-link-ledger-zh-390x844.png") });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // ------------------------------------------------------------------ helpers

    private sealed record Targets(int ProjectId, int MeetingId, bool ProblemItem);

    private Targets? _targets;

    private async Task<Targets> TargetsAsync()
    {
        if (_targets is not null) return _targets;
        var project = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Construction)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var (meeting, problemItem) = await StartedMeetingAsync();
        return _targets = new Targets(project, meeting, problemItem);
    }

    /// <summary>A prefecture meeting built from the demo data and started, showing a problem item when it has one.</summary>
    private async Task<(int Id, bool ProblemItem)> StartedMeetingAsync()
    {
        var services = browser.App.Services;
        var bureauUnit = await browser.App.QueryAsync(db => db.Units.FirstAsync(u => u.Type == UnitType.Bureau));
        var bureau = new UserScope("bureau", "地区招商局调度员", ActorRole.Bureau, bureauUnit.Id, [], []);
        var commands = ActivatorUtilities.GetServiceOrCreateInstance<MeetingCommands>(services);
        var query = ActivatorUtilities.GetServiceOrCreateInstance<MeetingQuery>(services);
        var created = await commands.CreateAsync(bureau, new MeetingInput
        {
            Kind = MeetingKind.Progress, Title = "全地区招商引资项目调度会（屏幕适配）", StartsOn = BeijingTime.Today(browser.App.Clock), StartsAt = new TimeOnly(10, 0),
            Place = "行署三楼会议室", Chair = "王副专员", AttendingUnitIds = [], ScopeKind = MeetingScopeKind.Prefecture,
        });
        Assert.Equal(WriteStatus.Saved, created.Status);
        var id = created.Id!.Value;
        var view = (await query.GetAsync(bureau, id))!;
        if (view.Items.Count == 0)
        {
            Assert.Equal(WriteStatus.Saved, (await commands.AddItemAsync(bureau, id, view.Version, AgendaItemKind.Custom, null, null, "研究冬季施工保障", null)).Status);
            view = (await query.GetAsync(bureau, id))!;
        }
        Assert.Equal(WriteStatus.Saved, (await commands.StartAsync(bureau, id, view.Version)).Status);
        var problem = view.Items.FirstOrDefault(i => i.Kind == AgendaItemKind.EscalatedProblem);
        if (problem is not null) Assert.Equal(WriteStatus.Saved, (await commands.PresentAsync(bureau, id, problem.Id)).Status);
        return (id, problem is not null);
    }

    private async Task<string> SignInStateAsync(string user, string culture)
    {
        var page = await browser.SignedInPageAsync(user, culture);
        try
        {
            return await page.Context.StorageStateAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private Task<IBrowserContext> NewContextAsync(string state, string culture, int width, int height, bool phone)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            StorageState = state,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = culture,
            TimezoneId = "Asia/Shanghai",
            HasTouch = phone,
        };
        return NewContextCoreAsync(options);
    }

    private async Task<IBrowserContext> NewContextCoreAsync(BrowserNewContextOptions options)
    {
        var context = await browser.Browser.NewContextAsync(options);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private static async Task OpenAsync(IPage page, string screen, Targets t, bool kiosk)
    {
        var k = kiosk ? "?kiosk=1" : "";
        switch (screen)
        {
            case "alerts":
                await page.GotoInteractiveAsync("/alerts");
                await Expect(page.Locator("[data-testid=alert-list]")).ToHaveAttributeAsync("data-live", "on");
                break;
            case "battlemap":
                await page.GotoInteractiveAsync($"/projects/{t.ProjectId}/battlemap");
                await Expect(page.Locator("[data-testid=battlemap]")).ToBeVisibleAsync();
                break;
            case "wall":
                await page.GotoInteractiveAsync("/wall" + k);
                await Expect(page.Locator(".wall-root")).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=wall-card]").First).ToBeVisibleAsync();
                break;
            case "ledger":
                await page.GotoInteractiveAsync("/ledger");
                await Expect(page.Locator("[data-testid=ledger-board]")).ToHaveAttributeAsync("data-live", "on");
                break;
            case "meeting-screen":
                await page.GotoInteractiveAsync($"/meetings/{t.MeetingId}/screen" + k);
                await Expect(page.Locator("[data-testid=meeting-screen]")).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=meeting-title]")).ToBeVisibleAsync();
                break;
            case "todo":
                await page.GotoInteractiveAsync("/todo");
                await Expect(page.Locator("[data-testid=todo-page]")).ToHaveAttributeAsync("data-live", "on");
                break;
            case "statistics":
                await page.GotoInteractiveAsync("/statistics");
                await Expect(page.Locator("[data-testid=statistics-page]")).ToHaveAttributeAsync("data-live", "on");
                break;
            case "approvals-board":
                await page.GotoInteractiveAsync("/approvals/board");
                await Expect(page.Locator("[data-testid=board-title]")).ToHaveAttributeAsync("data-live", "on");
                break;
            case "commitments":
                await page.GotoInteractiveAsync("/commitments");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(screen), screen, null);
        }
    }

    /// <summary>
    /// Waits for the layout to settle (MudBlazor closes the drawer after the server hears of the breakpoint), then
    /// measures sideways overflow and clipped titles, and keeps a screenshot. Returns what failed.
    /// </summary>
    private static async Task<IReadOnlyList<string>> MeasureAsync(IPage page, string name, string culture, int width, int height)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 5000 });
        }
        catch (System.TimeoutException)
        {
        }
        var language = culture == "en" ? "en" : "zh";
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"sizes-{name}-{language}-{width}x{height}.png") });
        var failures = new List<string>();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            // Name the widest elements that are not inside a box of their own that scrolls or clips.
            var wide = await page.EvaluateAsync<string>(@"() => {
                const w = document.documentElement.clientWidth;
                const boxed = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !boxed(e)).slice(0, 8)
                    .map(e => e.tagName + '.' + e.className + '#' + (e.getAttribute('data-testid') || '') + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ');
            }");
            failures.Add($"{name} ({culture}, {width}×{height}) scrolls {overflow}px sideways: {wide}");
        }
        var clipped = await page.EvaluateAsync<string>($@"() => [...document.querySelectorAll('{TitleSelector}')]
            .filter(e => e.offsetParent !== null && e.clientWidth > 0 && e.clientHeight > 0)
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + Math.max(4, 0.3 * parseFloat(getComputedStyle(e).fontSize)))
            .slice(0, 8).map(e => e.className + ' «' + e.textContent.trim().slice(0, 30) + '» ' + e.scrollWidth + 'x' + e.scrollHeight + ' in ' + e.clientWidth + 'x' + e.clientHeight).join(' | ')");
        if (clipped.Length > 0) failures.Add($"{name} ({culture}, {width}×{height}) clips titles: {clipped}");
        return failures;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
