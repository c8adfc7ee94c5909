using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Targets;

/// <summary>Who may do what with the target library and its pushes (Art. 16–17).</summary>
public static class TargetAccess
{
    /// <summary>The Bureau keeps the target library and pushes its entries.</summary>
    public static bool CanManageTargets(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;

    /// <summary>Sees the whole library (not only pushes): the Bureau, leaders, the administrator.</summary>
    public static bool SeesAllTargets(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.Leader;

    /// <summary>
    /// Sees every target of a chain with every unit's follow-up (the chain map): whoever sees the whole library, and
    /// the chain's own lead unit. Anyone else sees only the targets pushed to its unit, with its own follow-up.
    /// </summary>
    public static bool SeesChainTargets(UserScope scope, int chainLeadUnitId) =>
        SeesAllTargets(scope) || (scope.Role == ActorRole.ChainLead && scope.UnitId == chainLeadUnitId);

    /// <summary>A receiving unit records follow-up on the pushes it received, and only those.</summary>
    public static bool CanFollowUp(UserScope scope, int pushUnitId) => scope.UnitId == pushUnitId && scope.Role is not (ActorRole.Display or ActorRole.Leader);
}
