using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Reports;

public class FortnightlyObligationsTests
{
    /// <summary>2026-11-10 10:00 in Beijing.</summary>
    private static readonly DateTime Now = TestProjects.Now;
    private static readonly DateOnly Today = TestProjects.Today;
    private static readonly DateOnly SignedOct20 = new(2026, 10, 20);
    private static readonly HalfMonthPeriod Oct1 = new(2026, 10, 1), Oct2 = new(2026, 10, 2), Nov1 = new(2026, 11, 1), Nov2 = new(2026, 11, 2);

    private static IReadOnlyList<ReportObligation> For(DateOnly? signedOn, DateTime? nowUtc = null, ProjectStage stage = ProjectStage.Construction,
        bool isKeyProject = true, int deadlineDays = 3, params SubmittedReport[] submitted) =>
        FortnightlyObligations.For(stage, isKeyProject, signedOn, submitted, nowUtc ?? Now, deadlineDays);

    // --- Which periods are owed ------------------------------------------------------------------------------------

    [Fact]
    public void A_key_project_owes_every_period_from_the_one_it_was_signed_in_up_to_the_current_one()
    {
        var obligations = For(SignedOct20);

        Assert.Equal([Oct2, Nov1], obligations.Select(o => o.Period));
        Assert.Equal([new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 18)], obligations.Select(o => o.DueOn));
    }

    [Theory]
    [InlineData("2026-11-15", "2026-11-H1")]
    [InlineData("2026-11-16", "2026-11-H2")]
    public void The_first_period_owed_is_the_one_containing_the_signing_day(string signedOn, string firstPeriod)
    {
        var signed = DateOnly.ParseExact(signedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var obligations = For(signed, nowUtc: new DateTime(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc));

        Assert.Equal(firstPeriod, obligations[0].Period.ToString());
        Assert.Equal("2026-12-H1", obligations[^1].Period.ToString());
    }

    [Fact]
    public void A_project_signed_today_owes_the_current_period_only_and_it_is_due()
    {
        var obligation = Assert.Single(For(Today));

        Assert.Equal(Nov1, obligation.Period);
        Assert.Equal(ObligationState.Due, obligation.State);
        Assert.Equal(0, obligation.Revision);
        Assert.True(obligation.IsOutstanding);
    }

    [Fact]
    public void The_owed_periods_cross_the_new_year()
    {
        var obligations = For(new DateOnly(2026, 12, 20), nowUtc: new DateTime(2027, 1, 5, 4, 0, 0, DateTimeKind.Utc));

        Assert.Equal(["2026-12-H2", "2027-01-H1"], obligations.Select(o => o.Period.ToString()));
        Assert.Equal(new DateOnly(2027, 1, 3), obligations[0].DueOn);
    }

    [Fact]
    public void The_current_period_is_that_of_the_Beijing_date()
    {
        // 16:30Z on 15 Nov is 00:30 on 16 Nov in Beijing: the second half of November has begun.
        var obligations = For(SignedOct20, nowUtc: new DateTime(2026, 11, 15, 16, 30, 0, DateTimeKind.Utc));

        Assert.Equal(Nov2, obligations[^1].Period);
        Assert.Equal(Nov1, For(SignedOct20, nowUtc: new DateTime(2026, 11, 15, 15, 59, 0, DateTimeKind.Utc))[^1].Period);
    }

    // --- States ------------------------------------------------------------------------------------------------------

    [Fact]
    public void An_unsubmitted_period_past_its_deadline_is_overdue_and_the_current_one_is_due()
    {
        var obligations = For(SignedOct20);

        Assert.Equal([ObligationState.Overdue, ObligationState.Due], obligations.Select(o => o.State));
        Assert.All(obligations, o => Assert.True(o.IsOutstanding));
    }

    [Fact]
    public void A_period_becomes_overdue_at_the_end_of_its_due_day_in_Beijing()
    {
        // 2026-10-H2 is due on 3 Nov; that Beijing day ends at 16:00Z.
        var endOfDueDay = new DateTime(2026, 11, 3, 16, 0, 0, DateTimeKind.Utc);

        Assert.Equal(ObligationState.Due, For(SignedOct20, nowUtc: endOfDueDay.AddTicks(-1))[0].State);
        Assert.Equal(ObligationState.Due, For(SignedOct20, nowUtc: new DateTime(2026, 11, 3, 15, 59, 59, DateTimeKind.Utc))[0].State);
        Assert.Equal(ObligationState.Overdue, For(SignedOct20, nowUtc: endOfDueDay)[0].State);
    }

    [Fact]
    public void The_deadline_days_move_the_due_day()
    {
        var at = new DateTime(2026, 11, 5, 4, 0, 0, DateTimeKind.Utc); // 5 Nov, noon in Beijing

        Assert.Equal(ObligationState.Overdue, For(SignedOct20, at, deadlineDays: 4)[0].State);
        var patient = For(SignedOct20, at, deadlineDays: 5)[0];
        Assert.Equal(ObligationState.Due, patient.State);
        Assert.Equal(new DateOnly(2026, 11, 5), patient.DueOn);
    }

    [Fact]
    public void Submitted_periods_are_submitted_or_submitted_late_with_their_current_revision()
    {
        var obligations = For(SignedOct20, submitted: [new SubmittedReport(Oct2.Index, 2, IsLate: true), new SubmittedReport(Nov1.Index, 1, IsLate: false)]);

        Assert.Equal([ObligationState.SubmittedLate, ObligationState.Submitted], obligations.Select(o => o.State));
        Assert.Equal([2, 1], obligations.Select(o => o.Revision));
        Assert.All(obligations, o => Assert.False(o.IsOutstanding));
    }

    [Fact]
    public void Reports_for_periods_before_signing_do_not_add_obligations()
    {
        var obligations = For(SignedOct20, submitted: [new SubmittedReport(Oct1.Index, 1, false)]);

        Assert.Equal([Oct2, Nov1], obligations.Select(o => o.Period));
        Assert.Equal(ObligationState.Overdue, obligations[0].State);
    }

    // --- Who owes nothing ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(ProjectStage.Signed, true)]
    [InlineData(ProjectStage.Landing, true)]
    [InlineData(ProjectStage.Construction, true)]
    [InlineData(ProjectStage.Production, false)]
    [InlineData(ProjectStage.Reserve, false)]
    [InlineData(ProjectStage.Terminated, false)]
    [InlineData(ProjectStage.Lead, false)]
    [InlineData(ProjectStage.Negotiating, false)]
    [InlineData(ProjectStage.Evaluation, false)]
    public void Only_signed_landing_and_construction_projects_owe_reports(ProjectStage stage, bool owes)
    {
        Assert.Equal(owes, FortnightlyObligations.Applies(stage, isKeyProject: true, SignedOct20));
        Assert.Equal(owes, For(SignedOct20, stage: stage).Count > 0);
    }

    [Fact]
    public void A_project_that_is_not_a_key_project_owes_nothing()
    {
        Assert.False(FortnightlyObligations.Applies(ProjectStage.Construction, isKeyProject: false, SignedOct20));
        Assert.Empty(For(SignedOct20, isKeyProject: false));
    }

    [Fact]
    public void A_project_without_a_signing_date_owes_nothing()
    {
        Assert.False(FortnightlyObligations.Applies(ProjectStage.Construction, isKeyProject: true, signedOn: null));
        Assert.Empty(For(signedOn: null));
    }

    // --- Which periods may be filed --------------------------------------------------------------------------------

    [Fact]
    public void A_signed_key_project_may_file_from_its_signing_period_up_to_the_current_one()
    {
        var project = TestProjects.SignedKeyProject(SignedOct20, ProjectStage.Construction);

        Assert.Null(FortnightlyObligations.CheckPeriod(project, Oct2, Today));
        Assert.Null(FortnightlyObligations.CheckPeriod(project, Nov1, Today));
    }

    [Fact]
    public void A_project_that_is_not_a_key_project_files_no_fortnightly_report()
    {
        var project = TestProjects.SignedKeyProject(SignedOct20, details: TestProjects.Details(investmentWan: 20_000m, jobs: 100));
        Assert.False(project.IsKeyProject);

        Assert.Equal("Report.NotKeyProject", FortnightlyObligations.CheckPeriod(project, Nov1, Today)?.Code);
    }

    [Theory]
    [InlineData(ProjectStage.Negotiating)]
    [InlineData(ProjectStage.Evaluation)]
    [InlineData(ProjectStage.Reserve)]
    public void A_key_project_not_yet_signed_files_no_fortnightly_report(ProjectStage stage)
    {
        var project = TestProjects.Create(stage);
        Assert.True(project.IsKeyProject);

        Assert.Equal("Report.NotSigned", FortnightlyObligations.CheckPeriod(project, Nov1, Today)?.Code);
    }

    [Fact]
    public void A_project_in_a_signed_stage_without_a_signing_date_counts_as_not_signed()
    {
        // e.g. imported straight into construction: there is no period to start from.
        var project = TestProjects.Create(ProjectStage.Construction);
        Assert.Null(project.SignedOn);

        Assert.Equal("Report.NotSigned", FortnightlyObligations.CheckPeriod(project, Nov1, Today)?.Code);
    }

    [Fact]
    public void A_period_before_the_signing_period_is_refused()
    {
        var project = TestProjects.SignedKeyProject(SignedOct20);

        Assert.Equal("Report.BeforeSigning", FortnightlyObligations.CheckPeriod(project, Oct1, Today)?.Code);
        Assert.Equal("Report.BeforeSigning", FortnightlyObligations.CheckPeriod(project, new HalfMonthPeriod(2025, 12, 2), Today)?.Code);
    }

    [Fact]
    public void A_future_period_is_refused_until_its_first_day()
    {
        var project = TestProjects.SignedKeyProject(SignedOct20);

        Assert.Equal("Report.FuturePeriod", FortnightlyObligations.CheckPeriod(project, Nov2, Today)?.Code);
        Assert.Equal("Report.FuturePeriod", FortnightlyObligations.CheckPeriod(project, Nov2, new DateOnly(2026, 11, 15))?.Code);
        Assert.Null(FortnightlyObligations.CheckPeriod(project, Nov2, new DateOnly(2026, 11, 16)));
    }

    [Fact]
    public void The_checks_are_made_in_order_key_project_then_signed_then_period()
    {
        var notKeyNotSigned = TestProjects.Create(ProjectStage.Negotiating, details: TestProjects.Details(investmentWan: 20_000m, jobs: 100));

        Assert.Equal("Report.NotKeyProject", FortnightlyObligations.CheckPeriod(notKeyNotSigned, new HalfMonthPeriod(2030, 1, 1), Today)?.Code);
        Assert.Equal("Report.NotSigned", FortnightlyObligations.CheckPeriod(TestProjects.Create(ProjectStage.Evaluation), new HalfMonthPeriod(2030, 1, 1), Today)?.Code);
    }

    [Fact]
    public void Signing_is_what_starts_the_obligation()
    {
        var project = TestProjects.Create(ProjectStage.Evaluation);
        Assert.IsType<RuleViolation>(FortnightlyObligations.CheckPeriod(project, Nov1, Today));

        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 11, 2)), TestProjects.Actor, Now);

        Assert.Null(FortnightlyObligations.CheckPeriod(project, Nov1, Today));
        Assert.Equal([Nov1], For(project.SignedOn, stage: project.Stage, isKeyProject: project.IsKeyProject).Select(o => o.Period));
    }
}
