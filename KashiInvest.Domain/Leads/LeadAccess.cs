using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Leads;

/// <summary>Who may do what with targets, registration forms and weekly intention reports (Art. 16–19).</summary>
public static class LeadAccess
{
    /// <summary>The Bureau keeps the target library and pushes its entries.</summary>
    public static bool CanManageTargets(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;

    /// <summary>Sees the whole library (not only pushes): the Bureau, leaders, the administrator.</summary>
    public static bool SeesAllTargets(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.Leader;

    /// <summary>A receiving unit records follow-up on the pushes it received, and only those.</summary>
    public static bool CanFollowUp(UserScope scope, int pushUnitId) => scope.UnitId == pushUnitId && scope.Role is not (ActorRole.Display or ActorRole.Leader);

    /// <summary>Sub-bureaus file after a visit; the front command and the Bureau may file too.</summary>
    public static bool CanFileLead(UserScope scope) => scope.UnitId is not null && scope.Role is ActorRole.SubBureau or ActorRole.FrontCommand or ActorRole.Bureau or ActorRole.Administrator;

    /// <summary>Attracting units (KEDZ, counties) file their own weekly report.</summary>
    public static bool CanFileWeekly(UserScope scope, int unitId) =>
        (scope.Role == ActorRole.AttractingUnit && scope.UnitId == unitId) || scope.Role == ActorRole.Administrator;

    /// <summary>Who sees every unit's weekly reports and the investor library as a whole.</summary>
    public static bool SeesAllWeekly(UserScope scope) => scope.SeesAll;
}
