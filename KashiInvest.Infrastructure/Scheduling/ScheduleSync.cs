using KashiInvest.Infrastructure.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>Applies changed schedules to the stored triggers before Quartz starts (registered ahead of its hosted service).</summary>
public sealed class ScheduleSync(ISchedulerFactory schedulers, IOptions<AlertsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await ScheduledJobs.ApplyScheduleChangesAsync(await schedulers.GetScheduler(cancellationToken), options.Value, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
