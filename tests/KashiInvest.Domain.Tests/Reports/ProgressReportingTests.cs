using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Reports;

public class ProgressReportingTests
{
    private const int DeadlineDays = 3;
    private const int PermitId = 101, GroundbreakingId = 102;

    /// <summary>2026-11-10 10:00 in Beijing.</summary>
    private static readonly DateTime Now = TestProjects.Now;
    private static readonly DateOnly Today = TestProjects.Today;
    private static readonly Actor ChainLead = new("chain-textiles", 31);

    // Signed on 20 Oct: 2026-10-H2 is due on 3 Nov (late by now), 2026-11-H1 is due on 18 Nov (on time now).
    private static readonly DateOnly SignedOn = new(2026, 10, 20);
    private static readonly HalfMonthPeriod Oct2 = new(2026, 10, 2), Nov1 = new(2026, 11, 1), Nov2 = new(2026, 11, 2);

    /// <summary>A signed key project under construction with two milestones, given the ids saving would give them.</summary>
    private static Project KeyProject()
    {
        var project = TestProjects.SignedKeyProject(SignedOn, ProjectStage.Construction, TestProjects.Details(milestones:
        [
            TestProjects.Milestone("取得施工许可", new DateOnly(2026, 11, 1)),
            TestProjects.Milestone("开工建设", new DateOnly(2026, 12, 1)),
        ]));
        project.Milestones[0].WithId(PermitId);
        project.Milestones[1].WithId(GroundbreakingId);
        return project;
    }

    private static ReportInput Input(decimal funds = 0m, decimal outOfRegion = 0m, string narrative = "厂房主体结构施工中", string? nextSteps = "下半月完成封顶",
        params MilestoneReached[] reached) =>
        new(narrative, nextSteps, funds, outOfRegion, reached);

    private static ProgressReport Submit(Project project, HalfMonthPeriod period, ReportInput input, ProgressReport? current = null,
        DateTime? nowUtc = null, ReportKind kind = ReportKind.Fortnightly) =>
        ProgressReporting.Submit(project, period, kind, current, input, ChainLead, nowUtc ?? Now, DeadlineDays);

    /// <summary>What a refused submission must leave as it was.</summary>
    private static object State(Project p) =>
        (p.FundsInPlaceWan, p.OutOfRegionFundsInPlaceWan, p.LastActivityAtUtc, p.UpdatedAtUtc,
            string.Join("|", p.Milestones.Select(m => $"{m.Id}:{m.ReachedOn}")), p.DomainEvents.Count);

    // --- Revisions ---------------------------------------------------------------------------------------------------

    [Fact]
    public void The_first_submission_for_a_period_is_revision_1_and_current()
    {
        var report = Submit(KeyProject(), Nov1, Input(funds: 3_000m, outOfRegion: 1_000m));

        Assert.Equal(1, report.Revision);
        Assert.True(report.IsCurrent);
        Assert.Equal(Nov1, report.Period);
        Assert.Equal(ReportKind.Fortnightly, report.Kind);
        Assert.Equal("厂房主体结构施工中", report.Narrative);
        Assert.Equal("下半月完成封顶", report.NextSteps);
        Assert.Equal((3_000m, 1_000m), (report.FundsInPlaceThisPeriodWan, report.OutOfRegionFundsThisPeriodWan));
        Assert.Equal(("chain-textiles", (int?)31, Now), (report.SubmittedBy, report.SubmittedByUnitId, report.SubmittedAtUtc));
        Assert.False(report.IsLate);
    }

    [Fact]
    public void An_amendment_is_revision_2_and_supersedes_the_first()
    {
        var project = KeyProject();
        var first = Submit(project, Nov1, Input(narrative: "初稿"));

        var amended = Submit(project, Nov1, Input(narrative: "修订稿"), current: first, nowUtc: Now.AddDays(1));

        Assert.Equal(2, amended.Revision);
        Assert.True(amended.IsCurrent);
        Assert.False(first.IsCurrent);
        Assert.Equal("修订稿", amended.Narrative);
        Assert.Equal("初稿", first.Narrative);
        Assert.Equal(Now.AddDays(1), amended.SubmittedAtUtc);
    }

    [Fact]
    public void A_superseded_revision_cannot_be_amended_again()
    {
        var project = KeyProject();
        var first = Submit(project, Nov1, Input());
        Submit(project, Nov1, Input(), current: first);

        Assert.Throws<ArgumentException>(() => Submit(project, Nov1, Input(), current: first));
    }

