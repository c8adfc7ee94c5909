using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static KashiInvest.Web.Tests.Reports.ReportTestData;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Reports;

/// <summary>Filing fortnightly reports and updates (Art. 22) on the seeded demo database.</summary>
public sealed class SubmitReportCommandTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private Task<List<ProgressReport>> ReportsOfAsync(int projectId, HalfMonthPeriod period, ReportKind kind) =>
        database.QueryAsync(db => db.ProgressReports.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.PeriodIndex == period.Index && r.Kind == kind).OrderBy(r => r.Revision).ToListAsync());

    [Fact]
    public async Task A_chain_lead_files_for_its_own_chains_key_project_and_is_refused_another_chains()
    {
        var own = await TakeAsync(database);
        var other = await TakeAsync(database, p => p.ChainId != own.ChainId);
        var lead = await ChainLeadOfAsync(database, own);
        Assert.DoesNotContain(other.ChainId, lead.ChainIds);

        var filed = await Command(database).ExecuteAsync(lead, Report(own, CurrentPeriod));
        var refused = await Command(database).ExecuteAsync(lead, Report(other, CurrentPeriod));

        Assert.Equal(WriteStatus.Saved, filed.Status);
        // Another chain's project is outside the chain lead's scope: refused exactly as if it did not exist (the
        // form shows the same not-found page for NotFound and NotAllowed, so nothing about the project leaks).
        Assert.Equal(WriteStatus.NotFound, refused.Status);
        Assert.Single(await ReportsOfAsync(own.Id, CurrentPeriod, ReportKind.Fortnightly));
        Assert.Empty(await ReportsOfAsync(other.Id, CurrentPeriod, ReportKind.Fortnightly));
    }

    [Fact]
    public async Task The_host_county_may_post_an_update_but_not_the_fortnightly_report()
    {
        var project = await TakeAsync(database);
        var host = await database.ScopeOfAsync(project.HostCode);

        var fortnightly = await Command(database).ExecuteAsync(host, Report(project, CurrentPeriod, ReportKind.Fortnightly));
        var update = await Command(database).ExecuteAsync(host, Report(project, CurrentPeriod, ReportKind.Update, narrative: "县里协调解决了施工用电。"));

        Assert.Equal(WriteStatus.NotAllowed, fortnightly.Status);
        Assert.Equal(WriteStatus.Saved, update.Status);
        Assert.Empty(await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Fortnightly));
        var posted = Assert.Single(await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Update));
        Assert.Equal(project.HostCode, posted.SubmittedBy);
        Assert.False(posted.IsLate);
    }

    [Fact]
    public async Task A_leader_reads_but_may_not_file()
    {
        var project = await TakeAsync(database);
        var leader = new UserScope("leader", "地区领导", ActorRole.Leader, null, [], []);

        var result = await Command(database).ExecuteAsync(leader, Report(project, CurrentPeriod));

        Assert.Equal(WriteStatus.NotAllowed, result.Status);
        Assert.Empty(await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Fortnightly));
    }

    [Fact]
    public async Task A_second_first_submission_is_a_conflict_and_only_one_report_exists()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);

        var first = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, narrative: "第一位填报人的报告"));
        var second = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, narrative: "第二位填报人的报告"));

        Assert.Equal(WriteStatus.Saved, first.Status);
        Assert.Equal(WriteStatus.Conflict, second.Status);
        var only = Assert.Single(await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Fortnightly));
        Assert.Equal("第一位填报人的报告", only.Narrative);
        Assert.Equal(1, only.Revision);
    }

    [Fact]
    public async Task An_amendment_makes_revision_2_keeps_revision_1_and_replaces_the_periods_funds()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);

        var first = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, narrative: "初报", funds: 500m, outOfRegion: 300m));
        var amended = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, expectedRevision: 1, narrative: "修订后的报告", funds: 800m, outOfRegion: 300m));

        Assert.Equal(WriteStatus.Saved, first.Status);
        Assert.Equal(WriteStatus.Saved, amended.Status);
        var revisions = await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Fortnightly);
        Assert.Equal(new[] { 1, 2 }, revisions.Select(r => r.Revision));
        Assert.False(revisions[0].IsCurrent);
        Assert.Equal("初报", revisions[0].Narrative);
        Assert.True(revisions[1].IsCurrent);
        Assert.Equal("修订后的报告", revisions[1].Narrative);
        Assert.Equal(amended.Id, revisions[1].Id);
        var funds = await database.QueryAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => new { p.FundsInPlaceWan, p.OutOfRegionFundsInPlaceWan }).SingleAsync());
        Assert.Equal(project.FundsInPlaceWan + 800m, funds.FundsInPlaceWan);
        Assert.Equal(project.OutOfRegionFundsInPlaceWan + 300m, funds.OutOfRegionFundsInPlaceWan);
    }

    [Fact]
    public async Task Lowering_cumulative_funds_is_refused_on_the_funds_field_and_nothing_is_written()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        Assert.Equal(WriteStatus.Saved, (await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, funds: 500m))).Status);
        var before = await SnapshotAsync(project.Id);
        var milestone = await database.QueryAsync(db => db.Milestones.Where(m => m.ProjectId == project.Id && m.ReachedOn == null).Select(m => (int?)m.Id).FirstOrDefaultAsync());

        // An amendment that says only 100万 came in this period would take the cumulative total down by 400万.
        var result = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, expectedRevision: 1, funds: 100m,
            milestones: milestone is { } m ? [new MilestoneReached(m, DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(-1)))] : [],
            problems: [new NewProblem(ProblemCategory.Financing, null, "贷款审批慢", ProblemSeverity.High, project.HostUnitId, DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(20)))]));

        Assert.Equal(WriteStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(nameof(ReportInput.FundsInPlaceThisPeriodWan), error.Field);
        Assert.Equal("Funds.CannotDecrease", error.Violation.Code);
        Assert.Equal(before, await SnapshotAsync(project.Id));
    }

    [Fact]
    public async Task Problems_raised_in_the_report_enter_the_ledger_with_it()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        var due = DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(30));

        var result = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, problems:
        [
            new NewProblem(ProblemCategory.FactorSupply, FactorKind.Power, "二期厂房施工用电容量不足", ProblemSeverity.Blocking, project.HostUnitId, due),
            new NewProblem(ProblemCategory.Approvals, FactorKind.Land, "环评批复尚未下达", ProblemSeverity.Medium, lead.UnitId, due),
        ]));

        Assert.Equal(WriteStatus.Saved, result.Status);
        var raised = await database.QueryAsync(db => db.Problems.AsNoTracking().Include(p => p.History)
            .Where(p => p.ProjectId == project.Id && p.RaisedBy == lead.UserName).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, raised.Count);
        Assert.Equal(FactorKind.Power, raised[0].Factor);
        Assert.Equal(project.HostUnitId, raised[0].OwnerUnitId);
        Assert.Equal(ProblemSeverity.Blocking, raised[0].Severity);
        Assert.Null(raised[1].Factor); // a factor only belongs to factor-supply problems
        Assert.Equal(lead.UnitId, raised[1].OwnerUnitId);
        Assert.All(raised, p => Assert.Equal(due, p.DueOn));
        Assert.All(raised, p => Assert.Equal(ProblemAction.Raised, Assert.Single(p.History).Action));
    }

    [Fact]
    public async Task A_problem_without_a_description_is_refused_next_to_its_row_and_nothing_is_written()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);

        var result = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, problems:
            [new NewProblem(ProblemCategory.FactorSupply, null, " ", ProblemSeverity.Low, project.HostUnitId, DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(5)))]));

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(new[] { "Problems[0].Description", "Problems[0].Factor" }, result.Errors!.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Empty(await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Fortnightly));
    }

    [Fact]
    public async Task A_problem_for_an_unknown_owner_unit_is_a_field_error_not_a_conflict()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);

        var result = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, problems:
            [new NewProblem(ProblemCategory.Other, null, "协调事项", ProblemSeverity.Low, 999_999, DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(5)))]));

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal("Problems[0].OwnerUnitId", Assert.Single(result.Errors!).Field);
        Assert.Empty(await ReportsOfAsync(project.Id, CurrentPeriod, ReportKind.Fortnightly));
    }

    [Fact]
    public async Task More_problems_than_the_cap_are_refused_on_the_problem_list_and_nothing_is_written()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        var cap = new KashiInvest.Web.Shared.LimitsOptions().ProblemsPerReport;
        var due = DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(5));
        var before = await SnapshotAsync(project.Id);

        var result = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, problems:
            [.. Enumerable.Range(1, cap + 1).Select(i => new NewProblem(ProblemCategory.Other, null, $"协调事项{i}", ProblemSeverity.Low, project.HostUnitId, due))]));

        Assert.Equal(WriteStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(("Problems", "List.TooMany"), (error.Field, error.Violation.Code));
        Assert.Equal([cap], error.Violation.Args);
        Assert.Equal(before, await SnapshotAsync(project.Id));
    }

    [Theory]
    [InlineData(-1, false)] // the last tick of the due day in Beijing
    [InlineData(0, true)]   // midnight after the due day
    public async Task A_report_filed_after_the_deadline_is_marked_late(int ticksFromDeadline, bool late)
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        var period = CurrentPeriod;
        var deadlineDays = database.Services.GetRequiredService<IOptions<HealthSettings>>().Value.ReportDeadlineDays;
        var clock = new ManualClock(new DateTimeOffset(period.DueAtUtc(deadlineDays).AddTicks(ticksFromDeadline), TimeSpan.Zero));

        var result = await Command(database, clock).ExecuteAsync(lead, Report(project, period));

        Assert.Equal(WriteStatus.Saved, result.Status);
        Assert.Equal(late, Assert.Single(await ReportsOfAsync(project.Id, period, ReportKind.Fortnightly)).IsLate);
    }

    [Fact]
    public async Task Filing_leaves_audit_rows_for_the_report_and_the_project()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);

        var result = await Command(database).ExecuteAsync(lead, Report(project, CurrentPeriod, funds: 1_200m, outOfRegion: 1_000m));

        Assert.Equal(WriteStatus.Saved, result.Status);
        var audit = await database.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == lead.UserName).ToListAsync());
        var report = Assert.Single(audit, a => a.EntityType == nameof(ProgressReport) && a.EntityId == result.Id.ToString());
        Assert.Equal(Domain.Audit.AuditAction.Added, report.Action);
        Assert.Equal(lead.UnitId, report.UnitId);
        Assert.Contains("厂房主体结构完工", report.After, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.EntityType == nameof(Domain.Projects.Project) && a.EntityId == project.Id.ToString() && a.Action == Domain.Audit.AuditAction.Modified);
    }

    /// <summary>Everything a refused submission must leave untouched.</summary>
    private Task<string> SnapshotAsync(int projectId) => database.QueryAsync(async db =>
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Milestones).SingleAsync(x => x.Id == projectId);
        var reports = await db.ProgressReports.CountAsync(r => r.ProjectId == projectId);
        var problems = await db.Problems.CountAsync(r => r.ProjectId == projectId);
        var audit = await db.AuditEntries.CountAsync();
        var milestones = string.Join(",", p.Milestones.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.ReachedOn}"));
        return $"v{p.Version} f{p.FundsInPlaceWan} o{p.OutOfRegionFundsInPlaceWan} u{p.UpdatedAtUtc:O} r{reports} p{problems} a{audit} m[{milestones}]";
    });
}
