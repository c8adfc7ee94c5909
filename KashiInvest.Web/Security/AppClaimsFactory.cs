using System.Globalization;
using System.Security.Claims;
using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Security;

/// <summary>Adds the user's unit and display name to the sign-in cookie.</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unitId) identity.AddClaim(new Claim(AppClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
