using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Projects;

public class ProjectTransitionGuardTests
{
    private static readonly StageTransition ToNegotiating = new(ProjectStage.Negotiating);

    public static TheoryData<InvestorTier> EveryTier()
    {
        var data = new TheoryData<InvestorTier>();
        foreach (var tier in InvestorTiers.All) data.Add(tier);
        data.Add(InvestorTier.China500 | InvestorTier.Unicorn);
        return data;
    }

    // --- Art. 19: responsible negotiation leader -------------------------------------------------------------

    [Theory]
    [MemberData(nameof(EveryTier))]
    public void A_prefecture_coordinated_project_cannot_start_negotiating_without_a_responsible_leader(InvestorTier tier)
    {
        var project = TestProjects.Create(ProjectStage.Triage, tier);
        Assert.Equal(CoordinationLevel.Prefecture, project.CoordinationLevel);

        Rules.Refused("Stage.ResponsibleLeaderRequired", () => project.MoveTo(ToNegotiating, TestProjects.Actor, TestProjects.Now));
        Assert.Equal(ProjectStage.Triage, project.Stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_responsible_leader_does_not_count(string? leader)
    {
        var project = TestProjects.Create(ProjectStage.Triage, InvestorTier.Listed, TestProjects.Details(responsibleLeader: leader));

        Assert.Equal("Stage.ResponsibleLeaderRequired", project.CheckTransition(ToNegotiating, TestProjects.Today)?.Code);
    }

    [Fact]
    public void A_prefecture_coordinated_project_with_a_responsible_leader_starts_negotiating()
    {
        var project = TestProjects.Create(ProjectStage.Triage, InvestorTier.Unicorn, TestProjects.Details(responsibleLeader: "王建国"));

        project.MoveTo(ToNegotiating, TestProjects.Actor, TestProjects.Now);

        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void A_revived_reserve_project_of_a_tiered_investor_also_needs_a_responsible_leader()
    {
        var project = TestProjects.Create(ProjectStage.Reserve, InvestorTier.Listed);

        Rules.Refused("Stage.ResponsibleLeaderRequired", () => project.MoveTo(ToNegotiating, TestProjects.Actor, TestProjects.Now));
    }

    [Fact]
    public void A_county_coordinated_project_starts_negotiating_without_a_responsible_leader()
    {
        var project = TestProjects.Create(ProjectStage.Triage, InvestorTier.None);
        Assert.Equal(CoordinationLevel.County, project.CoordinationLevel);

        project.MoveTo(ToNegotiating, TestProjects.Actor, TestProjects.Now);

        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void A_county_that_asks_for_prefecture_coordination_then_needs_a_responsible_leader()
    {
        var project = TestProjects.Create(ProjectStage.Triage, InvestorTier.None);

        project.SetCoordination(CoordinationLevel.Prefecture, TestProjects.Now);

        Assert.Equal("Stage.ResponsibleLeaderRequired", project.CheckTransition(ToNegotiating, TestProjects.Today)?.Code);
    }

    // --- Signing ---------------------------------------------------------------------------------------------

    [Fact]
    public void Signing_needs_a_signing_date()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);

        Rules.Refused("Stage.SigningDateRequired",
            () => project.MoveTo(new StageTransition(ProjectStage.Signed), TestProjects.Actor, TestProjects.Now));
        Assert.Null(project.SignedOn);
    }

    [Fact]
    public void Signing_records_the_signing_date()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);
        var signedOn = new DateOnly(2026, 11, 3);

        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: signedOn), TestProjects.Actor, TestProjects.Now);

        Assert.Equal(signedOn, project.SignedOn);
    }

    [Fact]
    public void Signing_cannot_be_dated_tomorrow()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);

        Rules.Refused("Stage.DateInFuture", () => project.MoveTo(
            new StageTransition(ProjectStage.Signed, Date: TestProjects.Today.AddDays(1)), TestProjects.Actor, TestProjects.Now));
        Assert.Equal(ProjectStage.Evaluation, project.Stage);
    }

    [Fact]
    public void Today_for_the_signing_date_is_the_Beijing_date_just_after_Beijing_midnight()
    {
        // 2026-11-15T16:30Z is 2026-11-16 00:30 in Beijing: signing on the 16th is not in the future.
        var project = TestProjects.Create(ProjectStage.Evaluation);
        var signedOn = new DateOnly(2026, 11, 16);

        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: signedOn),
            TestProjects.Actor, new DateTime(2026, 11, 15, 16, 30, 0, DateTimeKind.Utc));

        Assert.Equal(signedOn, project.SignedOn);
    }

    [Fact]
    public void Today_for_the_signing_date_is_the_Beijing_date_just_before_Beijing_midnight()
    {
        // 2026-11-15T15:59Z is 2026-11-15 23:59 in Beijing: the 16th is still tomorrow.
        var project = TestProjects.Create(ProjectStage.Evaluation);

        Rules.Refused("Stage.DateInFuture", () => project.MoveTo(new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 11, 16)),
            TestProjects.Actor, new DateTime(2026, 11, 15, 15, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Signing_a_3亿_project_makes_it_a_key_project()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation, details: TestProjects.Details(investmentWan: 30_000m, jobs: 50));

        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: TestProjects.Today), TestProjects.Actor, TestProjects.Now);

        Assert.True(project.IsKeyProject);
        Assert.Equal(WorkGroupLevel.KeyProject, project.WorkGroupLevel);
        Assert.True(project.Stage.IsSignedOrLater());
    }

    // --- Reserve ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_failed_evaluation_needs_a_note(string? note)
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);

        Rules.Refused("Stage.ReasonRequired",
            () => project.MoveTo(new StageTransition(ProjectStage.Reserve, Note: note), TestProjects.Actor, TestProjects.Now));
        Assert.Equal(ProjectStage.Evaluation, project.Stage);
    }

    [Fact]
    public void A_revived_reserve_project_has_no_termination_reason()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);
        project.MoveTo(new StageTransition(ProjectStage.Reserve, Note: "用水指标不足"), TestProjects.Actor, TestProjects.Now);

        project.MoveTo(new StageTransition(ProjectStage.Negotiating, Note: "水权交易落实"), TestProjects.Actor, TestProjects.Now.AddDays(40));

        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Null(project.TerminationReason);
        Assert.Equal([ProjectStage.Evaluation, ProjectStage.Reserve, ProjectStage.Negotiating], project.StageHistory.Select(c => c.To));
    }

    // --- Termination -----------------------------------------------------------------------------------------

    [Fact]
    public void Termination_needs_a_reason()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating);

        Rules.Refused("Stage.TerminationReasonRequired", () => project.MoveTo(
            new StageTransition(ProjectStage.Terminated, Note: "客商撤回"), TestProjects.Actor, TestProjects.Now));
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Termination_needs_a_note_as_well_as_a_reason(string? note)
    {
        var project = TestProjects.Create(ProjectStage.Lead);

        Rules.Refused("Stage.ReasonRequired", () => project.MoveTo(
            new StageTransition(ProjectStage.Terminated, Note: note, TerminationReason: TerminationReason.Duplicate),
            TestProjects.Actor, TestProjects.Now));
    }

    [Theory]
    [InlineData(ProjectStage.Lead)]
    [InlineData(ProjectStage.Triage)]
    [InlineData(ProjectStage.Negotiating)]
    [InlineData(ProjectStage.Reserve)]
    public void Termination_records_its_reason_on_the_project_and_in_the_history(ProjectStage from)
    {
        var project = TestProjects.Create(from);

        project.MoveTo(new StageTransition(ProjectStage.Terminated, Note: "三高项目，不予引进", TerminationReason: TerminationReason.ThreeHighScreen),
            TestProjects.Actor, TestProjects.Now);

        Assert.Equal(ProjectStage.Terminated, project.Stage);
        Assert.Equal(TerminationReason.ThreeHighScreen, project.TerminationReason);
        Assert.Equal(TerminationReason.ThreeHighScreen, project.StageHistory[^1].TerminationReason);
    }

    [Fact]
    public void A_terminated_project_cannot_be_edited()
    {
        var project = TestProjects.Create(ProjectStage.Terminated);

        Rules.Refused("Project.Terminated", () => project.Update(TestProjects.Details(name: "改名"), WorkGroupThresholds.Default, TestProjects.Now));
        Assert.Equal("莎车县棉纺织一体化项目", project.Name);
    }

    // --- History and events ----------------------------------------------------------------------------------

    [Fact]
    public void Stage_history_records_from_to_actor_time_and_trimmed_note()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating, nowUtc: TestProjects.Now.AddDays(-30));
        var bureau = new Actor("bureau.li", 1);
        var at = TestProjects.Now;

        project.MoveTo(new StageTransition(ProjectStage.Evaluation, Note: "  提交评估会  "), bureau, at);

        Assert.Equal(2, project.StageHistory.Count);
        var created = project.StageHistory[0];
        Assert.Null(created.From);
        Assert.Equal(ProjectStage.Negotiating, created.To);
        Assert.Equal(TestProjects.Actor.UserName, created.ChangedBy);

        var change = project.StageHistory[1];
        Assert.Equal(ProjectStage.Negotiating, change.From);
        Assert.Equal(ProjectStage.Evaluation, change.To);
        Assert.Equal("bureau.li", change.ChangedBy);
        Assert.Equal(1, change.ChangedByUnitId);
        Assert.Equal(at, change.AtUtc);
        Assert.Equal("提交评估会", change.Note);
        Assert.Null(change.TerminationReason);
        Assert.Equal(at, project.UpdatedAtUtc);
        Assert.Equal(at, project.LastActivityAtUtc);
    }

    [Fact]
    public void Moving_a_project_raises_ProjectStageChanged()
    {
        var project = TestProjects.Create(ProjectStage.Signed);
        project.TakeDomainEvents();

        project.MoveTo(new StageTransition(ProjectStage.Landing), TestProjects.Actor, TestProjects.Now);

        var changed = Assert.IsType<ProjectStageChanged>(Assert.Single(project.DomainEvents));
        Assert.Same(project, changed.Project);
        Assert.Equal(ProjectStage.Signed, changed.From);
        Assert.Equal(ProjectStage.Landing, changed.To);
    }

    [Fact]
    public void A_refused_transition_changes_nothing()
    {
        var created = TestProjects.Now.AddDays(-5);
        var project = TestProjects.Create(ProjectStage.Evaluation, nowUtc: created);
        project.TakeDomainEvents();

        Assert.Throws<DomainRuleException>(() => project.MoveTo(new StageTransition(ProjectStage.Signed), TestProjects.Actor, TestProjects.Now));

        Assert.Equal(ProjectStage.Evaluation, project.Stage);
        Assert.Single(project.StageHistory);
        Assert.Empty(project.DomainEvents);
        Assert.Equal(created, project.LastActivityAtUtc);
    }
}
