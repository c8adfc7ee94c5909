using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Security;

/// <summary>The first administrator, created by the <c>create-admin</c> command (outside demo mode there is none).</summary>
internal static class AdminAccounts
{
    public static async Task<IdentityResult> CreateAsync(IServiceProvider services, string userName, string password)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        var db = services.GetRequiredService<KashiDbContext>();
        var bureau = await db.Units.AsNoTracking().Where(u => u.Type == KashiInvest.Domain.Units.UnitType.Bureau).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        var user = new AppUser { UserName = userName, DisplayName = userName, UnitId = bureau, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, ActorRole.Administrator.ToString()) : created;
    }
}
