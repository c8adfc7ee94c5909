using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Projects;

public class ProjectLifecycleTests
{
    private static readonly ProjectStage[] AllStages = Enum.GetValues<ProjectStage>();

    /// <summary>The life-cycle diagram of the domain guide, written out independently of the code.</summary>
    private static readonly (ProjectStage From, ProjectStage To)[] GuideTransitions =
    [
        (ProjectStage.Lead, ProjectStage.Triage),
        (ProjectStage.Lead, ProjectStage.Terminated),
        (ProjectStage.Triage, ProjectStage.Negotiating),
        (ProjectStage.Triage, ProjectStage.Terminated),
        (ProjectStage.Negotiating, ProjectStage.Evaluation),
        (ProjectStage.Negotiating, ProjectStage.Terminated),
        (ProjectStage.Evaluation, ProjectStage.Signed),
        (ProjectStage.Evaluation, ProjectStage.Reserve),
        (ProjectStage.Signed, ProjectStage.Landing),
        (ProjectStage.Landing, ProjectStage.Construction),
        (ProjectStage.Construction, ProjectStage.Production),
        (ProjectStage.Reserve, ProjectStage.Negotiating),
        (ProjectStage.Reserve, ProjectStage.Terminated),
    ];

    public static TheoryData<ProjectStage, ProjectStage> AllowedTransitions()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        foreach (var from in AllStages)
            foreach (var to in ProjectLifecycle.NextStages(from))
                data.Add(from, to);
        return data;
    }

    public static TheoryData<ProjectStage, ProjectStage> RefusedTransitions()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        foreach (var from in AllStages)
            foreach (var to in AllStages)
                if (!ProjectLifecycle.NextStages(from).Contains(to))
                    data.Add(from, to);
        return data;
    }

    [Fact]
    public void The_allowed_transitions_are_exactly_those_of_the_domain_guide()
    {
        var fromCode = AllStages.SelectMany(from => ProjectLifecycle.NextStages(from).Select(to => (from, to))).ToHashSet();

        Assert.Equal(GuideTransitions.ToHashSet(), fromCode);
        Assert.Equal(13, fromCode.Count);
        Assert.Equal(100 - 13, RefusedTransitions().Count());
    }

    [Fact]
    public void Production_and_Terminated_are_final()
    {
        Assert.Empty(ProjectLifecycle.NextStages(ProjectStage.Production));
        Assert.Empty(ProjectLifecycle.NextStages(ProjectStage.Terminated));
        Assert.True(ProjectStage.Production.IsFinal());
        Assert.True(ProjectStage.Terminated.IsFinal());
        Assert.False(ProjectStage.Reserve.IsFinal());
    }

    [Fact]
    public void The_main_line_runs_from_lead_to_production_one_allowed_step_at_a_time()
    {
        Assert.Equal(ProjectStage.Lead, ProjectLifecycle.MainLine[0]);
        Assert.Equal(ProjectStage.Production, ProjectLifecycle.MainLine[^1]);
        Assert.Equal(8, ProjectLifecycle.MainLine.Count);
        for (var i = 1; i < ProjectLifecycle.MainLine.Count; i++)
            Assert.True(ProjectLifecycle.IsAllowed(ProjectLifecycle.MainLine[i - 1], ProjectLifecycle.MainLine[i]));
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Every_allowed_transition_succeeds_when_it_has_what_it_needs(ProjectStage from, ProjectStage to)
    {
        // Prefecture-coordinated with a responsible leader, so even the Art. 19 guard is satisfied. Signing a
        // prefecture-coordinated project also needs a passed evaluation (Art. 20; EvaluationTests), so that one step is
        // taken by a county-coordinated project.
        var tiers = to == ProjectStage.Signed ? InvestorTier.None : InvestorTier.Listed;
        var project = TestProjects.Create(from, tiers, TestProjects.Details(responsibleLeader: "艾力·买买提"));
        project.TakeDomainEvents();
        var transition = TestProjects.CompleteTransitionTo(to);
        var later = TestProjects.Now.AddHours(1);

        Assert.Null(project.CheckTransition(transition, TestProjects.Today));
        project.MoveTo(transition, TestProjects.Actor, later);

        Assert.Equal(to, project.Stage);
        Assert.Equal(to == ProjectStage.Terminated ? TerminationReason.InvestorWithdrew : null, project.TerminationReason);
        Assert.Equal(to == ProjectStage.Signed ? TestProjects.Today : null, project.SignedOn);
        var changed = Assert.IsType<ProjectStageChanged>(Assert.Single(project.DomainEvents));
        Assert.Equal((from, to), (changed.From, changed.To));
        var change = project.StageHistory[^1];
        Assert.Equal(2, project.StageHistory.Count);
        Assert.Equal(from, change.From);
        Assert.Equal(to, change.To);
        Assert.Equal(later, change.AtUtc);
        Assert.Equal(later, project.LastActivityAtUtc);
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Every_transition_not_listed_is_refused(ProjectStage from, ProjectStage to)
    {
        var project = TestProjects.Create(from, InvestorTier.Listed, TestProjects.Details(responsibleLeader: "艾力·买买提"));
        project.TakeDomainEvents();

        var violation = Rules.Refused("Stage.TransitionNotAllowed",
            () => project.MoveTo(TestProjects.CompleteTransitionTo(to), TestProjects.Actor, TestProjects.Now));

        Assert.Equal(new object[] { from, to }, violation.Args);
        Assert.Equal(from, project.Stage);
        Assert.Single(project.StageHistory);
        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void A_project_cannot_skip_evaluation()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating);

        var violation = project.CheckTransition(new StageTransition(ProjectStage.Signed, Date: TestProjects.Today), TestProjects.Today);

        Assert.NotNull(violation);
        Assert.Equal("Stage.TransitionNotAllowed", violation.Code);
    }

    [Fact]
    public void A_project_can_walk_the_whole_main_line_to_production()
    {
        // A tiered lead walks it through its procedures: triage (Art. 19), evaluation (Art. 20), signing (Art. 22).
        var project = TestProjects.Create(ProjectStage.Lead, InvestorTier.Global500);
        var bureau = new KashiInvest.Domain.Common.Actor("bureau", 1);
        project.Triage(KashiInvest.Domain.Triage.TriageAction.Analyse, KashiInvest.Domain.Access.ActorRole.Bureau,
            new("世界500强企业，建议地区统筹", KashiInvest.Domain.Triage.TriageRecommendation.Pursue), bureau, TestProjects.Now);
        project.Triage(KashiInvest.Domain.Triage.TriageAction.Approve, KashiInvest.Domain.Access.ActorRole.Leader, new(), new("leader", 2), TestProjects.Now);
        project.Triage(KashiInvest.Domain.Triage.TriageAction.Decide, KashiInvest.Domain.Access.ActorRole.Bureau,
            new(null, null, "地区副专员 王建国", TestProjects.Today, "领导小组会议"), bureau, TestProjects.Now);
        project.RecordEvaluation(Evaluations.EvaluationTestData.Pass(), KashiInvest.Domain.Access.ActorRole.Bureau, bureau, TestProjects.Now);
        project.Sign(new AgreementInput(TestProjects.Today, 75_000m, 600, 20, null), KashiInvest.Domain.Access.ActorRole.AttractingUnit,
            TestProjects.Actor, TestProjects.Now, WorkGroupThresholds.Default);
        foreach (var stage in ProjectLifecycle.MainLine.SkipWhile(s => s != ProjectStage.Landing))
            project.MoveTo(TestProjects.CompleteTransitionTo(stage), TestProjects.Actor, TestProjects.Now);

        Assert.Equal(ProjectStage.Production, project.Stage);
        Assert.Equal(ProjectLifecycle.MainLine, project.StageHistory.Select(c => c.To));
        Assert.Equal(TestProjects.Today, project.SignedOn);
    }
}
