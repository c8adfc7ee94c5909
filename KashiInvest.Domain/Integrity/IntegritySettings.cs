namespace KashiInvest.Domain.Integrity;

/// <summary>
/// The time limit of the integrity ledger (bound from configuration section <c>Integrity</c>, validated at start).
/// </summary>
public sealed class IntegritySettings
{
    public const string Section = "Integrity";
    public const int MaxDays = 365;

    /// <summary>The default rectification deadline, in natural days from the day the case is opened (the Bureau may set another). Default 30.</summary>
    public int RectifyWithinDays { get; set; } = 30;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        RectifyWithinDays is < 1 or > MaxDays ? [$"{Section}:{nameof(RectifyWithinDays)} must be between 1 and {MaxDays} (was {RectifyWithinDays})."] : [];
}
