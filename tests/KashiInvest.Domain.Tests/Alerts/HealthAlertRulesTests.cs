using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Domain.Tests.Alerts;

/// <summary>Each condition raises exactly one alert from the moment its threshold is passed, and the battle map agrees.</summary>
public class HealthAlertRulesTests
{
    private const int ProjectId = 7;
    private static readonly HealthSettings Defaults = new();
    private static readonly DateOnly SignedOn = new(2026, 11, 2);

    private static DateTime Beijing(int month, int day, int hour = 0, int minute = 0) =>
        BeijingTime.StartOfDayUtc(new DateOnly(2026, month, day)).AddHours(hour).AddMinutes(minute);

    private static HealthFacts Facts(DateTime activeAt, ProjectStage stage = ProjectStage.Construction, bool key = false,
        MilestoneFact[]? milestones = null, SubmittedReport[]? reports = null, ProblemFact[]? problems = null) =>
        new(stage, key, SignedOn, activeAt, milestones ?? [], reports ?? [], problems ?? []);

    private static IReadOnlyList<AlertCondition> Alerts(HealthFacts facts, DateTime now, HealthSettings? settings = null) =>
        HealthAlertRules.For(ProjectId, facts, settings ?? Defaults, now);

    [Fact]
    public void A_key_projects_half_month_report_is_overdue_from_the_day_after_period_end_plus_3_days()
    {
        // 2026-11 first half ends on the 15th; due by the end of the 18th (Beijing).
        var lastMinute = Beijing(11, 18, 23, 59);
        var nextDay = Beijing(11, 19, 0, 0);

        Assert.Empty(Alerts(Facts(lastMinute, key: true), lastMinute));
        var alert = Assert.Single(Alerts(Facts(nextDay, key: true), nextDay));

        Assert.Equal(AlertKind.ReportOverdue, alert.Kind);
        Assert.Equal("2026-11-H1", alert.Subject);
        Assert.Equal(["2026-11-H1", "2026-11-18", "1"], alert.Args);
        Assert.Equal(AlertSeverity.Medium, alert.Severity);
    }

    [Fact]
    public void The_report_deadline_is_the_setting_not_a_constant()
    {
        var settings = new HealthSettings { ReportDeadlineDays = 5 };
        var at = Beijing(11, 19, 10);

        Assert.Empty(Alerts(Facts(at, key: true), at, settings));
        Assert.Single(Alerts(Facts(Beijing(11, 21, 1), key: true), Beijing(11, 21, 1), settings));
    }

    [Fact]
    public void A_submitted_report_ends_its_alert_and_a_non_key_project_owes_none()
    {
        var at = Beijing(11, 20, 10);
        var submitted = new SubmittedReport(new HalfMonthPeriod(2026, 11, 1).Index, 1, true);

        Assert.Empty(Alerts(Facts(at, key: true, reports: [submitted]), at));
        Assert.Empty(Alerts(Facts(at, key: false), at));
    }

    [Fact]
    public void Two_missed_periods_are_two_alerts_and_both_count_as_stalled()
    {
        var at = Beijing(12, 5, 10); // Nov H1 and Nov H2 (due 3 Dec) both overdue
        var alerts = Alerts(Facts(at, key: true), at);

        Assert.Equal(["2026-11-H1", "2026-11-H2"], alerts.Select(a => a.Subject));
        Assert.All(alerts, a => Assert.Equal(AlertSeverity.High, a.Severity));
    }

    [Theory]
    [InlineData(ProjectStage.Negotiating, 30)]
    [InlineData(ProjectStage.Signed, 15)]
    [InlineData(ProjectStage.Construction, 15)]
    public void A_project_idle_its_stages_limit_has_no_alert_and_one_day_more_is_stalled(ProjectStage stage, int limit)
    {
        var now = Beijing(11, 10, 10);
        Assert.Empty(Alerts(Facts(now.AddDays(-limit), stage), now));

        var alert = Assert.Single(Alerts(Facts(now.AddDays(-(limit + 1)), stage), now));
        Assert.Equal(AlertKind.Stalled, alert.Kind);
        Assert.Equal([(limit + 1).ToString(), limit.ToString(), stage.ToString()], alert.Args);
        Assert.Equal(AlertSeverity.High, alert.Severity);
    }

