namespace KashiInvest.Domain.Statistics;

/// <summary>
/// The settings of the monthly statistics (bound from configuration section <c>Statistics</c>, validated at start).
/// </summary>
public sealed class StatisticsSettings
{
    public const string Section = "Statistics";

    /// <summary>A month's return is due by the end of this Beijing day of the next month. Default 5.</summary>
    public int ReturnDueDay { get; set; } = 5;

    /// <summary>Planned investment from which a project counts as a "≥1亿" project, in 万元. Default 10,000 (1亿).</summary>
    public decimal LargeProjectWan { get; set; } = 10_000m;

    /// <summary>Planned investment from which a project counts as a "≥3亿" project, in 万元. Default 30,000 (3亿).</summary>
    public decimal MajorProjectWan { get; set; } = 30_000m;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReturnDueDay is < 1 or > 28) errors.Add($"{Section}:{nameof(ReturnDueDay)} must be between 1 and 28 (was {ReturnDueDay}).");
        if (LargeProjectWan <= 0m) errors.Add($"{Section}:{nameof(LargeProjectWan)} must be positive (was {LargeProjectWan}).");
        if (MajorProjectWan < LargeProjectWan) errors.Add($"{Section}:{nameof(MajorProjectWan)} must not be below {nameof(LargeProjectWan)} (was {MajorProjectWan}).");
        return errors;
    }
}
