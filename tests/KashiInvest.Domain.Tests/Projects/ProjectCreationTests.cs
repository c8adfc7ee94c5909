using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Projects;

public class ProjectCreationTests
{
    [Fact]
    public void Creating_a_project_copies_the_details_and_trims_text()
    {
        var details = TestProjects.Details(
            name: "  伽师县新能源储能项目 ", description: "   ", responsibleLeader: " 王建国 ", leaderInCharge: "  ",
            plannedStartOn: new DateOnly(2027, 3, 1), plannedCompletionOn: new DateOnly(2028, 6, 30));

        var project = Project.Create(" KS-2026-0101 ", details, InvestorTier.Listed, 21, TestProjects.Actor, TestProjects.Now,
            WorkGroupThresholds.Default);

        Assert.Equal("KS-2026-0101", project.Code);
        Assert.Equal("伽师县新能源储能项目", project.Name);
        Assert.Null(project.Description);
        Assert.Equal("王建国", project.ResponsibleLeader);
        Assert.Null(project.LeaderInCharge);
        Assert.Equal(TestProjects.HostUnitId, project.HostUnitId);
        Assert.Equal(21, project.SourceUnitId);
        Assert.Equal(TestProjects.ChainId, project.ChainId);
        Assert.Equal(TestProjects.InvestorId, project.InvestorId);
        Assert.Equal(75_000m, project.PlannedInvestmentWan);
        Assert.Equal(7.5m, project.PlannedInvestment.Yi);
        Assert.Equal(600, project.ExpectedJobs);
        Assert.Equal(new DateOnly(2027, 3, 1), project.PlannedStartOn);
        Assert.Equal(new DateOnly(2028, 6, 30), project.PlannedCompletionOn);
        Assert.Equal(ProjectStage.Lead, project.Stage);
        Assert.Equal(TestProjects.Now, project.CreatedAtUtc);
        Assert.Equal(TestProjects.Now, project.LastActivityAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_project_needs_a_code(string code) =>
        Rules.Refused("Project.CodeRequired", () => Project.Create(code, TestProjects.Details(), InvestorTier.None, 21,
            TestProjects.Actor, TestProjects.Now, WorkGroupThresholds.Default));

    [Fact]
    public void Creating_a_project_starts_its_history_and_raises_ProjectCreated()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating);

        var first = Assert.Single(project.StageHistory);
        Assert.Null(first.From);
        Assert.Equal(ProjectStage.Negotiating, first.To);
        Assert.Equal(TestProjects.Now, first.AtUtc);
        var created = Assert.IsType<ProjectCreated>(Assert.Single(project.DomainEvents));
        Assert.Same(project, created.Project);
    }

    [Theory]
    [InlineData(InvestorTier.Global500)]
    [InlineData(InvestorTier.China500)]
    [InlineData(InvestorTier.Listed)]
    [InlineData(InvestorTier.LittleGiant)]
    [InlineData(InvestorTier.IndustryLeader)]
    [InlineData(InvestorTier.Unicorn)]
    [InlineData(InvestorTier.Listed | InvestorTier.IndustryLeader)]
    public void A_tiered_investor_makes_the_project_prefecture_coordinated(InvestorTier tiers) =>
        Assert.Equal(CoordinationLevel.Prefecture, TestProjects.Create(tiers: tiers).CoordinationLevel);

    [Fact]
    public void An_untiered_investor_leaves_the_project_to_its_county() =>
        Assert.Equal(CoordinationLevel.County, TestProjects.Create(tiers: InvestorTier.None).CoordinationLevel);

    [Theory]
    [InlineData(75_000, 600, WorkGroupLevel.KeyProject)]
    [InlineData(12_000, 100, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(3_000, 320, WorkGroupLevel.CountyWorkGroup)]
    [InlineData(3_000, 80, WorkGroupLevel.None)]
    public void Creating_a_project_derives_its_work_group_level(int wan, int jobs, WorkGroupLevel expected)
    {
        var project = TestProjects.Create(details: TestProjects.Details(investmentWan: wan, jobs: jobs));

        Assert.Equal(expected, project.WorkGroupLevel);
        Assert.Equal(expected == WorkGroupLevel.KeyProject, project.IsKeyProject);
    }

    [Fact]
    public void Updating_the_amount_re_derives_the_work_group_level()
    {
        var project = TestProjects.Create(details: TestProjects.Details(investmentWan: 8_000m, jobs: 100));
        Assert.Equal(WorkGroupLevel.None, project.WorkGroupLevel);

        project.Update(TestProjects.Details(investmentWan: 30_000m, jobs: 100), WorkGroupThresholds.Default, TestProjects.Now.AddDays(1));
        Assert.Equal(WorkGroupLevel.KeyProject, project.WorkGroupLevel);

        project.Update(TestProjects.Details(investmentWan: 9_000m, jobs: 300), WorkGroupThresholds.Default, TestProjects.Now.AddDays(2));
        Assert.Equal(WorkGroupLevel.CountyWorkGroup, project.WorkGroupLevel);
        Assert.Equal(TestProjects.Now.AddDays(2), project.LastActivityAtUtc);
    }

    [Fact]
    public void Updating_with_other_thresholds_uses_them()
    {
        var project = TestProjects.Create(details: TestProjects.Details(investmentWan: 30_000m, jobs: 0));

        project.Update(TestProjects.Details(investmentWan: 30_000m, jobs: 0),
            new WorkGroupThresholds(Money.FromYi(2), 300, Money.FromYi(5), 500), TestProjects.Now);

        Assert.Equal(WorkGroupLevel.CountyWorkGroup, project.WorkGroupLevel);
    }

    [Fact]
    public void Updating_keeps_the_coordination_level_and_raises_ProjectUpdated()
    {
        var project = TestProjects.Create(tiers: InvestorTier.Global500);
        project.TakeDomainEvents();

        project.Update(TestProjects.Details(name: "新名称"), WorkGroupThresholds.Default, TestProjects.Now);

        Assert.Equal(CoordinationLevel.Prefecture, project.CoordinationLevel);
        Assert.Equal("新名称", project.Name);
        Assert.IsType<ProjectUpdated>(Assert.Single(project.DomainEvents));
    }

    [Fact]
    public void Setting_the_same_coordination_level_again_does_nothing()
    {
        var project = TestProjects.Create(tiers: InvestorTier.None);
        project.TakeDomainEvents();

        project.SetCoordination(CoordinationLevel.County, TestProjects.Now.AddDays(1));
        Assert.Empty(project.DomainEvents);
        Assert.Equal(TestProjects.Now, project.UpdatedAtUtc);

        project.SetCoordination(CoordinationLevel.Prefecture, TestProjects.Now.AddDays(1));
        Assert.Equal(CoordinationLevel.Prefecture, project.CoordinationLevel);
        Assert.Single(project.DomainEvents);
    }

    [Fact]
    public void Touch_never_moves_the_last_activity_backwards()
    {
        var project = TestProjects.Create();

        project.Touch(TestProjects.Now.AddDays(-3));

        Assert.Equal(TestProjects.Now, project.LastActivityAtUtc);
        Assert.Equal(TestProjects.Now.AddDays(-3), project.UpdatedAtUtc);
    }

    [Fact]
    public void Battle_map_stages_are_negotiation_and_later_but_not_reserve_or_terminated()
    {
        var withMap = Enum.GetValues<ProjectStage>().Where(s => s.HasBattleMap());

        Assert.Equal(
            [ProjectStage.Negotiating, ProjectStage.Evaluation, ProjectStage.Signed, ProjectStage.Landing, ProjectStage.Construction, ProjectStage.Production],
            withMap);
    }
}
