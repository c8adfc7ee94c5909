using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Chains;

/// <summary>
/// Who may do what with a chain map (Art. 12): every signed-in user reads every map (gaps are where everyone seeks
/// investors); the chain's lead unit (and the administrator) edits it; the Bureau comments on any map.
/// </summary>
public static class ChainAccess
{
    public static bool CanEditMap(UserScope scope, int leadUnitId) =>
        scope.Role == ActorRole.Administrator || (scope.Role == ActorRole.ChainLead && scope.UnitId == leadUnitId);

    public static bool CanComment(UserScope scope, int leadUnitId) => CanEditMap(scope, leadUnitId) || scope.Role == ActorRole.Bureau;
}
