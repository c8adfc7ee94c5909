using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Problems;

/// <summary>The ledger's history (台账记录) and events: every action leaves one line saying who, when and where the entry stood after it.</summary>
public class ProblemLedgerTests
{
    private const int Shache = 7, ShacheHousing = 9, TextileChainLead = 31, Bureau = 1;
    private static readonly DateTime Raised = TestProjects.Now;
    private static readonly DateOnly Due = new(2026, 11, 30);
    private static readonly Actor County = new("shache.investment", Shache);
    private static readonly Actor Housing = new("shache.housing", ShacheHousing);
    private static readonly Actor ChainLead = new("chain-textiles", TextileChainLead);
    private static readonly Actor BureauStaff = new("bureau.zhang", Bureau);

    private static Problem NewProblem(ProblemSeverity severity = ProblemSeverity.High) =>
        new(42, ProblemCategory.Approvals, null, "施工许可证办理滞后", severity, ownerUnitId: Shache, Due, County, Raised);

    private static (ProblemAction, string, int?, ProblemStatus, EscalationLevel, int, string?) Line(ProblemLogEntry h) =>
        (h.Action, h.UserName, h.UnitId, h.Status, h.Level, h.OwnerUnitId, h.Note);

    // --- History -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Raising_a_problem_writes_the_first_line()
    {
        var line = Assert.Single(NewProblem().History);

        Assert.Equal((ProblemAction.Raised, "shache.investment", (int?)Shache, ProblemStatus.New, EscalationLevel.County, Shache, (string?)null), Line(line));
        Assert.Equal(Raised, line.AtUtc);
    }

    [Fact]
    public void Every_action_leaves_a_line_with_its_actor_time_and_the_entry_as_it_stood_after_it()
    {
        var problem = NewProblem();

        problem.Start(County, Raised.AddDays(1));
        problem.Assign(ShacheHousing, null, "  转县住建局办理 ", County, Raised.AddDays(2));
        problem.Escalate("县级无法协调", TextileChainLead, null, Housing, Raised.AddDays(3));
        problem.Escalate("需地区层面协调", Bureau, Due.AddDays(10), ChainLead, Raised.AddDays(4));
        problem.Resolve("已取得施工许可证", BureauStaff, Raised.AddDays(5));
        problem.Reopen("企业反映许可证范围不全", County, Raised.AddDays(6));

        var expected = new (ProblemAction, string, int?, ProblemStatus, EscalationLevel, int, string?)[]
        {
            (ProblemAction.Raised, "shache.investment", Shache, ProblemStatus.New, EscalationLevel.County, Shache, null),
            (ProblemAction.Started, "shache.investment", Shache, ProblemStatus.InProgress, EscalationLevel.County, Shache, null),
            (ProblemAction.Assigned, "shache.investment", Shache, ProblemStatus.InProgress, EscalationLevel.County, ShacheHousing, "转县住建局办理"),
            (ProblemAction.Escalated, "shache.housing", ShacheHousing, ProblemStatus.Escalated, EscalationLevel.ChainLead, TextileChainLead, "县级无法协调"),
            (ProblemAction.Escalated, "chain-textiles", TextileChainLead, ProblemStatus.Escalated, EscalationLevel.Prefecture, Bureau, "需地区层面协调"),
            (ProblemAction.Resolved, "bureau.zhang", Bureau, ProblemStatus.Resolved, EscalationLevel.Prefecture, Bureau, "已取得施工许可证"),
            (ProblemAction.Reopened, "shache.investment", Shache, ProblemStatus.Escalated, EscalationLevel.Prefecture, Bureau, "企业反映许可证范围不全"),
        };
        Assert.Equal(expected, problem.History.Select(Line));
        Assert.Equal(Enumerable.Range(0, 7).Select(d => Raised.AddDays(d)), problem.History.Select(h => h.AtUtc));
        Assert.Equal(Raised.AddDays(6), problem.UpdatedAtUtc);
    }

    [Fact]
    public void A_line_by_the_system_has_no_unit()
    {
        var problem = NewProblem();

        problem.Escalate("逾期自动上报", TextileChainLead, null, Actor.System("escalation"), Raised.AddDays(20));

        Assert.Equal(("system:escalation", (int?)null), (problem.History[^1].UserName, problem.History[^1].UnitId));
    }

    [Fact]
    public void A_refused_action_leaves_no_line_and_no_event()
    {
        var problem = NewProblem();
        problem.TakeDomainEvents();

        Rules.Refused("Problem.NotResolved", () => problem.Reopen("原因", County, Raised));
        Rules.Refused("Problem.NothingChanged", () => problem.Assign(Shache, null, null, County, Raised));
        Rules.Refused("Problem.EscalationReasonRequired", () => problem.Escalate(" ", TextileChainLead, null, County, Raised));

        Assert.Single(problem.History);
        Assert.Empty(problem.DomainEvents);
    }

    // --- Escalation moves the owner -----------------------------------------------------------------------------------

