using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>Fresh projects for the life-cycle tests, written straight into a real database as a sub-bureau would file them.</summary>
public static class LifecycleTestData
{
    public static async Task<int> NewLeadAsync(KashiDbContext db, string name, InvestorTier tiers, string hostCode = "shache",
        ProjectStage stage = ProjectStage.Lead, string? responsibleLeader = null, decimal amountWan = 75_000m, int jobs = 600)
    {
        db.Actor ??= new Actor("test-setup", null);
        var host = await db.Units.SingleAsync(u => u.Code == hostCode);
        var source = await db.Units.FirstAsync(u => u.Type == UnitType.SubBureau);
        var chain = await db.Chains.OrderBy(c => c.Id).FirstAsync();
        var investor = new Investor($"{name}投资有限公司", null, tiers, SourceRegionCode.YangtzeRiverDelta);
        db.Investors.Add(investor);
        await db.SaveChangesAsync();
        var details = new ProjectDetails(name, null, host.Id, chain.Id, null, investor.Id, amountWan, jobs, null, null, responsibleLeader, null, []);
        var code = $"KS-T-{Guid.NewGuid().ToString("N")[..8]}";
        var project = Project.Create(code, details, tiers, source.Id, db.Actor, TestClock.Default.UtcNow, WorkGroupThresholds.Default, stage);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public static EvaluationInput Pass(int hostUnitId, DateOnly heldOn) => new(heldOn, [hostUnitId], "地区招商局张伟；县招商局王芳",
        EvaluationRules.AllCriteria.Select(c => new CriterionJudgement(c, Judgement.Good, null)).ToList(), EvaluationDecision.Pass, "符合产业布局");

    public static EvaluationInput Fail(int hostUnitId, DateOnly heldOn, string? reasons) => new(heldOn, [hostUnitId], "地区招商局张伟",
        EvaluationRules.AllCriteria.Select(c => new CriterionJudgement(c, c == EvaluationCriterion.ThreeHighScreen ? Judgement.Unacceptable : Judgement.Acceptable, null)).ToList(),
        EvaluationDecision.Fail, reasons);
}
