using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Statistics;

/// <summary>
/// Who may do what with monthly returns: a unit sees and edits its own; the Bureau (and the administrator)
/// reviews all; leaders and the wall read approved figures only.
/// </summary>
public static class MonthlyReturnAccess
{
    /// <summary>The unit itself: corrects, submits.</summary>
    public static bool IsOwner(UserScope scope, int unitId) => scope.Role == ActorRole.AttractingUnit && scope.UnitId == unitId;

    /// <summary>The reviewers: return, approve.</summary>
    public static bool CanReview(UserScope scope) => scope.Role is ActorRole.Bureau or ActorRole.Administrator;

    /// <summary>Compute or refresh a return from the platform's data.</summary>
    public static bool CanCompute(UserScope scope, int unitId) => IsOwner(scope, unitId) || CanReview(scope);

    /// <summary>Open a revision of an approved return.</summary>
    public static bool CanOpenRevision(UserScope scope, int unitId) => IsOwner(scope, unitId) || CanReview(scope);

    /// <summary>See a return at every stage of its review (working figures, corrections, history).</summary>
    public static bool CanReadWorking(UserScope scope, int unitId) => IsOwner(scope, unitId) || CanReview(scope);

    /// <summary>See approved figures: the reviewers and the unit, and the prefecture-wide readers (leaders, the wall).</summary>
    public static bool CanReadApproved(UserScope scope, int unitId) =>
        CanReadWorking(scope, unitId) || scope.Role is ActorRole.Leader or ActorRole.Display;
}
