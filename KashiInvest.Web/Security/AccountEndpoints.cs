using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace KashiInvest.Web.Security;

/// <summary>
/// Only same-site paths are redirect targets: never "//host", "/\\host" or an absolute URL, and nothing with a control
/// character or a backslash anywhere (browsers drop tabs and newlines from a URL, so "/\t/host" would become "//host").
/// </summary>
public static class LocalUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || c is '\u2028' or '\u2029');

    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        // The language switch: remembers the choice for a year and reloads the page the user was on. The cookie says
        // "a year from now" as Max-Age, which the browser counts on its own clock, not as a date from the server's.
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!DependencyInjection.SupportedCultures.Any(c => c.Name == culture)) return Results.BadRequest();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrls.OrDefault(returnUrl, "/"));
        }).AllowAnonymous();
        return app;
    }
}
