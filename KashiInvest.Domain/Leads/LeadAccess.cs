using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Leads;

/// <summary>Who may do what with registration forms and weekly intention reports (Art. 18–19).</summary>
public static class LeadAccess
{
    /// <summary>Sub-bureaus file after a visit; the front command and the Bureau may file too.</summary>
    public static bool CanFileLead(UserScope scope) => scope.UnitId is not null && scope.Role is ActorRole.SubBureau or ActorRole.FrontCommand or ActorRole.Bureau or ActorRole.Administrator;

    /// <summary>Attracting units (KEDZ, counties) file their own weekly report.</summary>
    public static bool CanFileWeekly(UserScope scope, int unitId) =>
        (scope.Role == ActorRole.AttractingUnit && scope.UnitId == unitId) || scope.Role == ActorRole.Administrator;

    /// <summary>Who sees every unit's weekly reports and the investor library as a whole.</summary>
    public static bool SeesAllWeekly(UserScope scope) => scope.SeesAll;
}
