using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Leads;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The environment variable that overrides <c>Database:DataDir</c>.</summary>
    public const string DataDirVariable = "KASHI_DATA_DIR";

    /// <summary>The Data Protection application name: every instance of KashiInvest shares one key ring under it.</summary>
    public const string KeyRingApplicationName = "KashiInvest";

    /// <summary>The folder of the key ring inside the data folder (SQLite).</summary>
    public const string KeyRingFolder = "keys";

    /// <summary>Everything below Web, in the order it is wired: settings, live bus and notifications, the database, its key ring, reads, jobs.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Bound and validated once, now: the provider decides which services are registered.
        var db = DatabaseOptions.Bind(configuration, DataDirVariable);
        var connectionString = db.ResolveConnectionString(contentRoot);
        services.AddSingleton(Options.Create(db));
        services.AddSettings(configuration);
        services.AddLiveBusAndNotifications(configuration);

        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteKashiDbContext>(o => Configure(o.UseSqlite(connectionString), db));
                services.AddSingleton<IDbContextFactory<KashiDbContext>, KashiDbContextFactory<SqliteKashiDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerKashiDbContext>(o => Configure(o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure()), db));
                services.AddSingleton<IDbContextFactory<KashiDbContext>, KashiDbContextFactory<SqlServerKashiDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{db.Provider}'.");
        }
        // Identity's stores want a scoped context; everything else creates short-lived ones from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContext());
        services.AddKeyRing(db, contentRoot);

        services.AddReads();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<ReferenceDataSeeder>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddAlertsAndScheduling(configuration, db, connectionString);
        return services;
    }

    /// <summary>
    /// The settings the rules read, each bound once from its section and validated when the host starts: a wrong
    /// value stops the application with every error named.
    /// </summary>
    private static IServiceCollection AddSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section))
            .Validate(o => o.Scale is >= 1 and <= 1000, "Demo:Scale must be between 1 and 1000.")
            .ValidateOnStart();
        services.AddOptions<HealthSettings>().Bind(configuration.GetSection(HealthSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthSettings>, HealthSettingsValidator>();
        // Read by the agreement-not-signed alert check here and by the evaluation pages in Web.
        services.AddOptions<LifecycleSettings>().Bind(configuration.GetSection(LifecycleSettings.Section))
            .Validate(s => s.Validate().Count == 0, "Invalid Lifecycle settings (SignAgreementWithinDays 1–365, SignAgreementSoonDays ≤ it).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LifecycleSettings>>().Value);
        services.AddOptions<WeeklyReportSettings>().Bind(configuration.GetSection(WeeklyReportSettings.Section))
            .Validate(o => o.Validate().Count == 0, "Leads: invalid weekly report settings (see WeeklyReportSettings.Validate).").ValidateOnStart();
        services.AddOptions<Approvals.ApprovalsOptions>().Bind(configuration.GetSection(Approvals.ApprovalsOptions.Section))
            .Validate(o => o.Validate().Count == 0, "Approvals:WarningPercent must be between 1 and 99.").ValidateOnStart();
        services.AddOptions<Domain.Statistics.StatisticsSettings>().Bind(configuration.GetSection(Domain.Statistics.StatisticsSettings.Section))
            .Validate(o => o.Validate().Count == 0, "Statistics: invalid settings (ReturnDueDay 1–28, LargeProjectWan > 0, MajorProjectWan ≥ LargeProjectWan).").ValidateOnStart();
        services.AddOptions<Domain.Bulletins.BulletinSettings>().Bind(configuration.GetSection(Domain.Bulletins.BulletinSettings.Section))
            .Validate(o => o.Validate().Count == 0, "Bulletins: invalid settings (see BulletinSettings.Validate: NumberPrefix 1–20 characters, SupervisionBottomN and PraiseTopM 0–100, SlowStalledSharePercent 0–100, SlowAverageIdleDays 0–3650, SlowestProjectsListed 1–100, RectifyWithinDays 1–180).").ValidateOnStart();
        services.AddOptions<Domain.AnnualTargets.AnnualTargetSettings>().Bind(configuration.GetSection(Domain.AnnualTargets.AnnualTargetSettings.Section))
            .Validate(o => o.Validate().Count == 0, "AnnualTargets:FarBehindGap must be above 0 and below 1.").ValidateOnStart();
        services.AddOptions<Domain.Assessment.AssessmentSettings>().Bind(configuration.GetSection(Domain.Assessment.AssessmentSettings.Section))
            .Validate(o => o.Validate().Count == 0, "Assessment:MaxCheckPoints must be above 0 and at most 100.").ValidateOnStart();
        services.AddOptions<Domain.Complaints.ComplaintSettings>().Bind(configuration.GetSection(Domain.Complaints.ComplaintSettings.Section))
            .Validate(o => o.Validate().Count == 0, "Complaints: invalid settings (AcceptWithinWorkingDays, AnswerWithinWorkingDays and FollowUpWithinWorkingDays 1–365).").ValidateOnStart();
        services.AddOptions<Domain.Integrity.IntegritySettings>().Bind(configuration.GetSection(Domain.Integrity.IntegritySettings.Section))
            .Validate(o => o.Validate().Count == 0, "Integrity:RectifyWithinDays must be between 1 and 365.").ValidateOnStart();
        return services;
    }

    /// <summary>The clock, the live bus (in memory unless a host registered another) and the outgoing notifications.</summary>
    private static IServiceCollection AddLiveBusAndNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveBusChoice(configuration);
        services.TryAddSingleton<InMemoryLiveBus>();
        services.TryAddSingleton<ILiveBus>(sp => sp.GetRequiredService<InMemoryLiveBus>());
        services.TryAddSingleton<IProjectKeys, ProjectKeyDirectory>();
        services.TryAddSingleton<IDomainEventDispatcher, LiveBusEventDispatcher>();
        // After commit, once the notices are out: the commitments whose conditions the committed facts may meet.
        services.TryAddSingleton<Commitments.CommitmentEvaluator>();
        services.AddSingleton<IAfterCommitHandler, Commitments.CommitmentTriggers>();
        services.AddWebhookNotifications(configuration);
        services.TryAddSingleton<Notifications.IAlertNotifier, Notifications.NoAlertNotifier>();
        return services;
    }

    /// <summary>
    /// <c>Live:Bus</c>: in memory (one instance, the default) or Redis (several instances; <see cref="RedisLiveBus"/>),
    /// bound and validated now. With Redis the bus connects when the host starts (or keeps trying if Redis is down),
    /// and the health endpoint reports Redis as <c>Degraded</c>, never the app as down, while it is unreachable.
    /// </summary>
    private static IServiceCollection AddLiveBusChoice(this IServiceCollection services, IConfiguration configuration)
    {
        var live = configuration.GetSection(LiveBusOptions.Section).Get<LiveBusOptions>() ?? new LiveBusOptions();
        var errors = live.Validate();
        if (errors.Count > 0) throw new OptionsValidationException(LiveBusOptions.Section, typeof(LiveBusOptions), errors);
        services.AddSingleton(Options.Create(live));
        if (live.Bus == LiveBusKind.Redis)
        {
            services.TryAddSingleton<RedisLiveBus>();
            services.TryAddSingleton<ILiveBus>(sp => sp.GetRequiredService<RedisLiveBus>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisLiveBus>());
            services.AddHealthChecks().AddCheck<RedisLiveBusHealthCheck>("redis", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        }
        return services;
    }

    /// <summary>
    /// The Data Protection key ring (sign-in cookies, antiforgery and bearer tokens) kept with the data, under one
    /// application name: a restart or a second instance on the same data reads the same keys, so nobody is signed out.
    /// On SQLite the keys are files in the data folder; on SQL Server they are rows of the database every instance shares.
    /// </summary>
    private static IServiceCollection AddKeyRing(this IServiceCollection services, DatabaseOptions db, string contentRoot)
    {
        var keyRing = services.AddDataProtection().SetApplicationName(KeyRingApplicationName);
        if (db.Provider == DatabaseProvider.SqlServer) keyRing.PersistKeysToDbContext<KashiDbContext>();
        else keyRing.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(db.ResolveDataDir(contentRoot), KeyRingFolder)));
        return services;
    }

    /// <summary>The reads shared by pages, jobs and the meeting screens.</summary>
    private static IServiceCollection AddReads(this IServiceCollection services)
    {
        services.AddSingleton<Health.ProjectHealthQuery>();
        services.AddSingleton<Meetings.MeetingAgendaQuery>();
        services.AddSingleton<AnnualTargets.IAnnualFigures, AnnualTargets.AnnualFigures>();
        services.TryAddSingleton<Alerts.IAlertTexts, Alerts.PlainAlertTexts>();
        return services;
    }

    private static void Configure(DbContextOptionsBuilder options, DatabaseOptions db)
    {
        if (!db.LogStatements)
        {
            options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted));
        }
    }
}

/// <summary>Start-up validation of the health thresholds: a wrong setting stops the app with every error named.</summary>
internal sealed class HealthSettingsValidator : IValidateOptions<HealthSettings>
{
    public ValidateOptionsResult Validate(string? name, HealthSettings options) =>
        options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
