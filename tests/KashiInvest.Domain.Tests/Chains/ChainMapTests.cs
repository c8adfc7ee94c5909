using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Chains;

public class ChainMapTests
{
    internal static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    internal static readonly DateOnly Today = new(2026, 11, 20);
    internal static readonly Actor Lead = new("chain-textiles", 31);

    internal static IndustryChain Textiles(out ChainLink cotton, out ChainLink spinning, out ChainLink dyeing, out ChainLink garments)
    {
        var chain = new IndustryChain("textiles", "纺织服装", "Textiles and garments", 31);
        cotton = chain.AddLink("棉花", "Cotton", ChainSegment.Upstream, LinkStrength.Strong);
        spinning = chain.AddLink("纺纱", "Spinning", ChainSegment.Midstream, LinkStrength.Strong);
        dyeing = chain.AddLink("印染", "Dyeing and finishing", ChainSegment.Midstream, LinkStrength.Broken);
        garments = chain.AddLink("服装", "Garments", ChainSegment.Downstream, LinkStrength.Weak);
        return chain;
    }

    private static RuleViolation Refused(Action act) => Assert.Throws<DomainRuleException>(act).Violation;

    [Fact]
    public void Links_are_ordered_within_their_segment_as_they_are_added()
    {
        var chain = Textiles(out _, out var spinning, out var dyeing, out var garments);
        var weaving = chain.AddLink("织造", "Weaving", ChainSegment.Midstream, LinkStrength.Strong);

        Assert.Equal([spinning, dyeing, weaving], chain.LinksIn(ChainSegment.Midstream));
        Assert.Equal(0, garments.Order);
    }

    [Fact]
    public void Moving_a_link_reorders_its_segment_and_the_others_close_up()
    {
        var chain = Textiles(out _, out var spinning, out var dyeing, out _);
        var weaving = chain.AddLink("织造", "Weaving", ChainSegment.Midstream, LinkStrength.Strong);

        chain.MoveLink(weaving, 1, Now);

        Assert.Equal([spinning, weaving, dyeing], chain.LinksIn(ChainSegment.Midstream));
        Assert.Equal([0, 1, 2], chain.LinksIn(ChainSegment.Midstream).Select(l => l.Order));
        Assert.Equal(Now, chain.UpdatedAtUtc);
        Assert.Contains(chain.DomainEvents, e => e is ChainMapChanged { Kind: ChainMapChangeKind.LinkMoved });
        Assert.Equal("Chain.NothingChanged", Refused(() => chain.MoveLink(weaving, 1, Now)).Code);
    }

    [Fact]
    public void Flows_run_within_a_segment_or_to_the_next_one_downstream()
    {
        var chain = Textiles(out var cotton, out var spinning, out var dyeing, out var garments);

        chain.Connect(cotton, spinning, Now);
        chain.Connect(spinning, dyeing, Now);
        chain.Connect(dyeing, garments, Now);

        Assert.Equal(3, chain.Flows.Count);
        Assert.Equal("Chain.FlowNotAdjacent", Refused(() => chain.Connect(cotton, garments, Now)).Code);
        Assert.Equal("Chain.FlowAgainstStream", Refused(() => chain.Connect(garments, dyeing, Now)).Code);
        Assert.Equal(3, chain.Flows.Count);
    }

    [Fact]
    public void A_flow_is_never_drawn_twice_nor_from_a_link_to_itself()
    {
        var chain = Textiles(out _, out var spinning, out var dyeing, out _);
        chain.Connect(spinning, dyeing, Now);

        Assert.Equal("Chain.FlowExists", Refused(() => chain.Connect(spinning, dyeing, Now)).Code);
        Assert.Equal("Chain.FlowExists", Refused(() => chain.Connect(dyeing, spinning, Now)).Code);
        Assert.Equal("Chain.FlowToItself", Refused(() => chain.Connect(dyeing, dyeing, Now)).Code);
        Assert.Single(chain.Flows);
    }

    [Fact]
    public void A_link_of_another_chain_cannot_be_connected()
    {
        var chain = Textiles(out var cotton, out _, out _, out _);
        var other = Textiles(out _, out var otherSpinning, out _, out _);

        Assert.Equal("Chain.LinkNotOnChain", Refused(() => chain.Connect(cotton, otherSpinning, Now)).Code);
        Assert.Empty(other.Flows);
    }

