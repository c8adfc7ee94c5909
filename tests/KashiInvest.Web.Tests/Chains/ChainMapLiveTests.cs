using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Chains;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Chains;

/// <summary>
/// Open maps and the overview follow the target library and projects that move between chains, live: each page is its
/// own circuit (its own user), all on one live bus, as in the running app.
/// </summary>
public sealed class ChainMapLiveTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly InMemoryLiveBus _bus = new();

    private BunitContext Context(UserScope scope, string uri)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        // One bus for every circuit of the test, as one app instance has.
        context.Services.AddSingleton<ILiveBus>(_bus);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddLiveFeature();
        context.Services.AddChainsFeature();
        context.Services.AddSupplyValueFromQueryProvider();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return context;
    }

    private static IRenderedComponent<ChainMapPage> OpenMap(BunitContext context, int chainId)
    {
        var page = context.Render<ChainMapPage>(p => p.Add(x => x.Id, chainId));
        page.WaitForAssertion(() => Assert.Equal("on", page.Find("[data-testid=chain-map-page]").GetAttribute("data-live")), Wait);
        return page;
    }

    private Task<UserScope> LeadOfAsync(int chainId) => database.QueryAsync(async db =>
    {
        var leadUnit = await db.Chains.Where(c => c.Id == chainId).Select(c => c.LeadUnitId).SingleAsync();
        var code = await db.Units.Where(u => u.Id == leadUnit).Select(u => u.Code).SingleAsync();
        return await database.ScopeOfAsync(code, ActorRole.ChainLead);
    });

    /// <summary>A link of a chain with neither a target nor a project on it.</summary>
    private Task<int> EmptyLinkAsync(int chainId) => database.QueryAsync(async db =>
    {
        var links = await db.ChainLinks.Where(l => l.ChainId == chainId).Select(l => l.Id).ToListAsync();
        var used = await db.TargetEnterprises.Where(t => t.ChainLinkId != null).Select(t => t.ChainLinkId!.Value)
            .Concat(db.Projects.Where(p => p.ChainLinkId != null).Select(p => p.ChainLinkId!.Value)).ToListAsync();
        return links.Except(used).First();
    });

    [Fact]
    public async Task Adding_renaming_and_moving_a_library_target_updates_the_open_maps_and_a_countys_overview_without_reload()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");

        // The county's overview lists a gap nobody works on: the most serious one first.
        await using var overviewContext = Context(county, "/chains");
        var overview = overviewContext.Render<ChainsPage>();
        overview.WaitForAssertion(() => Assert.NotEmpty(overview.FindAll("[data-testid=unattended-gaps] a")), Wait);
        var href = overview.FindAll("[data-testid=unattended-gaps] a")[0].GetAttribute("href")!; // /chains/{chain}?link={link}
        var chainId = int.Parse(href.Split('/', '?')[2]);
        var linkId = int.Parse(href.Split("link=")[1]);
        var gapsCell = $"[data-testid=chain-{chainId}-gaps]";
        var gapsBefore = overview.Find(gapsCell).TextContent;

        // The chain lead has that link's panel open; another chain's map is open on the Bureau's screen.
        var otherChain = await database.QueryAsync(db => db.Chains.Where(c => c.Id != chainId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var otherLink = await EmptyLinkAsync(otherChain);
        await using var leadContext = Context(await LeadOfAsync(chainId), $"/chains/{chainId}?link={linkId}");
        var map = OpenMap(leadContext, chainId);
        Assert.Equal(linkId.ToString(), map.Find("[data-testid=link-panel]").GetAttribute("data-link"));
        Assert.Empty(map.FindAll("[data-testid=link-targets] [data-testid^=link-target-]"));
        await using var otherContext = Context(bureau, $"/chains/{otherChain}?link={otherLink}");
        var otherMap = OpenMap(otherContext, otherChain);

        // The Bureau adds an enterprise to the library for the link: the panel lists it, the gap leaves the county's list.
        var commands = leadContext.Services.GetRequiredService<TargetCommands>();
        var model = new TargetFormModel { Name = "链图实时测试纺织有限公司", ChainId = chainId, ChainLinkId = linkId, Region = SourceRegionCode.YangtzeRiverDelta };
        var added = await commands.SaveAsync(bureau, model);
        Assert.Equal(WriteStatus.Saved, added.Status);
        var targetId = added.Id!.Value;
        map.WaitForAssertion(() => Assert.Contains("链图实时测试纺织有限公司", map.Find($"[data-testid=link-target-{targetId}]").TextContent), Wait);
        overview.WaitForAssertion(() =>
        {
            Assert.DoesNotContain(overview.FindAll("[data-testid=unattended-gaps] a"), a => a.GetAttribute("href") == href);
            Assert.NotEqual(gapsBefore, overview.Find(gapsCell).TextContent);
        }, Wait);

        // Renamed: the open panel shows the new name.
        model.Id = targetId;
        model.Version = await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Id == targetId).Select(t => t.Version).SingleAsync());
        model.Name = "链图实时测试家纺集团";
        Assert.Equal(WriteStatus.Saved, (await commands.SaveAsync(bureau, model)).Status);
        map.WaitForAssertion(() => Assert.Contains("链图实时测试家纺集团", map.Find($"[data-testid=link-target-{targetId}]").TextContent), Wait);

        // Moved to another chain's link: the map it left drops it (and the gap is back on the overview), the other map lists it.
        model.Version = await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Id == targetId).Select(t => t.Version).SingleAsync());
        model.ChainId = otherChain;
        model.ChainLinkId = otherLink;
        Assert.Equal(WriteStatus.Saved, (await commands.SaveAsync(bureau, model)).Status);
        map.WaitForAssertion(() => Assert.Empty(map.FindAll($"[data-testid=link-target-{targetId}]")), Wait);
        otherMap.WaitForAssertion(() => Assert.NotNull(otherMap.Find($"[data-testid=link-target-{targetId}]")), Wait);
        overview.WaitForAssertion(() => Assert.Contains(overview.FindAll("[data-testid=unattended-gaps] a"), a => a.GetAttribute("href") == href), Wait);
        Assert.Equal(gapsBefore, overview.Find(gapsCell).TextContent);
    }

    [Fact]
    public async Task A_project_moved_to_another_chain_leaves_the_old_chain_leads_open_map_and_reaches_the_new_one_live()
    {
        var moved = await database.QueryAsync(db => db.Projects
            .Where(p => p.ChainLinkId != null && p.Stage != ProjectStage.Terminated && p.Stage != ProjectStage.Reserve)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ChainId, Link = p.ChainLinkId!.Value, p.HostUnitId }).FirstAsync());
        var newChain = await database.QueryAsync(db => db.Chains.Where(c => c.Id != moved.ChainId).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        var newLink = await EmptyLinkAsync(newChain);
        var oldLead = await LeadOfAsync(moved.ChainId);
        var newLead = await LeadOfAsync(newChain);

        await using var oldContext = Context(oldLead, $"/chains/{moved.ChainId}?link={moved.Link}");
        var oldMap = OpenMap(oldContext, moved.ChainId);
        Assert.NotNull(oldMap.Find($"[data-testid=link-project-{moved.Id}]"));
        await using var newContext = Context(newLead, $"/chains/{newChain}?link={newLink}");
        var newMap = OpenMap(newContext, newChain);
        Assert.Empty(newMap.FindAll($"[data-testid=link-project-{moved.Id}]"));

        // The host county moves its project to the other chain.
        var hostCode = await database.QueryAsync(db => db.Units.Where(u => u.Id == moved.HostUnitId).Select(u => u.Code).SingleAsync());
        var host = await database.ScopeOfAsync(hostCode);
        var reader = oldContext.Services.GetRequiredService<ProjectReader>();
        var form = ProjectForm.From((await reader.GetAsync(host, moved.Id))!);
        form.ChainId = newChain;
        form.ChainLinkId = newLink;
        var saved = await oldContext.Services.GetRequiredService<SaveProjectCommand>().ExecuteAsync(host, form);
        Assert.True(saved.Status == WriteStatus.Saved, string.Join("; ", (saved.Errors ?? []).Select(e => $"{e.Field}: {e.Violation.Code}")));

        // The old chain's lead no longer sees the project and is told so without a reload; the new chain's lead sees it arrive.
        oldMap.WaitForAssertion(() => Assert.Empty(oldMap.FindAll($"[data-testid=link-project-{moved.Id}]")), Wait);
        newMap.WaitForAssertion(() => Assert.NotNull(newMap.Find($"[data-testid=link-project-{moved.Id}]")), Wait);
    }
}
