using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Security;

/// <summary>
/// How often one client address and one user name may try to sign in (the sign-in form and <c>POST /api/token</c>
/// together), per fixed window. Lockout stops guessing one password; this stops keeping accounts locked out and
/// spraying many accounts from one address.
/// </summary>
public sealed class SignInRateLimits
{
    public const string Section = "RateLimits:SignIn";

    /// <summary>Attempts one client address may make per window, whatever the user names. Default 30.</summary>
    public int PermitsPerAddress { get; set; } = 30;

    /// <summary>Attempts on one user name per window, from any address. Default 10.</summary>
    public int PermitsPerUserName { get; set; } = 10;

    /// <summary>The window in seconds. Default 60.</summary>
    public int WindowSeconds { get; set; } = 60;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PermitsPerAddress is < 1 or > 10_000)
            errors.Add($"{Section}:{nameof(PermitsPerAddress)} must be between 1 and 10000 (was {PermitsPerAddress}).");
        if (PermitsPerUserName is < 1 or > 1_000)
            errors.Add($"{Section}:{nameof(PermitsPerUserName)} must be between 1 and 1000 (was {PermitsPerUserName}).");
        if (WindowSeconds is < 1 or > 3_600)
            errors.Add($"{Section}:{nameof(WindowSeconds)} must be between 1 and 3600 (was {WindowSeconds}).");
        return errors;
    }
}

/// <summary>Lifetimes of what proves a sign-in: the bearer token, and how soon a changed or locked user loses a session.</summary>
public sealed class AuthenticationSettings
{
    public const string Section = "Authentication";

    /// <summary>Minutes a bearer token from <c>POST /api/token</c> stays valid (no refresh token). Default 60, at most 120.</summary>
    public int BearerTokenMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds between checks of a signed-in user's lockout and security stamp: the sign-in cookie's stamp
    /// validation and an open Blazor circuit's revalidation. Default 120, at most 300.
    /// </summary>
    public int RevalidationSeconds { get; set; } = 120;

    public TimeSpan BearerTokenLifetime => TimeSpan.FromMinutes(BearerTokenMinutes);

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(RevalidationSeconds);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BearerTokenMinutes is < 1 or > 120)
            errors.Add($"{Section}:{nameof(BearerTokenMinutes)} must be between 1 and 120 (was {BearerTokenMinutes}).");
        if (RevalidationSeconds is < 1 or > 300)
            errors.Add($"{Section}:{nameof(RevalidationSeconds)} must be between 1 and 300 (was {RevalidationSeconds}).");
        return errors;
    }
}

internal sealed class SignInSettingsValidator : IValidateOptions<SignInRateLimits>, IValidateOptions<AuthenticationSettings>
{
    public ValidateOptionsResult Validate(string? name, SignInRateLimits options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, AuthenticationSettings options) => Result(options.Validate());

    private static ValidateOptionsResult Result(IReadOnlyList<string> errors) =>
        errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
