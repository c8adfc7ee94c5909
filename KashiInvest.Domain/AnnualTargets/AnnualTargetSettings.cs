namespace KashiInvest.Domain.AnnualTargets;

/// <summary>The settings of the annual targets (configuration section <c>AnnualTargets</c>, validated at start).</summary>
public sealed class AnnualTargetSettings
{
    public const string Section = "AnnualTargets";

    /// <summary>
    /// A unit is far behind (and alerted) when its completion trails the elapsed share of the year by more than this
    /// share. Default 0.25 (25 percentage points): early in the year no unit can be that far behind.
    /// </summary>
    public decimal FarBehindGap { get; set; } = 0.25m;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FarBehindGap is <= 0m or >= 1m) errors.Add($"{Section}:{nameof(FarBehindGap)} must be above 0 and below 1 (was {FarBehindGap}).");
        return errors;
    }
}
