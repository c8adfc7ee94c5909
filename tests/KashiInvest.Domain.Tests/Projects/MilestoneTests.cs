using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Projects;

public class MilestoneTests
{
    private static readonly DateOnly Planned = new(2026, 11, 1);

    private static Milestone SingleMilestone(DateOnly planned, DateOnly? reached = null) =>
        Assert.Single(TestProjects.Create(ProjectStage.Signed,
            details: TestProjects.Details(milestones: [TestProjects.Milestone("取得建设用地", planned, reached)])).Milestones);

    [Theory]
    [InlineData("2026-10-20", 0)]   // before the planned date
    [InlineData("2026-11-01", 0)]   // on the planned date
    [InlineData("2026-11-02", 1)]
    [InlineData("2026-11-10", 9)]
    [InlineData("2026-12-01", 30)]
    [InlineData("2027-11-01", 365)]
    public void An_unreached_milestone_is_overdue_by_the_days_past_its_planned_date(string today, int expectedDays) =>
        Assert.Equal(expectedDays, SingleMilestone(Planned).DaysOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_reached_milestone_is_never_overdue()
    {
        var milestone = SingleMilestone(Planned, reached: new DateOnly(2026, 11, 5));

        Assert.True(milestone.IsReached);
        Assert.Equal(0, milestone.DaysOverdue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Milestones_keep_the_order_they_were_entered_in()
    {
        var project = TestProjects.Create(details: TestProjects.Details(milestones:
        [
            TestProjects.Milestone(" 签订投资协议 ", new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 2)),
            TestProjects.Milestone("取得施工许可", new DateOnly(2027, 3, 1)),
            TestProjects.Milestone("开工建设", new DateOnly(2027, 4, 15)),
        ]));

        Assert.Equal(["签订投资协议", "取得施工许可", "开工建设"], project.Milestones.Select(m => m.Name));
        Assert.Equal([0, 1, 2], project.Milestones.Select(m => m.Order));
        Assert.Equal(new DateOnly(2026, 11, 2), project.Milestones[0].ReachedOn);
        Assert.Equal(new DateOnly(2027, 4, 15), project.Milestones[2].PlannedOn);
    }

    [Fact]
    public void Updating_an_unsaved_project_replaces_its_new_milestones_instead_of_adding_them_again()
    {
        var plan = new[] { TestProjects.Milestone("签订投资协议", new DateOnly(2026, 12, 1)), TestProjects.Milestone("开工建设", new DateOnly(2027, 4, 15)) };
        var project = TestProjects.Create(details: TestProjects.Details(milestones: plan));

        project.Update(TestProjects.Details(milestones: [plan[1]]), WorkGroupThresholds.Default, TestProjects.Now);

        Assert.Equal(["开工建设"], project.Milestones.Select(m => m.Name));
    }

    [Fact]
    public void A_milestone_without_a_planned_date_is_refused_by_the_project()
    {
        Rules.Refused("Field.Required", () => TestProjects.Create(details: TestProjects.Details(milestones: [TestProjects.Milestone("开工", null)])));
    }
}
