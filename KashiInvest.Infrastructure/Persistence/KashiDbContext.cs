using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Live;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Persistence;

/// <summary>
/// The application's unit of work. Provider-specific subclasses (<see cref="SqliteKashiDbContext"/>,
/// <see cref="SqlServerKashiDbContext"/>) own their migrations; code depends on this base type only.
/// Create one per operation from <c>IDbContextFactory&lt;KashiDbContext&gt;</c> and set <see cref="Actor"/>
/// before changing official data.
/// </summary>
public abstract class KashiDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly UnitOfWork _unitOfWork;

    protected KashiDbContext(DbContextOptions options, TimeProvider clock, IDomainEventDispatcher dispatcher) : base(options)
    {
        Clock = clock;
        _unitOfWork = new UnitOfWork(this, dispatcher);
    }

    /// <summary>Who is making the changes saved through this context; required for audited data.</summary>
    public Actor? Actor { get; set; }

    public TimeProvider Clock { get; }

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<IndustryChain> Chains => Set<IndustryChain>();
    public DbSet<ChainLink> ChainLinks => Set<ChainLink>();
    public DbSet<Investor> Investors => Set<Investor>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ProjectStageChange> StageChanges => Set<ProjectStageChange>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<ProblemLogEntry> ProblemHistory => Set<ProblemLogEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notifications.WebhookEndpoint> WebhookEndpoints => Set<Notifications.WebhookEndpoint>();
    public DbSet<Notifications.WebhookDelivery> WebhookDeliveries => Set<Notifications.WebhookDelivery>();
    public DbSet<KashiInvest.Domain.Evaluations.Evaluation> Evaluations => Set<KashiInvest.Domain.Evaluations.Evaluation>();
    public DbSet<KashiInvest.Domain.Triage.TriageStep> TriageSteps => Set<KashiInvest.Domain.Triage.TriageStep>();
    public DbSet<TargetEnterprise> TargetEnterprises => Set<TargetEnterprise>();
    public DbSet<TargetPush> TargetPushes => Set<TargetPush>();
    public DbSet<TargetPushLogEntry> TargetPushHistory => Set<TargetPushLogEntry>();
    public DbSet<LeadForm> LeadForms => Set<LeadForm>();
    public DbSet<WeeklyIntentionReport> WeeklyReports => Set<WeeklyIntentionReport>();
    public DbSet<IntentionEntry> IntentionEntries => Set<IntentionEntry>();
    public DbSet<Domain.Alerts.Alert> Alerts => Set<Domain.Alerts.Alert>();
    public DbSet<Scheduling.JobRun> JobRuns => Set<Scheduling.JobRun>();
    public DbSet<Domain.Meetings.Meeting> Meetings => Set<Domain.Meetings.Meeting>();
    public DbSet<Domain.Meetings.AgendaItem> MeetingAgendaItems => Set<Domain.Meetings.AgendaItem>();
    public DbSet<Domain.Meetings.MeetingDecision> MeetingDecisions => Set<Domain.Meetings.MeetingDecision>();
    public DbSet<Domain.Meetings.ActionItem> ActionItems => Set<Domain.Meetings.ActionItem>();
    public DbSet<Projects.ProjectCodeCounter> ProjectCodeCounters => Set<Projects.ProjectCodeCounter>();
    public DbSet<Domain.Approvals.CalendarYear> CalendarYears => Set<Domain.Approvals.CalendarYear>();
    public DbSet<Domain.Approvals.CatalogueItem> ApprovalCatalogue => Set<Domain.Approvals.CatalogueItem>();
    public DbSet<Domain.Approvals.ServiceGroup> ServiceGroups => Set<Domain.Approvals.ServiceGroup>();
    public DbSet<Domain.Approvals.ServicePlan> ServicePlans => Set<Domain.Approvals.ServicePlan>();
    public DbSet<Domain.Approvals.PlanItem> PlanItems => Set<Domain.Approvals.PlanItem>();
    public DbSet<Domain.Statistics.MonthlyReturn> MonthlyReturns => Set<Domain.Statistics.MonthlyReturn>();
    public DbSet<Domain.Statistics.ReturnFigure> MonthlyReturnFigures => Set<Domain.Statistics.ReturnFigure>();
    public DbSet<Domain.Statistics.ReturnHistoryEntry> MonthlyReturnHistory => Set<Domain.Statistics.ReturnHistoryEntry>();
    public DbSet<Domain.Bulletins.Bulletin> Bulletins => Set<Domain.Bulletins.Bulletin>();
    public DbSet<Domain.Commitments.Commitment> Commitments => Set<Domain.Commitments.Commitment>();
    public DbSet<Domain.Commitments.CommitmentCondition> CommitmentConditions => Set<Domain.Commitments.CommitmentCondition>();
    public DbSet<Domain.Commitments.CommitmentPayment> CommitmentPayments => Set<Domain.Commitments.CommitmentPayment>();
    public DbSet<Domain.Commitments.CommitmentLogEntry> CommitmentHistory => Set<Domain.Commitments.CommitmentLogEntry>();
    public DbSet<Domain.AnnualTargets.AnnualTarget> AnnualTargets => Set<Domain.AnnualTargets.AnnualTarget>();
    public DbSet<Domain.AnnualTargets.TargetShare> AnnualTargetShares => Set<Domain.AnnualTargets.TargetShare>();
    public DbSet<Domain.Complaints.Complaint> Complaints => Set<Domain.Complaints.Complaint>();
    public DbSet<Domain.Complaints.ComplaintLogEntry> ComplaintHistory => Set<Domain.Complaints.ComplaintLogEntry>();
    public DbSet<Domain.Integrity.IntegrityCase> IntegrityCases => Set<Domain.Integrity.IntegrityCase>();
    public DbSet<Domain.Integrity.IntegrityLogEntry> IntegrityCaseHistory => Set<Domain.Integrity.IntegrityLogEntry>();

    /// <summary>The Data Protection key ring on SQL Server (on SQLite it is kept in the data folder instead).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Part of the unit of work, however the context was created: events of a caller's transaction wait for its commit.
        optionsBuilder.AddInterceptors(TransactionEventsInterceptor.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KashiDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // UTC in the database; DateTime values come back marked as UTC on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        _unitOfWork.SaveAsync(acceptAllChangesOnSuccess, cancellationToken);

    internal Task<int> SaveChangesCoreAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    internal Task PublishPendingAsync(CancellationToken cancellationToken) => _unitOfWork.PublishPendingAsync(cancellationToken);

    internal void DiscardPending() => _unitOfWork.DiscardPending();
}

/// <summary>The embedded default: SQLite, whose money columns are stored as whole yuan (INTEGER) so they sort and compare.</summary>
public sealed class SqliteKashiDbContext(DbContextOptions<SqliteKashiDbContext> options, TimeProvider clock, IDomainEventDispatcher dispatcher)
    : KashiDbContext(options, clock, dispatcher)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no decimal type and EF Core cannot order or compare decimals stored as TEXT.
        configurationBuilder.Properties<decimal>().HaveConversion<WanAsYuanConverter>();
    }
}

/// <summary>Production: SQL Server, with money as decimal(18,4) 万元.</summary>
public sealed class SqlServerKashiDbContext(DbContextOptions<SqlServerKashiDbContext> options, TimeProvider clock, IDomainEventDispatcher dispatcher)
    : KashiDbContext(options, clock, dispatcher)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
