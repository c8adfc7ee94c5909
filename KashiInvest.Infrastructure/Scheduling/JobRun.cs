namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>One run of a scheduled job (the run log shown on /admin/jobs): when, how it was started, how it ended.</summary>
public sealed class JobRun
{
    public const int ResultMaxLength = 1000;

    private JobRun() { JobName = Trigger = string.Empty; }

    public JobRun(string jobName, string trigger, DateTime startedAtUtc)
    {
        JobName = jobName;
        Trigger = trigger;
        StartedAtUtc = startedAtUtc;
    }

    public long Id { get; private set; }
    public string JobName { get; private set; }
    /// <summary>The trigger that fired it: the schedule, a catch-up after downtime, or "manual".</summary>
    public string Trigger { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public bool? Succeeded { get; private set; }
    public string? Result { get; private set; }

    public void Finish(bool succeeded, string? result, DateTime nowUtc)
    {
        FinishedAtUtc = nowUtc;
        Succeeded = succeeded;
        Result = result is { Length: > ResultMaxLength } ? result[..ResultMaxLength] : result;
    }
}
