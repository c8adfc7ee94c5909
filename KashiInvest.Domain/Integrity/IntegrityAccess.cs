using System.Linq.Expressions;
using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Integrity;

/// <summary>
/// Who may see and act on integrity cases. The Bureau (with the administrator) opens, verifies and records breaches;
/// leaders and the wall read all; a unit sees only its own cases, enters its rectification plan and reports it
/// rectified. Nobody else sees another unit's case.
/// </summary>
public static class IntegrityAccess
{
    public static Expression<Func<IntegrityCase, bool>> VisibleTo(UserScope scope)
    {
        if (scope.SeesAll) return _ => true;
        var unit = scope.UnitId ?? -1;
        return c => c.UnitId == unit;
    }

    public static bool CanSee(UserScope scope, int unitId) => scope.SeesAll || (scope.UnitId is { } unit && unit == unitId);

    /// <summary>Open a case, verify its rectification, send it back, record a breach of trust: the Bureau and the administrator.</summary>
    public static bool CanSupervise(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;

    /// <summary>Enter the plan and report it rectified: the responsible unit, and the administrator.</summary>
    public static bool CanRectify(UserScope scope, int unitId) =>
        scope.Role == ActorRole.Administrator || (scope.Role is not (ActorRole.Display or ActorRole.Leader) && scope.UnitId is { } unit && unit == unitId);
}
