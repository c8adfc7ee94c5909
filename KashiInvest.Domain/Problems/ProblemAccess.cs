using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Problems;

/// <summary>Who may act on the problem ledger (Art. 27–28).</summary>
public static class ProblemAccess
{
    /// <summary>Anyone who sees the project and works on it may record a problem; a display screen may not.</summary>
    public static bool CanRaise(UserScope scope, ProjectKey project) =>
        scope.Role is not (ActorRole.Display or ActorRole.Department) && ProjectAccess.CanSee(scope, project);

    /// <summary>
    /// Take up, reassign, escalate or resolve: the owner unit; the host county while the entry is at county level;
    /// the chain lead up to its level; the Bureau and the administrator always.
    /// </summary>
    public static bool CanHandle(UserScope scope, ProjectKey project, int ownerUnitId, EscalationLevel level) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.Display or ActorRole.Leader => false,
        _ when scope.UnitId == ownerUnitId => true,
        ActorRole.AttractingUnit => level == EscalationLevel.County && project.HostUnitId == scope.UnitId,
        ActorRole.ChainLead => level <= EscalationLevel.ChainLead && scope.ChainIds.Contains(project.ChainId),
        _ => false,
    };

    /// <summary>Reopen a resolved entry: whoever could handle it, or the unit that raised it.</summary>
    public static bool CanReopen(UserScope scope, ProjectKey project, int ownerUnitId, EscalationLevel level, int? raisedByUnitId) =>
        CanHandle(scope, project, ownerUnitId, level) || (raisedByUnitId is not null && scope.UnitId == raisedByUnitId && scope.Role is not (ActorRole.Display or ActorRole.Leader));
}
