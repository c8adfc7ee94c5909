using System.Linq.Expressions;
using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Complaints;

/// <summary>
/// Who may see and act on investors' complaints. The Bureau registers and assigns them (with the administrator);
/// leaders and the wall see all; a unit sees and answers only the complaints assigned to it (a complainant's contact
/// details reach no other unit).
/// </summary>
public static class ComplaintAccess
{
    public static Expression<Func<Complaint, bool>> VisibleTo(UserScope scope)
    {
        if (scope.SeesAll) return _ => true;
        var unit = scope.UnitId ?? -1;
        return c => c.AssignedUnitId == unit;
    }

    public static bool CanSee(UserScope scope, int? assignedUnitId) => scope.SeesAll || (scope.UnitId is { } unit && unit == assignedUnitId);

    /// <summary>Accept or refuse, assign and link: the Bureau and the administrator.</summary>
    public static bool CanRegister(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;

    /// <summary>Answer: the assigned unit, and the administrator.</summary>
    public static bool CanAnswer(UserScope scope, int? assignedUnitId) =>
        scope.Role == ActorRole.Administrator || (scope.Role is not (ActorRole.Display or ActorRole.Leader) && scope.UnitId is { } unit && unit == assignedUnitId);
}
