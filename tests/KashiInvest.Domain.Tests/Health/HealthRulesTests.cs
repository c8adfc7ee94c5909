using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Health;

public class HealthRulesTests
{
    /// <summary>2026-11-10 10:00 in Beijing.</summary>
    private static readonly DateTime Now = TestProjects.Now;
    private static readonly DateOnly Today = TestProjects.Today;
    private static readonly HealthSettings Defaults = new();

    /// <summary>A healthy, non-key project under construction, active right now: every test spoils one fact.</summary>
    private static HealthFacts Facts(
        ProjectStage stage = ProjectStage.Construction,
        bool isKeyProject = false,
        DateOnly? signedOn = null,
        DateTime? lastActivityAtUtc = null,
        MilestoneFact[]? milestones = null,
        SubmittedReport[]? reports = null,
        ProblemFact[]? problems = null) =>
        new(stage, isKeyProject, signedOn, lastActivityAtUtc ?? Now, milestones ?? [], reports ?? [], problems ?? []);

    private static HealthAssessment Assess(HealthFacts facts, DateTime? nowUtc = null, HealthSettings? settings = null) =>
        HealthRules.Assess(facts, settings ?? Defaults, nowUtc ?? Now);

    /// <summary>An instant given as a Beijing calendar day and wall-clock time, as UTC.</summary>
    private static DateTime Beijing(DateOnly day, int hour, int minute = 0) =>
        BeijingTime.StartOfDayUtc(day).AddHours(hour).AddMinutes(minute);

    private static string[] Codes(HealthAssessment a) => a.Reasons.Select(r => r.Code).ToArray();

    [Fact]
    public void An_active_project_without_problems_is_on_track()
    {
        var assessment = Assess(Facts());

        Assert.Equal(HealthStatus.OnTrack, assessment.Status);
        Assert.Empty(assessment.Reasons);
    }

    // --- Inactivity per stage ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(ProjectStage.Negotiating, 30)]
    [InlineData(ProjectStage.Evaluation, 30)]
    [InlineData(ProjectStage.Signed, 15)]
    [InlineData(ProjectStage.Landing, 15)]
    [InlineData(ProjectStage.Construction, 15)]
    public void A_project_idle_exactly_its_stages_limit_is_on_track_and_one_day_more_is_stalled(ProjectStage stage, int limit)
    {
        var atLimit = Assess(Facts(stage, lastActivityAtUtc: Now.AddDays(-limit)));
        var pastLimit = Assess(Facts(stage, lastActivityAtUtc: Now.AddDays(-(limit + 1))));

        Assert.Equal(HealthStatus.OnTrack, atLimit.Status);
        Assert.Equal(HealthStatus.Stalled, pastLimit.Status);
        var reason = Assert.Single(pastLimit.Reasons);
        Assert.Equal((HealthReasonKind.NoActivity, HealthStatus.Stalled, "NoActivity", stage.ToString()), (reason.Kind, reason.Level, reason.Code, reason.Subject));
        Assert.Equal(new object[] { limit + 1, limit }, reason.Args);
    }

