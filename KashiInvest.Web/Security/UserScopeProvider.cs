using System.Globalization;
using System.Security.Claims;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Security;

/// <summary>The signed-in user's <see cref="UserScope"/>, resolved once per request or circuit.</summary>
public interface IUserScopeProvider
{
    Task<UserScope> GetAsync();
}

internal sealed class UserScopeProvider(AuthenticationStateProvider authentication, IDbContextFactory<KashiDbContext> factory) : IUserScopeProvider
{
    private Task<UserScope>? _scope;

    public Task<UserScope> GetAsync() => _scope ??= ResolveAsync();

    private async Task<UserScope> ResolveAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await UserScopes.ResolveAsync(state.User, db);
    }
}

public static class UserScopes
{
    /// <summary>A scope that sees nothing and may do nothing: what an unknown or anonymous principal gets.</summary>
    public static readonly UserScope Nobody = new("anonymous", "anonymous", ActorRole.Department, null, [], []);

    public static async Task<UserScope> ResolveAsync(ClaimsPrincipal user, KashiDbContext db, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is not { } userName) return Nobody;
        var role = user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<ActorRole>(c.Value, out var r) ? r : (ActorRole?)null)
            .OfType<ActorRole>()
            .DefaultIfEmpty(ActorRole.Department)
            .Min();
        int? unitId = int.TryParse(user.FindFirst(AppClaims.UnitId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null;
        var displayName = user.FindFirst(AppClaims.DisplayName)?.Value ?? userName;

        IReadOnlyList<int> chains = [];
        IReadOnlyList<int> hosts = [];
        if (role == ActorRole.ChainLead && unitId is not null)
            chains = await db.Chains.AsNoTracking().Where(c => c.LeadUnitId == unitId).Select(c => c.Id).ToListAsync(ct);
        if (role == ActorRole.ServiceGroup && unitId is not null)
            hosts = await db.Units.AsNoTracking().Where(x => x.Id == unitId && x.Type == UnitType.ServiceGroup && x.ParentUnitId != null)
                .Select(x => x.ParentUnitId!.Value).ToListAsync(ct);
        return new UserScope(userName, displayName, role, unitId, chains, hosts);
    }
}