    [Fact]
    public void The_current_revision_must_be_of_the_same_period_and_kind()
    {
        var project = KeyProject();
        var oct = Submit(project, Oct2, Input());

        Assert.Throws<ArgumentException>(() => Submit(project, Nov1, Input(), current: oct));
        Assert.Throws<ArgumentException>(() => Submit(project, Oct2, Input(), current: oct, kind: ReportKind.Update));
        Assert.True(oct.IsCurrent);
    }

    // --- Lateness ------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_report_for_2026年11月上半月_submitted_after_the_18th_is_late()
    {
        var project = KeyProject();

        var onTime = Submit(project, Nov1, Input(), nowUtc: new DateTime(2026, 11, 18, 15, 59, 59, DateTimeKind.Utc));   // 23:59:59 on the 18th in Beijing
        var late = Submit(KeyProject(), Nov1, Input(), nowUtc: new DateTime(2026, 11, 18, 16, 0, 0, DateTimeKind.Utc));   // 00:00 on the 19th in Beijing

        Assert.False(onTime.IsLate);
        Assert.True(late.IsLate);
    }

    [Fact]
    public void An_on_time_report_amended_after_the_deadline_stays_on_time()
    {
        var project = KeyProject();
        var first = Submit(project, Nov1, Input());

        var amended = Submit(project, Nov1, Input(narrative: "补充说明"), current: first, nowUtc: new DateTime(2026, 12, 20, 2, 0, 0, DateTimeKind.Utc));

        Assert.False(amended.IsLate);
    }

    [Fact]
    public void A_late_report_amended_stays_late()
    {
        var project = KeyProject();
        var first = Submit(project, Oct2, Input());
        Assert.True(first.IsLate);

        var amended = Submit(project, Oct2, Input(narrative: "补充说明"), current: first, nowUtc: Now.AddDays(1));

        Assert.True(amended.IsLate);
    }

    // --- Cumulative funds ----------------------------------------------------------------------------------------------

    [Fact]
    public void The_funds_of_each_period_add_up_on_the_project()
    {
        var project = KeyProject();

        Submit(project, Oct2, Input(funds: 3_000m, outOfRegion: 1_000m));
        Submit(project, Nov1, Input(funds: 2_000m, outOfRegion: 500m));

        Assert.Equal(5_000m, project.FundsInPlaceWan);
        Assert.Equal(1_500m, project.OutOfRegionFundsInPlaceWan);
    }

    [Fact]
    public void An_amendment_replaces_its_periods_figure_instead_of_adding_it_again()
    {
        var project = KeyProject();
        var oct = Submit(project, Oct2, Input(funds: 3_000m, outOfRegion: 1_000m));
        Submit(project, Nov1, Input(funds: 2_000m, outOfRegion: 500m));

        Submit(project, Oct2, Input(funds: 3_600m, outOfRegion: 1_200m), current: oct, nowUtc: Now.AddHours(1));

        Assert.Equal(5_600m, project.FundsInPlaceWan);
        Assert.Equal(1_700m, project.OutOfRegionFundsInPlaceWan);
    }

    [Fact]
    public void An_amendment_that_would_lower_the_cumulative_funds_is_refused_and_changes_nothing()
    {
        var project = KeyProject();
        Submit(project, Oct2, Input(funds: 3_000m, outOfRegion: 1_000m));
        var nov = Submit(project, Nov1, Input(funds: 2_000m, outOfRegion: 500m));
        var before = State(project);

        var violation = Rules.Refused("Funds.CannotDecrease", () =>
            Submit(project, Nov1, Input(funds: 1_500m, outOfRegion: 500m, reached: new MilestoneReached(PermitId, Today)), current: nov, nowUtc: Now.AddHours(1)));

        Assert.Equal(new object[] { 5_000m, 4_500m }, violation.Args);
        Assert.Equal(before, State(project));
        Assert.True(nov.IsCurrent);
    }

    [Fact]
    public void An_amendment_that_would_lower_the_out_of_region_funds_is_refused()
    {
        var project = KeyProject();
        var nov = Submit(project, Nov1, Input(funds: 2_000m, outOfRegion: 500m));
        var before = State(project);

        Rules.Refused("Funds.CannotDecrease", () => Submit(project, Nov1, Input(funds: 2_500m, outOfRegion: 400m), current: nov, nowUtc: Now.AddHours(1)));

        Assert.Equal(before, State(project));
        Assert.True(nov.IsCurrent);
    }

