using KashiInvest.Domain.Alerts;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace KashiInvest.Infrastructure.Tests.Alerts;

/// <summary>
/// The scan on Quartz with the real persistent SQLite job store: the schedule survives a restart, and a run missed
/// while the application was down (02:00 on three nights) is made up once at start, not once per missed night.
/// </summary>
public sealed class ScheduledScanTests
{
    private static readonly AlertsOptions Nightly = new() { ScanCron = "0 0 2 * * ?", ScanOnStart = false };

    /// <summary>Counts the scans the job really ran.</summary>
    private sealed class CountingCheck : IAlertCheck
    {
        private int _runs;
        public int Runs => _runs;
        public IReadOnlyList<AlertKind> Kinds => [AlertKind.WeeklyIntentionReportMissing];

        public Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult<IReadOnlyList<AlertCondition>>([]);
        }
    }

    private static ServiceProvider Host(TestDatabase database, CountingCheck check)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddSingleton(database.Factory);
        services.AddSingleton<IAlertCheck>(check);
        services.AddSingleton<IAlertNotifier, NoAlertNotifier>();
        services.AddSingleton<IAlertTexts, PlainAlertTexts>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<JobRunSignals>();
        ScheduledJobs.AddScheduledJobs(services, Nightly, DatabaseProvider.Sqlite, database.ConnectionString);
        return services.BuildServiceProvider();
    }

    private static long Ticks(DateTimeOffset at) => at.UtcTicks;

    [Fact]
    public async Task A_scan_missed_on_three_nights_while_the_app_was_down_runs_once_on_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        var check = new CountingCheck();

        // First life: the schedule is stored in the database.
        await using (var first = Host(database, check))
        {
            var scheduler = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await ScheduledJobs.ApplyScheduleChangesAsync(scheduler, Nightly);
            await scheduler.Start();
            Assert.NotNull(await scheduler.GetTrigger(AlertScanJob.ScheduleKey));
            await scheduler.Shutdown(true);
        }
        // Down for three days: the stored trigger last fired four nights ago and was due three nights ago.
        // Quartz reads the application's TimeProvider, here the test clock: Friday 20 Nov 2026, 10:00 Beijing.
        var now = database.Clock.GetUtcNow();
        var today0200 = new DateTimeOffset(2026, 11, 19, 18, 0, 0, TimeSpan.Zero); // 02:00 Beijing on 20 Nov
        Assert.True(today0200 < now && now - today0200 < TimeSpan.FromDays(1));
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE QRTZ_TRIGGERS SET PREV_FIRE_TIME = $prev, NEXT_FIRE_TIME = $next WHERE TRIGGER_NAME = $name";
            command.Parameters.AddWithValue("$prev", Ticks(today0200.AddDays(-3)));
            command.Parameters.AddWithValue("$next", Ticks(today0200.AddDays(-2)));
            command.Parameters.AddWithValue("$name", AlertScanJob.ScheduleKey.Name);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        // Second life: the missed nights are caught up once.
        await using var second = Host(database, check);
        var restarted = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await ScheduledJobs.ApplyScheduleChangesAsync(restarted, Nightly); // as the application does before Quartz starts
        await restarted.Start();
        var run = await FinishedRunAsync(database, TimeSpan.FromSeconds(60));
        var trigger = await restarted.GetTrigger(AlertScanJob.ScheduleKey);
        await restarted.Shutdown(true);

        Assert.Equal("catch-up", run.Trigger);
        Assert.True(run.Succeeded);
        Assert.Equal(1, check.Runs);
        Assert.Equal(today0200.AddDays(1), trigger!.NextFireTimeUtc); // the next 02:00, not another missed night
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.JobRuns.CountAsync());
    }

    [Fact]
    public async Task A_changed_schedule_replaces_the_stored_trigger()
    {
        await using var database = await TestDatabase.CreateAsync();
        var check = new CountingCheck();
        await using var host = Host(database, check);
        var scheduler = await host.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await ScheduledJobs.ApplyScheduleChangesAsync(scheduler, new AlertsOptions { ScanCron = "0 30 6 * * ?" });

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(AlertScanJob.ScheduleKey));
        Assert.Equal("0 30 6 * * ?", trigger.CronExpressionString);
        await ScheduledJobs.ApplyScheduleChangesAsync(scheduler, new AlertsOptions { Enabled = false });
        Assert.Null(await scheduler.GetTrigger(AlertScanJob.ScheduleKey));
        await scheduler.Shutdown(false);
    }

    [Fact]
    public async Task Run_now_runs_the_scan_and_the_run_log_says_who_started_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var check = new CountingCheck();
        await using var host = Host(database, check);
        var scheduler = await host.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        var jobs = new ScheduledJobs(host.GetRequiredService<ISchedulerFactory>(), database.Factory, Microsoft.Extensions.Options.Options.Create(Nightly));

        await jobs.RunNowAsync("alerts.scan", "bureau");
        var run = await FinishedRunAsync(database, TimeSpan.FromSeconds(60));
        var statuses = await jobs.StatusAsync();
        Assert.Equal(["alerts.scan", "statistics.month-close"], statuses.Select(s => s.Job.Name)); // every scheduled job is listed
        var status = statuses.Single(s => s.Job.Name == "alerts.scan");
        await scheduler.Shutdown(true);

        Assert.Equal("manual:bureau", run.Trigger);
        Assert.Equal(1, check.Runs);
        Assert.Equal(run.Id, status.LastRun!.Id);
        Assert.NotNull(status.NextRunUtc);
        Assert.StartsWith("raised 0", status.LastRun.Result);
    }

    /// <summary>Waits (on the database, not on a fixed sleep) until the run log has a finished run.</summary>
    private static async Task<JobRun> FinishedRunAsync(TestDatabase database, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            await using (var db = database.CreateContext())
            {
                if (await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.FinishedAtUtc != null) is { } run) return run;
            }
            await Task.Delay(50, cts.Token);
        }
    }
}
