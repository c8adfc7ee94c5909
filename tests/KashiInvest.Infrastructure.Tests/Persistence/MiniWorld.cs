using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;

namespace KashiInvest.Infrastructure.Tests.Persistence;

/// <summary>
/// A small, hand-made prefecture for persistence tests: two counties, a service group, a sub-bureau, two chains
/// with their lead units, and one project per (county, chain) — small enough to know every expected row.
/// </summary>
public sealed class MiniWorld
{
    public static readonly Actor Setup = Actor.System("test-setup");

    public int CountyA { get; private set; }
    public int CountyB { get; private set; }
    public int ServiceGroupA { get; private set; }
    public int SubBureau { get; private set; }
    public int LeadUnit1 { get; private set; }
    public int LeadUnit2 { get; private set; }
    public int Chain1 { get; private set; }
    public int Chain2 { get; private set; }
    public int Investor { get; private set; }
    /// <summary>Project ids by (county, chain): A1, A2, B1, B2; B2 was brought in by the sub-bureau.</summary>
    public Dictionary<string, int> Projects { get; } = [];

    public static async Task<MiniWorld> CreateAsync(TestDatabase database)
    {
        var w = new MiniWorld();
        await using var db = database.CreateContext();
        db.Actor = Setup;
        var a = new Unit("county-a", "甲县", "County A", UnitType.County);
        var b = new Unit("county-b", "乙县", "County B", UnitType.County);
        var sub = new Unit("sub-x", "驻某片区招商分局", "Sub-bureau X", UnitType.SubBureau, region: SourceRegionCode.Shandong);
        var l1 = new Unit("lead-1", "链主一", "Lead 1", UnitType.ChainLead);
        var l2 = new Unit("lead-2", "链主二", "Lead 2", UnitType.ChainLead);
        db.Units.AddRange(a, b, sub, l1, l2);
        await db.SaveChangesAsync();
        var svc = new Unit("svc-a", "甲县帮办代办联合服务组", "Service group A", UnitType.ServiceGroup, a.Id);
        db.Units.Add(svc);
        var c1 = new IndustryChain("c1", "纺织服装", "Textiles", l1.Id);
        var c2 = new IndustryChain("c2", "新能源", "New energy", l2.Id);
        db.Chains.AddRange(c1, c2);
        var investor = new Investor("测试投资有限公司", CreditCode.Complete("91440300MA5TEKT01"), InvestorTier.Listed, SourceRegionCode.PearlRiverDelta);
        db.Investors.Add(investor);
        await db.SaveChangesAsync();
        (w.CountyA, w.CountyB, w.SubBureau, w.LeadUnit1, w.LeadUnit2, w.ServiceGroupA) = (a.Id, b.Id, sub.Id, l1.Id, l2.Id, svc.Id);
        (w.Chain1, w.Chain2, w.Investor) = (c1.Id, c2.Id, investor.Id);

        var now = database.Clock.GetUtcNow().UtcDateTime;
        var n = 0;
        foreach (var (county, countyKey) in new[] { (a.Id, "A"), (b.Id, "B") })
        foreach (var (chain, chainKey) in new[] { (c1.Id, "1"), (c2.Id, "2") })
        {
            var key = countyKey + chainKey;
            var source = key == "B2" ? sub.Id : county;
            var p = Project.Create($"KS-2026-{++n:D4}", Details(key, county, chain, investor.Id), investor.Tiers, source, Setup, now, WorkGroupThresholds.Default);
            db.Projects.Add(p);
            await db.SaveChangesAsync();
            w.Projects[key] = p.Id;
        }
        return w;
    }

    public static ProjectDetails Details(string name, int host, int chain, int investor, decimal wan = 12_000m, int jobs = 100) =>
        new(name, null, host, chain, null, investor, wan, jobs, null, null, null, null, []);
}
