using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Meetings;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>Lists a user grows from a form stop at their cap (a setting); over it the change is refused and nothing changes.</summary>
public class ListLimitsTests
{
    private static readonly ListLimits Small = new(ProblemsPerReport: 2, MilestonesPerProject: 2, AgendaItemsPerMeeting: 3, DecisionsPerMeeting: 2, ActionItemsPerMeeting: 2);

    private static IReadOnlyList<MilestoneInput> Milestones(int count) =>
        [.. Enumerable.Range(1, count).Select(i => TestProjects.Milestone($"节点{i}", TestProjects.Today.AddDays(i)))];

    [Fact]
    public void A_count_at_the_cap_passes_and_one_more_is_too_many()
    {
        Assert.Null(ListLimits.Check(3, 3));
        var violation = ListLimits.Check(4, 3);
        Assert.Equal(ListLimits.TooMany, violation!.Code);
        Assert.Equal([3], violation.Args);
    }

    [Fact]
    public void The_defaults_leave_room_for_real_work()
    {
        var d = ListLimits.Default;
        Assert.True(d.ProblemsPerReport >= 10 && d.MilestonesPerProject >= 30 && d.AgendaItemsPerMeeting >= 50 && d.DecisionsPerMeeting >= 100 && d.ActionItemsPerMeeting >= 100);
    }

    [Fact]
    public void A_project_form_with_more_milestones_than_the_cap_is_refused_on_the_milestone_list()
    {
        var errors = ProjectDetailsRules.Validate(TestProjects.Details(milestones: Milestones(3)), TestProjects.Today, Small);
        Assert.Equal([("Milestones", ListLimits.TooMany)], Rules.Pairs(errors));
        Assert.Empty(ProjectDetailsRules.Validate(TestProjects.Details(milestones: Milestones(2)), TestProjects.Today, Small));
    }

    [Fact]
    public void The_project_itself_refuses_too_many_milestones_on_create_and_on_update_and_stays_as_it_was()
    {
        Rules.Refused(ListLimits.TooMany, () => Project.Create("KS-2026-0042", TestProjects.Details(milestones: Milestones(3)), InvestorTier.None,
            TestProjects.SourceUnitId, TestProjects.Actor, TestProjects.Now, WorkGroupThresholds.Default, limits: Small));
        var project = Project.Create("KS-2026-0042", TestProjects.Details(milestones: Milestones(2)), InvestorTier.None,
            TestProjects.SourceUnitId, TestProjects.Actor, TestProjects.Now, WorkGroupThresholds.Default, limits: Small);

        Rules.Refused(ListLimits.TooMany, () => project.Update(TestProjects.Details(name: "改名", milestones: Milestones(3)), WorkGroupThresholds.Default, TestProjects.Now, Small));

        Assert.Equal(2, project.Milestones.Count);
        Assert.Equal(TestProjects.Details().Name, project.Name);
    }

    [Fact]
    public void The_project_itself_refuses_an_over_long_or_control_character_text_whoever_calls_it()
    {
        Rules.Refused(TextRules.TooLong, () => TestProjects.Create(details: TestProjects.Details(name: new string('项', ProjectDetailsRules.NameMaxLength + 1))));
        var project = TestProjects.Create();
        Rules.Refused(TextRules.ControlCharacters, () => project.Update(TestProjects.Details(leaderInCharge: "王\u0000"), WorkGroupThresholds.Default, TestProjects.Now));
        Assert.Null(project.LeaderInCharge);
    }

    [Fact]
    public void A_full_agenda_takes_no_further_item()
    {
        var meeting = MeetingTests.WithItems(); // three items
        Rules.Refused(ListLimits.TooMany, () => meeting.AddItem(AgendaItemKind.Custom, null, null, null, "其他事项", null, MeetingTests.Nine, limits: Small));
        Assert.Equal(3, meeting.Items.Count);
        meeting.AddItem(AgendaItemKind.Custom, null, null, null, "其他事项", null, MeetingTests.Nine);
        Assert.Equal(4, meeting.Items.Count);
    }

    [Fact]
    public void A_meeting_records_decisions_up_to_the_cap_and_refuses_the_next()
    {
        var meeting = MeetingTests.WithItems();
        meeting.Start(MeetingTests.Zhang, "张科长", MeetingTests.Nine);
        meeting.RecordDecision(11, "决定一", MeetingTests.Zhang, MeetingTests.Nine, Small);
        meeting.RecordDecision(11, "决定二", MeetingTests.Zhang, MeetingTests.Nine, Small);

        Assert.Equal([2], Rules.Refused(ListLimits.TooMany, () => meeting.RecordDecision(12, "决定三", MeetingTests.Zhang, MeetingTests.Nine, Small)).Args);
        Assert.Equal(["决定一", "决定二"], meeting.Decisions.Select(d => d.Text));
    }
}