    [Fact]
    public void A_status_change_needs_a_reason_and_is_kept_in_the_history()
    {
        var chain = Textiles(out _, out var spinning, out _, out _);

        Assert.Equal("Chain.StatusReasonRequired", Refused(() => chain.SetStatus(spinning, LinkStrength.Broken, " ", Lead, Now)).Code);
        Assert.Equal(LinkStrength.Strong, spinning.Strength);

        chain.SetStatus(spinning, LinkStrength.Broken, " 唯一纺纱企业停产 ", Lead, Now);

        var change = Assert.Single(spinning.History);
        Assert.Equal((LinkStrength.Strong, LinkStrength.Broken, "唯一纺纱企业停产", "chain-textiles", 31, Now),
            (change.From, change.To, change.Reason, change.By, change.ByUnitId, change.AtUtc));
        Assert.Equal(LinkStrength.Broken, spinning.Strength);
        Assert.Equal("Chain.StatusUnchanged", Refused(() => chain.SetStatus(spinning, LinkStrength.Broken, "再次", Lead, Now)).Code);
    }

    [Fact]
    public void The_gap_is_a_status_worse_than_the_goal()
    {
        var chain = Textiles(out var cotton, out _, out var dyeing, out var garments);

        Assert.False(cotton.HasGap);
        Assert.True(dyeing.HasGap);
        chain.SetGoal(garments, LinkStrength.Weak, Now);

        Assert.False(garments.HasGap);
        Assert.True(garments.NeedsFilling);
        Assert.Equal([dyeing], chain.Gaps);
    }

    [Fact]
    public void A_road_map_entry_says_what_is_sought_from_where_by_when_and_only_for_a_gap()
    {
        var chain = Textiles(out var cotton, out _, out var dyeing, out _);
        var input = new RoadmapInput("印染集中区龙头企业", [SourceRegionCode.YangtzeRiverDelta, SourceRegionCode.Shandong], Today.AddMonths(6));

        var entry = chain.AddRoadmapEntry(dyeing, input, Lead, Now, Today);

        Assert.Equal(("印染集中区龙头企业", 2, Today.AddMonths(6)), (entry.Sought, entry.SourceRegions.Length, entry.By));
        Assert.Equal("Chain.RoadmapNeedsGap", Refused(() => chain.AddRoadmapEntry(cotton, input, Lead, Now, Today)).Code);
        Assert.Equal("Chain.RoadmapDateInPast", Refused(() => chain.AddRoadmapEntry(dyeing, input with { By = Today.AddDays(-1) }, Lead, Now, Today)).Code);
        Assert.Equal("Field.Required", Refused(() => chain.AddRoadmapEntry(dyeing, input with { SourceRegions = [] }, Lead, Now, Today)).Code);
        Assert.Equal("Chain.RegionTwice", Refused(() => chain.AddRoadmapEntry(dyeing, input with { SourceRegions = [SourceRegionCode.Shandong, SourceRegionCode.Shandong] }, Lead, Now, Today)).Code);
        Assert.Single(dyeing.Roadmap);

        chain.RemoveRoadmapEntry(dyeing, entry, Now);
        Assert.Empty(dyeing.Roadmap);
    }

    [Fact]
    public void The_local_enterprises_are_a_kept_list_and_the_count_is_derived()
    {
        var chain = Textiles(out _, out var spinning, out _, out _);

        chain.AddLocalEnterprise(spinning, " 喀什某纺织有限公司 ", Now);
        chain.AddLocalEnterprise(spinning, "疏勒某棉纺厂", Now);

        Assert.Equal(2, spinning.LocalEnterpriseCount);
        Assert.Equal("Chain.EnterpriseListed", Refused(() => chain.AddLocalEnterprise(spinning, "喀什某纺织有限公司", Now)).Code);
        chain.RemoveLocalEnterprise(spinning, "喀什某纺织有限公司", Now);
        Assert.Equal(["疏勒某棉纺厂"], spinning.LocalEnterprises);
        Assert.Equal("Chain.EnterpriseNotListed", Refused(() => chain.RemoveLocalEnterprise(spinning, "喀什某纺织有限公司", Now)).Code);
    }

