using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

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
        new(MonthCloseJob.Key.Name, MonthCloseJob.Key, MonthCloseJob.ScheduleKey, alerts.Value.MonthCloseCron, alerts.Value.TimeZoneInfo),
    ];

    /// <summary>Each scheduled job's trigger key and its cron from the settings.</summary>
    private static IEnumerable<(JobKey Job, TriggerKey Trigger, string Cron)> Schedules(AlertsOptions options) =>
    [
        (AlertScanJob.Key, AlertScanJob.ScheduleKey, options.ScanCron),
        (MonthCloseJob.Key, MonthCloseJob.ScheduleKey, options.MonthCloseCron),
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
        // The nightly scan evaluates waiting commitments first (AlertScanJob): its dependency is wired with it.
        services.TryAddSingleton<Commitments.CommitmentEvaluator>();
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
        q.AddJob<MonthCloseJob>(j => j.WithIdentity(MonthCloseJob.Key).StoreDurably().WithDescription("Month close"));
        if (options.Enabled)
        {
            foreach (var (job, key, cron) in Schedules(options))
                q.AddTrigger(t => t.ForJob(job).WithIdentity(key).WithSchedule(Schedule(cron, options)));
        }
        q.AddJobListener<JobRunLog>();
    }

    private static CronScheduleBuilder Schedule(string cron, AlertsOptions options) =>
        CronScheduleBuilder.Create(cron).InTimeZone(options.TimeZoneInfo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>
    /// Brings the stored triggers in line with the settings before the scheduler starts: a changed cron or time zone
    /// replaces the trigger (from now on), a disabled scan removes it; an unchanged one is left alone with its history.
    /// </summary>
    public static async Task ApplyScheduleChangesAsync(IScheduler scheduler, AlertsOptions options, CancellationToken ct = default)
    {
        foreach (var (job, key, cron) in Schedules(options))
        {
            var stored = await scheduler.GetTrigger(key, ct);
            if (!options.Enabled)
            {
                if (stored is not null) await scheduler.UnscheduleJob(key, ct);
                continue;
            }
            if (stored is ICronTrigger existing && existing.CronExpressionString == cron && existing.TimeZone.Id == options.TimeZoneInfo.Id) continue;
            var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity(key).WithSchedule(Schedule(cron, options)).Build();
            if (stored is null) await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
            else await scheduler.RescheduleJob(key, trigger, ct);
        }
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
