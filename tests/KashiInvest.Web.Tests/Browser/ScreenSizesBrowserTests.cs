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
        ".todo-item-title, .todo-band-title, .mt-title, .mt-item-title, .kiosk-title, .filter-fold-toggle, .stage-chip .mud-chip-content";

    private static readonly string[] PhonePages =
        ["alerts", "battlemap", "wall", "ledger", "meeting-screen", "todo", "statistics", "approvals-board", "commitments", "annual-targets", "assessment", "chains", "chain"];

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
                        failures.AddRange(await SmallTargetsAsync(page, $"phone-{screen} ({culture}, {width}×{height})"));
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
                    failures.AddRange(await OverlapsAsync(page, "kiosk-wall", at));
                    failures.AddRange(await ContrastAsync(page, "kiosk-wall", at));
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
                    failures.AddRange(await OverlapsAsync(page, "kiosk-meeting", at));
                    failures.AddRange(await ContrastAsync(page, "kiosk-meeting", at));
                    var problems = page.Locator("[data-testid=item-problems]");
                    if (await problems.CountAsync() > 0 && !await problems.EvaluateAsync<bool>("e => e.getBoundingClientRect().top < window.innerHeight - 40"))
                        failures.Add($"kiosk-meeting {at}: the open problems are below the screen");
                    var outline = await page.Locator("[data-testid=item-title]").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
                    if (!outline.StartsWith("none", StringComparison.Ordinal) && !outline.EndsWith(" 0px", StringComparison.Ordinal))
                        failures.Add($"kiosk-meeting {at}: the item title has an outline ({outline})");
                    if (targets.ProblemItem) await Expect(page.Locator("[data-testid=item-project-name]")).ToBeVisibleAsync();

                    // The chain map on the projector.
                    await OpenAsync(page, "chain", targets, kiosk: true);
                    failures.AddRange(await MeasureAsync(page, "kiosk-chain", culture, width, height));
                    failures.AddRange(await FitsHeightAsync(page, "kiosk-chain", at));
                    if (await page.Locator(".mud-appbar, .mud-drawer").CountAsync() > 0) failures.Add($"kiosk-chain {at} shows the app's bar or menu");
                    failures.AddRange(await OverlapsAsync(page, "kiosk-chain", at));
                    failures.AddRange(await ContrastAsync(page, "kiosk-chain", at));
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
    public async Task The_battle_map_s_stage_wraps_between_words_and_the_wall_s_group_tabs_show_whole_names_on_a_phone_and_a_projector()
    {
        var targets = await TargetsAsync();
        var failures = new List<string>();
        foreach (var (culture, width, height) in new[] { ("en", 390, 844), ("zh-CN", 390, 844), ("en", 1366, 768), ("en", 1920, 1080) })
        {
            var at = $"({culture}, {width}×{height})";
            var state = await SignInStateAsync("leader", culture);
            var context = await NewContextAsync(state, culture, width, height, phone: width < 600);
            try
            {
                var page = await context.NewPageAsync();
                await OpenAsync(page, "battlemap", targets, kiosk: false);
                // Every word of the stage sits on one line (one box per word) and the tile shows it whole.
                var stage = page.Locator("[data-testid=bm-stage]");
                await Expect(stage).ToBeVisibleAsync();
                var broken = await stage.EvaluateAsync<string>(@"e => {
                    const text = e.firstChild, words = [...text.textContent.matchAll(/\S+/g)], r = document.createRange();
                    const split = words.filter(m => { r.setStart(text, m.index); r.setEnd(text, m.index + m[0].length);
                        return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size > 1; }).map(m => m[0]);
                    return split.join(' ') + (e.scrollWidth > e.clientWidth + 1 ? ' (cut: ' + e.scrollWidth + '>' + e.clientWidth + ')' : '');
                }");
                if (broken.Length > 0) failures.Add($"battlemap {at}: the stage «{await stage.InnerTextAsync()}» breaks inside a word: {broken}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"sizes-stage-battlemap-{culture}-{width}x{height}.png") });

                // The kiosk wall's group tabs: each name whole (nothing cut, no ellipsis), the current one in view.
                var wall = await context.NewPageAsync();
                await OpenAsync(wall, "wall", targets, kiosk: true);
                await Expect(wall.Locator("[data-testid=kiosk-tab]").First).ToBeVisibleAsync();
                var cut = await wall.EvaluateAsync<string>(@"() => [...document.querySelectorAll('[data-testid=kiosk-tab] .kiosk-tab-name')]
                    .filter(e => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis')
                    .map(e => e.textContent).join(' | ')");
                if (cut.Length > 0) failures.Add($"kiosk-wall {at}: group tabs cut: {cut}");
                var current = wall.Locator("[data-testid=kiosk-tab].current");
                await Expect(current).ToBeVisibleAsync();
                var inView = await current.EvaluateAsync<bool>(@"e => { const t = e.getBoundingClientRect(), l = e.parentElement.getBoundingClientRect();
                    return t.left >= l.left - 1 && t.right <= l.right + 1; }");
                if (!inView) failures.Add($"kiosk-wall {at}: the current group's tab is scrolled out of view");
                await wall.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"sizes-tabs-kiosk-wall-{culture}-{width}x{height}.png") });
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>At least 44 CSS px high (its laid-out size: a dialog still scaling in does not count against it).</summary>
    private static async Task<bool> ThumbSizedAsync(ILocator button)
    {
        await button.WaitForAsync();
        // Measured once the page has loaded its style sheets and settled: a layout read while the scoped CSS bundle is
        // still on its way, or while the interactive render replaces the prerendered element, sees it unstyled. The
        // size is polled for up to 10 s; a target that stays small fails.
        await button.Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        var polling = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await button.EvaluateAsync<bool>("e => e.offsetHeight >= 44")) return true;
            if (polling.Elapsed > TimeSpan.FromSeconds(10)) return false;
            await button.Page.WaitForTimeoutAsync(200);
        }
    }

    /// <summary>
    /// Buttons a thumb needs on a phone page: each at least 44 × 44 CSS px (laid-out size). Links inside running text
    /// are not targets of their own (WCAG 2.5.8's inline exception) and are not counted.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SmallTargetsAsync(IPage page, string at)
    {
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        var small = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll(
                '.mud-appbar button, .mud-appbar a.mud-button-root, .page-body button, .page-body a.mud-button-root, .page-body [role=button]')]
            .filter(e => e.offsetParent !== null && !e.closest('svg') && getComputedStyle(e).visibility !== 'hidden')
            .map(e => ({ e, w: e.offsetWidth, h: e.offsetHeight }))
            .filter(x => x.w > 0 && (x.h < 44 || x.w < 44))
            .slice(0, 8)
            .map(x => (x.e.getAttribute('data-testid') || x.e.className.toString().split(' ').slice(0, 3).join('.')) + ' «' + x.e.textContent.trim().slice(0, 20) + '» ' + x.w + 'x' + x.h).join(' | ')");
        return small.Length > 0 ? [$"{at} has touch targets below 44 px: {small}"] : [];
    }

    /// <summary>
    /// The text of every element drawn on the screen, one box per line, cut to what the element and its scrolling or
    /// clipping ancestors let show and to its line height: a list of {el, l, t, r, b, fs, text}. Shared by the overlap and the
    /// contrast checks.
    /// </summary>
    private const string TextBoxesJs = @"
        const clipOf = el => {
            let c = { l: 0, t: 0, r: innerWidth, b: innerHeight };
            for (let a = el; a; a = a.parentElement) {
                if (a instanceof SVGElement && a.tagName !== 'svg') continue;
                const cs = getComputedStyle(a);
                if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
                const q = a.getBoundingClientRect();
                c = { l: Math.max(c.l, q.left), t: Math.max(c.t, q.top), r: Math.min(c.r, q.right), b: Math.min(c.b, q.bottom) };
            }
            return c;
        };
        const boxes = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n; (n = walker.nextNode());) {
            const text = n.textContent.trim();
            const el = n.parentElement;
            if (!text || !el || el.closest('title, script, style, .mud-popover:not(.mud-popover-open)')) continue;
            const cs = getComputedStyle(el);
            if (cs.visibility !== 'visible' || parseFloat(cs.opacity) === 0) continue;
            const fs = parseFloat(cs.fontSize);
            // An SVG text has no line box: a normal line's height (1.2 em) stands for it.
            const lh = el instanceof SVGElement ? 1.2 * fs : cs.lineHeight === 'normal' ? Infinity : parseFloat(cs.lineHeight);
            const clip = clipOf(el);
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const q of range.getClientRects()) {
                const h = Math.min(q.height, lh), mid = (q.top + q.bottom) / 2;
                const l = Math.max(q.left, clip.l), r = Math.min(q.right, clip.r);
                const t = Math.max(mid - h / 2, clip.t), b = Math.min(mid + h / 2, clip.b);
                if (r - l >= 1 && b - t >= 1) boxes.push({ el, l, t, r, b, fs, text: text.slice(0, 24) });
            }
        }";

    /// <summary>No two distinct elements' text may be drawn over each other (an element and its own descendants aside).</summary>
    private static async Task<IReadOnlyList<string>> OverlapsAsync(IPage page, string name, string at)
    {
        var overlaps = await page.EvaluateAsync<string>("() => {" + TextBoxesJs + @"
            const found = [];
            for (let i = 0; i < boxes.length && found.length < 6; i++)
                for (let j = i + 1; j < boxes.length && found.length < 6; j++) {
                    const a = boxes[i], b = boxes[j];
                    if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
                    const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
                    if (w > 1 && h > 1) found.push('«' + a.text + '» × «' + b.text + '» (' + Math.round(w) + 'x' + Math.round(h) + ')');
                }
            return found.join(' | ');
        }");
        return overlaps.Length > 0 ? [$"{name} {at}: text overlaps: {overlaps}"] : [];
    }

    /// <summary>
    /// WCAG AA contrast of every piece of text on the screen against what it is drawn on: 4.5 : 1, or 3 : 1 for large
    /// text (24 px, or 18.66 px bold). The background is the element's own and its ancestors' background colours laid
    /// over each other (SVG text: the shape drawn under it); text over a picture or a gradient is not judged.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ContrastAsync(IPage page, string name, string at)
    {
        var poor = await page.EvaluateAsync<string>("() => {" + TextBoxesJs + @"
            const rgba = c => {
                const m = /rgba?\(([^)]+)\)/.exec(c || '');
                if (!m) return null;
                const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(v => v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v));
                return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            };
            const over = (top, under) => {
                const a = top[3] + under[3] * (1 - top[3]);
                if (a === 0) return [0, 0, 0, 0];
                return [0, 1, 2].map(i => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat([a]);
            };
            // The colours laid under an element, from itself up to the page (white canvas at the bottom); null under a picture.
            const htmlBackground = el => {
                const layers = [];
                for (let a = el; a; a = a.parentElement) {
                    const cs = getComputedStyle(a);
                    if (cs.backgroundImage !== 'none') return null;
                    const c = rgba(cs.backgroundColor);
                    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
                }
                return layers.reduceRight((acc, c) => over(c, acc), [255, 255, 255, 1]);
            };
            const svgBackground = (el, x, y) => {
                const svg = el.ownerSVGElement;
                let bg = htmlBackground(svg.parentElement);
                if (!bg) return null;
                const under = document.elementsFromPoint(x, y).filter(e => e instanceof SVGGeometryElement && svg.contains(e)).reverse();
                for (const shape of under) {
                    const cs = getComputedStyle(shape);
                    const fill = rgba(cs.fill);
                    if (fill) bg = over([fill[0], fill[1], fill[2], fill[3] * parseFloat(cs.fillOpacity) * parseFloat(cs.opacity)], bg);
                }
                return bg;
            };
            const lum = c => {
                const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const seen = new Set(), found = [];
            for (const box of boxes) {
                if (seen.has(box.el) || found.length >= 8) continue;
                seen.add(box.el);
                const cs = getComputedStyle(box.el);
                const x = (box.l + box.r) / 2, y = (box.t + box.b) / 2;
                const svg = box.el instanceof SVGElement;
                const bg = svg ? svgBackground(box.el, x, y) : htmlBackground(box.el);
                let fg = rgba(svg ? cs.fill : cs.color);
                if (!bg || !fg) continue;
                let opacity = 1;
                for (let a = box.el; a && a !== document.body; a = a.parentElement) opacity *= parseFloat(getComputedStyle(a).opacity);
                fg = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
                const l1 = lum(fg), l2 = lum(bg);
                const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                const large = box.fs >= 24 || (box.fs >= 18.66 && parseInt(cs.fontWeight, 10) >= 700);
                if (ratio < (large ? 3 : 4.5))
                    found.push('«' + box.text + '» ' + ratio.toFixed(2) + (large ? ' (large)' : '') + ' ' + cs.color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(',') + ')');
            }
            return found.join(' | ');
        }");
        return poor.Length > 0 ? [$"{name} {at}: text below WCAG AA contrast: {poor}"] : [];
    }

    private static async Task<IReadOnlyList<string>> FitsHeightAsync(IPage page, string name, string at)
    {
        var over = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - document.documentElement.clientHeight");
        return over > 0 ? [$"{name} {at} is {over}px taller than the screen"] : [];
    }

    [Fact]
    public async Task A_leader_on_a_phone_follows_an_alert_s_robot_link_acknowledges_it_and_records_a_problem_from_the_battle_map_with_one_thumb()
    {
        // An open, unacknowledged alert about a project: its robot message links to the project's battle map.
        var alert = await browser.App.QueryAsync(db => db.Alerts
            .Where(a => a.ClearedAtUtc == null && a.AcknowledgedAtUtc == null && a.ProjectId != null && !a.Subject.StartsWith(KashiInvest.Infrastructure.Alerts.AlertLinks.ProblemSubjectPrefix))
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.ProjectId, a.Subject }).FirstAsync());
        var project = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Id == alert.ProjectId).Select(p => new { p.Id, p.Name }).SingleAsync());
        var link = KashiInvest.Infrastructure.Alerts.AlertLinks.PathOf(alert.Id, alert.ProjectId, alert.Subject);
        Assert.Equal($"/projects/{project.Id}/battlemap", link);
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

            // Signed out on the phone: the link leads through the sign-in form to the battle map it names.
            await page.GotoAsync(link);
            await page.WaitForURLAsync("**/account/login**");
            await page.FillAsync("#username", "leader");
            await page.FillAsync("#password", HttpSignIn.DemoPassword);
            var signIn = page.Locator("[data-testid=login-submit]");
            Assert.True(await ThumbSizedAsync(signIn), "the sign-in button is a thumb's size");
            await signIn.TapAsync();
            await page.WaitForURLAsync(url => url.EndsWith(link, StringComparison.Ordinal), new() { Timeout = 40_000 });
            await Expect(page.Locator("[data-testid=bm-name]")).ToHaveTextAsync(project.Name);

            // The battle map names its open alerts; one tap opens them in the alert centre.
            var pill = page.Locator("[data-testid=bm-alerts] a").First;
            Assert.True(await ThumbSizedAsync(pill), "the alert on the battle map is a thumb's size: " + await pill.EvaluateAsync<string>("e => e.offsetHeight + ' ' + getComputedStyle(e).display + ' ' + getComputedStyle(e).minHeight + ' ' + window.innerWidth + ' ' + e.outerHTML.slice(0, 300)"));
            await pill.TapAsync();
            await page.WaitForURLAsync($"**/alerts?project={project.Id}**");
            var row = page.Locator($"[data-testid=alert-row][data-alert-id='{alert.Id}']");
            await Expect(row).ToBeVisibleAsync();
            var ack = row.Locator("[data-testid=alert-ack]");
            Assert.True(await ThumbSizedAsync(ack), "the acknowledge button is a thumb's size");
            await ack.TapAsync();
            await page.Locator("textarea[data-testid=ack-note], [data-testid=ack-note] textarea").FillAsync("已电话督促，周五前报送");
            var submit = page.Locator("[data-testid=ack-submit]");
            Assert.True(await ThumbSizedAsync(submit), "the dialog's button is a thumb's size");
            await submit.TapAsync();
            await Expect(row.Locator("[data-testid=alert-acked]")).ToBeVisibleAsync();
            Assert.NotNull(await browser.App.QueryAsync(db => db.Alerts.Where(a => a.Id == alert.Id).Select(a => a.AcknowledgedAtUtc).SingleAsync()));

            // Back to the battle map from the alert, and a problem recorded from there.
            var back = row.Locator("[data-testid=alert-battlemap]");
            Assert.True(await ThumbSizedAsync(back), "the alert's project link is a thumb's size");
            await back.TapAsync();
            await page.WaitForURLAsync($"**/projects/{project.Id}/battlemap");
            var raise = page.Locator("[data-testid=bm-raise-problem]");
            Assert.True(await ThumbSizedAsync(raise), "the battle map's raise-a-problem button is a thumb's size");
            await raise.TapAsync();
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
    public async Task The_kiosk_wall_picks_its_grid_again_when_the_window_is_resized()
    {
        var state = await SignInStateAsync("wall", "zh-CN");
        var context = await NewContextAsync(state, "zh-CN", 1920, 1080, phone: false);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync("/wall?kiosk=1");
            await Expect(page.Locator(".wall-root")).ToHaveAttributeAsync("data-live", "on");
            var kiosk = page.Locator("[data-testid=wall-kiosk]");
            var wide = KashiInvest.Web.Features.Wall.KioskGrid.For(1920, 1080);
            var small = KashiInvest.Web.Features.Wall.KioskGrid.For(1024, 768);
            Assert.NotEqual(wide, small);
            // The kiosk reads the window after its first render (three round trips): on a busy machine that is more than 5 s.
            await Expect(kiosk).ToHaveAttributeAsync("data-grid", $"{wide.Columns}x{wide.Rows}", new() { Timeout = 30_000 });

            // The browser goes onto an older projector: fewer, larger cards, no page taller than the screen.
            // (The resize reaches the server through the circuit: on a busy machine that is more than the 5 s default.)
            await page.SetViewportSizeAsync(1024, 768);
            await Expect(kiosk).ToHaveAttributeAsync("data-grid", $"{small.Columns}x{small.Rows}", new() { Timeout = 30_000 });
            Assert.True(await page.Locator("[data-testid=kiosk-slide] [data-testid=wall-card]").CountAsync() <= small.Cards);
            Assert.Empty(await FitsHeightAsync(page, "kiosk-wall", "after resizing to 1024×768"));

            // And back.
            await page.SetViewportSizeAsync(1920, 1080);
            await Expect(kiosk).ToHaveAttributeAsync("data-grid", $"{wide.Columns}x{wide.Rows}", new() { Timeout = 30_000 });
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

    private sealed record Targets(int ProjectId, int MeetingId, bool ProblemItem, int ChainId, int LastYear);

    private Targets? _targets;

    private async Task<Targets> TargetsAsync()
    {
        if (_targets is not null) return _targets;
        var project = await browser.App.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Construction)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var (meeting, problemItem) = await StartedMeetingAsync();
        var chain = await browser.App.QueryAsync(db => db.Chains.Where(c => c.Code == "textiles").Select(c => c.Id).SingleAsync());
        return _targets = new Targets(project, meeting, problemItem, chain, BeijingTime.Today(browser.App.Clock).Year - 1);
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
            case "annual-targets":
                await page.GotoInteractiveAsync("/targets/annual");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                break;
            case "assessment":
                await page.GotoInteractiveAsync($"/assessment/{t.LastYear}");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                break;
            case "chains":
                await page.GotoInteractiveAsync("/chains");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=chains-overview]")).ToBeVisibleAsync();
                break;
            case "chain":
                await page.GotoInteractiveAsync($"/chains/{t.ChainId}" + k);
                await Expect(page.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=chain-map-svg]")).ToBeVisibleAsync();
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
