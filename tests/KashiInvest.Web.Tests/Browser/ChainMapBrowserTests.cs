using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Industry-chain maps in the browser (Art. 12): the chain lead marks a link broken with a reason, and the Bureau's open
/// overview and the projector's map change without a reload.
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

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
