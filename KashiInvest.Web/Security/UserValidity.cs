using System.Security.Claims;
using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KashiInvest.Web.Security;

/// <summary>
/// Is a sign-in still good? The account exists, is not locked out, and its security stamp is the one the sign-in
/// carries (a new password, role or unit moves the stamp). One rule for circuits, bearer tokens and hub connections.
/// </summary>
public static class UserValidity
{
    public static async Task<bool> IsCurrentAsync(UserManager<AppUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return false;
        if (await users.IsLockedOutAsync(user)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var principalStamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return !string.IsNullOrEmpty(principalStamp) && principalStamp == await users.GetSecurityStampAsync(user);
    }
}
