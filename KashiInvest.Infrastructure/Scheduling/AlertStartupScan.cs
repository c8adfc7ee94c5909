using KashiInvest.Infrastructure.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

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
