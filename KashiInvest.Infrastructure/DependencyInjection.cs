using KashiInvest.Domain.Health;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Scheduling;
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

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var db = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // An explicit Database:DataDir wins; otherwise KASHI_DATA_DIR; otherwise App_Data under the content root.
        if (string.IsNullOrWhiteSpace(configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataDir)}"])
            && Environment.GetEnvironmentVariable(DataDirVariable) is { Length: > 0 } dataDir)
        {
            db.DataDir = dataDir;
        }
        var connectionString = db.ResolveConnectionString(contentRoot);
        services.AddSingleton(Options.Create(db));

        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section))
            .Validate(o => o.Scale is >= 1 and <= 1000, "Demo:Scale must be between 1 and 1000.")
            .ValidateOnStart();

        services.AddOptions<HealthSettings>().Bind(configuration.GetSection(HealthSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthSettings>, HealthSettingsValidator>();
        // Bound here too (validated in the Evaluations feature): the agreement-not-signed alert check reads it.
        services.AddOptions<KashiInvest.Domain.Evaluations.LifecycleSettings>().Bind(configuration.GetSection(KashiInvest.Domain.Evaluations.LifecycleSettings.Section));
        services.AddOptions<KashiInvest.Domain.Leads.WeeklyReportSettings>().Bind(configuration.GetSection(KashiInvest.Domain.Leads.WeeklyReportSettings.Section))
            .Validate(o => o.Validate().Count == 0, "Leads: invalid weekly report settings (see WeeklyReportSettings.Validate).").ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryLiveBus>();
        services.TryAddSingleton<ILiveBus>(sp => sp.GetRequiredService<InMemoryLiveBus>());
        services.TryAddSingleton<IProjectKeys, ProjectKeyDirectory>();
        services.TryAddSingleton<IDomainEventDispatcher, LiveBusEventDispatcher>();
        services.AddWebhookNotifications(configuration);
        services.TryAddSingleton<Notifications.IAlertNotifier, Notifications.NoAlertNotifier>();

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

        services.AddSingleton<Health.ProjectHealthQuery>();
        services.AddSingleton<Meetings.MeetingAgendaQuery>();
        services.AddSingleton<Leads.TargetLibraryQuery>();
        services.AddSingleton<Leads.InvestorLibraryQuery>();
        services.AddSingleton<Leads.WeeklyStatusQuery>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<ReferenceDataSeeder>();
        services.AddSingleton<DemoDataSeeder>();
        services.TryAddSingleton<Alerts.IAlertTexts, Alerts.PlainAlertTexts>();
        services.AddAlertsAndScheduling(configuration, db, connectionString);
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
