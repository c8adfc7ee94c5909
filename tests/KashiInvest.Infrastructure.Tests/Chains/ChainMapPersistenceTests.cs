using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Chains;

public sealed class ChainMapPersistenceTests
{
    private static readonly Actor Lead = new("chain-1", null);

    private static Task<IndustryChain> LoadAsync(KashiInvest.Infrastructure.Persistence.KashiDbContext db, int id) =>
        db.Chains.Include(c => c.Links).ThenInclude(l => l.History).Include(c => c.Links).ThenInclude(l => l.Roadmap)
            .Include(c => c.Flows).Include(c => c.Comments).SingleAsync(c => c.Id == id);

    [Fact]
    public async Task A_chain_map_is_saved_with_its_flows_history_road_map_enterprises_and_comments_and_every_change_is_versioned_and_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        int version;

        await using (var db = database.CreateContext())
        {
            db.Actor = Lead;
            var chain = await LoadAsync(db, w.Chain1);
            version = chain.Version;
            var up = chain.AddLink("原料", "Feedstock", ChainSegment.Upstream, LinkStrength.Strong);
            var mid = chain.AddLink("加工", "Processing", ChainSegment.Midstream, LinkStrength.Weak);
            await db.SaveChangesAsync();

            chain.Connect(up, mid, now);
            chain.SetStatus(mid, LinkStrength.Broken, "唯一加工企业停产", Lead, now);
            chain.SetGapNote(mid, "缺少加工企业", now);
            chain.AddRoadmapEntry(mid, new RoadmapInput("加工龙头企业", [SourceRegionCode.Shandong, SourceRegionCode.PearlRiverDelta], today.AddMonths(6)), Lead, now, today);
            chain.AddLocalEnterprise(up, "甲县原料有限公司", now);
            chain.Comment(mid, "请优先补链", new Actor("bureau", null), now);
            chain.ProposeRerating(mid, 42, ProjectStage.Construction, ProjectStage.Production, now);
            await db.SaveChangesAsync();
        }

        await using (var check = database.CreateContext())
        {
            var chain = await LoadAsync(check, w.Chain1);
            var mid = chain.Links.Single(l => l.Name == "加工");
            Assert.True(chain.Version > version);
            Assert.Equal(now, chain.UpdatedAtUtc);
            var flow = Assert.Single(chain.Flows);
            Assert.Equal(("原料", "加工"), (flow.From.Name, flow.To.Name));
            var change = Assert.Single(mid.History);
            Assert.Equal((LinkStrength.Weak, LinkStrength.Broken, "唯一加工企业停产", "chain-1"), (change.From, change.To, change.Reason, change.By));
            Assert.Equal([SourceRegionCode.Shandong, SourceRegionCode.PearlRiverDelta], Assert.Single(mid.Roadmap).SourceRegions);
            Assert.Equal(["甲县原料有限公司"], chain.Links.Single(l => l.Name == "原料").LocalEnterprises);
            Assert.Equal(("请优先补链", mid.Id), (Assert.Single(chain.Comments).Text, chain.Comments[0].ChainLinkId));
            Assert.Equal(new ReratingProposal(42, now), mid.PendingRerating);
            Assert.Equal("缺少加工企业", mid.GapNote);

            var audited = await check.AuditEntries.Where(a => a.UserName == "chain-1").Select(a => a.EntityType).ToListAsync();
            Assert.Contains("IndustryChain", audited);
            Assert.Contains("ChainFlow", audited);
            Assert.Contains("LinkStatusChange", audited);
            Assert.Contains("RoadmapEntry", audited);
            Assert.Contains("ChainComment", audited);
        }
    }

    [Fact]
    public async Task A_link_with_a_comment_and_no_other_reference_is_removed_and_the_comment_stays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await using (var db = database.CreateContext())
        {
            db.Actor = Lead;
            var chain = await LoadAsync(db, w.Chain1);
            var link = chain.AddLink("临时环节", "", ChainSegment.Downstream, LinkStrength.Broken);
            await db.SaveChangesAsync();
            chain.Comment(link, "此环节是否必要？", Lead, now);
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            db.Actor = Lead;
            var chain = await LoadAsync(db, w.Chain1);
            chain.RemoveLink(chain.Links.Single(l => l.Name == "临时环节"), new LinkReferences(0, 0), now);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var saved = await LoadAsync(check, w.Chain1);
        Assert.DoesNotContain(saved.Links, l => l.Name == "临时环节");
        Assert.Null(Assert.Single(saved.Comments).ChainLinkId);
    }
}
