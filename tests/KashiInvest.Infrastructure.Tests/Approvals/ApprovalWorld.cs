using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Approvals;

/// <summary>Reference data (units, calendar, catalogue, service groups) plus signed projects with a service plan, for approval tests.</summary>
public static class ApprovalWorld
{
    public static readonly Actor County = new("shache", null);
    public static readonly Actor Proxy = new("natres.li", null);

    public static async Task SeedAsync(TestDatabase database) => await new ReferenceDataSeeder(database.Factory).SeedAsync();

    /// <summary>A signed project of 莎车县 with an application and one planned item of <paramref name="catalogueCode"/>; returns (project, item).</summary>
    public static async Task<(int ProjectId, int ItemId)> PlannedItemAsync(TestDatabase database, string catalogueCode, bool keyProject = false, string code = "KS-2026-0900")
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var past = now.AddDays(-60);
        await using var db = database.CreateContext();
        db.Actor = County;
        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id);
        var chain = await db.Chains.FirstAsync();
        var investor = new Investor($"投资企业{code}", null, InvestorTier.None, SourceRegionCode.YangtzeRiverDelta);
        db.Investors.Add(investor);
        await db.SaveChangesAsync();
        var (amount, jobs) = keyProject ? (75_000m, 600) : (5_000m, 80);
        var project = Project.Create(code, new ProjectDetails($"项目{code}", null, units["shache"], chain.Id, null, investor.Id,
            amount, jobs, null, null, null, null, []), InvestorTier.None, units["sub-yrd"], County, past, WorkGroupThresholds.Default, ProjectStage.Evaluation);
        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: BeijingTime.DateOf(past)), County, past);
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        var plan = ServicePlan.RecordApplication(project.Key, project.Stage, project.IsKeyProject, "王经理", BeijingTime.DateOf(past),
            ServicePhases.SigningToLanding, County, past);
        db.ServicePlans.Add(plan);
        await db.SaveChangesAsync();
        var catalogueItem = await db.ApprovalCatalogue.SingleAsync(c => c.Code == catalogueCode);
        var item = plan.AddItems([catalogueItem], [], County, past).Single();
        db.PlanItems.Add(item);
        await db.SaveChangesAsync();
        return (project.Id, item.Id);
    }

    /// <summary>Claims, submits and accepts the item on <paramref name="acceptedOn"/>.</summary>
    public static async Task AcceptAsync(TestDatabase database, int itemId, DateOnly acceptedOn)
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        db.Actor = Proxy;
        var item = await db.PlanItems.Include(i => i.Steps).Include(i => i.Pauses).SingleAsync(i => i.Id == itemId);
        item.Claim(Proxy, now);
        item.Submit(acceptedOn, null, Proxy, now);
        item.Accept(acceptedOn, null, Proxy, now);
        await db.SaveChangesAsync();
    }

    public static async Task StepAsync(TestDatabase database, int itemId, Action<PlanItem, DateTime> step)
    {
        await using var db = database.CreateContext();
        db.Actor = Proxy;
        var item = await db.PlanItems.Include(i => i.Steps).Include(i => i.Pauses).SingleAsync(i => i.Id == itemId);
        step(item, database.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }
}
