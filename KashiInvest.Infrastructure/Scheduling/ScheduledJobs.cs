using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>A job the administrator can see and start on /admin/jobs.</summary>
public sealed record ScheduledJob(string Name, JobKey Job, TriggerKey Schedule, string Cron, TimeZoneInfo TimeZone);

/// <summary>What /admin/jobs shows of one job.</summary>
public sealed record JobStatus(ScheduledJob Job, DateTime? NextRunUtc, DateTime? PreviousFireUtc, JobRun? LastRun, IReadOnlyList<JobRun> RecentRuns);

/// <summary>
/// The application's scheduled jobs on Quartz with a persistent ADO job store in the application's own database
/// (SQLite by default, SQL Server in production, clustered there when <c>Alerts:Clustered</c> is set). Triggers are
/// stored, so schedules survive restarts; a run missed while the application was down is made up once on start
/// (cron misfire "fire and proceed"), never once per missed occurrence.
/// </summary>
public sealed class ScheduledJobs(ISchedulerFactory schedulers, IDbContextFactory<KashiDbContext> factory, IOptions<AlertsOptions> alerts)
{
    public const string Group = "kashi";
    public const string TriggerDataKey = "kashi.trigger";

    public IReadOnlyList<ScheduledJob> All =>
    [
        new("alerts.scan", AlertScanJob.Key, AlertScanJob.ScheduleKey, alerts.Value.ScanCron, alerts.Value.TimeZoneInfo),
    ];

    /// <summary>
    /// Registers Quartz with the persistent store and the jobs (also used by the misfire test on a real SQLite store).
    /// Triggers are declared only when missing: a stored trigger keeps its next fire time, so a run missed while the
    /// application was down is seen as missed and made up once (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>).
    /// A changed schedule is applied by <see cref="ApplyScheduleChangesAsync"/> before the scheduler starts.
    /// </summary>
    /// <remarks>Quartz fires by the application's registered <see cref="TimeProvider"/> (the system clock; a test's
    /// clock in tests), so "02:00" and the catch-up after downtime follow the same time as the domain rules.</remarks>
    public static IServiceCollection AddScheduledJobs(IServiceCollection services, AlertsOptions options, DatabaseProvider provider, string connectionString)
    {
        services.AddQuartz(q => Configure(q, options, provider, connectionString));
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.OverwriteExistingData = false;
            o.Scheduling.IgnoreDuplicates = true;
        });
        return services;
    }

    private static void Configure(IQuartzBuilder q, AlertsOptions options, DatabaseProvider provider, string connectionString)
    {
        q.UsePersistentStore(s =>
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                s.UseSqlServer(connectionString);
                if (options.Clustered) s.UseClustering(c => { });
            }
            else
            {
                s.UseSqlite(connectionString);
            }
            s.UseSystemTextJsonSerializer();
            s.ProvisionSchema();
        });
        q.AddJob<AlertScanJob>(j => j.WithIdentity(AlertScanJob.Key).StoreDurably().WithDescription("Alert scan"));
        if (options.Enabled) q.AddTrigger(t => t.ForJob(AlertScanJob.Key).WithIdentity(AlertScanJob.ScheduleKey).WithSchedule(ScanSchedule(options)));
        q.AddJobListener<JobRunLog>();
    }

    private static CronScheduleBuilder ScanSchedule(AlertsOptions options) =>
        CronScheduleBuilder.Create(options.ScanCron).InTimeZone(options.TimeZoneInfo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>
    /// Brings the stored triggers in line with the settings before the scheduler starts: a changed cron or time zone
    /// replaces the trigger (from now on), a disabled scan removes it; an unchanged one is left alone with its history.
    /// </summary>
    public static async Task ApplyScheduleChangesAsync(IScheduler scheduler, AlertsOptions options, CancellationToken ct = default)
    {
        var stored = await scheduler.GetTrigger(AlertScanJob.ScheduleKey, ct);
        if (!options.Enabled)
        {
            if (stored is not null) await scheduler.UnscheduleJob(AlertScanJob.ScheduleKey, ct);
            return;
        }
        if (stored is ICronTrigger cron && cron.CronExpressionString == options.ScanCron && cron.TimeZone.Id == options.TimeZoneInfo.Id) return;
        var trigger = TriggerBuilder.Create().ForJob(AlertScanJob.Key).WithIdentity(AlertScanJob.ScheduleKey).WithSchedule(ScanSchedule(options)).Build();
        if (stored is null) await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
        else await scheduler.RescheduleJob(AlertScanJob.ScheduleKey, trigger, ct);
    }

    public async Task<IReadOnlyList<JobStatus>> StatusAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var result = new List<JobStatus>();
        foreach (var job in All)
        {
            var trigger = await scheduler.GetTrigger(job.Schedule, ct);
            var runs = await db.JobRuns.AsNoTracking().Where(r => r.JobName == job.Name)
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Take(10).ToListAsync(ct);
            result.Add(new JobStatus(job, trigger?.NextFireTimeUtc?.UtcDateTime, trigger?.PreviousFireTimeUtc?.UtcDateTime, runs.FirstOrDefault(), runs));
        }
        return result;
    }

    /// <summary>Starts a job now ("run now" on /admin/jobs); the run log records it as manual.</summary>
    public async Task RunNowAsync(string name, string by, CancellationToken ct = default)
    {
        var job = All.Single(j => j.Name == name);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(job.Job, new JobDataMap { [TriggerDataKey] = "manual:" + by }, ct);
    }
}

