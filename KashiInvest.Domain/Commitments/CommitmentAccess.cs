using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Commitments;

/// <summary>Who may see and act on policy commitments.</summary>
public static class CommitmentAccess
{
    /// <summary>Whoever sees the project, and the department responsible for the commitment.</summary>
    public static bool CanSee(UserScope scope, ProjectKey project, int responsibleUnitId) =>
        ProjectAccess.CanSee(scope, project) || (scope.UnitId is { } unit && unit == responsibleUnitId);

    /// <summary>Record or edit a commitment: the project's host county (or KEDZ), the Bureau and the administrator.</summary>
    public static bool CanRecord(UserScope scope, ProjectKey project) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.AttractingUnit => project.HostUnitId == scope.UnitId,
        _ => false,
    };

    /// <summary>
    /// Step it through its life and record payments: the responsible department, the Bureau and the administrator.
    /// Confirming a by-hand condition is also open to whoever may record the commitment.
    /// </summary>
    public static bool CanStep(UserScope scope, int responsibleUnitId) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.Display or ActorRole.Leader => false,
        _ => scope.UnitId == responsibleUnitId,
    };

    /// <summary>
    /// Close a commitment, as honoured or terminated: the Bureau and the administrator only. The unit that owes a
    /// commitment may not end it itself (不得毁约): its overdue alert, the totals and the bulletin would lose it.
    /// </summary>
    public static bool CanClose(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;

    /// <summary>Whether <paramref name="scope"/> may take <paramref name="step"/> on a commitment owed by <paramref name="responsibleUnitId"/>.</summary>
    public static bool CanTake(UserScope scope, CommitmentStep step, int responsibleUnitId) =>
        step is CommitmentStep.ConfirmHonoured or CommitmentStep.Terminate ? CanClose(scope) : CanStep(scope, responsibleUnitId);

    public static bool CanConfirmCondition(UserScope scope, ProjectKey project, int responsibleUnitId) =>
        CanRecord(scope, project) || CanStep(scope, responsibleUnitId);

    /// <summary>The fair-competition review is the Bureau's.</summary>
    public static bool CanClearFairCompetition(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;
}