    [Fact]
    public void A_link_is_removed_only_when_nothing_refers_to_it_and_the_refusal_says_what_does()
    {
        var chain = Textiles(out _, out var spinning, out var dyeing, out _);
        chain.Connect(spinning, dyeing, Now);

        var refused = Refused(() => chain.RemoveLink(dyeing, new LinkReferences(Projects: 2, Targets: 3), Now));
        Assert.Equal("Chain.LinkInUse", refused.Code);
        Assert.Equal(new object[] { 2, 3, 1 }, refused.Args);

        chain.Disconnect(spinning, dyeing, Now);
        Assert.Equal("Chain.LinkInUse", Refused(() => chain.RemoveLink(dyeing, new LinkReferences(0, 1), Now)).Code);
        chain.RemoveLink(dyeing, new LinkReferences(0, 0), Now);

        Assert.DoesNotContain(dyeing, chain.Links);
    }

    [Fact]
    public void Removing_a_link_closes_up_its_segment_and_keeps_comments_on_the_chain()
    {
        var chain = Textiles(out _, out var spinning, out var dyeing, out _);
        var weaving = chain.AddLink("织造", "Weaving", ChainSegment.Midstream, LinkStrength.Strong);
        var comment = chain.Comment(dyeing, "请尽快补链", new Actor("bureau", 1), Now);

        chain.RemoveLink(dyeing, new LinkReferences(0, 0), Now);

        Assert.Equal([0, 1], new[] { spinning.Order, weaving.Order });
        Assert.Null(comment.Link);
        Assert.Single(chain.Comments);
    }

    [Fact]
    public void Renaming_keeps_link_names_unique_and_refuses_no_change()
    {
        var chain = Textiles(out _, out var spinning, out _, out _);

        Assert.Equal("Chain.LinkExists", Refused(() => chain.RenameLink(spinning, "印染", "", Now)).Code);
        Assert.Equal("Chain.NothingChanged", Refused(() => chain.RenameLink(spinning, "纺纱", "Spinning", Now)).Code);
        chain.RenameLink(spinning, "棉纺纱", "Cotton spinning", Now);

        Assert.Equal(("棉纺纱", "Cotton spinning"), (spinning.Name, spinning.NameEn));
    }

    [Fact]
    public void A_link_says_whether_it_is_a_product_or_a_process()
    {
        var chain = Textiles(out _, out _, out var dyeing, out _);

        chain.DescribeLink(dyeing, LinkKind.Process, " 坯布的染色、印花与后整理 ", Now);

        Assert.Equal((LinkKind.Process, "坯布的染色、印花与后整理"), (dyeing.Kind, dyeing.Description));
    }

    [Fact]
    public void A_comment_needs_text()
    {
        var chain = Textiles(out _, out _, out _, out _);

        Assert.Equal("Chain.CommentRequired", Refused(() => chain.Comment(null, "  ", new Actor("bureau", 1), Now)).Code);
        chain.Comment(null, "印染环节是本链最大短板", new Actor("bureau", 1), Now);

        Assert.Equal(("印染环节是本链最大短板", "bureau", (int?)1), (chain.Comments[0].Text, chain.Comments[0].By, chain.Comments[0].ByUnitId));
    }

    [Theory]
    [InlineData(LinkStrength.Weak, ProjectStage.Construction, ProjectStage.Production, true)]
    [InlineData(LinkStrength.Short, ProjectStage.Construction, ProjectStage.Production, true)]
    [InlineData(LinkStrength.Broken, ProjectStage.Construction, ProjectStage.Production, true)]
    [InlineData(LinkStrength.Strong, ProjectStage.Construction, ProjectStage.Production, false)]
    [InlineData(LinkStrength.Broken, ProjectStage.Landing, ProjectStage.Construction, false)]
    [InlineData(LinkStrength.Broken, ProjectStage.Production, ProjectStage.Production, false)]
    public void A_project_reaching_production_on_a_weak_short_or_broken_link_proposes_re_rating(LinkStrength status, ProjectStage from, ProjectStage to, bool proposed)
    {
        Assert.Equal(proposed, ReratingRule.ShouldPropose(status, from, to));
    }

