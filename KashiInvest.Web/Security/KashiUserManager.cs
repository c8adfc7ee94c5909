using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Security;

/// <summary>
/// Identity's user manager, except that a change of role or unit moves the security stamp (Identity itself moves it
/// only for passwords and logins). Cookies, circuits, bearer tokens and hub connections compare the stamp
/// (<see cref="UserValidity"/>), so a user moved out of a role or unit loses the old access within
/// <c>Authentication:RevalidationSeconds</c> — at once for a token or a new hub connection.
/// </summary>
public sealed class KashiUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        await StampAfter(await base.AddToRoleAsync(user, role), user);

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await StampAfter(await base.AddToRolesAsync(user, roles), user);

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        await StampAfter(await base.RemoveFromRoleAsync(user, role), user);

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await StampAfter(await base.RemoveFromRolesAsync(user, roles), user);

    /// <summary>Moves a user to another unit (or none): saved together with a new security stamp.</summary>
    public Task<IdentityResult> ChangeUnitAsync(AppUser user, int? unitId)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.UnitId = unitId;
        return UpdateSecurityStampAsync(user);
    }

    private async Task<IdentityResult> StampAfter(IdentityResult result, AppUser user) =>
        result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
}
