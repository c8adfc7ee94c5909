using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;
using static KashiInvest.Domain.Tests.Approvals.Calendars;

namespace KashiInvest.Domain.Tests.Health;

/// <summary>Art. 23: a key project's overdue approval item shows on its health, and raises no second alert.</summary>
public class ApprovalHealthTests
{
    /// <summary>Tuesday 2026-11-10, 10:00 in Beijing.</summary>
    private static readonly DateTime Now = TestProjects.Now;
    private static readonly DateOnly Today = TestProjects.Today;
    private static readonly HealthSettings Defaults = new();

    /// <summary>A 10-natural-day item accepted on <paramref name="acceptedOn"/> (day 1 is the next day).</summary>
    private static (string, string, ClockFacts) Item(string name, DateOnly acceptedOn, DateOnly? finishedOn = null) =>
        (name, name + " (en)", new ClockFacts(acceptedOn, 10, LimitUnit.NaturalDays, [], FinishedOn: finishedOn));

    private static HealthFacts Facts(bool key, params (string, string, ClockFacts)[] items) =>
        new(ProjectStage.Construction, key, null, Now, [], [], [], OverdueApprovalsFact.Of(items, China, Today));

    private static HealthAssessment Assess(HealthFacts facts) => HealthRules.Assess(facts, Defaults, Now);

    // Accepted 10-30: day 10 is Monday 11-09, so the item is one day overdue today. Accepted 10-31: due today (Tuesday).
    private static readonly DateOnly DueYesterday = D(2026, 10, 30);
    private static readonly DateOnly DueToday = D(2026, 10, 31);

    [Fact]
    public void A_key_projects_item_one_day_past_its_limit_puts_the_project_at_risk_with_the_item_named()
    {
        var assessment = Assess(Facts(key: true, Item("土地预审", DueYesterday)));

        Assert.Equal(HealthStatus.AtRisk, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.ApprovalOverdue, HealthStatus.AtRisk, "ApprovalOverdue"), (reason.Kind, reason.Level, reason.Code));
        Assert.Equal([1, "土地预审", "土地预审 (en)", 1], reason.Args);
    }

    [Fact]
    public void A_key_projects_item_on_its_due_day_is_in_warning_not_overdue_and_leaves_health_alone()
    {
        Assert.Equal(ClockState.Warning, ApprovalClock.Read(Item("施工许可", DueToday).Item3, China, Today).State);

        Assert.Null(OverdueApprovalsFact.Of([Item("施工许可", DueToday)], China, Today));
        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(key: true, Item("施工许可", DueToday))).Status);
    }

    [Fact]
    public void An_item_finished_late_or_not_yet_accepted_is_not_overdue()
    {
        var finishedLate = Item("环评", D(2026, 10, 20), finishedOn: D(2026, 11, 9));
        var notStarted = ("消防设计审查", "Fire", new ClockFacts(null, 10, LimitUnit.NaturalDays, []));
        Assert.Equal(ClockState.FinishedLate, ApprovalClock.Read(finishedLate.Item3, China, Today).State);

        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(key: true, finishedLate, notStarted)).Status);
    }

    [Fact]
    public void A_project_that_is_not_key_shows_its_overdue_item_on_the_board_not_on_its_health()
    {
        var facts = Facts(key: false, Item("土地预审", DueYesterday));

        Assert.NotNull(facts.OverdueApprovals);
        Assert.Equal(HealthStatus.OnTrack, Assess(facts).Status);
    }

    [Fact]
    public void Several_overdue_items_are_counted_and_the_longest_overdue_is_named()
    {
        var assessment = Assess(Facts(key: true, Item("规划许可", DueYesterday), Item("土地预审", D(2026, 10, 20)), Item("施工许可", DueToday)));

        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal("ApprovalsOverdue", reason.Code);
        // Accepted 10-20: day 10 is Friday 10-30, so 11 days past due on 11-10.
        Assert.Equal([2, "土地预审", "土地预审 (en)", 11], reason.Args);
    }

    [Fact]
    public void The_overdue_approval_reason_raises_no_health_alert_of_its_own()
    {
        var facts = Facts(key: true, Item("土地预审", DueYesterday));

        Assert.Contains(Assess(facts).Reasons, r => r.Kind == HealthReasonKind.ApprovalOverdue);
        Assert.Empty(HealthAlertRules.For(7, facts, Defaults, Now));
    }
}
