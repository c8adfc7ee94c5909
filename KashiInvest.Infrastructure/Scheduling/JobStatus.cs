namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>What /admin/jobs shows of one job.</summary>
public sealed record JobStatus(ScheduledJob Job, DateTime? NextRunUtc, DateTime? PreviousFireUtc, JobRun? LastRun, IReadOnlyList<JobRun> RecentRuns);
