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

    [Fact]
    public async Task The_Bureau_comments_on_a_link_in_its_panel_and_the_chain_leads_open_panel_shows_it_live()
    {
        var chain = await database.QueryAsync(db => db.Chains.Include(c => c.Links).SingleAsync(c => c.Code == "tourism"));
        var link = chain.Links.OrderBy(l => l.Id).First();
        var other = chain.Links.OrderBy(l => l.Id).Last();
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var lead = await database.ScopeOfAsync("lead-tourism", ActorRole.ChainLead);
        await using var leadContext = Context(lead, $"/chains/{chain.Id}?link={link.Id}");
        var leadPage = leadContext.Render<ChainMapPage>(p => p.Add(x => x.Id, chain.Id));
        leadPage.WaitForAssertion(() => Assert.Equal("on", leadPage.Find("[data-testid=chain-map-page]").GetAttribute("data-live")), TimeSpan.FromSeconds(10));
        var before = leadPage.FindAll("[data-testid=link-comments] [data-testid=comment]").Count;

        // The Bureau writes from its own panel (its page shows the comment, the field is emptied once saved)…
        await using (var bureauContext = Context(bureau, $"/chains/{chain.Id}?link={link.Id}"))
        {
            var bureauPage = bureauContext.Render<ChainMapPage>(p => p.Add(x => x.Id, chain.Id));
            bureauPage.WaitForAssertion(() => bureauPage.Find("[data-testid=link-comment-send]"), TimeSpan.FromSeconds(10));
            bureauPage.Find("textarea[data-testid=link-comment-text], [data-testid=link-comment-text] textarea").Change("请补充该环节的招商路线图");
            bureauPage.Find("[data-testid=link-comment-send]").Click();
            bureauPage.WaitForAssertion(() => Assert.Contains("请补充该环节的招商路线图", bureauPage.Find("[data-testid=link-comments]").TextContent), TimeSpan.FromSeconds(10));
        }
        Assert.Equal(link.Id, await database.QueryAsync(db => db.Set<ChainComment>().Where(c => c.Text == "请补充该环节的招商路线图").Select(c => c.ChainLinkId).SingleAsync()));

        // …and the chain lead's open panel follows live (a comment from another circuit: the same bus as the lead's page).
        var version = await database.QueryAsync(db => db.Chains.Where(c => c.Id == chain.Id).Select(c => c.Version).SingleAsync());
        var written = await leadContext.Services.GetRequiredService<ChainCommands>().CommentAsync(bureau, chain.Id, version, link.Id, "缺口企业名单请于月底前报送");
        Assert.Equal(WriteStatus.Saved, written.Status);
        leadPage.WaitForAssertion(() =>
        {
            var comments = leadPage.FindAll("[data-testid=link-comments] [data-testid=comment]");
            Assert.Equal(before + 2, comments.Count);
            Assert.Contains("缺口企业名单请于月底前报送", comments[0].TextContent);
        }, TimeSpan.FromSeconds(10));
        leadPage.Find($"[data-testid=link-{other.Id}]").Click();
        leadPage.WaitForAssertion(() => Assert.Equal(other.Id.ToString(), leadPage.Find("[data-testid=link-panel]").GetAttribute("data-link")));
        Assert.DoesNotContain("缺口企业名单请于月底前报送", leadPage.Find("[data-testid=link-comments]").TextContent);
        // The chain lead answers on the link; a county reads, and neither comments nor pushes.
        Assert.NotEmpty(leadPage.FindAll("[data-testid=link-comment-send]"));
        Assert.Empty(leadPage.FindAll("[data-testid^=push-target-]"));
    }

    [Fact]
    public async Task A_links_panel_shows_each_projects_health_as_the_wall_assesses_it_and_the_Bureau_a_push_button_per_target()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        // A link with live projects and targets on it.
        var (chain, link) = await database.QueryAsync(async db =>
        {
            var withTargets = await db.TargetEnterprises.Where(t => t.ChainLinkId != null).Select(t => t.ChainLinkId!.Value).Distinct().ToListAsync();
            var best = await db.Projects.Where(p => p.ChainLinkId != null && withTargets.Contains(p.ChainLinkId!.Value) && p.Stage != KashiInvest.Domain.Projects.ProjectStage.Terminated)
                .GroupBy(p => new { p.ChainId, Link = p.ChainLinkId!.Value }).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            return (best.ChainId, best.Link);
        });
        var expected = await database.QueryAsync(async db =>
        {
            var health = database.Services.GetRequiredService<KashiInvest.Infrastructure.Health.ProjectHealthQuery>();
            var projects = db.Projects.Where(p => p.ChainLinkId == link && p.Stage != KashiInvest.Domain.Projects.ProjectStage.Terminated);
            return (await health.AssessAsync(db, projects)).ToDictionary(kv => kv.Key, kv => kv.Value.Status.ToString());
        });
        Assert.NotEmpty(expected);
        var targets = await database.QueryAsync(db => db.TargetEnterprises.CountAsync(t => t.ChainLinkId == link));

        await using (var context = Context(bureau, $"/chains/{chain}?link={link}"))
        {
            var page = context.Render<ChainMapPage>(p => p.Add(x => x.Id, chain));
            page.WaitForAssertion(() => page.Find("[data-testid=link-panel]"), TimeSpan.FromSeconds(10));
            foreach (var (project, status) in expected)
                Assert.Equal(status, page.Find($"[data-testid=link-project-{project}] [data-health]").GetAttribute("data-health"));
            Assert.Equal(Math.Min(targets, new ChainMapOptions().PanelItemsShown), page.FindAll("[data-testid^=push-target-]").Count);
        }
        await using (var context = Context(county, $"/chains/{chain}?link={link}"))
        {
            var page = context.Render<ChainMapPage>(p => p.Add(x => x.Id, chain));
            page.WaitForAssertion(() => page.Find("[data-testid=link-panel]"), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid^=push-target-]"));
            Assert.Empty(page.FindAll("[data-testid=link-comment-send]"));
        }
    }
}
