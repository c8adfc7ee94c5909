using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Infrastructure.Tests.Reports;

/// <summary>Reports and ledger entries on a real SQLite file: one report per project-period, revisions, history rows, notices after commit.</summary>
public sealed class ReportPersistenceTests
{
    private const int DeadlineDays = 3;
    private static readonly Actor ChainLead = new("chain-textiles", null);

    // The test clock reads 20 Nov 2026, 10:00 in Beijing: 2026-11-H2 is the current period.
    private static readonly DateOnly SignedOn = new(2026, 11, 2);
    private static readonly HalfMonthPeriod Nov1 = new(2026, 11, 1), Nov2 = new(2026, 11, 2);

    private static ReportInput Input(string narrative, decimal funds = 0m, decimal outOfRegion = 0m) =>
        new(narrative, null, funds, outOfRegion, []);

    /// <summary>A key project of county A on chain 1, brought in by the sub-bureau, signed on 2 Nov.</summary>
    private static async Task<int> SignedKeyProjectAsync(TestDatabase database, MiniWorld w)
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        db.Actor = MiniWorld.Setup;
        var details = new ProjectDetails("疏附县重点纺织项目", null, w.CountyA, w.Chain1, null, w.Investor, 75_000m, 600, null, null, null, null,
            [new MilestoneInput(null, "取得施工许可", new DateOnly(2026, 12, 1), null)]);
        var project = Project.Create("KS-2026-0100", details, InvestorTier.None, w.SubBureau, MiniWorld.Setup, now, WorkGroupThresholds.Default, ProjectStage.Evaluation);
        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: SignedOn), MiniWorld.Setup, now);
        Assert.True(project.IsKeyProject);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static Task<Project> LoadAsync(KashiDbContext db, int projectId) =>
        db.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == projectId);

    private static Task<List<ProgressReport>> ReportsAsync(KashiDbContext db, int projectId, HalfMonthPeriod period) =>
        db.ProgressReports.AsNoTracking().Where(r => r.ProjectId == projectId && r.PeriodIndex == period.Index).OrderBy(r => r.Revision).ToListAsync();

    // --- (a) One report per project and period ----------------------------------------------------------------------

    [Fact]
    public async Task Two_first_submissions_for_the_same_period_racing_each_other_leave_exactly_one_report()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        first.Actor = second.Actor = ChainLead;
        // Both read the project before either writes: each believes it files the first revision.
        var p1 = await LoadAsync(first, id);
        var p2 = await LoadAsync(second, id);
        first.ProgressReports.Add(ProgressReporting.Submit(p1, Nov2, ReportKind.Fortnightly, null, Input("甲填报", 1_000m), ChainLead, now, DeadlineDays));
        second.ProgressReports.Add(ProgressReporting.Submit(p2, Nov2, ReportKind.Fortnightly, null, Input("乙填报", 2_000m), ChainLead, now, DeadlineDays));

        var outcomes = await Task.WhenAll(Task.Run(() => TrySaveAsync(first)), Task.Run(() => TrySaveAsync(second)));

        Assert.Single(outcomes, o => o is null);
        Assert.IsAssignableFrom<DbUpdateException>(Assert.Single(outcomes, o => o is not null));
        await using var check = database.CreateContext();
        var report = Assert.Single(await ReportsAsync(check, id, Nov2));
        Assert.Equal(1, report.Revision);
        Assert.True(report.IsCurrent);
        var winner = outcomes[0] is null ? ("甲填报", 1_000m) : ("乙填报", 2_000m);
        Assert.Equal(winner, (report.Narrative, report.FundsInPlaceThisPeriodWan));
        // The project's cumulative funds are the winner's alone.
        Assert.Equal(winner.Item2, (await check.Projects.SingleAsync(p => p.Id == id)).FundsInPlaceWan);
    }

    [Fact]
    public async Task The_database_refuses_a_second_revision_1_for_the_same_project_period_and_kind()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        // Written directly, without touching the project, so that only the unique index can refuse it.
        ProgressReport Report(ReportKind kind) => new(id, Nov2, kind, 1, "进展", null, 0m, 0m, ChainLead, now, false);
        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            db.ProgressReports.AddRange(Report(ReportKind.Fortnightly), Report(ReportKind.Update));
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            db.ProgressReports.Add(Report(ReportKind.Fortnightly));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal([ReportKind.Fortnightly, ReportKind.Update], (await ReportsAsync(check, id, Nov2)).Select(r => r.Kind).Order());
    }

    // --- (b) Revisions ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_amendment_keeps_both_revisions_and_only_the_newest_is_current()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var firstAt = database.Clock.GetUtcNow().UtcDateTime;

        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            db.ProgressReports.Add(ProgressReporting.Submit(await LoadAsync(db, id), Nov1, ReportKind.Fortnightly, null, Input("初稿", 1_000m, 400m), ChainLead, firstAt, DeadlineDays));
            await db.SaveChangesAsync();
        }
        database.Clock.Advance(TimeSpan.FromDays(2));
        var amendedAt = database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            var project = await LoadAsync(db, id);
            var current = await db.ProgressReports.SingleAsync(r => r.ProjectId == id && r.PeriodIndex == Nov1.Index && r.Kind == ReportKind.Fortnightly && r.IsCurrent);
            db.ProgressReports.Add(ProgressReporting.Submit(project, Nov1, ReportKind.Fortnightly, current, Input("修订稿", 1_500m, 400m), ChainLead, amendedAt, DeadlineDays));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var revisions = await ReportsAsync(check, id, Nov1);
        Assert.Equal([(1, false, "初稿", firstAt), (2, true, "修订稿", amendedAt)], revisions.Select(r => (r.Revision, r.IsCurrent, r.Narrative, r.SubmittedAtUtc)));
        // 2026-11-H1 was due on 18 Nov: the first revision on the 20th was late, and so is its amendment.
        Assert.All(revisions, r => Assert.True(r.IsLate));
        Assert.Equal(1, revisions[0].Version);
        var saved = await check.Projects.SingleAsync(p => p.Id == id);
        Assert.Equal((1_500m, 400m), (saved.FundsInPlaceWan, saved.OutOfRegionFundsInPlaceWan));
    }

    // --- (c) Ledger history ----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_problems_history_rows_are_saved_and_reloaded_in_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var projectId = w.Projects["A1"];
        var county = new Actor("county-a.investment", w.CountyA);
        var lead = new Actor("lead-1.staff", w.LeadUnit1);
        var due = new DateOnly(2026, 11, 30);
        DateTime Now() => database.Clock.GetUtcNow().UtcDateTime;

        int problemId;
        await using (var db = database.CreateContext())
        {
            db.Actor = county;
            var problem = new Problem(projectId, ProblemCategory.FactorSupply, FactorKind.Power, "用电负荷指标不足", ProblemSeverity.Blocking, w.CountyA, due, county, Now());
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            problemId = problem.Id;
        }
        async Task ActAsync(Actor actor, Action<Problem> act)
        {
            database.Clock.Advance(TimeSpan.FromHours(5));
            await using var db = database.CreateContext();
            db.Actor = actor;
            act(await db.Problems.Include(p => p.History).SingleAsync(p => p.Id == problemId));
            await db.SaveChangesAsync();
        }
        await ActAsync(county, p => p.Start(county, Now()));
        await ActAsync(county, p => p.Escalate("县级无法协调电力指标", w.LeadUnit1, due.AddDays(10), county, Now()));
        await ActAsync(lead, p => p.Resolve("已协调新增变压器", lead, Now()));
        await ActAsync(county, p => p.Reopen("企业反映仍未通电", county, Now()));

        await using var check = database.CreateContext();
        var saved = await check.Problems.AsNoTracking().Include(p => p.History).SingleAsync(p => p.Id == problemId);
        var t0 = FakeClock.DefaultNow.UtcDateTime;
        Assert.Equal(
            new (ProblemAction, string, int?, ProblemStatus, EscalationLevel, int, string?, DateTime)[]
            {
                (ProblemAction.Raised, "county-a.investment", w.CountyA, ProblemStatus.New, EscalationLevel.County, w.CountyA, null, t0),
                (ProblemAction.Started, "county-a.investment", w.CountyA, ProblemStatus.InProgress, EscalationLevel.County, w.CountyA, null, t0.AddHours(5)),
                (ProblemAction.Escalated, "county-a.investment", w.CountyA, ProblemStatus.Escalated, EscalationLevel.ChainLead, w.LeadUnit1, "县级无法协调电力指标", t0.AddHours(10)),
                (ProblemAction.Resolved, "lead-1.staff", w.LeadUnit1, ProblemStatus.Resolved, EscalationLevel.ChainLead, w.LeadUnit1, "已协调新增变压器", t0.AddHours(15)),
                (ProblemAction.Reopened, "county-a.investment", w.CountyA, ProblemStatus.Escalated, EscalationLevel.ChainLead, w.LeadUnit1, "企业反映仍未通电", t0.AddHours(20)),
            },
            saved.History.Select(h => (h.Action, h.UserName, h.UnitId, h.Status, h.Level, h.OwnerUnitId, h.Note, h.AtUtc)));
        Assert.All(saved.History, h => Assert.Equal(DateTimeKind.Utc, h.AtUtc.Kind));
        Assert.All(saved.History, h => Assert.Equal(problemId, h.ProblemId));
        Assert.Equal((w.LeadUnit1, due.AddDays(10), 4), (saved.OwnerUnitId, saved.DueOn, saved.Version));
        Assert.Equal(5, await check.ProblemHistory.CountAsync(h => h.ProblemId == problemId));
    }

    // --- (d) Notices after commit ----------------------------------------------------------------------------------

    [Fact]
    public async Task Committed_reports_and_problems_reach_the_live_bus_as_notices_scoped_by_their_projects_key()
    {
        var dispatcher = new SwitchableDispatcher();
        await using var database = await TestDatabase.CreateAsync(dispatcher: dispatcher);
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        // Wired as the application wires it, so the project's key is looked up in the database (it was created before).
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(database.Clock);
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
        }).Build(), database.Folder);
        services.AddSingleton(database.Factory);
        await using var provider = services.BuildServiceProvider();
        dispatcher.Inner = provider.GetRequiredService<IDomainEventDispatcher>();
        var bus = provider.GetRequiredService<InMemoryLiveBus>();
        Assert.IsType<LiveBusEventDispatcher>(dispatcher.Inner);
        await using var listener = BusListener.Start(bus);
        var key = new ProjectKey(id, w.CountyA, w.Chain1, w.SubBureau);

        ProgressReport report;
        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            report = ProgressReporting.Submit(await LoadAsync(db, id), Nov2, ReportKind.Fortnightly, null, Input("厂房基础施工", 800m), ChainLead, now, DeadlineDays);
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync();
        }
        var afterReport = await listener.NextBatchAsync();

        Assert.Equal([ChangeKinds.ProjectUpdated, ChangeKinds.ReportSubmitted], afterReport.Select(n => n.Kind).Order(StringComparer.Ordinal));
        var submitted = Assert.Single(afterReport, n => n.Kind == ChangeKinds.ReportSubmitted);
        Assert.Equal(key, submitted.Project);
        Assert.Equal((report.Id, (int?)Nov2.Index, 1, now), (submitted.ItemId ?? 0, submitted.PeriodIndex, submitted.Version, submitted.AtUtc));
        Assert.True(report.Id > 0);
        Assert.All(afterReport, n => Assert.Equal(key, n.Project));

        int problemId;
        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            var problem = new Problem(id, ProblemCategory.Approvals, null, "环评批复滞后", ProblemSeverity.High, w.CountyA, new DateOnly(2026, 12, 5), ChainLead, now);
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            problemId = problem.Id;
        }
        var raised = Assert.Single(await listener.NextBatchAsync());
        Assert.Equal((ChangeKinds.ProblemRaised, (int?)problemId, key), (raised.Kind, raised.ItemId, raised.Project));

        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            var problem = await db.Problems.Include(p => p.History).SingleAsync(p => p.Id == problemId);
            problem.Escalate("需链主协调", w.LeadUnit1, null, ChainLead, now);
            await db.SaveChangesAsync();
        }
        var changed = Assert.Single(await listener.NextBatchAsync());
        Assert.Equal((ChangeKinds.ProblemChanged, (int?)problemId, key, 1), (changed.Kind, changed.ItemId, changed.Project, changed.Version));
        Assert.True(changed.Sequence > raised.Sequence && raised.Sequence > submitted.Sequence);

        // A screen filters notices with the same rule as its queries.
        var countyA = new UserScope("a", "a", ActorRole.AttractingUnit, w.CountyA, [], []);
        var countyB = new UserScope("b", "b", ActorRole.AttractingUnit, w.CountyB, [], []);
        Assert.True(ProjectAccess.CanSee(countyA, changed.Project!.Value));
        Assert.False(ProjectAccess.CanSee(countyB, changed.Project!.Value));
    }

    [Fact]
    public async Task A_rolled_back_report_sends_no_notice()
    {
        var recorder = new RecordingDispatcher();
        await using var database = await TestDatabase.CreateAsync(dispatcher: recorder);
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        recorder.Events.Clear();

        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            await using var tx = await db.Database.BeginTransactionAsync();
            db.ProgressReports.Add(ProgressReporting.Submit(await LoadAsync(db, id), Nov2, ReportKind.Fortnightly, null, Input("撤回"), ChainLead, database.Clock.GetUtcNow().UtcDateTime, DeadlineDays));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Empty(recorder.Events);

        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            db.ProgressReports.Add(ProgressReporting.Submit(await LoadAsync(db, id), Nov2, ReportKind.Fortnightly, null, Input("正式填报"), ChainLead, database.Clock.GetUtcNow().UtcDateTime, DeadlineDays));
            await db.SaveChangesAsync();
        }
        var published = Assert.IsType<ProgressReportSubmitted>(Assert.Single(recorder.Events));
        Assert.Equal("正式填报", published.Report.Narrative);
        Assert.True(published.Report.Id > 0);
    }

    private static async Task<Exception?> TrySaveAsync(KashiDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException ex)
        {
            return ex;
        }
    }

    /// <summary>Lets the test database be created before the application's dispatcher exists.</summary>
    private sealed class SwitchableDispatcher : IDomainEventDispatcher
    {
        public IDomainEventDispatcher Inner { get; set; } = NullDomainEventDispatcher.Instance;

        public Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) => Inner.DispatchAsync(events, cancellationToken);
    }

    private sealed class RecordingDispatcher : IDomainEventDispatcher
    {
        public List<IDomainEvent> Events { get; } = [];

        public Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// One subscriber of the bus. Publishing happens inside <c>SaveChangesAsync</c>, so when a save returns every
    /// notice it caused is already queued: <see cref="NextBatchAsync"/> waits for the first and takes the rest that are there.
    /// </summary>
    private sealed class BusListener : IAsyncDisposable
    {
        private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(30));
        private readonly IAsyncEnumerator<ChangeNotice> _notices;
        private ValueTask<bool> _pending;

        private BusListener(InMemoryLiveBus bus)
        {
            _notices = bus.SubscribeAsync(_cts.Token).GetAsyncEnumerator(_cts.Token);
            _pending = _notices.MoveNextAsync(); // runs up to the first wait: the subscriber is registered now
            Assert.Equal(1, bus.SubscriberCount);
        }

        public static BusListener Start(InMemoryLiveBus bus) => new(bus);

        public async Task<List<ChangeNotice>> NextBatchAsync()
        {
            var batch = new List<ChangeNotice>();
            Assert.True(await _pending);
            batch.Add(_notices.Current);
            while (true)
            {
                _pending = _notices.MoveNextAsync();
                if (!_pending.IsCompleted) return batch;
                Assert.True(await _pending);
                batch.Add(_notices.Current);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _cts.CancelAsync();
            try
            {
                await _pending;
            }
            catch (OperationCanceledException)
            {
                // Expected: the subscription ends with the token.
            }
            await _notices.DisposeAsync();
            _cts.Dispose();
        }
    }
}
