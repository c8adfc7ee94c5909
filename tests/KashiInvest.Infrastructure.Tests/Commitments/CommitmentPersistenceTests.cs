using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Commitments;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Infrastructure.Tests.Commitments;

/// <summary>Commitments on a real SQLite file: stored and read back whole, and made due after commit by the report that brings funds in place.</summary>
public sealed class CommitmentPersistenceTests
{
    private static readonly Actor County = new("county-a", null);
    private static readonly Actor ChainLead = new("chain-textiles", null);

    private static CommitmentInput Input(int responsibleUnitId, params CommitmentConditionInput[] conditions) => new(
        CommitmentKind.Subsidy, null, "喀地政发〔2024〕12号", "第五条", "设备购置补贴", 500m, "按设备投资额的10%，最高500万元", responsibleUnitId, 10,
        LimitUnit.WorkingDays, "设备发票", FairCompetitionConcern.None, null, conditions);

    private static async Task<int> SignedProjectAsync(TestDatabase database, MiniWorld w)
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        db.Actor = MiniWorld.Setup;
        var details = new ProjectDetails("疏附县纺织项目", null, w.CountyA, w.Chain1, null, w.Investor, 75_000m, 600, null, null, null, null, []);
        var project = Project.Create("KS-2026-0100", details, InvestorTier.None, w.SubBureau, MiniWorld.Setup, now, WorkGroupThresholds.Default, ProjectStage.Evaluation);
        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 11, 2)), MiniWorld.Setup, now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static async Task<int> RecordAsync(TestDatabase database, int projectId, int hostUnitId, CommitmentInput input)
    {
        await using var db = database.CreateContext();
        db.Actor = County;
        var commitment = new Commitment(projectId, hostUnitId, input, County, database.Clock.GetUtcNow().UtcDateTime);
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync();
        return commitment.Id;
    }

    private static Task<Commitment> LoadAsync(KashiDbContext db, int id) =>
        db.Commitments.Include(c => c.Conditions).Include(c => c.Payments).Include(c => c.History).AsNoTracking().SingleAsync(c => c.Id == id);

    [Fact]
    public async Task A_commitment_is_stored_with_its_conditions_payments_and_history_and_every_change_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var projectId = await SignedProjectAsync(database, w);
        var id = await RecordAsync(database, projectId, w.CountyA, Input(w.LeadUnit1,
            new CommitmentConditionInput(ConditionKind.ByHand, Description: "通过竣工验收"), new CommitmentConditionInput(ConditionKind.FundsInPlace, 5_000m)));
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var today = BeijingTime.Today(database.Clock);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await using (var db = database.CreateContext())
        {
            db.Actor = County;
            var c = await db.Commitments.Include(x => x.Conditions).SingleAsync(x => x.Id == id);
            c.ConfirmCondition(1, "竣工验收备案表已上传", WorkingCalendar.WeekendsOnly, today, County, now);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await LoadAsync(read, id);
        Assert.Equal((CommitmentKind.Subsidy, "喀地政发〔2024〕12号", 500m, "按设备投资额的10%，最高500万元", 10, LimitUnit.WorkingDays),
            (stored.Kind, stored.DocumentNumber, stored.AmountWan, stored.Formula, stored.TimeLimit, stored.TimeLimitUnit));
        Assert.Equal(CommitmentStatus.NotYetDue, stored.Status);
        Assert.Equal([(1, ConditionKind.ByHand, true), (2, ConditionKind.FundsInPlace, false)],
            stored.Conditions.OrderBy(c => c.Number).Select(c => (c.Number, c.Kind, c.IsMet)));
        Assert.Equal(5_000m, stored.Conditions.Single(c => c.Number == 2).Threshold);
        Assert.Equal([CommitmentAction.Recorded, CommitmentAction.ConditionConfirmed], stored.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.Equal(1, stored.Version);
        var audit = await read.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Commitment) || a.EntityType == nameof(CommitmentCondition)).ToListAsync();
        Assert.Contains(audit, a => a.EntityType == nameof(CommitmentCondition) && a.After!.Contains("竣工验收备案表已上传"));
        Assert.Contains(audit, a => a.EntityType == nameof(Commitment) && a.Before is not null);
    }

    [Fact]
    public async Task A_report_that_brings_funds_in_place_over_the_threshold_makes_the_commitment_due_after_commit_and_it_turns_overdue_on_the_clock()
    {
        var dispatcher = new SwitchableDispatcher();
        await using var database = await TestDatabase.CreateAsync(dispatcher: dispatcher);
        var w = await MiniWorld.CreateAsync(database);
        var projectId = await SignedProjectAsync(database, w);
        var id = await RecordAsync(database, projectId, w.CountyA, Input(w.LeadUnit1, new CommitmentConditionInput(ConditionKind.FundsInPlace, 5_000m)));
        // Wired as the application wires it.
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(database.Clock);
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
        }).Build(), database.Folder);
        services.AddSingleton(database.Factory);
        await using var provider = services.BuildServiceProvider();
        dispatcher.Inner = provider.GetRequiredService<IDomainEventDispatcher>();
        var now = database.Clock.GetUtcNow().UtcDateTime; // Friday 20 Nov 2026 in Beijing

        async Task ReportAsync(HalfMonthPeriod period, decimal funds)
        {
            await using var db = database.CreateContext();
            db.Actor = ChainLead;
            var project = await db.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == projectId);
            db.ProgressReports.Add(ProgressReporting.Submit(project, period, ReportKind.Fortnightly, null,
                new ReportInput("厂房基础施工", null, funds, 0m, []), ChainLead, now, 3));
            await db.SaveChangesAsync();
        }

        await ReportAsync(new HalfMonthPeriod(2026, 11, 1), 4_999m);
        await using (var db = database.CreateContext()) Assert.Equal(CommitmentStatus.NotYetDue, (await LoadAsync(db, id)).Status);

        database.Clock.Advance(TimeSpan.FromMinutes(5));
        now = database.Clock.GetUtcNow().UtcDateTime;
        await ReportAsync(new HalfMonthPeriod(2026, 11, 2), 1m); // funds in place now 5,000万

        await using var read = database.CreateContext();
        var due = await LoadAsync(read, id);
        Assert.Equal(CommitmentStatus.Due, due.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), due.DueSince);
        Assert.Equal(new DateOnly(2026, 12, 4), due.DueOn); // 10 working days after Friday 20 Nov
        Assert.Equal(CommitmentEvaluator.Actor.UserName, due.History.OrderBy(h => h.Id).Last().UserName);
        Assert.False(due.IsOverdue(new DateOnly(2026, 12, 4)));
        var engine = new AlertEngine(database.Factory, [new CommitmentAlertCheck()], new NoAlertNotifier(), new PlainAlertTexts(), database.Clock,
            NullLogger<AlertEngine>.Instance);
        database.Clock.UtcNow = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
        await engine.ScanAsync();
        Assert.Empty(await read.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.CommitmentOverdue).ToListAsync());

        database.Clock.UtcNow = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);
        Assert.True(due.IsOverdue(BeijingTime.Today(database.Clock)));
        await engine.ScanAsync();
        var alert = Assert.Single(await read.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.CommitmentOverdue).ToListAsync());
        Assert.Equal((projectId, (int?)w.LeadUnit1, AlertSeverity.High, true), (alert.ProjectId ?? 0, alert.OwnerUnitId, alert.Severity, alert.IsOpen));
    }

    [Fact]
    public async Task The_nightly_catch_up_makes_due_a_commitment_whose_after_commit_evaluation_never_ran()
    {
        // No after-commit handler (as if the evaluation after the report had failed): the report moves the funds only.
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var projectId = await SignedProjectAsync(database, w);
        var id = await RecordAsync(database, projectId, w.CountyA, Input(w.LeadUnit1, new CommitmentConditionInput(ConditionKind.FundsInPlace, 5_000m)));
        var other = await RecordAsync(database, projectId, w.CountyA, Input(w.LeadUnit1, new CommitmentConditionInput(ConditionKind.FundsInPlace, 9_000m)));
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = database.CreateContext())
        {
            db.Actor = ChainLead;
            var project = await db.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == projectId);
            db.ProgressReports.Add(ProgressReporting.Submit(project, new HalfMonthPeriod(2026, 11, 2), ReportKind.Fortnightly, null,
                new ReportInput("设备进场", null, 6_000m, 0m, []), ChainLead, now, 3));
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext()) Assert.Equal(CommitmentStatus.NotYetDue, (await LoadAsync(db, id)).Status);

        var evaluator = new CommitmentEvaluator(database.Factory, database.Clock);
        Assert.Equal(1, await evaluator.EvaluateWaitingAsync(default));
        await using (var db = database.CreateContext())
        {
            var due = await LoadAsync(db, id);
            Assert.Equal((CommitmentStatus.Due, (DateOnly?)BeijingTime.Today(database.Clock)), (due.Status, due.DueSince));
            Assert.Equal(CommitmentStatus.NotYetDue, (await LoadAsync(db, other)).Status);
        }
        Assert.Equal(0, await evaluator.EvaluateWaitingAsync(default));
    }

    private sealed class SwitchableDispatcher : IDomainEventDispatcher
    {
        public IDomainEventDispatcher Inner { get; set; } = NullDomainEventDispatcher.Instance;

        public Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) => Inner.DispatchAsync(events, cancellationToken);
    }
}
