using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;
using KashiInvest.Domain.Triage;

namespace KashiInvest.Domain.Tests.Triage;

public class TriageTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly Actor Leader = new("leader", 2);
    private static readonly Actor County = new("shache", TestProjects.HostUnitId);
    private static readonly Actor OtherCounty = new("shule", TestProjects.OtherHostUnitId);
    private static readonly DateTime Now = TestProjects.Now;

    private static readonly TriageInput Analysis = new("企业为行业龙头，投资意向明确，建议地区统筹洽谈。", TriageRecommendation.Pursue);
    private static readonly TriageInput Decision = new(null, null, "王建国", TestProjects.Today, "地区招商引资工作领导小组第5次会议");

    [Theory]
    [InlineData(InvestorTier.Global500)]
    [InlineData(InvestorTier.China500)]
    [InlineData(InvestorTier.Listed)]
    [InlineData(InvestorTier.LittleGiant)]
    [InlineData(InvestorTier.IndustryLeader)]
    [InlineData(InvestorTier.Unicorn)]
    public void A_tiered_lead_is_prefecture_coordinated_and_waits_on_the_Bureau_for_analysis(InvestorTier tier)
    {
        var project = TestProjects.Create(ProjectStage.Lead, tier);

        Assert.Equal(CoordinationLevel.Prefecture, project.CoordinationLevel);
        Assert.Equal(TriageWaitingOn.Bureau, project.TriageWaitingOn);
        Assert.Equal([TriageAction.Analyse], TriageRules.OpenActions(project.Stage, project.CoordinationLevel, project.TriageStatus));
    }

    [Fact]
    public void An_untiered_lead_is_county_coordinated_and_the_Bureau_routes_it()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.None);

        Assert.Equal(CoordinationLevel.County, project.CoordinationLevel);
        Assert.Equal([TriageAction.Route], TriageRules.OpenActions(project.Stage, project.CoordinationLevel, project.TriageStatus));
    }

    [Fact]
    public void A_tiered_lead_goes_analysis_then_leader_approval_then_leading_group_decision_into_negotiation()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.Listed);

        project.Triage(TriageAction.Analyse, ActorRole.Bureau, Analysis, Bureau, Now);
        Assert.Equal((ProjectStage.Triage, TriageStatus.Analysed, TriageWaitingOn.Leader), (project.Stage, project.TriageStatus, project.TriageWaitingOn));

        project.Triage(TriageAction.Approve, ActorRole.Leader, new TriageInput("同意"), Leader, Now.AddHours(1));
        Assert.Equal((ProjectStage.Triage, TriageStatus.Approved, TriageWaitingOn.LeadingGroup), (project.Stage, project.TriageStatus, project.TriageWaitingOn));

        project.Triage(TriageAction.Decide, ActorRole.Bureau, Decision, Bureau, Now.AddHours(2));
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Equal("王建国", project.ResponsibleLeader);
        Assert.Equal(TriageWaitingOn.Nobody, project.TriageWaitingOn);

        Assert.Equal([TriageAction.Analyse, TriageAction.Approve, TriageAction.Decide], project.TriageSteps.Select(s => s.Action));
        Assert.Equal(["bureau", "leader", "bureau"], project.TriageSteps.Select(s => s.By));
        Assert.Equal(TriageRecommendation.Pursue, project.TriageSteps[0].Recommendation);
        Assert.Equal(("地区招商引资工作领导小组第5次会议", TestProjects.Today), (project.TriageSteps[2].Meeting!, project.TriageSteps[2].DecidedOn!.Value));
        Assert.Equal([ProjectStage.Lead, ProjectStage.Triage, ProjectStage.Negotiating], project.StageHistory.Select(h => h.To));
    }

    [Fact]
    public void A_leader_returns_the_analysis_with_a_comment_and_the_Bureau_analyses_again()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.Unicorn);
        project.Triage(TriageAction.Analyse, ActorRole.Bureau, Analysis, Bureau, Now);

        Assert.Equal("Triage.CommentRequired", project.CheckTriage(TriageAction.Return, ActorRole.Leader, 2, new TriageInput("  "), TestProjects.Today)?.Code);
        project.Triage(TriageAction.Return, ActorRole.Leader, new TriageInput("请补充企业用水需求测算"), Leader, Now);

        Assert.Equal((TriageStatus.Returned, TriageWaitingOn.Bureau), (project.TriageStatus, project.TriageWaitingOn));
        Assert.Equal("Triage.OutOfOrder", project.CheckTriage(TriageAction.Decide, ActorRole.Bureau, 1, Decision, TestProjects.Today)?.Code);
        project.Triage(TriageAction.Analyse, ActorRole.Bureau, Analysis, Bureau, Now);
        Assert.Equal(TriageStatus.Analysed, project.TriageStatus);
        Assert.Equal(ProjectStage.Triage, project.Stage);
    }

    [Fact]
    public void Only_a_prefecture_leader_reviews_and_only_the_Bureau_analyses_and_records_the_decision()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.China500);

        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.Analyse, ActorRole.AttractingUnit, Analysis, County, Now));
        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.Analyse, ActorRole.Leader, Analysis, Leader, Now));
        project.Triage(TriageAction.Analyse, ActorRole.Bureau, Analysis, Bureau, Now);

        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.Approve, ActorRole.Bureau, new TriageInput(), Bureau, Now));
        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.Approve, ActorRole.AttractingUnit, new TriageInput(), County, Now));
        project.Triage(TriageAction.Approve, ActorRole.Leader, new TriageInput(), Leader, Now);

        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.Decide, ActorRole.Leader, Decision, Leader, Now));
        Assert.Equal(ProjectStage.Triage, project.Stage);
        Assert.Null(project.ResponsibleLeader);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_and_change_nothing()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.Listed);
        project.TakeDomainEvents();

        Rules.Refused("Triage.OutOfOrder", () => project.Triage(TriageAction.Approve, ActorRole.Leader, new TriageInput(), Leader, Now));
        Rules.Refused("Triage.OutOfOrder", () => project.Triage(TriageAction.Decide, ActorRole.Bureau, Decision, Bureau, Now));
        Rules.Refused("Triage.OutOfOrder", () => project.Triage(TriageAction.Route, ActorRole.Bureau, new TriageInput(), Bureau, Now));

        Assert.Equal((ProjectStage.Lead, TriageStatus.New), (project.Stage, project.TriageStatus));
        Assert.Empty(project.TriageSteps);
        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void An_analysis_needs_its_text_and_recommendation_and_a_decision_its_leader_date_and_meeting()
    {
        Assert.Equal(["Text", "Recommendation"], TriageRules.Validate(TriageAction.Analyse, new TriageInput(), TestProjects.Today).Select(v => v.Field));
        Assert.Equal(["ResponsibleLeader", "DecidedOn", "Meeting"], TriageRules.Validate(TriageAction.Decide, new TriageInput(), TestProjects.Today).Select(v => v.Field));
        var future = TriageRules.Validate(TriageAction.Decide, Decision with { DecidedOn = TestProjects.Today.AddDays(1) }, TestProjects.Today);
        Assert.Equal("Triage.DecisionDateInFuture", Assert.Single(future).Violation.Code);
    }

    [Fact]
    public void A_routed_lead_is_followed_up_by_its_own_county_which_starts_negotiating()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.None);

        project.Triage(TriageAction.Route, ActorRole.Bureau, new TriageInput("转莎车县跟进"), Bureau, Now);
        Assert.Equal((ProjectStage.Triage, TriageStatus.RoutedToCounty, TriageWaitingOn.County), (project.Stage, project.TriageStatus, project.TriageWaitingOn));

        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.StartCountyNegotiation, ActorRole.AttractingUnit, new TriageInput(), OtherCounty, Now));
        Rules.Refused("Triage.WrongRole", () => project.Triage(TriageAction.StartCountyNegotiation, ActorRole.Bureau, new TriageInput(), Bureau, Now));
        project.Triage(TriageAction.StartCountyNegotiation, ActorRole.AttractingUnit, new TriageInput("已与企业对接"), County, Now);

        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Equal(CoordinationLevel.County, project.CoordinationLevel);
        Assert.Null(project.ResponsibleLeader);
    }

    [Fact]
    public void A_county_asking_for_prefecture_coordination_gives_a_reason_and_the_tiered_path_then_applies()
    {
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.None);
        project.Triage(TriageAction.Route, ActorRole.Bureau, new TriageInput(), Bureau, Now);

        Rules.Refused("Triage.ReasonRequired", () => project.Triage(TriageAction.RequestPrefecture, ActorRole.AttractingUnit, new TriageInput(), County, Now));
        project.Triage(TriageAction.RequestPrefecture, ActorRole.AttractingUnit, new TriageInput("用地指标需地区协调"), County, Now);

        Assert.Equal(CoordinationLevel.Prefecture, project.CoordinationLevel);
        Assert.Equal(TriageWaitingOn.Bureau, project.TriageWaitingOn);
        Rules.Refused("Triage.OutOfOrder", () => project.Triage(TriageAction.StartCountyNegotiation, ActorRole.AttractingUnit, new TriageInput(), County, Now));
        project.Triage(TriageAction.Analyse, ActorRole.Bureau, Analysis, Bureau, Now);
        project.Triage(TriageAction.Approve, ActorRole.Leader, new TriageInput(), Leader, Now);
        project.Triage(TriageAction.Decide, ActorRole.Bureau, Decision, Bureau, Now);
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void The_triage_moves_of_a_prefecture_coordinated_project_cannot_be_made_as_bare_stage_changes()
    {
        var tiered = TestProjects.Create(ProjectStage.Lead, InvestorTier.Listed);
        var plain = TestProjects.Create(ProjectStage.Lead, InvestorTier.None);

        var refused = ProjectLifecycle.CheckDirect(tiered, new StageTransition(ProjectStage.Triage), TestProjects.Today);
        Assert.Equal(("Stage.UseProcedure", (object)LifecycleProcedure.Triage), (refused?.Code, refused?.Args[0]));
        Assert.Null(ProjectLifecycle.CheckDirect(plain, new StageTransition(ProjectStage.Triage), TestProjects.Today));
        Assert.Null(ProjectLifecycle.CheckDirect(tiered, new StageTransition(ProjectStage.Terminated, "重复录入", TerminationReason.Duplicate), TestProjects.Today));
    }
}
