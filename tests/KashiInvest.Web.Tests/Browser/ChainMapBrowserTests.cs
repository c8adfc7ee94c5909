using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Industry-chain maps in the browser (Art. 12): the chain lead marks a link broken with a reason, and the Bureau's open
/// overview and the projector's map change without a reload; the Bureau pushes a target from a link's panel and the
/// county's open inbox shows it; a chain of 40 links stays legible on a laptop and on the projector.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChainMapBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_chain_lead_marks_a_link_broken_and_the_Bureaus_overview_and_the_kiosk_map_change_live()
    {
        var (chain, link) = await browser.App.QueryAsync(async db =>
        {
            var c = await db.Chains.Where(x => x.Code == "textiles").Select(x => x.Id).SingleAsync();
            var l = await db.ChainLinks.Where(x => x.ChainId == c && x.Name == "纺织品检测").Select(x => x.Id).SingleAsync();
            return (c, l);
        });
        var lead = await browser.SignedInPageAsync("chain-textiles", "en");
        var bureau = await browser.SignedInPageAsync("bureau", "en");
        var wall = await browser.SignedInPageAsync("wall", "en");
        try
        {
            await bureau.GotoInteractiveAsync("/chains");
            await Expect(bureau.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
            var brokenBefore = int.Parse(await bureau.Locator($"[data-testid=chain-{chain}-broken]").InnerTextAsync());
            await wall.GotoInteractiveAsync($"/chains/{chain}?kiosk=1");
            await Expect(wall.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
            await Expect(wall.Locator($"[data-testid=link-{link}]")).ToHaveAttributeAsync("data-status", "Short");

            await lead.GotoInteractiveAsync($"/chains/{chain}");
            await Expect(lead.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
            await lead.Locator($"[data-testid=link-{link}]").ClickAsync();
            await Expect(lead.Locator("[data-testid=link-panel]")).ToHaveAttributeAsync("data-link", link.ToString());
            await lead.Locator("[data-testid=status-select] .mud-input-control").ClickAsync();
            await lead.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Broken" }).ClickAsync();
            await FormInput.Field(lead, "status-reason").FillAsync("The only testing lab closed");
            await lead.Locator("[data-testid=status-save]").ClickAsync();
            await Expect(lead.Locator("[data-testid=link-history]")).ToContainTextAsync("The only testing lab closed");

            await Expect(wall.Locator($"[data-testid=link-{link}]")).ToHaveAttributeAsync("data-status", "Broken");
            await Expect(bureau.Locator($"[data-testid=chain-{chain}-broken]")).ToHaveTextAsync((brokenBefore + 1).ToString());
        }
        finally
        {
            await lead.Context.CloseAsync();
            await bureau.Context.CloseAsync();
            await wall.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_Bureau_pushes_a_target_from_a_links_panel_and_the_countys_open_inbox_shows_it_live()
    {
        var name = $"喀什纺织检测推送{Guid.NewGuid().ToString("N")[..6]}有限公司";
        var (chain, link, target) = await browser.App.QueryAsync(async db =>
        {
            var c = await db.Chains.Where(x => x.Code == "textiles").Select(x => x.Id).SingleAsync();
            var l = await db.ChainLinks.Where(x => x.ChainId == c && x.Name == "印染").Select(x => x.Id).SingleAsync();
            db.Actor = new Actor("bureau", null);
            var t = TargetEnterprise.Create(new TargetInput(name, null, c, l, SourceRegionCode.YangtzeRiverDelta, InvestorTier.China500, null),
                new Actor("bureau", null), TestClock.Default.GetUtcNow().UtcDateTime);
            db.TargetEnterprises.Add(t);
            await db.SaveChangesAsync();
            return (c, l, t.Id);
        });
        var bureau = await browser.SignedInPageAsync("bureau", "en");
        var county = await browser.SignedInPageAsync("shache", "en");
        try
        {
            // The county's inbox (its /targets), open and interactive before the push.
            await county.GotoInteractiveAsync("/targets");
            await Expect(county.Locator("[data-testid=inbox-table]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(county.Locator("[data-testid=inbox-table]")).Not.ToContainTextAsync(name);

            await bureau.GotoInteractiveAsync($"/chains/{chain}?link={link}");
            await Expect(bureau.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
            await Expect(bureau.Locator($"[data-testid=link-target-{target}]")).ToContainTextAsync("Not pushed");
            await bureau.Locator($"[data-testid=push-target-{target}]").ClickAsync();
            // The library's own push dialog: by chain to Shache (and the chain's lead), by region to the region's units.
            await Expect(bureau.Locator(".mud-dialog")).ToContainTextAsync(name);
            // The dialog's one select: the attracting units to push to.
            var hosts = bureau.Locator(".mud-dialog .mud-select .mud-input-control").First;
            await hosts.WaitForAsync(new() { Timeout = 30_000 });
            await hosts.ClickAsync();
            await bureau.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Shache County" }).ClickAsync();
            await FormInput.CloseListAsync(bureau);
            await bureau.Locator("[data-testid=push-submit]").ClickAsync();
            await Expect(bureau.Locator(".mud-dialog")).ToHaveCountAsync(0);

            // The county's open inbox shows it without a reload; the map shows the follow-up state.
            await Expect(county.Locator("[data-testid=inbox-table]")).ToContainTextAsync(name, new() { Timeout = 15_000 });
            await Expect(bureau.Locator($"[data-testid=link-target-{target}]")).Not.ToContainTextAsync("Not pushed");
            Assert.True(await browser.App.QueryAsync(db => db.TargetPushes.AnyAsync(p => p.TargetId == target && db.Units.Any(u => u.Id == p.UnitId && u.Code == "shache"))));
        }
        finally
        {
            await bureau.Context.CloseAsync();
            await county.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_chain_of_40_links_keeps_every_label_inside_its_box_and_no_box_on_another_on_a_laptop_and_on_the_projector()
    {
        var (chain, textiles, textilesLink) = await browser.App.QueryAsync(async db =>
        {
            var existing = await db.Chains.Where(c => c.Code == "layout40").Select(c => (int?)c.Id).SingleOrDefaultAsync();
            var t = await db.Chains.Where(c => c.Code == "textiles").Select(c => c.Id).SingleAsync();
            var tl = await db.ChainLinks.Where(l => l.ChainId == t).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
            if (existing is { } id) return (id, t, tl);
            db.Actor = new Actor("admin", null);
            var lead = await db.Chains.Where(c => c.Code == "logistics").Select(c => c.LeadUnitId).SingleAsync();
            var map = new IndustryChain("layout40", "四十环节测试链", "Forty-link test chain", lead);
            var now = TestClock.Default.GetUtcNow().UtcDateTime;
            // Long names in both languages, wide letters included: the labels must be cut, never run out of their box.
            (string Zh, string En)[] names =
            [
                ("多晶硅还原炉及尾气回收系统", "Polysilicon reduction furnaces and off-gas recovery"), ("单晶硅棒拉制", "MONOCRYSTALLINE INGOT PULLING"),
                ("金刚线切片", "Diamond-wire wafer slicing"), ("光伏玻璃", "Photovoltaic glass"), ("EVA胶膜", "WWW MMM encapsulant film"),
                ("铝边框", "Aluminium frames"), ("接线盒", "Junction boxes"), ("背板", "Backsheets"),
            ];
            var statuses = Enum.GetValues<LinkStrength>();
            for (var i = 0; i < 40; i++)
            {
                var (zh, en) = names[i % names.Length];
                var segment = i < 9 ? ChainSegment.Upstream : i < 29 ? ChainSegment.Midstream : ChainSegment.Downstream;
                map.AddLink($"{zh}{i + 1}", $"{en} {i + 1}", segment, statuses[i % statuses.Length], now);
            }
            db.Chains.Add(map);
            await db.SaveChangesAsync();
            var links = map.Links.OrderBy(l => l.Id).ToList();
            for (var i = 0; i + 1 < links.Count; i += 3)
                if (links[i].Segment <= links[i + 1].Segment && (int)links[i + 1].Segment - (int)links[i].Segment <= 1) map.Connect(links[i], links[i + 1], now);
            await db.SaveChangesAsync();
            return (map.Id, t, tl);
        });
        Assert.Equal(40, await browser.App.QueryAsync(db => db.ChainLinks.CountAsync(l => l.ChainId == chain)));

        var failures = new List<string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var page = await browser.SignedInPageAsync("bureau", culture);
            try
            {
                foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    var at = $"{culture} {width}x{height}";
                    // The screens a leader looks at, kept for review.
                    await page.GotoInteractiveAsync("/chains");
                    await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                    await page.ScreenshotAsync(new() { Path = Shot("chains", culture, width, height), FullPage = true });
                    await page.GotoInteractiveAsync($"/chains/{textiles}?link={textilesLink}");
                    await Expect(page.Locator("[data-testid=link-panel]")).ToBeVisibleAsync();
                    await page.ScreenshotAsync(new() { Path = Shot("chain-map", culture, width, height), FullPage = true });
                    await page.GotoInteractiveAsync($"/chains/{textiles}?kiosk=1");
                    await Expect(page.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
                    await page.ScreenshotAsync(new() { Path = Shot("chain-kiosk", culture, width, height) });

                    // The 40-link chain with a link's panel open (the narrowest the map gets on a desk screen) …
                    var first = await browser.App.QueryAsync(db => db.ChainLinks.Where(l => l.ChainId == chain).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
                    await page.GotoInteractiveAsync($"/chains/{chain}?link={first}");
                    await Expect(page.Locator("[data-testid=link-panel]")).ToBeVisibleAsync();
                    await page.ScreenshotAsync(new() { Path = Shot("chain-40", culture, width, height), FullPage = true });
                    failures.AddRange(await LayoutFailuresAsync(page, $"map {at}", minFontPx: 10));
                    // … and on the projector: legible from the back of the room and one screen high.
                    await page.GotoInteractiveAsync($"/chains/{chain}?kiosk=1");
                    await Expect(page.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
                    await page.ScreenshotAsync(new() { Path = Shot("chain-40-kiosk", culture, width, height) });
                    if (width == 1920)
                    {
                        failures.AddRange(await LayoutFailuresAsync(page, $"kiosk {at}", minFontPx: 18));
                        var over = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - document.documentElement.clientHeight");
                        if (over > 0) failures.Add($"kiosk {at}: the map is {over}px taller than the screen");
                    }
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Shot(string name, string culture, int width, int height) =>
        Path.Combine(Repo.Screenshots, $"{name}-{(culture == "en" ? "en" : "zh")}-{width}x{height}.png");

    /// <summary>
    /// What is wrong with the drawn map: a label (name or status) outside its box, two boxes overlapping, a name drawn
    /// smaller than <paramref name="minFontPx"/>, or a map wider than its card (cut off on the right).
    /// </summary>
    private static async Task<IReadOnlyList<string>> LayoutFailuresAsync(IPage page, string at, double minFontPx)
    {
        var found = await page.EvaluateAsync<string[]>(@"(minFont) => {
            const out = [];
            const boxes = [...document.querySelectorAll('[data-testid=chain-map-svg] g.link-box')].map(g => ({
                id: g.getAttribute('data-testid'), r: g.querySelector('rect').getBoundingClientRect(),
                texts: [...g.querySelectorAll('text.link-name, text.link-status')] }));
            if (boxes.length === 0) out.push('no links drawn');
            for (const b of boxes) {
                for (const t of b.texts) {
                    const tr = t.getBoundingClientRect();
                    if (tr.left < b.r.left - 0.5 || tr.right > b.r.right + 0.5 || tr.top < b.r.top - 0.5 || tr.bottom > b.r.bottom + 0.5)
                        out.push(`${b.id}: '${t.textContent}' runs out of its box by ${Math.round(Math.max(tr.right - b.r.right, b.r.left - tr.left, tr.bottom - b.r.bottom, b.r.top - tr.top))}px`);
                }
                const name = b.texts[0];
                const px = parseFloat(getComputedStyle(name).fontSize) * name.getScreenCTM().a;
                if (px < minFont) out.push(`${b.id}: its name is drawn at ${px.toFixed(1)}px`);
            }
            for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i].r, c = boxes[j].r;
                    if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom) out.push(`${boxes[i].id} overlaps ${boxes[j].id}`);
                }
            const scroll = document.querySelector('.chain-map-scroll');
            if (scroll && scroll.scrollWidth > scroll.clientWidth + 1) out.push(`the map is ${scroll.scrollWidth - scroll.clientWidth}px wider than its card`);
            return out.slice(0, 20);
        }", minFontPx);
        return found.Select(f => $"{at}: {f}").ToList();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
