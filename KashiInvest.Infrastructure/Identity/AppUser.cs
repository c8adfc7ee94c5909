using Microsoft.AspNetCore.Identity;

namespace KashiInvest.Infrastructure.Identity;

/// <summary>A person (or a display screen) who signs in. Every user acts for one unit.</summary>
public sealed class AppUser : IdentityUser
{
    public int? UnitId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The user's preferred UI culture (<c>zh-CN</c> or <c>en</c>); null means the default.</summary>
    public string? Culture { get; set; }
}

/// <summary>Role names as stored by Identity; one per <see cref="KashiInvest.Domain.Access.ActorRole"/>.</summary>
public static class AppRoles
{
    public static string NameOf(KashiInvest.Domain.Access.ActorRole role) => role.ToString();

    public static IEnumerable<string> All => Enum.GetNames<KashiInvest.Domain.Access.ActorRole>();
}

/// <summary>Claim types added to the sign-in cookie.</summary>
public static class AppClaims
{
    public const string UnitId = "kashi:unit";
    public const string DisplayName = "kashi:name";
}