    [Fact]
    public void Out_of_region_funds_above_the_periods_total_are_refused()
    {
        var project = KeyProject();
        var before = State(project);

        Rules.Refused("Funds.OutOfRegionExceedsTotal", () => Submit(project, Nov1, Input(funds: 1_000m, outOfRegion: 1_000.01m)));

        Assert.Equal(before, State(project));
    }

    [Fact]
    public void Negative_funds_are_refused()
    {
        var project = KeyProject();

        Rules.Refused("Money.MustNotBeNegative", () => Submit(project, Nov1, Input(funds: -1m)));

        Assert.Equal(0m, project.FundsInPlaceWan);
    }

    [Fact]
    public void A_report_without_funds_leaves_the_funds_as_they_were()
    {
        var project = KeyProject();
        project.RecordFundsInPlace(8_000m, 2_000m, Now);

        Submit(project, Nov1, Input(funds: 0m));

        Assert.Equal((8_000m, 2_000m), (project.FundsInPlaceWan, project.OutOfRegionFundsInPlaceWan));
    }

    // --- Milestones ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Milestones_reported_as_reached_get_their_dates()
    {
        var project = KeyProject();

        Submit(project, Nov1, Input(reached: [new MilestoneReached(PermitId, new DateOnly(2026, 11, 5)), new MilestoneReached(GroundbreakingId, Today)]));

        Assert.Equal(new DateOnly(2026, 11, 5), project.Milestones[0].ReachedOn);
        Assert.Equal(Today, project.Milestones[1].ReachedOn);
    }

    [Fact]
    public void A_milestone_reached_in_the_future_is_refused_and_changes_nothing()
    {
        var project = KeyProject();
        var before = State(project);

        var violation = Rules.Refused("Milestone.ReachedInFuture", () => Submit(project, Nov1,
            Input(funds: 1_000m, reached: [new MilestoneReached(PermitId, Today), new MilestoneReached(GroundbreakingId, Today.AddDays(1))])));

        Assert.Equal(new object[] { "开工建设" }, violation.Args);
        Assert.Equal(before, State(project));
    }

