using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace KashiInvest.Web.Security;

/// <summary>The body of <c>POST /api/token</c>.</summary>
public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>
/// Sign-in for clients that are not browsers (the live hub's external clients): user name and password in, a bearer
/// token out — ASP.NET Core's own <c>BearerToken</c> handler, carrying the same claims as the sign-in cookie.
/// </summary>
internal static class TokenEndpoints
{
    public const string Path = "/api/token";

    public static AuthenticationBuilder AddKashiBearerToken(this AuthenticationBuilder authentication) =>
        authentication.AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(12);
            o.Events.OnMessageReceived = ctx =>
            {
                // Browsers cannot set headers on a WebSocket: SignalR sends the token as ?access_token= instead.
                // Accepted on the hubs only, where it is needed, so it does not leak into other URLs' logs.
                if (string.IsNullOrEmpty(ctx.Token) && ctx.Request.Path.StartsWithSegments("/hubs")
                    && ctx.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                {
                    ctx.Token = token;
                }
                return Task.CompletedTask;
            };
        });

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn,
            IUserClaimsPrincipalFactory<AppUser> principals) =>
        {
            var refused = Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid user name or password.");
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password)) return refused;
            var user = await users.FindByNameAsync(request.UserName.Trim());
            if (user is null) return refused;
            // Same lockout rules as the sign-in form: five failures lock the account for ten minutes.
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (!result.Succeeded) return refused;
            var principal = await principals.CreateAsync(user);
            return Results.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}
