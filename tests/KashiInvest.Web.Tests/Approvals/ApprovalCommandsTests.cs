using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The approvals' writes (Art. 23) on the seeded demo database: the county records the application, the group
/// leader plans and assigns, a proxy of the item's department claims it and steps its clock; rights, conflicts, audit.
/// </summary>
public sealed class ApprovalCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private ApprovalCommands Commands => new(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(), database.Clock,
        NullLogger<ApprovalCommands>.Instance);

    private DateOnly Today => BeijingTime.Today(database.Clock);

    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    /// <summary>A signed project without an application yet, with its host's code and id (each test takes another).</summary>
    private async Task<(int Id, int HostUnitId, string HostCode)> ProjectWithoutPlanAsync(int skip, int? hostUnitId = null) => await database.QueryAsync(db =>
        (from p in db.Projects
         join u in db.Units on p.HostUnitId equals u.Id
         where (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
               && !db.ServicePlans.Any(s => s.ProjectId == p.Id) && (hostUnitId == null || p.HostUnitId == hostUnitId)
         orderby p.Id
         select new ValueTuple<int, int, string>(p.Id, p.HostUnitId, u.Code)).Skip(skip).FirstAsync());

    private async Task<UserScope> GroupLeaderAsync(string hostCode, int hostUnitId)
    {
        var scope = await database.ScopeOfAsync($"svc-{hostCode}", ActorRole.ServiceGroup);
        return scope with { HostUnitIds = [hostUnitId] };
    }

    /// <summary>Names <paramref name="userName"/> a proxy of <paramref name="departmentCode"/> in the host's group and returns their scope.</summary>
    private async Task<UserScope> ProxyAsync(int hostUnitId, string departmentCode, string userName)
    {
        await using (var db = await database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync())
        {
            db.Actor = new Actor("bureau", null);
            var department = await db.Units.SingleAsync(u => u.Code == departmentCode);
            var group = await db.ServiceGroups.Include(g => g.Members).Include(g => g.Proxies).SingleAsync(g => g.HostUnitId == hostUnitId);
            group.NameProxy(userName, department.Id);
            await db.SaveChangesAsync();
        }
        var scope = await database.ScopeOfAsync(departmentCode, ActorRole.Department);
        return scope with { UserName = userName };
    }

    private Task<PlanItem> ItemAsync(int id) =>
        database.QueryAsync(db => db.PlanItems.AsNoTracking().Include(i => i.Steps).Include(i => i.Pauses).SingleAsync(i => i.Id == id));

    private async Task<(int PlanId, int PlanVersion)> PlanOfAsync(int projectId) =>
        await database.QueryAsync(db => db.ServicePlans.Where(p => p.ProjectId == projectId).Select(p => new ValueTuple<int, int>(p.Id, p.Version)).SingleAsync());

    private Task<int[]> CatalogueIdsAsync(params string[] codes) =>
        database.QueryAsync(db => db.ApprovalCatalogue.Where(c => codes.Contains(c.Code)).OrderBy(c => c.Code).Select(c => c.Id).ToArrayAsync());

    [Fact]
    public async Task The_county_records_the_application_once_and_only_for_its_own_project()
    {
        var project = await ProjectWithoutPlanAsync(0);
        var county = await database.ScopeOfAsync(project.HostCode);
        var application = new NewApplication("客商代表 王经理", Today, ServicePhases.SigningToLanding | ServicePhases.LandingToProduction);

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.RecordApplicationAsync(Leader, project.Id, application)).Status);
        var other = await database.ScopeOfAsync(project.HostCode == "kashi" ? "shufu" : "kashi");
        Assert.Equal(WriteStatus.NotFound, (await Commands.RecordApplicationAsync(other, project.Id, application)).Status);

        Assert.Equal(WriteStatus.Saved, (await Commands.RecordApplicationAsync(county, project.Id, application)).Status);
        var again = await Commands.RecordApplicationAsync(county, project.Id, application);
        Assert.Equal("Approvals.AlreadyApplied", Assert.Single(again.Errors!).Violation.Code);
        var next = await ProjectWithoutPlanAsync(0, project.HostUnitId);
        var tomorrow = await Commands.RecordApplicationAsync(county, next.Id, application with { AppliedOn = Today.AddDays(1) });
        Assert.Equal("Approvals.DateInFuture", Assert.Single(tomorrow.Errors!).Violation.Code);
    }

    [Fact]
    public async Task The_group_leader_plans_a_proxy_claims_and_steps_the_clock_and_every_step_is_audited()
    {
        var project = await ProjectWithoutPlanAsync(3);
        var county = await database.ScopeOfAsync(project.HostCode);
        Assert.Equal(WriteStatus.Saved, (await Commands.RecordApplicationAsync(county, project.Id, new NewApplication("王经理", Today, ServicePhases.SigningToLanding))).Status);
        var (planId, planVersion) = await PlanOfAsync(project.Id);
        var items = await CatalogueIdsAsync("construction-permit", "land-use-planning");

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.PlanItemsAsync(county, planId, planVersion, items)).Status);
        var leader = await GroupLeaderAsync(project.HostCode, project.HostUnitId);
        Assert.Equal(WriteStatus.Saved, (await Commands.PlanItemsAsync(leader, planId, planVersion, items)).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.PlanItemsAsync(leader, planId, planVersion, items)).Status);

        var landUse = await database.QueryAsync(db => db.PlanItems.Where(i => i.ServicePlanId == planId && i.ItemCode == "land-use-planning").Select(i => i.Id).SingleAsync());
        var proxy = await ProxyAsync(project.HostUnitId, "dept-natres", $"natres.li{project.Id}");
        var wrongDepartment = await ProxyAsync(project.HostUnitId, "dept-eco", $"eco.wang{project.Id}");

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.ClaimAsync(wrongDepartment, landUse, 0)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.ClaimAsync(proxy, landUse, 0)).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.StepAsync(proxy, landUse, 0, new ItemStep(ItemStepKind.Submit, Today))).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(proxy, landUse, 1, new ItemStep(ItemStepKind.Submit, Today))).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(proxy, landUse, 2, new ItemStep(ItemStepKind.Accept, Today, "材料齐全，予以受理"))).Status);
        var pause = new ItemStep(ItemStepKind.Pause, Today, "组织专家评审", SpecialProcedure.ExpertReview, Today.AddDays(10));
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(proxy, landUse, 3, pause)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(proxy, landUse, 4, new ItemStep(ItemStepKind.Resume, Today))).Status);
        var refused = await Commands.StepAsync(proxy, landUse, 5, new ItemStep(ItemStepKind.Refuse, Today));
        Assert.Equal("Approvals.ReasonRequired", Assert.Single(refused.Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(proxy, landUse, 5, new ItemStep(ItemStepKind.Approve, Today))).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(proxy, landUse, 6, new ItemStep(ItemStepKind.IssueCertificate, Today, CertificateNumber: "地字第652900202600088号"))).Status);

        var item = await ItemAsync(landUse);
        Assert.Equal(PlanItemStatus.CertificateIssued, item.Status);
        Assert.Equal(proxy.UserName, item.Holder);
        Assert.Equal(Today, item.AcceptedOn);
        Assert.Equal(ExpectedSteps, item.Steps.OrderBy(s => s.Id).Select(s => s.Action));
        Assert.All(item.Steps.Where(s => s.Action != PlanItemAction.Planned), s => Assert.Equal(proxy.UserName, s.UserName));

        var audits = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PlanItem) && a.EntityId == landUse.ToString())
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(AuditAction.Added, audits[0].Action);
        var decided = audits.Single(a => a.After != null && a.After.Contains("\"Status\":\"Approved\""));
        Assert.Contains("\"Status\":\"Accepted\"", decided.Before);
        Assert.Equal(proxy.UserName, decided.UserName);
    }

    private static readonly PlanItemAction[] ExpectedSteps =
    [
        PlanItemAction.Planned, PlanItemAction.Claimed, PlanItemAction.Submitted, PlanItemAction.Accepted, PlanItemAction.Paused,
        PlanItemAction.Resumed, PlanItemAction.Approved, PlanItemAction.CertificateIssued,
    ];

    [Fact]
    public async Task The_group_leader_assigns_only_to_a_proxy_of_the_items_department()
    {
        var project = await ProjectWithoutPlanAsync(6);
        var county = await database.ScopeOfAsync(project.HostCode);
        await Commands.RecordApplicationAsync(county, project.Id, new NewApplication("王经理", Today, ServicePhases.SigningToLanding));
        var (planId, planVersion) = await PlanOfAsync(project.Id);
        var leader = await GroupLeaderAsync(project.HostCode, project.HostUnitId);
        await Commands.PlanItemsAsync(leader, planId, planVersion, await CatalogueIdsAsync("fire-design"));
        var itemId = await database.QueryAsync(db => db.PlanItems.Where(i => i.ServicePlanId == planId).Select(i => i.Id).SingleAsync());
        var housing = await ProxyAsync(project.HostUnitId, "dept-housing", $"housing.zhao{project.Id}");
        var eco = await ProxyAsync(project.HostUnitId, "dept-eco", $"eco.sun{project.Id}");

        var wrong = await Commands.AssignAsync(leader, itemId, 0, eco.UserName, null);
        Assert.Equal("Approvals.NotAProxyOfDepartment", Assert.Single(wrong.Errors!).Violation.Code);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.AssignAsync(housing, itemId, 0, housing.UserName, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.AssignAsync(leader, itemId, 0, housing.UserName, null)).Status);
        Assert.Equal(housing.UserName, (await ItemAsync(itemId)).Holder);
        Assert.Equal(WriteStatus.Saved, (await Commands.ClaimAsync(housing, itemId, 1)).Status);
    }
}
