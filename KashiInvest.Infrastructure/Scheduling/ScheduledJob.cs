using Quartz;

namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>A job the administrator can see and start on /admin/jobs.</summary>
public sealed record ScheduledJob(string Name, JobKey Job, TriggerKey Schedule, string Cron, TimeZoneInfo TimeZone);