    [Fact]
    public void Idle_days_are_counted_in_Beijing_calendar_days()
    {
        // Active at 23:30 on 26 Oct in Beijing (15:30Z). 10 Nov is 15 days later; 00:30 on 11 Nov in Beijing is the
        // 16th day although it is still 10 Nov in UTC.
        var lateEvening = Beijing(new DateOnly(2026, 10, 26), 23, 30);
        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(lastActivityAtUtc: lateEvening), Beijing(new DateOnly(2026, 11, 10), 23, 59)).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(Facts(lastActivityAtUtc: lateEvening), Beijing(new DateOnly(2026, 11, 11), 0, 30)).Status);

        // Active at 00:30 on 27 Oct in Beijing (still 26 Oct in UTC): at 23:00 on 11 Nov in Beijing that is 15 days, not 16.
        var earlyMorning = Beijing(new DateOnly(2026, 10, 27), 0, 30);
        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(lastActivityAtUtc: earlyMorning), Beijing(new DateOnly(2026, 11, 11), 23)).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(Facts(lastActivityAtUtc: earlyMorning), Beijing(new DateOnly(2026, 11, 12), 0)).Status);
    }

    [Fact]
    public void Production_has_no_inactivity_limit()
    {
        var assessment = Assess(Facts(ProjectStage.Production, lastActivityAtUtc: Now.AddDays(-400)));

        Assert.Equal(HealthStatus.OnTrack, assessment.Status);
    }

    [Fact]
    public void A_stage_taken_out_of_the_settings_is_not_measured_for_inactivity()
    {
        var settings = new HealthSettings();
        settings.StallDays.Remove(ProjectStage.Construction);

        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(lastActivityAtUtc: Now.AddDays(-100)), settings: settings).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(Facts(ProjectStage.Landing, lastActivityAtUtc: Now.AddDays(-100)), settings: settings).Status);
    }

    [Fact]
    public void The_inactivity_limit_comes_from_the_settings()
    {
        var settings = new HealthSettings();
        settings.StallDays[ProjectStage.Construction] = 40;

        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(lastActivityAtUtc: Now.AddDays(-40)), settings: settings).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(Facts(lastActivityAtUtc: Now.AddDays(-41)), settings: settings).Status);
    }

    [Theory]
    [InlineData(ProjectStage.Lead)]
    [InlineData(ProjectStage.Triage)]
    [InlineData(ProjectStage.Reserve)]
    [InlineData(ProjectStage.Terminated)]
    public void A_stage_without_a_battle_map_is_always_on_track(ProjectStage stage)
    {
        // Everything that would make a battle-map project stalled.
        var facts = Facts(stage, isKeyProject: true, signedOn: new DateOnly(2026, 6, 1), lastActivityAtUtc: Now.AddDays(-365),
            milestones: [new MilestoneFact("开工建设", Today.AddDays(-90), null)],
            problems: [new ProblemFact(1, ProblemSeverity.Blocking, Today.AddDays(-30), EscalationLevel.Prefecture)]);
        var settings = new HealthSettings();
        settings.StallDays[stage] = 1; // even a (mis)configured limit for such a stage is not applied

        Assert.Same(HealthAssessment.OnTrack, Assess(facts, settings: settings));
        Assert.NotEqual(HealthStatus.OnTrack, Assess(facts with { Stage = ProjectStage.Construction }).Status);
    }

    // --- Milestones ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(-1, null)]                     // planned tomorrow
    [InlineData(0, null)]                      // planned today: not yet overdue
    [InlineData(1, HealthStatus.AtRisk)]
    [InlineData(29, HealthStatus.AtRisk)]
    [InlineData(30, HealthStatus.Stalled)]     // MilestoneStalledAfterDays
    [InlineData(200, HealthStatus.Stalled)]
    public void An_unreached_milestone_is_at_risk_from_one_day_overdue_and_stalled_from_the_stall_threshold(int daysOverdue, HealthStatus? expected)
    {
        var assessment = Assess(Facts(milestones: [new MilestoneFact("取得施工许可", Today.AddDays(-daysOverdue), null)]));

        if (expected is null)
        {
            Assert.Equal(HealthStatus.OnTrack, assessment.Status);
            return;
        }
        Assert.Equal(expected, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.MilestoneOverdue, expected.Value, "MilestoneOverdue", "取得施工许可"), (reason.Kind, reason.Level, reason.Code, reason.Subject));
        Assert.Equal(new object[] { "取得施工许可", daysOverdue }, reason.Args);
    }

    [Fact]
    public void The_milestone_stall_threshold_comes_from_the_settings()
    {
        var facts = Facts(milestones: [new MilestoneFact("开工建设", Today.AddDays(-10), null)]);

        Assert.Equal(HealthStatus.AtRisk, Assess(facts, settings: new HealthSettings { MilestoneStalledAfterDays = 11 }).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(facts, settings: new HealthSettings { MilestoneStalledAfterDays = 10 }).Status);
    }

    [Fact]
    public void A_reached_milestone_is_ignored_however_late_it_was_reached()
    {
        var facts = Facts(milestones: [new MilestoneFact("取得建设用地", Today.AddDays(-100), ReachedOn: Today.AddDays(-2))]);

        Assert.Equal(HealthStatus.OnTrack, Assess(facts).Status);
    }

    [Fact]
    public void A_project_in_production_ignores_its_milestones()
    {
        var milestones = new[] { new MilestoneFact("竣工验收", Today.AddDays(-100), null) };

        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(ProjectStage.Production, milestones: milestones)).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(Facts(ProjectStage.Construction, milestones: milestones)).Status);
    }

    [Fact]
    public void Each_overdue_milestone_is_a_reason_of_its_own_oldest_first()
    {
        var assessment = Assess(Facts(milestones:
        [
            new MilestoneFact("开工建设", Today.AddDays(-3), null),
            new MilestoneFact("取得施工许可", Today.AddDays(-12), null),
            new MilestoneFact("设备安装", Today.AddDays(5), null),
        ]));

        Assert.Equal(HealthStatus.AtRisk, assessment.Status);
        Assert.Equal(["取得施工许可", "开工建设"], assessment.Reasons.Select(r => r.Subject));
        Assert.Equal([12, 3], assessment.Reasons.Select(r => (int)r.Args[1]));
    }

    // --- Fortnightly reports ---------------------------------------------------------------------------------------

    // Signed on 1 Oct 2026: by 10 Nov the periods 2026-10-H1 (due 18 Oct) and 2026-10-H2 (due 3 Nov) are past
    // their deadline and 2026-11-H1 (due 18 Nov) is current.
    private static readonly DateOnly SignedOct1 = new(2026, 10, 1);
    private static readonly HalfMonthPeriod Oct1 = new(2026, 10, 1), Oct2 = new(2026, 10, 2), Nov1 = new(2026, 11, 1);

    private static HealthFacts KeyProject(params SubmittedReport[] reports) =>
        Facts(ProjectStage.Construction, isKeyProject: true, signedOn: SignedOct1, reports: reports);

    [Fact]
    public void One_missing_report_is_at_risk_and_names_its_period()
    {
        var assessment = Assess(KeyProject(new SubmittedReport(Oct1.Index, 1, IsLate: false)));

        Assert.Equal(HealthStatus.AtRisk, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.ReportOverdue, HealthStatus.AtRisk, "ReportMissing", "2026-10-H2"), (reason.Kind, reason.Level, reason.Code, reason.Subject));
        Assert.Equal(new object[] { Oct2 }, reason.Args);
    }

    [Fact]
    public void Two_missing_reports_are_stalled_with_their_count_and_the_latest_period()
    {
        var assessment = Assess(KeyProject());

        Assert.Equal(HealthStatus.Stalled, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.ReportOverdue, HealthStatus.Stalled, "ReportsMissing", "2026-10-H2"), (reason.Kind, reason.Level, reason.Code, reason.Subject));
        Assert.Equal(new object[] { 2, Oct2 }, reason.Args);
    }

    [Fact]
    public void A_report_submitted_late_is_no_longer_missing()
    {
        var assessment = Assess(KeyProject(new SubmittedReport(Oct1.Index, 1, IsLate: true), new SubmittedReport(Oct2.Index, 2, IsLate: true)));

        Assert.Equal(HealthStatus.OnTrack, assessment.Status);
    }

    [Fact]
    public void The_number_of_missing_reports_that_stalls_comes_from_the_settings()
    {
        Assert.Equal(HealthStatus.AtRisk, Assess(KeyProject(), settings: new HealthSettings { MissingReportsStalledAt = 3 }).Status);
        Assert.Equal(HealthStatus.Stalled, Assess(KeyProject(new SubmittedReport(Oct1.Index, 1, false)), settings: new HealthSettings { MissingReportsStalledAt = 1 }).Status);
    }

    [Fact]
    public void Reports_are_only_missed_by_signed_key_projects()
    {
        Assert.Equal(HealthStatus.OnTrack, Assess(KeyProject() with { IsKeyProject = false }).Status);
        Assert.Equal(HealthStatus.OnTrack, Assess(KeyProject() with { SignedOn = null }).Status);
        Assert.Equal(HealthStatus.OnTrack, Assess(KeyProject() with { Stage = ProjectStage.Production }).Status);
    }

    [Fact]
    public void A_report_is_missing_only_after_the_end_of_its_due_day_in_Beijing()
    {
        // 2026-11-H1 ends on 15 Nov and is due 3 days later, on 18 Nov: until 23:59:59 Beijing (15:59:59Z) it is on time.
        var facts = Facts(ProjectStage.Signed, isKeyProject: true, signedOn: new DateOnly(2026, 11, 2));
        var lastOnTimeSecond = new DateTime(2026, 11, 18, 15, 59, 59, DateTimeKind.Utc);
        var lastOnTimeTick = new DateTime(2026, 11, 18, 16, 0, 0, DateTimeKind.Utc).AddTicks(-1);
        var nextInstant = new DateTime(2026, 11, 18, 16, 0, 0, DateTimeKind.Utc);

        Assert.Equal(HealthStatus.OnTrack, Assess(facts with { LastActivityAtUtc = lastOnTimeSecond }, lastOnTimeSecond).Status);
        Assert.Equal(HealthStatus.OnTrack, Assess(facts with { LastActivityAtUtc = lastOnTimeTick }, lastOnTimeTick).Status);
        var late = Assess(facts with { LastActivityAtUtc = nextInstant }, nextInstant);
        Assert.Equal(HealthStatus.AtRisk, late.Status);
        Assert.Equal(["ReportMissing"], Codes(late));
        Assert.Equal(Nov1.ToString(), late.Reasons[0].Subject);
    }

    [Fact]
    public void The_report_deadline_comes_from_the_settings()
    {
        var facts = Facts(ProjectStage.Signed, isKeyProject: true, signedOn: new DateOnly(2026, 11, 2));
        var at = new DateTime(2026, 11, 19, 4, 0, 0, DateTimeKind.Utc); // 19 Nov, noon in Beijing
        facts = facts with { LastActivityAtUtc = at };

        Assert.Equal(HealthStatus.AtRisk, Assess(facts, at, new HealthSettings { ReportDeadlineDays = 3 }).Status);
        Assert.Equal(HealthStatus.OnTrack, Assess(facts, at, new HealthSettings { ReportDeadlineDays = 4 }).Status);
    }

    // --- Problems --------------------------------------------------------------------------------------------------

    private static ProblemFact OpenProblem(int id, ProblemSeverity severity, int dueInDays) =>
        new(id, severity, Today.AddDays(dueInDays), EscalationLevel.County);

    [Fact]
    public void A_blocking_problem_past_its_due_day_stalls_the_project()
    {
        var assessment = Assess(Facts(problems: [OpenProblem(1, ProblemSeverity.Blocking, -1), OpenProblem(2, ProblemSeverity.Blocking, -20)]));

        Assert.Equal(HealthStatus.Stalled, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.ProblemOverdue, HealthStatus.Stalled, "BlockingProblemsPastDue"), (reason.Kind, reason.Level, reason.Code));
        Assert.Equal(new object[] { 2 }, reason.Args);
    }

    [Theory]
    [InlineData(ProblemSeverity.Low)]
    [InlineData(ProblemSeverity.Medium)]
    [InlineData(ProblemSeverity.High)]
    public void Another_problem_past_its_due_day_puts_the_project_at_risk(ProblemSeverity severity)
    {
        var assessment = Assess(Facts(problems: [OpenProblem(1, severity, -1)]));

        Assert.Equal(HealthStatus.AtRisk, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.ProblemOverdue, HealthStatus.AtRisk, "ProblemsPastDue"), (reason.Kind, reason.Level, reason.Code));
        Assert.Equal(new object[] { 1 }, reason.Args);
    }

    [Fact]
    public void A_problem_due_today_is_not_past_due()
    {
        Assert.Equal(HealthStatus.OnTrack, Assess(Facts(problems: [OpenProblem(1, ProblemSeverity.High, 0)])).Status);
    }

    [Theory]
    [InlineData(0)]   // due today
    [InlineData(30)]
    public void A_blocking_problem_not_yet_due_puts_the_project_at_risk(int dueInDays)
    {
        var assessment = Assess(Facts(problems: [OpenProblem(1, ProblemSeverity.Blocking, dueInDays)]));

        Assert.Equal(HealthStatus.AtRisk, assessment.Status);
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((HealthReasonKind.BlockingProblem, HealthStatus.AtRisk, "BlockingProblemsOpen"), (reason.Kind, reason.Level, reason.Code));
        Assert.Equal(new object[] { 1 }, reason.Args);
    }

    [Fact]
    public void Past_due_and_open_problems_are_counted_separately()
    {
        var assessment = Assess(Facts(problems:
        [
            OpenProblem(1, ProblemSeverity.Blocking, -2),
            OpenProblem(2, ProblemSeverity.Blocking, 3),
            OpenProblem(3, ProblemSeverity.Blocking, 0),
            OpenProblem(4, ProblemSeverity.Medium, -1),
            OpenProblem(5, ProblemSeverity.High, -9),
            OpenProblem(6, ProblemSeverity.Low, 1),
        ]));

        Assert.Equal(["BlockingProblemsPastDue", "ProblemsPastDue", "BlockingProblemsOpen"], Codes(assessment));
        Assert.Equal([1, 2, 2], assessment.Reasons.Select(r => (int)r.Args[0]));
    }

    // --- Putting reasons together ---------------------------------------------------------------------------------

    [Fact]
    public void Reasons_are_listed_worst_first_and_the_status_is_the_worst_reason()
    {
        var assessment = Assess(Facts(ProjectStage.Construction, isKeyProject: true, signedOn: SignedOct1,
            lastActivityAtUtc: Now.AddDays(-16),
            milestones: [new MilestoneFact("开工建设", Today.AddDays(-5), null)],
            reports: [new SubmittedReport(Oct1.Index, 1, false)],
            problems: [OpenProblem(1, ProblemSeverity.Blocking, -1), OpenProblem(2, ProblemSeverity.High, -1), OpenProblem(3, ProblemSeverity.Blocking, 5)]));

        Assert.Equal(HealthStatus.Stalled, assessment.Status);
        Assert.Equal(
            [
                ("NoActivity", HealthStatus.Stalled),
                ("BlockingProblemsPastDue", HealthStatus.Stalled),
                ("MilestoneOverdue", HealthStatus.AtRisk),
                ("ReportMissing", HealthStatus.AtRisk),
                ("ProblemsPastDue", HealthStatus.AtRisk),
                ("BlockingProblemsOpen", HealthStatus.AtRisk),
            ],
            assessment.Reasons.Select(r => (r.Code, r.Level)));
    }

    [Fact]
    public void A_stalled_reason_found_late_still_comes_first()
    {
        // The report rule runs after the milestone rule; its Stalled reason must still lead.
        var assessment = Assess(Facts(ProjectStage.Construction, isKeyProject: true, signedOn: SignedOct1,
            milestones: [new MilestoneFact("开工建设", Today.AddDays(-5), null)]));

        Assert.Equal(HealthStatus.Stalled, assessment.Status);
        Assert.Equal(["ReportsMissing", "MilestoneOverdue"], Codes(assessment));
    }

    [Fact]
    public void With_only_at_risk_reasons_the_project_is_at_risk()
    {
        var assessment = Assess(Facts(
            milestones: [new MilestoneFact("开工建设", Today.AddDays(-5), null)],
            problems: [OpenProblem(1, ProblemSeverity.Blocking, 5)]));

        Assert.Equal(HealthStatus.AtRisk, assessment.Status);
        Assert.Equal(["MilestoneOverdue", "BlockingProblemsOpen"], Codes(assessment));
    }
}