    [Fact]
    public void The_chain_lead_confirms_a_re_rating_with_a_new_status()
    {
        var chain = Textiles(out _, out _, out var dyeing, out _);

        Assert.True(chain.ProposeRerating(dyeing, 42, ProjectStage.Construction, ProjectStage.Production, Now));
        Assert.False(chain.ProposeRerating(dyeing, 43, ProjectStage.Construction, ProjectStage.Production, Now));
        Assert.Equal(new ReratingProposal(42, Now), dyeing.PendingRerating);

        chain.SetStatus(dyeing, LinkStrength.Weak, "印染项目已投产，产能仍不足", Lead, Now.AddDays(1));

        Assert.Null(dyeing.PendingRerating);
        var change = Assert.Single(dyeing.History);
        Assert.Equal((LinkStatusChangeKind.ReratingConfirmed, (int?)42, LinkStrength.Broken, LinkStrength.Weak), (change.Kind, change.ProjectId, change.From, change.To));
    }

    [Fact]
    public void The_chain_lead_keeps_the_status_only_with_a_reason()
    {
        var chain = Textiles(out _, out _, out var dyeing, out _);
        Assert.Equal("Chain.NoReratingProposed", Refused(() => chain.KeepStatus(dyeing, "理由", Lead, Now)).Code);
        chain.ProposeRerating(dyeing, 42, ProjectStage.Construction, ProjectStage.Production, Now);

        Assert.Equal("Chain.StatusReasonRequired", Refused(() => chain.KeepStatus(dyeing, "", Lead, Now)).Code);
        chain.KeepStatus(dyeing, "投产项目只做前处理，印染仍缺", Lead, Now);

        Assert.Equal(LinkStrength.Broken, dyeing.Strength);
        Assert.Null(dyeing.PendingRerating);
        var change = Assert.Single(dyeing.History);
        Assert.Equal((LinkStatusChangeKind.ReratingDeclined, LinkStrength.Broken, LinkStrength.Broken), (change.Kind, change.From, change.To));
    }

    [Fact]
    public void A_strong_link_is_not_proposed_for_re_rating()
    {
        var chain = Textiles(out var cotton, out _, out _, out _);

        Assert.False(chain.ProposeRerating(cotton, 42, ProjectStage.Construction, ProjectStage.Production, Now));
        Assert.Null(cotton.PendingRerating);
    }

    [Fact]
    public void Every_change_to_a_saved_map_stamps_the_chain_so_its_version_moves()
    {
        var chain = Textiles(out _, out _, out var dyeing, out _);
        Assert.Null(chain.UpdatedAtUtc);

        chain.SetGapNote(dyeing, "缺少印染集中区", Now);

        Assert.Equal(Now, chain.UpdatedAtUtc);
        Assert.Equal("缺少印染集中区", dyeing.GapNote);
        Assert.Contains(chain.DomainEvents, e => e is ChainMapChanged { Kind: ChainMapChangeKind.NoteChanged });
    }

    [Fact]
    public void A_chain_holds_a_limited_number_of_links()
    {
        var chain = new IndustryChain("x", "测试", "", 31);
        for (var i = 0; i < IndustryChain.MaxLinks; i++) chain.AddLink($"环节{i}", "", ChainSegment.Midstream, LinkStrength.Strong);

        Assert.Equal(ListLimits.TooMany, Refused(() => chain.AddLink("多余", "", ChainSegment.Midstream, LinkStrength.Strong)).Code);
    }
}

public class ChainAccessTests
{
    private static KashiInvest.Domain.Access.UserScope As(KashiInvest.Domain.Access.ActorRole role, int unit) => new("u", "u", role, unit, [], []);

    [Theory]
    [InlineData(KashiInvest.Domain.Access.ActorRole.ChainLead, 31, true, true)]
    [InlineData(KashiInvest.Domain.Access.ActorRole.ChainLead, 32, false, false)]
    [InlineData(KashiInvest.Domain.Access.ActorRole.Administrator, 1, true, true)]
    [InlineData(KashiInvest.Domain.Access.ActorRole.Bureau, 1, false, true)]
    [InlineData(KashiInvest.Domain.Access.ActorRole.Leader, 2, false, false)]
    [InlineData(KashiInvest.Domain.Access.ActorRole.AttractingUnit, 7, false, false)]
    [InlineData(KashiInvest.Domain.Access.ActorRole.Display, 9, false, false)]
    public void The_chain_lead_edits_its_own_map_and_the_Bureau_may_comment(KashiInvest.Domain.Access.ActorRole role, int unit, bool edits, bool comments)
    {
        Assert.Equal(edits, ChainAccess.CanEditMap(As(role, unit), 31));
        Assert.Equal(comments, ChainAccess.CanComment(As(role, unit), 31));
    }
}
