using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Problems;

public class ProblemTests
{
    private static readonly DateTime Raised = TestProjects.Now;
    private static readonly DateOnly Due = new(2026, 11, 30);

    private static Problem NewProblem(ProblemCategory category = ProblemCategory.Approvals, FactorKind? factor = null) =>
        new(42, category, factor, "  施工许可证办理滞后 ", ProblemSeverity.High, ownerUnitId: 7, Due, TestProjects.Actor, Raised);

    [Fact]
    public void A_new_problem_starts_at_the_county_and_open()
    {
        var problem = NewProblem();

        Assert.Equal("施工许可证办理滞后", problem.Description);
        Assert.Equal(ProblemStatus.New, problem.Status);
        Assert.Equal(EscalationLevel.County, problem.Level);
        Assert.True(problem.IsOpen);
        Assert.Equal(TestProjects.Actor.UserName, problem.RaisedBy);
        Assert.Equal(TestProjects.Actor.UnitId, problem.RaisedByUnitId);
        Assert.Equal(Raised, problem.RaisedAtUtc);
        Assert.Null(problem.Factor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_problem_needs_a_description(string description) =>
        Rules.Refused("Problem.DescriptionRequired", () => _ = new Problem(42, ProblemCategory.Other, null, description,
            ProblemSeverity.Low, 7, Due, TestProjects.Actor, Raised));

    [Fact]
    public void A_factor_supply_problem_needs_its_factor() =>
        Rules.Refused("Problem.FactorRequired", () => NewProblem(ProblemCategory.FactorSupply, factor: null));

    [Fact]
    public void A_factor_supply_problem_keeps_its_factor_and_other_problems_drop_it()
    {
        Assert.Equal(FactorKind.Water, NewProblem(ProblemCategory.FactorSupply, FactorKind.Water).Factor);
        Assert.Null(NewProblem(ProblemCategory.Financing, FactorKind.Power).Factor);
    }

    [Fact]
    public void Escalation_goes_county_then_chain_lead_then_prefecture_and_stops_there()
    {
        var problem = NewProblem();

        problem.Escalate("县级无法协调用地指标", 8, null, TestProjects.Actor, Raised.AddDays(3));
        Assert.Equal(EscalationLevel.ChainLead, problem.Level);
        Assert.Equal(ProblemStatus.Escalated, problem.Status);

        problem.Escalate("需地区层面协调", 8, null, TestProjects.Actor, Raised.AddDays(6));
        Assert.Equal(EscalationLevel.Prefecture, problem.Level);
        Assert.Equal(Raised.AddDays(6), problem.UpdatedAtUtc);

        Rules.Refused("Problem.AlreadyAtPrefecture", () => problem.Escalate("再上报", 8, null, TestProjects.Actor, Raised.AddDays(9)));
        Assert.Equal(EscalationLevel.Prefecture, problem.Level);
        Assert.Equal(Raised.AddDays(6), problem.UpdatedAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Escalation_needs_a_reason(string reason)
    {
        var problem = NewProblem();

        Rules.Refused("Problem.EscalationReasonRequired", () => problem.Escalate(reason, 8, null, TestProjects.Actor, Raised));
        Assert.Equal(EscalationLevel.County, problem.Level);
    }

    [Fact]
    public void A_resolved_problem_cannot_be_escalated()
    {
        var problem = NewProblem();
        problem.Resolve("已办结", TestProjects.Actor, Raised.AddDays(1));

        Rules.Refused("Problem.Resolved", () => problem.Escalate("原因", 8, null, TestProjects.Actor, Raised.AddDays(2)));
    }

    [Fact]
    public void Starting_work_is_only_possible_on_a_new_problem()
    {
        var problem = NewProblem();

        problem.Start(TestProjects.Actor, Raised.AddDays(1));
        Assert.Equal(ProblemStatus.InProgress, problem.Status);

        Rules.Refused("Problem.NotNew", () => problem.Start(TestProjects.Actor, Raised.AddDays(2)));
    }

    [Fact]
    public void Resolving_records_the_trimmed_resolution_and_time()
    {
        var problem = NewProblem();
        var at = Raised.AddDays(5);

        problem.Resolve("  已取得施工许可证 ", TestProjects.Actor, at);

        Assert.Equal(ProblemStatus.Resolved, problem.Status);
        Assert.False(problem.IsOpen);
        Assert.Equal("已取得施工许可证", problem.Resolution);
        Assert.Equal(at, problem.ResolvedAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolving_needs_a_resolution(string resolution)
    {
        var problem = NewProblem();

        Rules.Refused("Problem.ResolutionRequired", () => problem.Resolve(resolution, TestProjects.Actor, Raised));
        Assert.True(problem.IsOpen);
    }

    [Fact]
    public void A_problem_cannot_be_resolved_twice()
    {
        var problem = NewProblem();
        problem.Resolve("已办结", TestProjects.Actor, Raised.AddDays(1));

        Rules.Refused("Problem.Resolved", () => problem.Resolve("再次办结", TestProjects.Actor, Raised.AddDays(2)));
        Assert.Equal("已办结", problem.Resolution);
    }

    [Fact]
    public void A_reopened_county_problem_is_in_progress_again()
    {
        var problem = NewProblem();
        problem.Resolve("已办结", TestProjects.Actor, Raised.AddDays(1));

        problem.Reopen("企业再次反映", TestProjects.Actor, Raised.AddDays(10));

        Assert.True(problem.IsOpen);
        Assert.Equal(ProblemStatus.InProgress, problem.Status);
        Assert.Null(problem.ResolvedAtUtc);
        Assert.Null(problem.Resolution);
        // The earlier resolution and the reason for reopening stay on record in the history.
        Assert.Equal([ProblemAction.Raised, ProblemAction.Resolved, ProblemAction.Reopened], problem.History.Select(h => h.Action));
        Assert.Equal("已办结", problem.History[1].Note);
        Assert.Equal("企业再次反映", problem.History[2].Note);
    }

    [Fact]
    public void A_reopened_escalated_problem_is_escalated_again_at_the_same_level()
    {
        var problem = NewProblem();
        problem.Escalate("需链主协调", 8, null, TestProjects.Actor, Raised.AddDays(1));
        problem.Resolve("已协调", TestProjects.Actor, Raised.AddDays(2));

        problem.Reopen("企业再次反映", TestProjects.Actor, Raised.AddDays(3));

        Assert.Equal(ProblemStatus.Escalated, problem.Status);
        Assert.Equal(EscalationLevel.ChainLead, problem.Level);
    }

    [Fact]
    public void Only_a_resolved_problem_can_be_reopened() =>
        Rules.Refused("Problem.NotResolved", () => NewProblem().Reopen("企业再次反映", TestProjects.Actor, Raised));

    [Theory]
    [InlineData("2026-11-29", false)]
    [InlineData("2026-11-30", false)]  // the due day itself
    [InlineData("2026-12-01", true)]
    public void An_open_problem_is_overdue_after_its_due_day(string today, bool overdue) =>
        Assert.Equal(overdue, NewProblem().IsOverdue(DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_resolved_problem_is_never_overdue()
    {
        var problem = NewProblem();
        problem.Resolve("已办结", TestProjects.Actor, Raised);

        Assert.False(problem.IsOverdue(new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void A_note_longer_than_the_ledger_holds_is_refused_and_changes_nothing()
    {
        var problem = NewProblem();
        var tooLong = new string('问', Problem.TextMaxLength + 1);

        Rules.Refused("Text.TooLong", () => problem.Escalate(tooLong, 8, null, TestProjects.Actor, Raised.AddDays(1)));

        Assert.Equal(EscalationLevel.County, problem.Level);
        Assert.Single(problem.History);
    }
}
