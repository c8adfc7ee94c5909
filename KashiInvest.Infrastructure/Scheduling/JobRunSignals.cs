namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>Tells open screens (the jobs page) that a run started or ended, so they re-read instead of polling.</summary>
public sealed class JobRunSignals
{
    public event Action<string>? Changed;

    public void Raise(string jobName) => Changed?.Invoke(jobName);
}
