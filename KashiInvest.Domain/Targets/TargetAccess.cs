using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Targets;

/// <summary>Who may do what with the target library and its pushes (Art. 16–17).</summary>
public static class TargetAccess
{
    /// <summary>The Bureau keeps the target library and pushes its entries.</summary>
    public static bool CanManageTargets(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;

    /// <summary>Sees the whole library (not only pushes): the Bureau, leaders, the administrator.</summary>
    public static bool SeesAllTargets(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.Leader;

    /// <summary>A receiving unit records follow-up on the pushes it received, and only those.</summary>
    public static bool CanFollowUp(UserScope scope, int pushUnitId) => scope.UnitId == pushUnitId && scope.Role is not (ActorRole.Display or ActorRole.Leader);
}
