using System.Linq.Expressions;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Alerts;

/// <summary>What decides who sees an alert: the project's scope ids, the unit it is about, the unit that must act.</summary>
public readonly record struct AlertKey(ProjectKey? Project, int? UnitId, int? OwnerUnitId);

/// <summary>
/// The one scoping rule for alerts, used by the alert centre, the bell and the filter of live alert notices.
/// Leaders, the Bureau and the administrator see all; a unit sees the alerts on projects it may see (its own as
/// host, source or service group) and those about it or waiting on it; a chain lead sees its chains' alerts.
/// </summary>
public static class AlertAccess
{
    public static Expression<Func<Alert, bool>> VisibleTo(UserScope scope)
    {
        if (scope.SeesAll) return _ => true;
        var unitId = scope.UnitId ?? -1;
        var chains = scope.ChainIds.ToArray();
        var hosts = scope.HostUnitIds.ToArray();
        return scope.Role switch
        {
            ActorRole.AttractingUnit => a => a.HostUnitId == unitId || a.UnitId == unitId || a.OwnerUnitId == unitId,
            ActorRole.ChainLead => a => (a.ChainId != null && chains.Contains(a.ChainId.Value)) || a.UnitId == unitId || a.OwnerUnitId == unitId,
            ActorRole.SubBureau or ActorRole.FrontCommand => a => a.SourceUnitId == unitId || a.UnitId == unitId || a.OwnerUnitId == unitId,
            ActorRole.ServiceGroup => a => (a.HostUnitId != null && hosts.Contains(a.HostUnitId.Value)) || a.UnitId == unitId || a.OwnerUnitId == unitId,
            _ => a => a.UnitId == unitId || a.OwnerUnitId == unitId,
        };
    }

    /// <summary>The same rule as <see cref="VisibleTo"/>, on an alert's key (for live notices).</summary>
    public static bool CanSee(UserScope scope, AlertKey alert)
    {
        if (scope.SeesAll) return true;
        if (scope.UnitId is { } unit && (alert.UnitId == unit || alert.OwnerUnitId == unit)) return true;
        return alert.Project is { } project && scope.Role is not (ActorRole.Department) && ProjectAccess.CanSee(scope, project);
    }

    public static bool CanSee(UserScope scope, Alert alert) => CanSee(scope, new AlertKey(alert.Project, alert.UnitId, alert.OwnerUnitId));

    /// <summary>Anyone who sees an alert may acknowledge it, except a read-only display.</summary>
    public static bool CanAcknowledge(UserScope scope, Alert alert) => scope.Role != ActorRole.Display && CanSee(scope, alert);

    /// <summary>
    /// The units that should hear of an alert outside the app: the host, the chain's lead unit, the owner, and any
    /// <paramref name="alsoUnitIds"/> its kind adds (an approval alert: the host's service group; overdue: the Bureau).
    /// </summary>
    public static IReadOnlyList<int> UnitsToNotify(Alert alert, int? chainLeadUnitId, IEnumerable<int>? alsoUnitIds = null) =>
        new[] { alert.HostUnitId, chainLeadUnitId, alert.OwnerUnitId, alert.UnitId }.OfType<int>().Concat(alsoUnitIds ?? []).Distinct().ToList();
}
