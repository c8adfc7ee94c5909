using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Approvals;

/// <summary>
/// Who may do what with assist-and-proxy approvals (Art. 23): the host county records the investor's application;
/// the group leader (an account of the county's service group) plans and assigns; a proxy of the item's department
/// claims and steps it; the Bureau and the administrator may do all of it; leaders and display screens read.
/// </summary>
public static class ApprovalAccess
{
    public static bool CanRecordApplication(UserScope scope, ProjectKey project) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.AttractingUnit => project.HostUnitId == scope.UnitId,
        _ => false,
    };

    /// <summary>Record the investor's satisfaction with an item's service: the host county (and the Bureau, the administrator).</summary>
    public static bool CanRateService(UserScope scope, int hostUnitId) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.AttractingUnit => hostUnitId == scope.UnitId,
        _ => false,
    };

    /// <summary>Plan the items and assign or reassign them: the group leader of the host's group.</summary>
    public static bool CanPlan(UserScope scope, ServiceGroup group) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.ServiceGroup => scope.UnitId == group.GroupUnitId,
        _ => false,
    };

    /// <summary>Claim and step an item: a proxy named in the group for the item's department, or the group leader and the Bureau.</summary>
    public static bool CanCarry(UserScope scope, ServiceGroup group, PlanItem item) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.ServiceGroup => scope.UnitId == group.GroupUnitId,
        ActorRole.Department => scope.UnitId == item.DepartmentUnitId && group.IsProxy(scope.UserName, item.DepartmentUnitId),
        _ => false,
    };

    /// <summary>Claim: only a proxy of the item's department (the group leader assigns instead).</summary>
    public static bool CanClaim(UserScope scope, ServiceGroup group, PlanItem item) =>
        scope.Role == ActorRole.Department && CanCarry(scope, group, item);

    /// <summary>
    /// Read a project's plan: whoever sees the project, plus the departments' proxies for the items of their own
    /// department (they do not see the project otherwise).
    /// </summary>
    public static bool CanSee(UserScope scope, ProjectKey project, int? itemDepartmentUnitId = null) =>
        ProjectAccess.CanSee(scope, project)
        || (scope.Role == ActorRole.Department && itemDepartmentUnitId is not null && itemDepartmentUnitId == scope.UnitId);

    /// <summary>Edit the catalogue and the working-day calendar: the Bureau and the administrator.</summary>
    public static bool CanKeepReferenceData(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;
}
