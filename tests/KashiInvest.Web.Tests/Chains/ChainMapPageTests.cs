using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Web.Features.Chains;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Chains;

/// <summary>The chain map page and overview rendered with bUnit on the seeded demo database, following live notices.</summary>
public sealed class ChainMapPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Display = new("wall", "指挥大屏", ActorRole.Display, null, [], []);

    private BunitContext Context(UserScope scope, string uri)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddLiveFeature();
        context.Services.AddChainsFeature();
        context.Services.AddSupplyValueFromQueryProvider();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return context;
    }

    [Fact]
    public async Task The_kiosk_map_draws_every_link_and_flow_and_changes_live_when_the_chain_lead_marks_a_link_broken()
    {
        var (chain, textiles) = await database.QueryAsync(async db =>
        {
            var c = await db.Chains.Include(x => x.Links).Include(x => x.Flows).SingleAsync(x => x.Code == "building");
            return (c.Id, c);
        });
        var link = textiles.Links.Single(l => l.Name == "商品混凝土");
        await using var context = Context(Display, $"/chains/{chain}?kiosk=1");
        var page = context.Render<ChainMapPage>(p => p.Add(x => x.Id, chain));
        page.WaitForAssertion(() => Assert.Equal("on", page.Find("[data-testid=chain-map-page]").GetAttribute("data-live")), TimeSpan.FromSeconds(10));

        Assert.Equal(textiles.Links.Count, page.FindAll("g.link-box[data-testid^=link-]").Count);
        Assert.Equal(textiles.Flows.Count, page.FindAll("path.flow").Count);
        Assert.NotNull(page.Find(".chain-kiosk"));
        Assert.Equal("Strong", page.Find($"[data-testid=link-{link.Id}]").GetAttribute("data-status"));
        Assert.Empty(page.FindAll("[data-testid=status-form]")); // the projector changes nothing

        var lead = await database.ScopeOfAsync("lead-building", ActorRole.ChainLead);
        var written = await context.Services.GetRequiredService<ChainCommands>().SetStatusAsync(lead, chain, textiles.Version, link.Id, LinkStrength.Broken, "混凝土企业停产整顿");
        Assert.Equal(WriteStatus.Saved, written.Status);

        page.WaitForAssertion(() => Assert.Equal("Broken", page.Find($"[data-testid=link-{link.Id}]").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Clicking_a_link_opens_its_panel_and_the_chain_lead_sees_the_edits_a_county_does_not()
    {
        var chain = await database.QueryAsync(db => db.Chains.Include(c => c.Links).SingleAsync(c => c.Code == "textiles"));
        var dyeing = chain.Links.Single(l => l.Name == "印染");
        var lead = await database.ScopeOfAsync("lead-textiles", ActorRole.ChainLead);
        var county = await database.ScopeOfAsync("shache");

        await using (var context = Context(lead, $"/chains/{chain.Id}"))
        {
            var page = context.Render<ChainMapPage>(p => p.Add(x => x.Id, chain.Id));
            page.WaitForAssertion(() => page.Find($"[data-testid=link-{dyeing.Id}]"), TimeSpan.FromSeconds(10));
            page.Find($"[data-testid=link-{dyeing.Id}]").Click();
            page.WaitForAssertion(() => Assert.Equal(dyeing.Id.ToString(), page.Find("[data-testid=link-panel]").GetAttribute("data-link")));
            Assert.NotNull(page.Find("[data-testid=status-form]"));
            Assert.Contains($"/targets?chain={chain.Id}&link={dyeing.Id}", page.Find("[data-testid=find-targets]").GetAttribute("href"));
            Assert.NotEqual("—", page.Find("[data-testid=gap-note]").TextContent.Trim());
        }
        await using (var context = Context(county, $"/chains/{chain.Id}?link={dyeing.Id}"))
        {
            var page = context.Render<ChainMapPage>(p => p.Add(x => x.Id, chain.Id));
            page.WaitForAssertion(() => page.Find("[data-testid=link-panel]"), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=status-form]"));
            Assert.Empty(page.FindAll("[data-testid=add-link-form]"));
        }
    }

    [Fact]
    public async Task The_overview_lists_every_chain_and_the_gaps_nobody_works_on()
    {
        var chains = await database.QueryAsync(db => db.Chains.CountAsync());
        await using var context = Context(Display, "/chains");

        var page = context.Render<ChainsPage>();

        page.WaitForAssertion(() => Assert.Equal(chains, page.FindAll("[data-testid=chains-overview] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("[data-testid=unattended-gaps] a"));
    }
}
