using KashiInvest.Web.Shared;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// Settings of the battle-map wall (configuration section <c>Wall</c>, validated at start): how long the projector
/// shows each group when it rotates, how many cards fit on one kiosk screen, and how many cards each group of the
/// wall page draws before "show more".
/// </summary>
public sealed class WallOptions : ICheckedOptions
{
    public const string Section = "Wall";
    public const int MinRotateSeconds = 5;
    public const int MaxRotateSeconds = 600;
    public const int MaxCardsPerGroup = 10_000;

    /// <summary>Seconds each group stays on the projector before the next one; <c>&amp;rotate=N</c> overrides it. Default 20.</summary>
    public int RotateSeconds { get; set; } = 20;

    /// <summary>Cards on one kiosk screen (a larger group is shown in several screens). Default 12 (4 × 3 at 1920×1080).</summary>
    public int KioskCardsPerScreen { get; set; } = 12;

    /// <summary>
    /// Cards each group of the wall page draws at first, worst health first (the rest behind "show more"; the counts
    /// always cover every card). Default 24: four rows at 1920×1080. Every card held in a page's render tree costs
    /// server memory for as long as the page is open.
    /// </summary>
    public int CardsPerGroup { get; set; } = 24;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RotateSeconds is < MinRotateSeconds or > MaxRotateSeconds)
            errors.Add($"{Section}:{nameof(RotateSeconds)} must be between {MinRotateSeconds} and {MaxRotateSeconds} (was {RotateSeconds}).");
        if (KioskCardsPerScreen is < 4 or > 48)
            errors.Add($"{Section}:{nameof(KioskCardsPerScreen)} must be between 4 and 48 (was {KioskCardsPerScreen}).");
        if (CardsPerGroup is < 1 or > MaxCardsPerGroup)
            errors.Add($"{Section}:{nameof(CardsPerGroup)} must be between 1 and {MaxCardsPerGroup} (was {CardsPerGroup}).");
        return errors;
    }
}

public static class WallFeature
{
    public static IServiceCollection AddWallFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<WallOptions>(configuration, WallOptions.Section);
        services.AddSingleton<WallCardPool>();
        services.AddSingleton<WallQuery>();
        return services;
    }
}
