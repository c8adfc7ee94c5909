using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>Writes the run log (<see cref="JobRun"/>) of every job: start, end, outcome, result.</summary>
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
