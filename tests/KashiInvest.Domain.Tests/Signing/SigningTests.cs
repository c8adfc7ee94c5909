using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Tests.Evaluations;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Signing;

public class SigningTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly Actor County = new("shache", TestProjects.HostUnitId);
    private static readonly DateTime Now = TestProjects.Now;

    private static AgreementInput Agreement(decimal amountWan = 75_000m, int jobs = 600, DateOnly? on = null) =>
        new(on ?? TestProjects.Today, amountWan, jobs, 20, "SC-2026-018");

    private static Project PassedTiered()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating, InvestorTier.Listed, TestProjects.Details(responsibleLeader: "王建国"));
        project.RecordEvaluation(EvaluationTestData.Pass(), ActorRole.Bureau, Bureau, Now);
        return project;
    }

    [Fact]
    public void A_prefecture_coordinated_project_cannot_be_signed_without_a_passed_evaluation()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation, InvestorTier.Listed, TestProjects.Details(responsibleLeader: "王建国"));

        Rules.Refused("Stage.PassedEvaluationRequired", () => project.Sign(Agreement(), ActorRole.AttractingUnit, County, Now, WorkGroupThresholds.Default));
        Assert.Equal(ProjectStage.Evaluation, project.Stage);
        Assert.Null(project.SignedOn);
    }

    [Fact]
    public void Signing_records_the_agreement_and_takes_its_amount_and_jobs()
    {
        var project = PassedTiered();

        project.Sign(new AgreementInput(TestProjects.Today.AddDays(-2), 12_000m, 120, 15, " SC-2026-018 "), ActorRole.AttractingUnit, County, Now, WorkGroupThresholds.Default);

        Assert.Equal(ProjectStage.Signed, project.Stage);
        Assert.Equal(TestProjects.Today.AddDays(-2), project.SignedOn);
        Assert.Equal((12_000m, 120, 15, "SC-2026-018"), (project.PlannedInvestmentWan, project.ExpectedJobs, project.AgreementTermYears!.Value, project.AgreementNumber!));
        Assert.Equal(WorkGroupLevel.CountyWorkGroup, project.WorkGroupLevel);
        Assert.Equal("shache", project.AgreementRecordedBy);
    }

    [Fact]
    public void Signing_is_refused_for_another_county_and_for_a_future_date()
    {
        Rules.Refused("Signing.WrongRole", () => PassedTiered().Sign(Agreement(), ActorRole.AttractingUnit, new Actor("shule", TestProjects.OtherHostUnitId), Now, WorkGroupThresholds.Default));
        Rules.Refused("Stage.DateInFuture", () => PassedTiered().Sign(Agreement(on: TestProjects.Today.AddDays(1)), ActorRole.AttractingUnit, County, Now, WorkGroupThresholds.Default));
    }

    [Fact]
    public void The_agreement_needs_a_positive_amount_jobs_and_a_term()
    {
        var errors = SigningRules.Validate(new AgreementInput(null, 0m, -1, 0, null), TestProjects.Today);
        Assert.Equal([("SignedOn", "Stage.SigningDateRequired"), ("AmountWan", "Money.MustBePositive"), ("Jobs", "Number.MustNotBeNegative"), ("TermYears", "Signing.TermOutOfRange")],
            Rules.Pairs(errors));
    }

    [Fact]
    public void Signing_is_a_bare_stage_change_nowhere()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);
        Assert.Equal("Stage.UseProcedure", ProjectLifecycle.CheckDirect(project, new StageTransition(ProjectStage.Signed, Date: TestProjects.Today), TestProjects.Today)?.Code);
    }

    // --- Art. 22 thresholds at and around each boundary ---------------------------------------------------------

    [Theory]
    [InlineData(9_999.9999, 0, WorkGroupLevel.None)]
    [InlineData(10_000, 0, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(10_000.0001, 0, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(29_999.9999, 0, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(30_000, 0, WorkGroupLevel.KeyProject)]
    [InlineData(30_000.0001, 0, WorkGroupLevel.KeyProject)]
    [InlineData(100, 299, WorkGroupLevel.None)]
    [InlineData(100, 300, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(100, 301, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(100, 499, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(100, 500, WorkGroupLevel.KeyProject)]
    [InlineData(100, 501, WorkGroupLevel.KeyProject)]
    [InlineData(9_999, 499, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(29_999, 299, WorkGroupLevel.CountyWorkGroup)]
    public void Signing_sets_the_work_group_level_from_the_agreement(double amountWan, int jobs, WorkGroupLevel expected)
    {
        var project = PassedTiered();

        project.Sign(Agreement((decimal)amountWan, jobs), ActorRole.AttractingUnit, County, Now, WorkGroupThresholds.Default);

        Assert.Equal(expected, project.WorkGroupLevel);
        Assert.Equal(expected == WorkGroupLevel.KeyProject, project.IsKeyProject);
        // The fortnightly reporting duty follows from the key-project level and the signing date alone.
        Assert.Equal(expected == WorkGroupLevel.KeyProject, FortnightlyObligations.Applies(project.Stage, project.IsKeyProject, project.SignedOn));
        Assert.Equal(expected != WorkGroupLevel.None, project.WorkGroupMissing.Count > 0);
    }

    [Fact]
    public void A_signed_key_project_owes_its_first_fortnightly_report_from_the_signing_period()
    {
        var project = PassedTiered();
        project.Sign(Agreement(30_000m, 0, new DateOnly(2026, 11, 2)), ActorRole.AttractingUnit, County, Now, WorkGroupThresholds.Default);

        var owed = FortnightlyObligations.For(project.Stage, project.IsKeyProject, project.SignedOn, [], Now, 3);

        Assert.Equal(HalfMonthPeriod.Containing(new DateOnly(2026, 11, 2)), Assert.Single(owed).Period);
    }

    // --- Work-group composition -------------------------------------------------------------------------------

    private static Project Signed(decimal amountWan, int jobs)
    {
        var project = PassedTiered();
        project.Sign(Agreement(amountWan, jobs), ActorRole.AttractingUnit, County, Now, WorkGroupThresholds.Default);
        return project;
    }

    [Fact]
    public void An_empty_county_work_group_lacks_a_leader_departments_and_a_lead_service_unit()
    {
        var project = Signed(10_000m, 0);
        Assert.Equal(["WorkGroup.LeaderMissing", "WorkGroup.DepartmentsTooFew", "WorkGroup.LeadServiceUnitMissing"], project.WorkGroupMissing.Select(v => v.Code));
    }

    [Theory]
    [InlineData(1, "WorkGroup.DepartmentsTooFew")]
    [InlineData(2, null)]
    [InlineData(3, null)]
    [InlineData(4, "WorkGroup.DepartmentsTooMany")]
    public void A_work_group_has_two_or_three_departments(int departments, string? expected)
    {
        var group = new WorkGroupComposition("李强", false, Enumerable.Range(100, departments).ToArray(), 200);
        Assert.Equal(expected, WorkGroupRules.Missing(WorkGroupLevel.CountyWorkGroup, group).SingleOrDefault()?.Code);
    }

    [Fact]
    public void A_key_project_work_group_is_headed_by_the_county_principal_leader()
    {
        var group = new WorkGroupComposition("李强", false, [100, 101], 200);
        Assert.Equal("WorkGroup.PrincipalLeaderRequired", WorkGroupRules.Missing(WorkGroupLevel.KeyProject, group).Single().Code);
        Assert.Empty(WorkGroupRules.Missing(WorkGroupLevel.CountyWorkGroup, group));
        Assert.Empty(WorkGroupRules.Missing(WorkGroupLevel.KeyProject, group with { LeaderIsPrincipal = true }));
        Assert.Empty(WorkGroupRules.Missing(WorkGroupLevel.None, new WorkGroupComposition(null, false, [], null)));
    }

    [Fact]
    public void Filling_the_work_group_makes_it_complete_and_an_incomplete_one_is_refused()
    {
        var project = Signed(75_000m, 600);

        Rules.Refused("WorkGroup.PrincipalLeaderRequired", () => project.SetWorkGroup(new WorkGroupInput("李强", false, [100, 101], 200), ActorRole.AttractingUnit, County, Now));
        project.SetWorkGroup(new WorkGroupInput("县委书记 艾买提", true, [100, 101, 102], 200), ActorRole.AttractingUnit, County, Now);
        Assert.Empty(project.WorkGroupMissing);

        project.SetWorkGroup(new WorkGroupInput("县委书记 艾买提", true, [101, 103], 200), ActorRole.AttractingUnit, County, Now);
        Assert.Equal([101, 103], project.WorkGroup.DepartmentIds.Order());
    }

    [Fact]
    public void A_project_below_both_thresholds_needs_no_work_group_and_an_unsigned_one_cannot_have_one()
    {
        Rules.Refused("WorkGroup.NotRequired", () => Signed(5_000m, 100).SetWorkGroup(new WorkGroupInput("李强", false, [1, 2], 3), ActorRole.AttractingUnit, County, Now));
        Rules.Refused("WorkGroup.NotSigned", () => PassedTiered().SetWorkGroup(new WorkGroupInput("李强", false, [1, 2], 3), ActorRole.AttractingUnit, County, Now));
    }
}
