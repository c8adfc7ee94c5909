using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The second wave's screens as their users see them, in Chinese and English, on a laptop (1366×768), a projector
/// (1920×1080) and a phone (390×844, opened from a robot message): each page comes up live with its content, nothing
/// spills the page sideways out of the window (wide tables scroll inside their card), and a screenshot of each is kept
/// in artifacts/screenshots for a person to read.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WaveTwoScreensBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, string> Screens() => new()
    {
        { "dept-natres", "approvals" },
        { "bureau", "calendar" },
        { "bureau", "returns" },
        { "bureau", "return" },
        { "leader", "speed" },
        { "bureau", "catalogue" },
        { "leader", "statistics" },
        { "bureau", "bulletins" },
        { "bureau", "bulletin-draft" },
        { "shache", "bulletin-published" },
        { "leader", "gantt" },
        { "bureau", "commitments" },
        { "shache", "commitments-card" },
        { "bureau", "chains" },
        { "chain-textiles", "chain-map" },
        { "wall", "chain-kiosk" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_page_reads_in_both_languages_on_a_laptop_a_projector_and_a_phone(string user, string screen)
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var page = await browser.SignedInPageAsync(user, culture);
            try
            {
                await OpenAsync(page, screen);
                foreach (var (width, height) in new[] { (1366, 768), (1920, 1080), (390, 844) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    // The layout settles at the new size after the server answers MudBlazor's breakpoint change (the
                    // drawer closes on a phone): wait for no spill, up to a bound, and measure whatever is there then.
                    try
                    {
                        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 5000 });
                    }
                    catch (System.TimeoutException)
                    {
                    }
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    var wide = overflow <= 0 ? "" : await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + (e.getAttribute('data-testid') || '') + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
                    Assert.True(overflow <= 0, $"{screen} ({culture}, {width}×{height}) spills {overflow}px sideways: {wide}");
                    var language = culture == "en" ? "en" : "zh";
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"wave2-{screen}-{language}-{width}x{height}.png"), FullPage = true });
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    private async Task OpenAsync(IPage page, string screen)
    {
        switch (screen)
        {
            case "approvals":
                await page.GotoInteractiveAsync("/approvals");
                await Expect(page.Locator("[data-testid=approvals-title]")).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=approval-item]").First).ToBeVisibleAsync();
                break;
            case "calendar":
                await page.GotoInteractiveAsync("/admin/calendar");
                await Expect(page.Locator("[data-testid=calendar-year]").First).ToBeVisibleAsync();
                break;
            case "returns":
                await page.GotoInteractiveAsync("/statistics/returns");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=returns-list] [data-testid=row-open]").First).ToBeVisibleAsync();
                break;
            case "return":
                await page.GotoInteractiveAsync("/statistics/returns");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                var href = await page.Locator("[data-testid=returns-list] [data-testid=row-open]").First.GetAttributeAsync("href");
                Assert.NotNull(href);
                await page.GotoInteractiveAsync(href);
                await Expect(page.Locator("[data-testid=return-figures]")).ToBeVisibleAsync();
                break;
            case "speed":
                await page.GotoInteractiveAsync("/approvals/speed");
                await Expect(page.Locator("[data-testid=speed-title]")).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=speed-department]").First).ToBeVisibleAsync();
                break;
            case "catalogue":
                await page.GotoInteractiveAsync("/admin/approval-catalogue");
                await Expect(page.Locator("[data-testid=catalogue-item]").First).ToBeVisibleAsync();
                break;
            case "statistics":
                await page.GotoInteractiveAsync("/statistics");
                await Expect(page.Locator("[data-testid=statistics-page]")).ToHaveAttributeAsync("data-live", "on");
                await page.Locator("[data-testid=chart-by-month] .apexcharts-canvas > svg.apexcharts-svg").WaitForAsync(new() { Timeout = 15000 });
                break;
            case "gantt":
                var project = await browser.App.QueryAsync(db => db.PlanItems.Where(i => i.AcceptedOn != null)
                    .OrderBy(i => i.ProjectId).Select(i => i.ProjectId).FirstAsync());
                await page.GotoInteractiveAsync($"/projects/{project}/battlemap");
                await Expect(page.Locator("[data-testid=bm-approval-gantt] [data-testid=gantt-actual]").First).ToBeVisibleAsync();
                break;
            case "bulletins":
                await page.GotoInteractiveAsync("/bulletins");
                await Expect(page.Locator("[data-testid=bulletin-row]").First).ToBeVisibleAsync();
                break;
            case "commitments":
                await page.GotoInteractiveAsync("/commitments");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=commitment-row]").First).ToBeVisibleAsync();
                await Expect(page.Locator("[data-testid=commitment-row][data-overdue=yes]").First).ToBeVisibleAsync();
                break;
            case "commitments-card":
                var withCommitments = await browser.App.QueryAsync(db => db.Commitments.Where(c => c.HostUnitId == db.Units.Single(u => u.Code == "shache").Id)
                    .OrderBy(c => c.ProjectId).Select(c => c.ProjectId).FirstAsync());
                await page.GotoInteractiveAsync($"/projects/{withCommitments}/battlemap");
                await Expect(page.Locator("[data-testid=bm-commitments] [data-testid=bm-commitment]").First).ToBeVisibleAsync();
                break;
            case "bulletin-draft":
            case "bulletin-published":
                var status = screen == "bulletin-draft" ? KashiInvest.Domain.Bulletins.BulletinStatus.Draft : KashiInvest.Domain.Bulletins.BulletinStatus.Published;
                var bulletin = await browser.App.QueryAsync(db => db.Bulletins.Where(b => b.Status == status).Select(b => b.Id).FirstAsync());
                await page.GotoInteractiveAsync($"/bulletins/{bulletin}");
                await Expect(page.Locator("[data-testid=bulletin-document]")).ToBeVisibleAsync();
                break;
            case "chains":
                await page.GotoInteractiveAsync("/chains");
                await Expect(page.Locator("div[data-live]").First).ToHaveAttributeAsync("data-live", "on");
                await Expect(page.Locator("[data-testid=unattended-gaps]")).ToBeVisibleAsync();
                break;
            case "chain-map":
            case "chain-kiosk":
                var (chain, dyeing) = await browser.App.QueryAsync(async db =>
                {
                    var c = await db.Chains.Where(x => x.Code == "textiles").Select(x => x.Id).SingleAsync();
                    return (c, await db.ChainLinks.Where(l => l.ChainId == c && l.Name == "印染").Select(l => l.Id).SingleAsync());
                });
                await page.GotoInteractiveAsync(screen == "chain-kiosk" ? $"/chains/{chain}?kiosk=1" : $"/chains/{chain}");
                await Expect(page.Locator("[data-testid=chain-map-page]")).ToHaveAttributeAsync("data-live", "on");
                if (screen == "chain-map")
                {
                    await page.Locator($"[data-testid=link-{dyeing}]").ClickAsync();
                    await Expect(page.Locator("[data-testid=link-panel]")).ToBeVisibleAsync();
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(screen), screen, null);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
