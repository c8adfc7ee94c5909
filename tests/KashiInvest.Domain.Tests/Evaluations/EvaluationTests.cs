using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Evaluations;

public class EvaluationTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly Actor County = new("shache", TestProjects.HostUnitId);
    private static readonly DateTime Now = TestProjects.Now;

    private static Project TieredInNegotiation() =>
        TestProjects.Create(ProjectStage.Negotiating, InvestorTier.Listed, TestProjects.Details(responsibleLeader: "王建国"));

    [Fact]
    public void A_pass_keeps_the_project_in_evaluation_for_the_county_to_sign()
    {
        var project = TieredInNegotiation();

        var evaluation = project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.Bureau, Bureau, Now);

        Assert.Equal(ProjectStage.Evaluation, project.Stage);
        Assert.Equal(TestProjects.Today, project.EvaluationPassedOn);
        Assert.Equal(EvaluationLevel.Prefecture, evaluation.Level);
        Assert.Equal(EvaluationRules.AllCriteria.Count, evaluation.Criteria.Count);
        Assert.Equal([1, 3, TestProjects.HostUnitId], evaluation.AttendingUnits);
        Assert.Contains(project.DomainEvents, e => e is EvaluationRecorded);
    }

    [Fact]
    public void A_fail_ends_negotiation_and_puts_the_project_in_the_reserve_library_with_the_reasons()
    {
        var project = TieredInNegotiation();

        project.RecordEvaluation(EvaluationTestData.Fail(), ActorRole.Bureau, Bureau, Now);

        Assert.Equal(ProjectStage.Reserve, project.Stage);
        Assert.Null(project.EvaluationPassedOn);
        Assert.Equal([ProjectStage.Evaluation, ProjectStage.Reserve], project.StageHistory.Skip(1).Select(h => h.To));
        Assert.Equal("用水指标无法保障", project.StageHistory[^1].Note);
    }

    [Fact]
    public void A_fail_needs_reasons()
    {
        var errors = EvaluationRules.Validate(EvaluationTestData.Fail(reasons: " "), TestProjects.Today);
        Assert.Equal(("Reasons", "Evaluation.FailReasonsRequired"), Rules.Pairs(errors).Single());
    }

    [Theory]
    [InlineData(EvaluationCriterion.ThreeHighScreen)]
    [InlineData(EvaluationCriterion.FinancialRiskScreen)]
    public void A_failed_screen_forbids_a_pass(EvaluationCriterion screen)
    {
        var input = EvaluationTestData.Pass(EvaluationTestData.AllJudged(Judgement.Good, (screen, Judgement.Unacceptable)));

        var errors = EvaluationRules.Validate(input, TestProjects.Today);

        var error = Assert.Single(errors);
        Assert.Equal(("Decision", "Evaluation.ScreenFailedCannotPass", (object)screen), (error.Field, error.Violation.Code, error.Violation.Args[0]));
        var project = TieredInNegotiation();
        Rules.Refused("Evaluation.ScreenFailedCannotPass", () => project.RecordEvaluation(input, ActorRole.Bureau, Bureau, Now));
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Empty(project.Evaluations);
    }

    [Fact]
    public void A_doubtful_criterion_that_is_not_a_screen_does_not_forbid_a_pass()
    {
        var input = EvaluationTestData.Pass(EvaluationTestData.AllJudged(Judgement.Good, (EvaluationCriterion.FactorGas, Judgement.Unacceptable)));
        Assert.Empty(EvaluationRules.Validate(input, TestProjects.Today));
    }

    [Fact]
    public void Every_criterion_must_be_judged_including_each_factor()
    {
        var criteria = EvaluationTestData.AllJudged().Where(c => c.Criterion != EvaluationCriterion.FactorPower)
            .Append(new CriterionJudgement(EvaluationCriterion.FactorPower, null, null)).ToList();

        var errors = EvaluationRules.Validate(EvaluationTestData.Pass(criteria), TestProjects.Today);

        Assert.Equal(("Criteria[FactorPower]", "Evaluation.CriterionNotJudged"), Rules.Pairs(errors).Single());
        Assert.Equal(13, EvaluationRules.AllCriteria.Count);
        Assert.Equal(5, EvaluationRules.AllCriteria.Count(c => c.IsFactor()));
    }

    [Fact]
    public void The_meeting_needs_a_date_not_in_the_future_attendees_and_a_decision()
    {
        var input = new EvaluationInput(TestProjects.Today.AddDays(1), [], " ", EvaluationTestData.AllJudged(), null, null);

        Assert.Equal(["HeldOn", "AttendingUnitIds", "Attendees", "Decision"], EvaluationRules.Validate(input, TestProjects.Today).Select(e => e.Field));
    }

    [Fact]
    public void Only_the_Bureau_records_the_evaluation_of_a_prefecture_coordinated_project()
    {
        var project = TieredInNegotiation();
        Rules.Refused("Evaluation.WrongRole", () => project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.AttractingUnit, County, Now));
        Rules.Refused("Evaluation.WrongRole", () => project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.Leader, new Actor("leader", 2), Now));
    }

    [Fact]
    public void A_county_records_its_own_evaluation_of_a_county_coordinated_project()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating, InvestorTier.None);

        var evaluation = project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.AttractingUnit, County, Now);

        Assert.Equal(EvaluationLevel.County, evaluation.Level);
        Assert.Equal(ProjectStage.Evaluation, project.Stage);
        Rules.Refused("Evaluation.WrongRole", () => TestProjects.Create(ProjectStage.Negotiating).RecordEvaluation(
            EvaluationTestData.Pass(), ActorRole.AttractingUnit, new Actor("shule", TestProjects.OtherHostUnitId), Now));
    }

    [Theory]
    [InlineData(ProjectStage.Lead)]
    [InlineData(ProjectStage.Triage)]
    [InlineData(ProjectStage.Evaluation)]
    [InlineData(ProjectStage.Signed)]
    [InlineData(ProjectStage.Reserve)]
    public void Only_a_project_in_negotiation_is_evaluated(ProjectStage stage)
    {
        var project = TestProjects.Create(stage, InvestorTier.Listed, TestProjects.Details(responsibleLeader: "王建国"));
        Rules.Refused("Evaluation.NotNegotiating", () => project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.Bureau, Bureau, Now));
    }

    [Fact]
    public void A_reserve_project_is_revived_with_a_reason_keeping_its_history_and_old_evaluation()
    {
        var project = TieredInNegotiation();
        project.RecordEvaluation(EvaluationTestData.Fail(), ActorRole.Bureau, Bureau, Now);

        Rules.Refused("Stage.RevivalReasonRequired", () => project.MoveTo(new StageTransition(ProjectStage.Negotiating), Bureau, Now));
        project.MoveTo(new StageTransition(ProjectStage.Negotiating, "企业调整方案，改用节水工艺"), Bureau, Now.AddDays(60));
        project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.Bureau, Bureau, Now.AddDays(61));

        Assert.Equal(ProjectStage.Evaluation, project.Stage);
        Assert.Equal([EvaluationDecision.Fail, EvaluationDecision.Pass], project.Evaluations.Select(e => e.Decision));
        Assert.Equal([ProjectStage.Negotiating, ProjectStage.Evaluation, ProjectStage.Reserve, ProjectStage.Negotiating, ProjectStage.Evaluation],
            project.StageHistory.Select(h => h.To));
        Assert.Equal("企业调整方案，改用节水工艺", project.StageHistory[3].Note);
    }

    [Fact]
    public void A_project_sent_to_reserve_after_a_pass_needs_a_new_pass_before_signing()
    {
        var project = TieredInNegotiation();
        project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.Bureau, Bureau, Now);
        project.MoveTo(new StageTransition(ProjectStage.Reserve, "企业暂缓投资"), Bureau, Now);
        project.MoveTo(new StageTransition(ProjectStage.Negotiating, "企业恢复投资计划"), Bureau, Now);

        Assert.Null(project.EvaluationPassedOn);
    }

    [Fact]
    public void The_evaluation_moves_of_a_prefecture_coordinated_project_cannot_be_made_as_bare_stage_changes()
    {
        var project = TieredInNegotiation();
        Assert.Equal("Stage.UseProcedure", ProjectLifecycle.CheckDirect(project, new StageTransition(ProjectStage.Evaluation), TestProjects.Today)?.Code);
    }
}
