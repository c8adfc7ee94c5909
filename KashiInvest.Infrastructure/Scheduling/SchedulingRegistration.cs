using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using ActivatorUtilities = Microsoft.Extensions.DependencyInjection.ActivatorUtilities;

namespace KashiInvest.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>The alert engine, its checks, the scheduled jobs and the event-driven re-check.</summary>
    public static IServiceCollection AddAlertsAndScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions db, string connectionString)
    {
        // Bound and validated once, now: the schedule and the job store are wired from it.
        var options = configuration.GetSection(AlertsOptions.Section).Get<AlertsOptions>() ?? new AlertsOptions();
        var errors = options.Validate(db.Provider == DatabaseProvider.SqlServer);
        if (errors.Count > 0) throw new OptionsValidationException(AlertsOptions.Section, typeof(AlertsOptions), errors);
        services.AddSingleton(Options.Create(options));

        services.AddSingleton<IAlertCheck, HealthAlertCheck>();
        services.AddSingleton<IAlertCheck, WeeklyIntentionReportCheck>();
        services.AddSingleton<IAlertCheck, AgreementNotSignedCheck>();
        services.AddSingleton<IAlertCheck, ApprovalAlertCheck>();
        services.AddSingleton<IAlertCheck, MonthlyReturnMissingCheck>();
        services.AddSingleton<IAlertCheck, CommitmentAlertCheck>();
        services.AddSingleton<IAlertCheck, ComplaintAlertCheck>();
        services.AddSingleton<IAlertCheck, AnnualTargetFarBehindCheck>();
        services.AddSingleton<IAlertCheck, IntegrityAlertCheck>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<ScheduledJobs>();
        services.AddSingleton<Statistics.MonthClose>();
        services.AddSingleton<JobRunSignals>();
        // Re-checks once per write: it hears only the notices committed on this instance.
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<AlertRechecker>(sp, sp.GetRequiredService<Live.ILiveBus>().CommittedHere));
        ScheduledJobs.AddScheduledJobs(services, options, db.Provider, connectionString);

        var scheduling = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddSingleton(Options.Create(scheduling));
        // On SQLite Quartz cannot cluster: exactly one instance runs the scheduler (Scheduling:RunScheduler), the others
        // only read its schedule and run log, and a "run now" they store is picked up by the one that runs it.
        if (scheduling.RunScheduler)
        {
            services.AddHostedService<ScheduleSync>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<AlertStartupScan>();
        }
        return services;
    }
}
