using KashiInvest.Infrastructure.Alerts;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>
/// The nightly alert scan: thin, the engine and the domain rules do the work. Before it, every commitment not yet due
/// is evaluated again, so one whose after-commit evaluation failed (a crash, a lost connection) still becomes due,
/// on the day the scan finds its conditions met, and is then named overdue like the others.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertScanJob(AlertEngine engine, Commitments.CommitmentEvaluator commitments) : IJob
{
    public static readonly JobKey Key = new("alerts.scan", ScheduledJobs.Group);
    public static readonly TriggerKey ScheduleKey = new("alerts.scan.cron", ScheduledJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var due = await commitments.EvaluateWaitingAsync(cancellationToken);
        var result = await engine.ScanAsync(cancellationToken);
        context.Result = due > 0 ? $"{result}; {due} commitment(s) evaluated anew" : result.ToString();
    }
}
