using KashiInvest.Domain.Units;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>The units a commitment may be owed by, as the record form lists them: departments first, then the counties and the zone.</summary>
public static class CommitmentUnits
{
    public static IReadOnlyList<UnitInfo> Of(ReferenceCache.Snapshot units) => units.Units
        .Where(u => u.Type is not (UnitType.LeadersOffice))
        .OrderBy(u => u.Type switch { UnitType.Department => 0, UnitType.Bureau => 1, UnitType.County or UnitType.DevelopmentZone => 2, _ => 3 })
        .ThenBy(u => u.Id)
        .ToList();
}
