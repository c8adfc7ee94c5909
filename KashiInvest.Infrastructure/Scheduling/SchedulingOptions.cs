namespace KashiInvest.Infrastructure.Scheduling;

/// <summary>The <c>Scheduling</c> settings: whether this instance runs the Quartz scheduler.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// Whether this instance runs the scheduled jobs (default <c>true</c>). With several instances on SQLite set it on
    /// exactly one: the others show the schedule and the runs, and their "run now" is picked up by the one that runs
    /// the scheduler. On SQL Server with <c>Alerts:Clustered</c> every instance may run it (Quartz coordinates them).
    /// </summary>
    public bool RunScheduler { get; set; } = true;
}
