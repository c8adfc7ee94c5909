using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Web.Features.Chains;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Chains;

/// <summary>The chain maps' use cases (Art. 12) on the seeded demo database: who edits, the write path, the overview.</summary>
public sealed class ChainMapCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    // The chain feature's services are built on the seeded database's (its feature list is not extended here).
    private T Get<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(database.Services);

    private Task<(int Chain, int Version)> ChainAsync(string code) =>
        database.QueryAsync(db => db.Chains.Where(c => c.Code == code).Select(c => ValueTuple.Create(c.Id, c.Version)).SingleAsync());

    private Task<int> LinkAsync(int chain, string name) =>
        database.QueryAsync(db => db.ChainLinks.Where(l => l.ChainId == chain && l.Name == name).Select(l => l.Id).SingleAsync());

    [Fact]
    public async Task The_chain_lead_marks_a_link_broken_with_a_reason_and_the_change_is_versioned_audited_and_in_the_history()
    {
        var lead = await database.ScopeOfAsync("lead-fruit", ActorRole.ChainLead);
        var county = await database.ScopeOfAsync("shache");
        var otherLead = await database.ScopeOfAsync("lead-energy", ActorRole.ChainLead);
        var (chain, version) = await ChainAsync("fruit");
        var link = await LinkAsync(chain, "农资与植保");
        var commands = Get<ChainCommands>();

        Assert.Equal(WriteStatus.NotAllowed, (await commands.SetStatusAsync(county, chain, version, link, LinkStrength.Broken, "理由")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await commands.SetStatusAsync(otherLead, chain, version, link, LinkStrength.Broken, "理由")).Status);
        var noReason = await commands.SetStatusAsync(lead, chain, version, link, LinkStrength.Broken, " ");
        Assert.Equal((WriteStatus.Invalid, "Chain.StatusReasonRequired"), (noReason.Status, noReason.GeneralErrors.Single().Violation.Code));

        Assert.Equal(WriteStatus.Saved, (await commands.SetStatusAsync(lead, chain, version, link, LinkStrength.Broken, "唯一农资企业外迁")).Status);
        Assert.Equal(WriteStatus.Conflict, (await commands.SetStatusAsync(lead, chain, version, link, LinkStrength.Weak, "再次评定")).Status);

        var saved = await database.QueryAsync(db => db.ChainLinks.Include(l => l.History).SingleAsync(l => l.Id == link));
        Assert.Equal(LinkStrength.Broken, saved.Strength);
        var change = Assert.Single(saved.History);
        Assert.Equal((LinkStrength.Strong, LinkStrength.Broken, "唯一农资企业外迁", "lead-fruit"), (change.From, change.To, change.Reason, change.By));
        Assert.Equal(version + 1, (await ChainAsync("fruit")).Version);
        Assert.True(await database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ChainLink" && a.EntityId == link.ToString() && a.UserName == "lead-fruit")));
    }

    [Fact]
    public async Task Adding_a_link_moves_the_maps_version_so_a_stale_add_is_a_conflict()
    {
        var lead = await database.ScopeOfAsync("lead-energy", ActorRole.ChainLead);
        var (chain, version) = await ChainAsync("energy");
        var commands = Get<ChainCommands>();

        Assert.Equal(WriteStatus.Saved, (await commands.AddLinkAsync(lead, chain, version, "氢能储运", "Hydrogen storage", ChainSegment.Downstream, LinkStrength.Broken)).Status);
        Assert.Equal(version + 1, (await ChainAsync("energy")).Version);
        Assert.Equal(WriteStatus.Conflict, (await commands.AddLinkAsync(lead, chain, version, "氢燃料电池", "Fuel cells", ChainSegment.Downstream, LinkStrength.Broken)).Status);
        Assert.False(await database.QueryAsync(db => db.ChainLinks.AnyAsync(l => l.ChainId == chain && l.Name == "氢燃料电池")));
    }

    [Fact]
    public async Task A_broken_link_nobody_works_on_shows_on_the_overview()
    {
        var lead = await database.ScopeOfAsync("lead-tourism", ActorRole.ChainLead);
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var (chain, version) = await ChainAsync("tourism");
        var link = await LinkAsync(chain, "餐饮美食");
        var before = (await Get<ChainMapQuery>().OverviewAsync(bureau)).Chains.Single(c => c.Id == chain);
        Assert.DoesNotContain((await Get<ChainMapQuery>().OverviewAsync(bureau)).Unattended, g => g.LinkId == link);

        Assert.Equal(WriteStatus.Saved, (await Get<ChainCommands>().SetStatusAsync(lead, chain, version, link, LinkStrength.Broken, "餐饮龙头企业停业")).Status);

        var overview = await Get<ChainMapQuery>().OverviewAsync(bureau);
        var after = overview.Chains.Single(c => c.Id == chain);
        Assert.Equal((before.Strong - 1, before.Broken + 1, before.Gaps + 1), (after.Strong, after.Broken, after.Gaps));
        Assert.Contains(overview.Unattended, g => g.LinkId == link && g.Strength == LinkStrength.Broken);
    }

    [Fact]
    public async Task The_Bureau_comments_on_any_map_and_a_county_does_not()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var (chain, version) = await ChainAsync("logistics");
        var commands = Get<ChainCommands>();

        Assert.Equal(WriteStatus.NotAllowed, (await commands.CommentAsync(county, chain, version, null, "意见")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await commands.SetGapNoteAsync(bureau, chain, version, await LinkAsync(chain, "航空物流"), "说明")).Status);
        Assert.Equal(WriteStatus.Saved, (await commands.CommentAsync(bureau, chain, version, null, "请加快航空物流补链")).Status);

        var map = await Get<ChainMapQuery>().MapAsync(county, chain);
        Assert.Equal("请加快航空物流补链", Assert.Single(map!.Chain.Comments).Text);
    }

    [Fact]
    public async Task A_link_with_targets_or_projects_is_not_removed_and_the_refusal_says_why()
    {
        var lead = await database.ScopeOfAsync("lead-textiles", ActorRole.ChainLead);
        var (chain, version) = await ChainAsync("textiles");
        var used = await database.QueryAsync(db => db.Projects.Where(p => p.ChainId == chain && p.ChainLinkId != null).Select(p => p.ChainLinkId!.Value).FirstAsync());

        var refused = await Get<ChainCommands>().RemoveLinkAsync(lead, chain, version, used);

        Assert.Equal((WriteStatus.Invalid, "Chain.LinkInUse"), (refused.Status, refused.GeneralErrors.Single().Violation.Code));
        Assert.True(await database.QueryAsync(db => db.ChainLinks.AnyAsync(l => l.Id == used)));
    }

    [Fact]
    public async Task The_map_lists_the_targets_and_projects_on_each_link()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var chain = (await ChainAsync("textiles")).Chain;
        var targets = await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.ChainId == chain && t.ChainLinkId != null).GroupBy(t => t.ChainLinkId!.Value)
            .Select(g => new { Link = g.Key, Count = g.Count() }).ToListAsync());

        var map = await Get<ChainMapQuery>().MapAsync(bureau, chain);

        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Equal(t.Count, map!.TargetsOn(t.Link).Count));
        Assert.Contains(map!.Chain.Links, l => map.ProjectsOn(l.Id).Count > 0);
        Assert.Null(await Get<ChainMapQuery>().MapAsync(bureau, 999_999));
    }

    [Fact]
    public async Task A_county_sees_on_the_map_only_the_targets_pushed_to_it_and_the_chain_lead_sees_every_target_of_its_chain()
    {
        var chain = (await ChainAsync("textiles")).Chain;
        var all = await database.QueryAsync(db => db.TargetEnterprises.CountAsync(t => t.ChainId == chain && t.ChainLinkId != null));
        var pushed = await database.QueryAsync(db => db.TargetPushes.Join(db.TargetEnterprises, p => p.TargetId, t => t.Id, (p, t) => new { p.UnitId, t.Id, t.ChainId, t.ChainLinkId })
            .Where(x => x.ChainId == chain && x.ChainLinkId != null).ToListAsync());
        Assert.NotEmpty(pushed);
        var unitId = pushed.GroupBy(x => x.UnitId).OrderBy(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var unitCode = await database.QueryAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Code).SingleAsync());
        var mine = pushed.Where(x => x.UnitId == unitId).Select(x => x.Id).Distinct().Order().ToList();
        Assert.True(mine.Count < all, "the test needs a unit that was pushed only part of the chain's targets");

        static List<int> Listed(ChainMapView map) => map.Chain.Links.SelectMany(l => map.TargetsOn(l.Id)).Select(t => t.Id).Distinct().Order().ToList();
        var county = await database.ScopeOfAsync(unitCode);
        Assert.Equal(mine, Listed((await Get<ChainMapQuery>().MapAsync(county, chain))!));
        var leadCode = await database.QueryAsync(db => db.Chains.Where(c => c.Id == chain).Join(db.Units, c => c.LeadUnitId, u => u.Id, (c, u) => u.Code).SingleAsync());
        var lead = await database.ScopeOfAsync(leadCode, ActorRole.ChainLead);
        Assert.Equal(all, Listed((await Get<ChainMapQuery>().MapAsync(lead, chain))!).Count);
    }
}

