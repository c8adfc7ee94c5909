using KashiInvest.Infrastructure.Alerts;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>The nightly alert scan: thin, the engine and the domain rules do the work.</summary>
[DisallowConcurrentExecution]
public sealed class AlertScanJob(AlertEngine engine) : IJob
{
    public static readonly JobKey Key = new("alerts.scan", ScheduledJobs.Group);
    public static readonly TriggerKey ScheduleKey = new("alerts.scan.cron", ScheduledJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await engine.ScanAsync(cancellationToken);
        context.Result = result.ToString();
    }
}
