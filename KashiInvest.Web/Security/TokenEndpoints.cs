using System.Text.Encodings.Web;
using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Security;

/// <summary>The body of <c>POST /api/token</c>.</summary>
public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>The answer of <c>POST /api/token</c>: an access token and its lifetime in seconds. There is no refresh token: sign in again.</summary>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);

/// <summary>
/// Sign-in for clients that are not browsers (the live hub's external clients): user name and password in, a bearer
/// token out, carrying the same claims as the sign-in cookie (security stamp included). The token lives
/// <c>Authentication:BearerTokenMinutes</c> (1–2 h); every request re-checks the account (<see cref="UserValidity"/>),
/// so a token dies with a lockout or a change of password, role or unit.
/// </summary>
internal static class TokenEndpoints
{
    public const string Path = "/api/token";

    /// <summary>A JSON body of a user name and a password fits easily; anything larger is refused with 413.</summary>
    public const long MaxBodyBytes = 4 * 1024;

    public static AuthenticationBuilder AddKashiBearerToken(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<AccessTokenFormat>();
        return authentication.AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(BearerTokenDefaults.AuthenticationScheme, null);
    }

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
            IUserClaimsPrincipalFactory<AppUser> principals, SignInThrottle throttle, AccessTokenFormat tokens,
            IOptions<AuthenticationSettings> settings, TimeProvider clock, KashiInvest.Web.Shared.UiText text) =>
        {
            // Every refusal is a problem answer with a title in the request's language (?culture= or the culture cookie).
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
            if (http.Request.ContentLength > MaxBodyBytes) return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["Api.BodyTooLarge"]);
            TokenRequest? request;
            try
            {
                request = await http.Request.ReadFromJsonAsync<TokenRequest>(http.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                return Results.Problem(statusCode: e.StatusCode, title: text[e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Api.BodyTooLarge" : "Api.BadRequest"]);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Api.BadRequest"]);
            }
            catch (InvalidOperationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: text["Api.JsonExpected"]);
            }

            if (throttle.TryAcquire(http.Connection.RemoteIpAddress, request?.UserName) is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Api.TooManyAttempts", (int)Math.Ceiling(wait.TotalSeconds)]);
            }

            // One answer for an unknown user, a wrong password and a locked-out account, in the same time: the
            // password is always hashed once, against a dummy hash when there is no account (or it is locked).
            var refused = Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: text["Api.SignInRefused"]);
            if (string.IsNullOrWhiteSpace(request?.UserName) || string.IsNullOrEmpty(request.Password)) return refused;
            var user = await users.FindByNameAsync(request.UserName.Trim());
            if (user is null || await users.IsLockedOutAsync(user))
            {
                DummyPassword.Verify(users.PasswordHasher, request.Password);
                return refused;
            }
            // Same lockout rules as the sign-in form: five failures lock the account for ten minutes.
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (!result.Succeeded) return refused;

            var principal = await principals.CreateAsync(user);
            var lifetime = settings.Value.BearerTokenLifetime;
            var now = clock.GetUtcNow();
            var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime };
            var token = tokens.Protect(new AuthenticationTicket(principal, properties, BearerTokenDefaults.AuthenticationScheme));
            return Results.Ok(new TokenResponse("Bearer", token, (long)lifetime.TotalSeconds));
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}

/// <summary>A password hash of no account, so that checking an unknown user costs what checking a real one does.</summary>
internal static class DummyPassword
{
    private static readonly AppUser Nobody = new() { UserName = "nobody", DisplayName = "nobody" };
    private static string? _hash;

    public static void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}

/// <summary>Protects and reads access tokens with the application's Data Protection keys (the same key ring as the cookie).</summary>
internal sealed class AccessTokenFormat(IDataProtectionProvider protection)
{
    private readonly TicketDataFormat _format = new(protection.CreateProtector("KashiInvest.AccessToken", "v1"));

    public string Protect(AuthenticationTicket ticket) => _format.Protect(ticket);

    public AuthenticationTicket? Unprotect(string token) => _format.Unprotect(token);
}

/// <summary>
/// Reads <c>Authorization: Bearer …</c> (or <c>?access_token=</c> on the hubs, where browsers cannot set headers on a
/// WebSocket), refuses an expired token on the application's clock, and refuses a token whose account is locked out,
/// gone or changed since it was issued.
/// </summary>
internal sealed class AccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokenFormat tokens, TimeProvider clock, UserManager<AppUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        var ticket = tokens.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires) return AuthenticateResult.Fail("Invalid token.");
        if (clock.GetUtcNow() >= expires) return AuthenticateResult.Fail("Token expired.");
        if (!await UserValidity.IsCurrentAsync(users, ticket.Principal)) return AuthenticateResult.Fail("The account changed or is locked out.");
        return AuthenticateResult.Success(new AuthenticationTicket(ticket.Principal, ticket.Properties, Scheme.Name));
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // Accepted on the hubs only, where it is needed, so it does not leak into other URLs' logs.
        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
    }
}