    [Fact]
    public void The_future_is_measured_in_Beijing_days()
    {
        // 17:00Z on 10 Nov is already 11 Nov in Beijing: a milestone reached on the 11th is not in the future.
        var project = KeyProject();

        Submit(project, Nov1, Input(reached: new MilestoneReached(PermitId, new DateOnly(2026, 11, 11))), nowUtc: new DateTime(2026, 11, 10, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateOnly(2026, 11, 11), project.Milestones[0].ReachedOn);
    }

    [Fact]
    public void An_unknown_milestone_is_refused_and_changes_nothing()
    {
        var project = KeyProject();
        var before = State(project);

        Rules.Refused("Milestone.NotFound", () => Submit(project, Nov1, Input(funds: 1_000m, reached: new MilestoneReached(999, Today))));

        Assert.Equal(before, State(project));
    }

    [Fact]
    public void Reaching_a_milestone_through_the_project_refuses_a_future_date()
    {
        var project = KeyProject();

        Rules.Refused("Milestone.ReachedInFuture", () => project.ReachMilestone(PermitId, Today.AddDays(1), Now));
        project.ReachMilestone(PermitId, Today, Now);

        Assert.Equal(Today, project.Milestones[0].ReachedOn);
        Assert.Null(project.Milestones[1].ReachedOn);
    }

    // --- Voluntary updates -------------------------------------------------------------------------------------------

    [Fact]
    public void An_update_is_never_late()
    {
        var report = Submit(KeyProject(), new HalfMonthPeriod(2026, 9, 1), Input(), kind: ReportKind.Update);

        Assert.Equal(ReportKind.Update, report.Kind);
        Assert.False(report.IsLate);
    }

    [Fact]
    public void An_update_may_be_posted_for_a_project_that_owes_no_report()
    {
        var project = TestProjects.Create(ProjectStage.Negotiating, details: TestProjects.Details(investmentWan: 20_000m, jobs: 100));
        Assert.False(project.IsKeyProject);

        var report = Submit(project, Nov1, Input(), kind: ReportKind.Update);

        Assert.Equal(1, report.Revision);
        Rules.Refused("Report.NotKeyProject", () => Submit(project, Nov1, Input()));
    }

    [Fact]
    public void An_update_for_a_future_period_is_refused()
    {
        Rules.Refused("Report.FuturePeriod", () => Submit(KeyProject(), Nov2, Input(), kind: ReportKind.Update));
    }

    [Fact]
    public void A_fortnightly_report_and_an_update_for_the_same_period_are_separate_reports()
    {
        var project = KeyProject();

        var fortnightly = Submit(project, Nov1, Input(funds: 1_000m));
        var update = Submit(project, Nov1, Input(funds: 500m), kind: ReportKind.Update);

        Assert.Equal((1, 1), (fortnightly.Revision, update.Revision));
        Assert.True(fortnightly.IsCurrent);
        Assert.Equal(1_500m, project.FundsInPlaceWan);
    }

    // --- Refusals ------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_fortnightly_report_follows_the_period_rules()
    {
        var project = KeyProject();

        Rules.Refused("Report.BeforeSigning", () => Submit(project, new HalfMonthPeriod(2026, 10, 1), Input()));
        Rules.Refused("Report.FuturePeriod", () => Submit(project, Nov2, Input()));
        Rules.Refused("Report.NotSigned", () => Submit(TestProjects.Create(ProjectStage.Evaluation), Nov1, Input()));
    }

    [Theory]
    [InlineData(ReportKind.Fortnightly)]
    [InlineData(ReportKind.Update)]
    public void A_terminated_project_takes_no_report(ReportKind kind)
    {
        var project = TestProjects.Create(ProjectStage.Negotiating);
        project.MoveTo(TestProjects.CompleteTransitionTo(ProjectStage.Terminated), TestProjects.Actor, Now);
        var before = State(project);

        Rules.Refused("Project.Terminated", () => Submit(project, Nov1, Input(), kind: kind));

        Assert.Equal(before, State(project));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_report_needs_a_narrative(string narrative)
    {
        var project = KeyProject();
        var before = State(project);

        Rules.Refused("Report.NarrativeRequired", () => Submit(project, Nov1, Input(funds: 1_000m, narrative: narrative)));

        Assert.Equal(before, State(project));
    }

    [Fact]
    public void A_narrative_or_next_steps_longer_than_4000_characters_is_refused()
    {
        var project = KeyProject();
        var tooLong = new string('进', ProgressReport.TextMaxLength + 1);

        Assert.Equal(new object[] { 4000 }, Rules.Refused("Text.TooLong", () => Submit(project, Nov1, Input(narrative: tooLong))).Args);
        Rules.Refused("Text.TooLong", () => Submit(project, Nov1, Input(nextSteps: tooLong)));
        Assert.Equal(0m, project.FundsInPlaceWan);
    }

    [Fact]
    public void Exactly_4000_characters_are_accepted_and_surrounding_spaces_do_not_count()
    {
        var exactly = "  " + new string('进', ProgressReport.TextMaxLength) + "  ";

        var report = Submit(KeyProject(), Nov1, Input(narrative: exactly, nextSteps: exactly));

        Assert.Equal(ProgressReport.TextMaxLength, report.Narrative.Length);
        Assert.Equal(ProgressReport.TextMaxLength, report.NextSteps!.Length);
    }

    // --- Effects -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Submitting_raises_ProgressReportSubmitted_for_the_new_revision()
    {
        var project = KeyProject();
        var first = Submit(project, Nov1, Input());
        first.TakeDomainEvents();

        var amended = Submit(project, Nov1, Input(), current: first);

        Assert.Same(amended, Assert.IsType<ProgressReportSubmitted>(Assert.Single(amended.DomainEvents)).Report);
        Assert.Empty(first.DomainEvents);
    }

    [Fact]
    public void Submitting_counts_as_activity_on_the_project()
    {
        var project = KeyProject();
        var at = Now.AddDays(3);

        Submit(project, Nov1, Input(), nowUtc: at);

        Assert.Equal(at, project.LastActivityAtUtc);
        Assert.Equal(at, project.UpdatedAtUtc);
    }

    [Fact]
    public void Recording_funds_through_a_report_raises_ProjectUpdated()
    {
        var project = KeyProject();
        project.TakeDomainEvents();

        Submit(project, Nov1, Input(funds: 0m));
        Assert.Empty(project.DomainEvents);

        Submit(project, Oct2, Input(funds: 100m));
        Assert.IsType<ProjectUpdated>(Assert.Single(project.DomainEvents));
    }
}