/// <summary>Writes the run log (<see cref="JobRun"/>) of every job: start, end, outcome, result.</summary>
/// <summary>Tells open screens (the jobs page) that a run started or ended, so they re-read instead of polling.</summary>
public sealed class JobRunSignals
{
    public event Action<string>? Changed;

    public void Raise(string jobName) => Changed?.Invoke(jobName);
}

public sealed class JobRunLog(IDbContextFactory<KashiDbContext> factory, JobRunSignals signals, TimeProvider clock, ILogger<JobRunLog> logger) : IJobListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _runs = new();

    public string Name => "kashi.run-log";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var by = context.MergedJobDataMap.TryGetValue(ScheduledJobs.TriggerDataKey, out var v) && v is string s ? s
                : IsCatchUp(context) ? "catch-up" : "schedule";
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var run = new JobRun(context.JobDetail.Key.Name, by, clock.GetUtcNow().UtcDateTime);
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            _runs[context.FireInstanceId] = run.Id;
            signals.Raise(run.JobName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Recording the start of {Job} failed", context.JobDetail.Key);
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        try
        {
            if (!_runs.TryRemove(context.FireInstanceId, out var id)) return;
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (run is null) return;
            run.Finish(jobException is null, jobException?.InnerException?.Message ?? jobException?.Message ?? context.Result?.ToString(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            signals.Raise(run.JobName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Recording the end of {Job} failed", context.JobDetail.Key);
        }
    }

    /// <summary>A cron trigger fired at a time its schedule does not name: the one catch-up run after downtime.</summary>
    private static bool IsCatchUp(IJobExecutionContext context)
    {
        if (context.Trigger is not ICronTrigger cron || context.ScheduledFireTimeUtc is not { } scheduled) return false;
        // Fired well after the time it was scheduled for (the missed night), or at a time its schedule does not name.
        if (context.FireTimeUtc - scheduled > TimeSpan.FromMinutes(1)) return true;
        var expression = new CronExpression(cron.CronExpressionString!, cron.TimeZone);
        return !expression.IsSatisfiedBy(scheduled);
    }
}

/// <summary>Applies changed schedules to the stored triggers before Quartz starts (registered ahead of its hosted service).</summary>
public sealed class ScheduleSync(ISchedulerFactory schedulers, IOptions<AlertsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await ScheduledJobs.ApplyScheduleChangesAsync(await schedulers.GetScheduler(cancellationToken), options.Value, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Scans once when the application has started (after migrations and demo data), through the job so the run is logged.</summary>
public sealed class AlertStartupScan(ISchedulerFactory schedulers, IOptions<AlertsOptions> options, ILogger<AlertStartupScan> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScanOnStart) return;
        try
        {
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            await scheduler.TriggerJob(AlertScanJob.Key, new JobDataMap { [ScheduledJobs.TriggerDataKey] = "startup" }, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The start-up alert scan could not be triggered");
        }
    }
}

public static class SchedulingRegistration
{
    /// <summary>The alert engine, its checks, the scheduled jobs and the event-driven re-check.</summary>
    public static IServiceCollection AddAlertsAndScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions db, string connectionString)
    {
        var options = configuration.GetSection(AlertsOptions.Section).Get<AlertsOptions>() ?? new AlertsOptions();
        services.AddOptions<AlertsOptions>().Bind(configuration.GetSection(AlertsOptions.Section))
            .Validate(o => o.Validate(db.Provider == DatabaseProvider.SqlServer).Count == 0, "Alerts settings are invalid.")
            .ValidateOnStart();
        var errors = options.Validate(db.Provider == DatabaseProvider.SqlServer);
        if (errors.Count > 0) throw new OptionsValidationException(AlertsOptions.Section, typeof(AlertsOptions), errors);

        services.AddSingleton<IAlertCheck, HealthAlertCheck>();
        services.AddSingleton<IAlertCheck, WeeklyIntentionReportCheck>();
        services.AddSingleton<IAlertCheck, AgreementNotSignedCheck>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<ScheduledJobs>();
        services.AddSingleton<JobRunSignals>();
        services.AddHostedService<AlertRechecker>();
        ScheduledJobs.AddScheduledJobs(services, options, db.Provider, connectionString);
        services.AddHostedService<ScheduleSync>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<AlertStartupScan>();
        return services;
    }
}
