using KashiInvest.Infrastructure.Statistics;
using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>The month close on the 1st (Beijing time): thin, <see cref="MonthClose"/> does the work.</summary>
[DisallowConcurrentExecution]
public sealed class MonthCloseJob(MonthClose close) : IJob
{
    public static readonly JobKey Key = new("statistics.month-close", ScheduledJobs.Group);
    public static readonly TriggerKey ScheduleKey = new("statistics.month-close.cron", ScheduledJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await close.RunAsync(cancellationToken);
        context.Result = result.ToString();
    }
}