    [Fact]
    public void The_stall_limits_are_per_stage_settings()
    {
        var settings = new HealthSettings { StallDays = new() { [ProjectStage.Construction] = 5 } };
        var now = Beijing(11, 10, 10);

        Assert.Single(Alerts(Facts(now.AddDays(-6)), now, settings));
        Assert.Empty(Alerts(Facts(now.AddDays(-6), ProjectStage.Negotiating), now, settings)); // not measured any more
    }

    [Fact]
    public void An_overdue_milestone_names_itself_and_its_days_from_the_day_after_its_date()
    {
        var milestone = new MilestoneFact("取得施工许可", new DateOnly(2026, 11, 10), null);
        var onTheDay = Beijing(11, 10, 18);
        var dayAfter = Beijing(11, 11, 9);

        Assert.Empty(Alerts(Facts(onTheDay, milestones: [milestone]), onTheDay));
        var alert = Assert.Single(Alerts(Facts(dayAfter, milestones: [milestone]), dayAfter));
        Assert.Equal((AlertKind.MilestoneOverdue, "取得施工许可"), (alert.Kind, alert.Subject));
        Assert.Equal(["取得施工许可", "1"], alert.Args);
        Assert.Empty(Alerts(Facts(dayAfter, milestones: [milestone with { ReachedOn = new DateOnly(2026, 11, 11) }]), dayAfter));
    }

    [Fact]
    public void Each_overdue_ledger_entry_is_its_own_alert_and_escalated_or_blocking_entries_rank_high()
    {
        var now = Beijing(11, 20, 10);
        var due = new DateOnly(2026, 11, 15);
        ProblemFact[] problems =
        [
            new(1, ProblemSeverity.Medium, due, EscalationLevel.County, 11),
            new(2, ProblemSeverity.Medium, due, EscalationLevel.ChainLead, 12),
            new(3, ProblemSeverity.Blocking, due, EscalationLevel.County, 13),
            new(4, ProblemSeverity.High, new DateOnly(2026, 11, 20), EscalationLevel.County, 14), // due today: not yet
        ];

        var alerts = Alerts(Facts(now, problems: problems), now).Where(a => a.Kind == AlertKind.ProblemOverdue).OrderBy(a => a.Subject).ToList();

        Assert.Equal(["problem:1", "problem:2", "problem:3"], alerts.Select(a => a.Subject));
        Assert.Equal([AlertSeverity.Medium, AlertSeverity.High, AlertSeverity.High], alerts.Select(a => a.Severity));
        Assert.Equal([11, 12, 13], alerts.Select(a => a.OwnerUnitId!.Value));
        Assert.Equal(["1", "5", "County", "Medium"], alerts[0].Args);
    }

    [Fact]
    public void Alerts_and_the_battle_map_health_come_from_the_same_reasons()
    {
        var now = Beijing(12, 5, 10);
        var facts = Facts(now.AddDays(-40), key: true,
            milestones: [new MilestoneFact("开工", new DateOnly(2026, 11, 1), null)],
            problems: [new ProblemFact(9, ProblemSeverity.Low, new DateOnly(2026, 11, 1), EscalationLevel.County)]);

        var health = HealthRules.Assess(facts, Defaults, now);
        var alerts = Alerts(facts, now);

        var healthKinds = health.Reasons.Select(r => r.Kind switch
        {
            HealthReasonKind.NoActivity => AlertKind.Stalled,
            HealthReasonKind.MilestoneOverdue => AlertKind.MilestoneOverdue,
            HealthReasonKind.ReportOverdue => AlertKind.ReportOverdue,
            _ => AlertKind.ProblemOverdue,
        }).ToHashSet();
        Assert.Equal(healthKinds, alerts.Select(a => a.Kind).ToHashSet());
        Assert.Equal(HealthStatus.Stalled, health.Status);
        Assert.Contains(alerts, a => a.Severity == AlertSeverity.High);
    }

    [Fact]
    public void A_project_without_a_battle_map_has_no_alerts()
    {
        var now = Beijing(11, 10, 10);
        Assert.Empty(Alerts(Facts(now.AddDays(-300), ProjectStage.Lead), now));
    }
}
