using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Health;

/// <summary>
/// The thresholds of the health and alert rules (bound from configuration section <c>Health</c>, validated at
/// start). The battle map, the wall, the alert jobs and the meeting agenda all read the same settings.
/// </summary>
public sealed class HealthSettings
{
    public const string Section = "Health";

    /// <summary>Days after a half-month period's end by which its fortnightly report is due (Art. 22). Default 3.</summary>
    public int ReportDeadlineDays { get; set; } = 3;

    /// <summary>
    /// Days without recorded activity after which a project in a stage counts as stalled. Stages not listed are
    /// not measured. Defaults: 30 days in negotiation and evaluation, 15 days from signing to construction.
    /// </summary>
    public Dictionary<ProjectStage, int> StallDays { get; set; } = new()
    {
        [ProjectStage.Negotiating] = 30,
        [ProjectStage.Evaluation] = 30,
        [ProjectStage.Signed] = 15,
        [ProjectStage.Landing] = 15,
        [ProjectStage.Construction] = 15,
    };

    /// <summary>A milestone this many days overdue makes the project stalled rather than at risk. Default 30.</summary>
    public int MilestoneStalledAfterDays { get; set; } = 30;

    /// <summary>This many overdue fortnightly reports make the project stalled rather than at risk. Default 2.</summary>
    public int MissingReportsStalledAt { get; set; } = 2;

    public int? StallDaysFor(ProjectStage stage) => StallDays.TryGetValue(stage, out var days) ? days : null;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReportDeadlineDays is < 0 or > 15) errors.Add($"{Section}:{nameof(ReportDeadlineDays)} must be between 0 and 15 (was {ReportDeadlineDays}).");
        foreach (var (stage, days) in StallDays)
        {
            if (days is < 1 or > 365) errors.Add($"{Section}:{nameof(StallDays)}:{stage} must be between 1 and 365 days (was {days}).");
            if (!stage.HasBattleMap()) errors.Add($"{Section}:{nameof(StallDays)}:{stage} is not a stage with a battle map.");
        }
        if (MilestoneStalledAfterDays is < 1 or > 365) errors.Add($"{Section}:{nameof(MilestoneStalledAfterDays)} must be between 1 and 365 (was {MilestoneStalledAfterDays}).");
        if (MissingReportsStalledAt is < 1 or > 24) errors.Add($"{Section}:{nameof(MissingReportsStalledAt)} must be between 1 and 24 (was {MissingReportsStalledAt}).");
        return errors;
    }
}
