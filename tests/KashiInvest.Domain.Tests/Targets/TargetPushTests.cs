using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Targets;

public class TargetPushTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly Actor County = new("shache", 10);
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = BeijingTime.DateOf(Now);

    private static readonly PushUnit[] Units =
    [
        new(10, UnitType.County, null), new(11, UnitType.County, null), new(12, UnitType.DevelopmentZone, null),
        new(20, UnitType.ChainLead, null),
        new(30, UnitType.SubBureau, SourceRegionCode.PearlRiverDelta), new(31, UnitType.SubBureau, SourceRegionCode.Shandong),
        new(40, UnitType.FrontCommand, null), new(41, UnitType.FrontCommand, SourceRegionCode.YangtzeRiverDelta),
        new(50, UnitType.Department, null),
    ];

    [Fact]
    public void By_chain_a_target_goes_to_the_chosen_attracting_units_and_the_chain_lead_once_each()
    {
        Assert.Equal([10, 12, 20], PushRecipients.ByChain(20, [10, 12, 10], Units));
    }

    [Fact]
    public void By_chain_a_department_or_sub_bureau_cannot_be_chosen()
    {
        var ex = Assert.Throws<DomainRuleException>(() => PushRecipients.ByChain(20, [10, 30], Units));
        Assert.Equal("Target.RecipientMustAttract", ex.Violation.Code);
    }

    [Fact]
    public void By_region_a_target_goes_to_that_regions_sub_bureaus_and_the_front_command_facing_it()
    {
        Assert.Equal([30, 40], PushRecipients.ByRegion(SourceRegionCode.PearlRiverDelta, Units));
        Assert.Equal([40, 41], PushRecipients.ByRegion(SourceRegionCode.YangtzeRiverDelta, Units));
        Assert.Equal([31, 40], PushRecipients.ByRegion(SourceRegionCode.Shandong, Units));
    }

    [Fact]
    public void Priority_regions_are_the_five_of_article_16()
    {
        var target = TargetEnterprise.Create(new TargetInput("甲", null, 1, null, SourceRegionCode.SichuanChongqing, 0, null), Bureau, Now);
        Assert.Equal(1, target.Priority);
        target.Update(new TargetInput("甲", null, 1, null, SourceRegionCode.OtherDomestic, 0, null), Now);
        Assert.Equal(2, target.Priority);
    }

    [Fact]
    public void A_push_moves_forward_with_notes_and_keeps_every_step()
    {
        var push = new TargetPush(1, 10, 3, PushReason.Chain, Bureau, Now.AddDays(-10));
        push.Record(TargetFollowUp.Contacted, "电话联系", Today.AddDays(-5), County, Now.AddDays(-5));
        push.Record(TargetFollowUp.Contacted, "再次联系", Today.AddDays(-3), County, Now.AddDays(-3));
        push.Record(TargetFollowUp.Visited, "上门拜访", Today, County, Now);
        Assert.Equal(TargetFollowUp.Visited, push.Status);
        Assert.Equal([TargetFollowUp.NotContacted, TargetFollowUp.Contacted, TargetFollowUp.Contacted, TargetFollowUp.Visited], push.History.Select(h => h.Status));
        Assert.All(push.History.Skip(1), h => Assert.Equal("shache", h.UserName));
    }

    [Theory]
    [InlineData(TargetFollowUp.NotContacted, "note", 0, "Target.StatusBackwards")]
    [InlineData(TargetFollowUp.BecameLead, "note", 0, "Target.LeadIsAutomatic")]
    [InlineData(TargetFollowUp.Visited, "note", 1, "Date.InFuture")]
    [InlineData(TargetFollowUp.Visited, " ", 0, "Target.NoteRequired")]
    public void Follow_up_that_breaks_a_rule_is_refused(TargetFollowUp status, string note, int daysAhead, string code)
    {
        var push = new TargetPush(1, 10, 3, PushReason.Chain, Bureau, Now.AddDays(-10));
        push.Record(TargetFollowUp.Contacted, "电话联系", Today.AddDays(-1), County, Now.AddDays(-1));
        Assert.Equal(code, push.CheckRecord(status, note, Today.AddDays(daysAhead), Today)?.Code);
        Assert.Throws<DomainRuleException>(() => push.Record(status, note, Today.AddDays(daysAhead), County, Now));
    }

    [Fact]
    public void Becoming_a_lead_links_the_project_and_closes_the_follow_up()
    {
        var push = new TargetPush(1, 10, 3, PushReason.Region, Bureau, Now.AddDays(-10));
        push.MarkBecameLead(77, new Actor("sub-prd", 30), Now);
        Assert.Equal((TargetFollowUp.BecameLead, 77), (push.Status, push.ProjectId));
        Assert.Equal("Target.AlreadyLead", push.CheckRecord(TargetFollowUp.Visited, "x", Today, Today)?.Code);
        push.MarkBecameLead(78, County, Now); // idempotent: the first lead stays
        Assert.Equal(77, push.ProjectId);
    }
}
