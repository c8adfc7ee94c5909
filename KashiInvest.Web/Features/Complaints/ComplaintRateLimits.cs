namespace KashiInvest.Web.Features.Complaints;

/// <summary>
/// How often one client address may use the public complaint window (section <c>RateLimits:Complaints</c>), and how
/// often one tracking number may be looked up from anywhere (so a secret code cannot be guessed), per fixed window.
/// </summary>
public sealed class ComplaintRateLimits
{
    public const string Section = "RateLimits:Complaints";

    /// <summary>Complaints one address may file per window. Default 5.</summary>
    public int FilingsPerAddress { get; set; } = 5;

    /// <summary>Status look-ups (and ratings) one address may make per window. Default 30.</summary>
    public int LookupsPerAddress { get; set; } = 30;

    /// <summary>Look-ups of one tracking number per window, from any address. Default 10.</summary>
    public int LookupsPerTrackingNumber { get; set; } = 10;

    /// <summary>The window in seconds. Default 3600.</summary>
    public int WindowSeconds { get; set; } = 3600;

    /// <summary>The largest request body the window's forms accept, in kilobytes. Default 64.</summary>
    public int MaxRequestKilobytes { get; set; } = 64;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(FilingsPerAddress), FilingsPerAddress, 1, 1_000);
        Check(errors, nameof(LookupsPerAddress), LookupsPerAddress, 1, 10_000);
        Check(errors, nameof(LookupsPerTrackingNumber), LookupsPerTrackingNumber, 1, 1_000);
        Check(errors, nameof(WindowSeconds), WindowSeconds, 1, 86_400);
        Check(errors, nameof(MaxRequestKilobytes), MaxRequestKilobytes, 16, 1_024);
        return errors;
    }

    private static void Check(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add($"{Section}:{name} must be between {min} and {max} (was {value}).");
    }
}
