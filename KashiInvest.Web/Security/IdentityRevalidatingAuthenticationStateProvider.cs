using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Security;

/// <summary>
/// Rechecks a long-lived circuit's user against the database every <c>Authentication:RevalidationSeconds</c>: a screen
/// left open for days (a projector, a kiosk) loses access once its account is locked, deleted or its password, role or
/// unit changes (the security stamp moves), instead of keeping it until the circuit ends.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<AuthenticationSettings> settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await UserValidity.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), state.User);
    }
}
