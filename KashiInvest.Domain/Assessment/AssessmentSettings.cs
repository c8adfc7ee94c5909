namespace KashiInvest.Domain.Assessment;

/// <summary>The settings of the year-end assessment (configuration section <c>Assessment</c>, validated at start).</summary>
public sealed class AssessmentSettings
{
    public const string Section = "Assessment";

    /// <summary>The most points (either way) a scheme may allow for one manual check item (on-site check, archive review).</summary>
    public const decimal AbsoluteMaxCheckPoints = 100m;

    /// <summary>
    /// The most points a scheme may allow for one manual check item (its ± range): the scheme editor refuses more.
    /// Default 10 (the documented scheme allows ±5 each), at most <see cref="AbsoluteMaxCheckPoints"/>.
    /// </summary>
    public decimal MaxCheckPoints { get; set; } = 10m;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxCheckPoints is <= 0m or > AbsoluteMaxCheckPoints)
            errors.Add($"{Section}:{nameof(MaxCheckPoints)} must be above 0 and at most {AbsoluteMaxCheckPoints} (was {MaxCheckPoints}).");
        return errors;
    }
}
