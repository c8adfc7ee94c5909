using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Approvals;

public class ServiceGroupTests
{
    private const int GroupUnit = 40, Host = 7, Natres = 31, Eco = 32;

    private static ServiceGroup Group()
    {
        var group = new ServiceGroup(GroupUnit, Host, leadUnitId: 50, [Natres, Eco]);
        group.NameProxy("natres.li", Natres);
        return group;
    }

    private static UserScope Scope(ActorRole role, int? unit, string user = "someone", int[]? hosts = null) =>
        new(user, user, role, unit, [], hosts ?? []);

    private static PlanItem Item(int department)
    {
        var plan = ServicePlan.RecordApplication(new ProjectKey(42, Host, 3, 21), ProjectStage.Landing, false, "王经理", new DateOnly(2026, 8, 28),
            ServicePhases.SigningToLanding, new Actor("shache", Host), new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc)).WithId(5);
        var input = CatalogueItemTests.Input() with { DepartmentUnitId = department };
        return plan.AddItems([new CatalogueItem(input).WithId(9)], [], new Actor("group", GroupUnit), new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc))[0];
    }

    [Fact]
    public void A_proxy_is_named_for_a_member_department_only()
    {
        var group = Group();
        Assert.True(group.IsProxy("NATRES.LI", Natres));
        Assert.False(group.IsProxy("natres.li", Eco));
        Rules.Refused("Approvals.DepartmentNotInGroup", () => group.NameProxy("housing.zhao", 33));

        group.RemoveMember(Natres);
        Assert.False(group.IsProxy("natres.li", Natres));
    }

    [Fact]
    public void A_proxy_of_the_items_department_claims_and_carries_it_and_no_other_department_does()
    {
        var group = Group();
        var item = Item(Natres);

        Assert.True(ApprovalAccess.CanClaim(Scope(ActorRole.Department, Natres, "natres.li"), group, item));
        Assert.False(ApprovalAccess.CanClaim(Scope(ActorRole.Department, Natres, "natres.other"), group, item)); // not named a proxy
        Assert.False(ApprovalAccess.CanClaim(Scope(ActorRole.Department, Eco, "natres.li"), group, item));
        Assert.True(ApprovalAccess.CanCarry(Scope(ActorRole.ServiceGroup, GroupUnit), group, item));
        Assert.False(ApprovalAccess.CanClaim(Scope(ActorRole.ServiceGroup, GroupUnit), group, item));
        Assert.False(ApprovalAccess.CanCarry(Scope(ActorRole.ServiceGroup, 41), group, item));
        Assert.True(ApprovalAccess.CanCarry(Scope(ActorRole.Bureau, 1), group, item));
        Assert.False(ApprovalAccess.CanCarry(Scope(ActorRole.Leader, 2), group, item));
        Assert.False(ApprovalAccess.CanCarry(Scope(ActorRole.Display, null), group, item));
    }

    [Fact]
    public void The_host_county_records_the_application_and_the_group_leader_plans()
    {
        var project = new ProjectKey(42, Host, 3, 21);
        Assert.True(ApprovalAccess.CanRecordApplication(Scope(ActorRole.AttractingUnit, Host), project));
        Assert.False(ApprovalAccess.CanRecordApplication(Scope(ActorRole.AttractingUnit, 8), project));
        Assert.False(ApprovalAccess.CanRecordApplication(Scope(ActorRole.ServiceGroup, GroupUnit, hosts: [Host]), project));
        Assert.False(ApprovalAccess.CanRecordApplication(Scope(ActorRole.Leader, 2), project));

        Assert.True(ApprovalAccess.CanPlan(Scope(ActorRole.ServiceGroup, GroupUnit), Group()));
        Assert.False(ApprovalAccess.CanPlan(Scope(ActorRole.AttractingUnit, Host), Group()));
        Assert.False(ApprovalAccess.CanPlan(Scope(ActorRole.Department, Natres, "natres.li"), Group()));
    }

    [Fact]
    public void A_department_sees_the_items_of_its_own_department_and_leaders_see_all()
    {
        var project = new ProjectKey(42, Host, 3, 21);
        Assert.True(ApprovalAccess.CanSee(Scope(ActorRole.Department, Natres), project, Natres));
        Assert.False(ApprovalAccess.CanSee(Scope(ActorRole.Department, Natres), project, Eco));
        Assert.True(ApprovalAccess.CanSee(Scope(ActorRole.Leader, 2), project));
        Assert.True(ApprovalAccess.CanSee(Scope(ActorRole.Display, null), project));
        Assert.False(ApprovalAccess.CanSee(Scope(ActorRole.AttractingUnit, 8), project));
    }
}