/// <summary>The re-rating proposal (Art. 12) through the project's stage change, on a database of its own.</summary>
public sealed class ChainReratingTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_project_on_a_gap_link_reaching_production_proposes_re_rating_and_the_chain_lead_keeps_the_status_with_a_reason()
    {
        var candidate = await database.QueryAsync(async db =>
        {
            var gapLinks = await db.ChainLinks.Where(l => l.Strength != LinkStrength.Strong).Select(l => l.Id).ToListAsync();
            return await db.Projects.Where(p => p.Stage == Domain.Projects.ProjectStage.Construction && p.ChainLinkId != null && gapLinks.Contains(p.ChainLinkId.Value))
                .Select(p => new { p.Id, p.Version, p.HostUnitId, p.ChainId, Link = p.ChainLinkId!.Value }).FirstAsync();
        });
        var host = await database.QueryAsync(db => db.Units.Where(u => u.Id == candidate.HostUnitId).Select(u => u.Code).SingleAsync());
        var chain = await database.QueryAsync(db => db.Chains.Where(c => c.Id == candidate.ChainId).Select(c => new { c.Code, c.LeadUnitId }).SingleAsync());
        var leadCode = await database.QueryAsync(db => db.Units.Where(u => u.Id == chain.LeadUnitId).Select(u => u.Code).SingleAsync());
        var moved = await ActivatorUtilities.CreateInstance<Features.Projects.ChangeStageCommand>(database.Services)
            .ExecuteAsync(await database.ScopeOfAsync(host), candidate.Id, candidate.Version, new Domain.Projects.StageTransition(Domain.Projects.ProjectStage.Production));
        Assert.Equal(WriteStatus.Saved, moved.Status);

        var link = await database.QueryAsync(db => db.ChainLinks.AsNoTracking().SingleAsync(l => l.Id == candidate.Link));
        Assert.Equal(candidate.Id, link.PendingRerating?.ProjectId);

        var lead = await database.ScopeOfAsync(leadCode, ActorRole.ChainLead);
        var version = await database.QueryAsync(db => db.Chains.Where(c => c.Id == candidate.ChainId).Select(c => c.Version).SingleAsync());
        var commands = ActivatorUtilities.CreateInstance<ChainCommands>(database.Services);
        Assert.Equal(WriteStatus.Invalid, (await commands.KeepStatusAsync(lead, candidate.ChainId, version, candidate.Link, "")).Status);
        Assert.Equal(WriteStatus.Saved, (await commands.KeepStatusAsync(lead, candidate.ChainId, version, candidate.Link, "投产项目规模小，仍是弱项")).Status);

        var kept = await database.QueryAsync(db => db.ChainLinks.Include(l => l.History).AsNoTracking().SingleAsync(l => l.Id == candidate.Link));
        Assert.Null(kept.PendingRerating);
        Assert.Equal((LinkStatusChangeKind.ReratingDeclined, (int?)candidate.Id, link.Strength), (kept.History.Single().Kind, kept.History.Single().ProjectId, kept.Strength));
    }
}
