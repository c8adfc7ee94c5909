using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.AnnualTargets;

/// <summary>Who may do what with the annual targets: the Bureau sets and splits; each unit sees its own; the prefecture's readers see all.</summary>
public static class AnnualTargetAccess
{
    public static bool CanSet(UserScope scope) => scope.Role is ActorRole.Bureau or ActorRole.Administrator;

    /// <summary>Sees every unit's targets and progress.</summary>
    public static bool SeesAll(UserScope scope) => scope.SeesAll;

    /// <summary>Sees the progress of <paramref name="unitId"/>.</summary>
    public static bool CanRead(UserScope scope, int unitId) => scope.SeesAll || scope.UnitId == unitId;
}