    [Fact]
    public void Escalating_hands_the_entry_to_the_next_levels_unit_and_keeps_the_due_date_when_none_is_given()
    {
        var problem = NewProblem();

        problem.Escalate("县级无法协调用地指标", TextileChainLead, null, County, Raised.AddDays(1));

        Assert.Equal(TextileChainLead, problem.OwnerUnitId);
        Assert.Equal(EscalationLevel.ChainLead, problem.Level);
        Assert.Equal(ProblemStatus.Escalated, problem.Status);
        Assert.Equal(Due, problem.DueOn);
    }

    [Fact]
    public void Escalating_may_set_a_new_due_date()
    {
        var problem = NewProblem();

        problem.Escalate("县级无法协调用地指标", TextileChainLead, new DateOnly(2026, 12, 15), County, Raised.AddDays(1));

        Assert.Equal(new DateOnly(2026, 12, 15), problem.DueOn);
        Assert.False(problem.IsOverdue(new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void A_refused_escalation_keeps_the_owner()
    {
        var problem = NewProblem();
        problem.Escalate("需链主协调", TextileChainLead, null, County, Raised);
        problem.Escalate("需地区协调", Bureau, null, ChainLead, Raised);

        Rules.Refused("Problem.AlreadyAtPrefecture", () => problem.Escalate("再上报", 99, new DateOnly(2027, 1, 1), BureauStaff, Raised));

        Assert.Equal((Bureau, Due), (problem.OwnerUnitId, problem.DueOn));
    }

    // --- Assignment ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Assigning_hands_the_entry_to_another_unit_at_the_same_level()
    {
        var problem = NewProblem();

        problem.Assign(ShacheHousing, new DateOnly(2026, 12, 10), "住建局牵头", County, Raised.AddDays(1));

        Assert.Equal((ShacheHousing, new DateOnly(2026, 12, 10)), (problem.OwnerUnitId, problem.DueOn));
        Assert.Equal((EscalationLevel.County, ProblemStatus.New), (problem.Level, problem.Status));
    }

    [Fact]
    public void Assigning_only_a_new_due_date_is_a_change()
    {
        var problem = NewProblem();

        problem.Assign(Shache, Due.AddDays(7), "延期一周", County, Raised.AddDays(1));

        Assert.Equal(Due.AddDays(7), problem.DueOn);
        Assert.Equal(ProblemAction.Assigned, problem.History[^1].Action);
    }

    [Fact]
    public void Assigning_the_same_owner_and_due_date_is_refused_as_nothing_changed()
    {
        var problem = NewProblem();

        Rules.Refused("Problem.NothingChanged", () => problem.Assign(Shache, null, "同一单位", County, Raised));
        Rules.Refused("Problem.NothingChanged", () => problem.Assign(Shache, Due, "同一日期", County, Raised));

        Assert.Single(problem.History);
    }

    [Fact]
    public void A_resolved_problem_cannot_be_assigned()
    {
        var problem = NewProblem();
        problem.Resolve("已办结", County, Raised);

        Rules.Refused("Problem.Resolved", () => problem.Assign(ShacheHousing, null, null, County, Raised));

        Assert.Equal(Shache, problem.OwnerUnitId);
    }

    // --- Reopening -----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reopening_needs_a_reason(string reason)
    {
        var problem = NewProblem();
        problem.Resolve("已办结", County, Raised);

        Rules.Refused("Problem.ReopenReasonRequired", () => problem.Reopen(reason, County, Raised.AddDays(1)));

        Assert.Equal(ProblemStatus.Resolved, problem.Status);
        Assert.Equal("已办结", problem.Resolution);
        Assert.Equal(2, problem.History.Count);
    }

    [Fact]
    public void A_reopened_problem_keeps_its_owner_and_level()
    {
        var problem = NewProblem();
        problem.Escalate("需链主协调", TextileChainLead, null, County, Raised);
        problem.Resolve("已协调", ChainLead, Raised.AddDays(1));

        problem.Reopen("企业再次反映", County, Raised.AddDays(2));

        Assert.Equal((TextileChainLead, EscalationLevel.ChainLead), (problem.OwnerUnitId, problem.Level));
    }

    // --- Events --------------------------------------------------------------------------------------------------------

    [Fact]
    public void Raising_a_problem_raises_ProblemRaised()
    {
        var problem = NewProblem();

        Assert.Same(problem, Assert.IsType<ProblemRaised>(Assert.Single(problem.DomainEvents)).Problem);
    }

    [Fact]
    public void Each_action_raises_ProblemChanged_with_that_action()
    {
        var problem = NewProblem();
        problem.TakeDomainEvents();

        problem.Start(County, Raised);
        problem.Assign(ShacheHousing, null, null, County, Raised);
        problem.Escalate("需链主协调", TextileChainLead, null, County, Raised);
        problem.Resolve("已协调", ChainLead, Raised);
        problem.Reopen("企业再次反映", County, Raised);

        var changes = problem.DomainEvents.Select(e => Assert.IsType<ProblemChanged>(e)).ToList();
        Assert.Equal([ProblemAction.Started, ProblemAction.Assigned, ProblemAction.Escalated, ProblemAction.Resolved, ProblemAction.Reopened],
            changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Same(problem, c.Problem));
    }
}
