using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Commitments;

namespace KashiInvest.Web.Tests.Commitments;

/// <summary>
/// What a commitment's dialog shows: its history (actions with the status before and after, an edit's fields before and
/// after, a change of the project's leader beside the unchanged due date and status) and the buttons each role gets.
/// </summary>
public sealed class CommitmentHistoryTests
{
    private static readonly DateTime T0 = new(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc);
    private static readonly Actor County = new("shache", 7);
    private static readonly Actor Department = new("dept-industry", 30);
    private static readonly WorkingCalendar Calendar = new([]);
    private static readonly ProjectKey Project = new(42, 7, 3, 7);

    private static CommitmentInput Input(int responsibleUnitId = 30) => new(CommitmentKind.Subsidy, null, "喀地政发〔2026〕1号", null, "设备购置补贴", 120m, null,
        responsibleUnitId, 10, LimitUnit.NaturalDays, "发票", FairCompetitionConcern.None, null, [new CommitmentConditionInput(ConditionKind.FundsInPlace, 500m)]);

    private static Commitment Due()
    {
        var c = new Commitment(42, 7, Input(), County, T0);
        Assert.True(c.Evaluate(new CommitmentFacts(Money.FromWan(600m), false, null, new HashSet<int>()), Calendar, BeijingTime.DateOf(T0), County, T0));
        return c;
    }

    [Fact]
    public void A_change_of_the_projects_leader_shows_beside_the_due_date_and_status_it_left_unchanged()
    {
        var c = Due();
        var leaderChanged = new AuditEntry(T0.AddHours(1), "bureau", 1, nameof(Project), "42", AuditAction.Modified,
            """{"ResponsibleLeader":"张三","Version":3}""", """{"ResponsibleLeader":"李四","Version":4}""");
        var fundsOnly = new AuditEntry(T0.AddHours(2), "chain-textile", 20, nameof(Project), "42", AuditAction.Modified,
            """{"FundsInPlaceWan":600}""", """{"FundsInPlaceWan":700}""");
        c.Advance(CommitmentStep.ReceiveApplication, "已受理", Department, T0.AddHours(3));

        var lines = CommitmentDetailQuery.History(c, [], [leaderChanged, fundsOnly]);

        Assert.Equal([CommitmentAction.Recorded, CommitmentAction.ConditionMet, CommitmentAction.BecameDue, null, CommitmentAction.ApplicationReceived],
            lines.Select(l => l.Action).ToList());
        var leader = lines[3];
        Assert.True(leader.IsLeaderChange);
        Assert.Equal((CommitmentStatus.Due, CommitmentStatus.Due, c.DueOn), (leader.StatusBefore, leader.Status, leader.DueOn));
        Assert.NotNull(leader.DueOn);
        Assert.Equal([new FieldChange("ResponsibleLeader", "张三", "李四")], leader.Changes);
        Assert.Equal((CommitmentStatus.Due, CommitmentStatus.ApplicationReceived, "dept-industry"), (lines[4].StatusBefore, lines[4].Status, lines[4].UserName));
    }

    [Fact]
    public void An_edit_shows_the_fields_it_changed_before_and_after_without_the_version()
    {
        var c = new Commitment(42, 7, Input(), County, T0);
        c.Edit(Input(responsibleUnitId: 31), County, T0.AddMinutes(5));
        var audit = new AuditEntry(T0.AddMinutes(5).AddMilliseconds(3), "shache", 7, nameof(Commitment), "1", AuditAction.Modified,
            """{"ResponsibleUnitId":30,"UpdatedAtUtc":"2026-12-02T04:00:00","Version":0}""", """{"ResponsibleUnitId":31,"UpdatedAtUtc":"2026-12-02T04:05:00","Version":1}""");

        var edited = Assert.Single(CommitmentDetailQuery.History(c, [audit], []), l => l.Action == CommitmentAction.Edited);

        Assert.Equal([new FieldChange("ResponsibleUnitId", "30", "31")], edited.Changes);
        Assert.Equal((CommitmentStatus.NotYetDue, CommitmentStatus.NotYetDue, (DateOnly?)null), (edited.StatusBefore, edited.Status, edited.DueOn));
    }

    [Fact]
    public void The_department_steps_but_only_the_Bureau_closes_and_clears_and_nobody_edits_a_due_commitment()
    {
        var c = Due();
        var department = new UserScope("dept-industry", "工信局", ActorRole.Department, 30, [], []);
        var bureau = new UserScope("bureau", "招商局", ActorRole.Bureau, 1, [], []);
        var county = new UserScope("shache", "莎车县", ActorRole.AttractingUnit, 7, [], []);

        Assert.Equal([CommitmentStep.ReceiveApplication, CommitmentStep.Dispute], CommitmentRights.Of(department, Project, c).Steps);
        Assert.Equal([CommitmentStep.ReceiveApplication, CommitmentStep.Dispute, CommitmentStep.Terminate], CommitmentRights.Of(bureau, Project, c).Steps);
        Assert.False(CommitmentRights.Of(county, Project, c).Any);
        Assert.False(CommitmentRights.Of(bureau, Project, c).Edit);

        var waiting = new Commitment(42, 7, Input() with { Conditions = [new CommitmentConditionInput(ConditionKind.Jobs, 100m)] }, County, T0);
        var countyRights = CommitmentRights.Of(county, Project, waiting);
        Assert.True(countyRights.Edit && countyRights.ConfirmCondition);
        Assert.Empty(countyRights.Steps);
    }
}
