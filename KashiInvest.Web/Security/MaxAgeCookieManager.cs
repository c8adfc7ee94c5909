using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KashiInvest.Web.Security;

/// <summary>
/// The sign-in cookie's lifetime travels as <c>Max-Age</c> (seconds from now) instead of an <c>Expires</c> date. A
/// browser compares <c>Expires</c> with its own machine's clock, which need not agree with the server's: a kiosk
/// whose clock is off, or a server on an injected clock, would otherwise see a fresh "remember me" cookie dropped
/// at once. The server still checks the ticket's own expiry on its clock.
/// </summary>
internal sealed class MaxAgeCookieManager(ICookieManager inner, TimeProvider clock) : ICookieManager
{
    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, key);

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        if (options.Expires is { } expires && options.MaxAge is null)
        {
            var left = TimeSpan.FromSeconds(Math.Ceiling((expires - clock.GetUtcNow()).TotalSeconds));
            options = new CookieOptions(options) { Expires = null, MaxAge = left > TimeSpan.Zero ? left : TimeSpan.Zero };
        }
        inner.AppendResponseCookie(context, key, value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => inner.DeleteCookie(context, key, options);
}

internal static class MaxAgeCookieManagerRegistration
{
    /// <summary>Makes the application's sign-in cookie carry Max-Age.</summary>
    public static IServiceCollection AddMaxAgeSignInCookie(this IServiceCollection services)
    {
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.CookieManager = new MaxAgeCookieManager(o.CookieManager ?? new ChunkingCookieManager(), clock));
        return services;
    }
}
