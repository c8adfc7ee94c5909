using KashiInvest.Domain.Access;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>A demo account to create: who signs in, with which role, for which unit.</summary>
public sealed record DemoAccountSpec(string UserName, ActorRole Role, string UnitCode, string DisplayName);

/// <summary>
/// The demo accounts, one per role and unit that a demonstration needs: <c>admin</c>, <c>bureau</c>, <c>leader</c>,
/// KEDZ and each county by its pinyin code, the front command, each sub-bureau and chain lead by its code,
/// <c>wall</c> for the projector, and for approvals each service group (<c>svc-shache</c>) and department (<c>dept-natres</c>).
/// </summary>
public static class DemoAccounts
{
    public const string EmailDomain = "demo.kashiinvest.local";

    public static IReadOnlyList<DemoAccountSpec> All { get; } = Build();

    private static List<DemoAccountSpec> Build()
    {
        var accounts = new List<DemoAccountSpec>
        {
            new("admin", ActorRole.Administrator, ReferenceData.BureauCode, "系统管理员"),
            new("bureau", ActorRole.Bureau, ReferenceData.BureauCode, "地区招商局调度员"),
            new("leader", ActorRole.Leader, ReferenceData.LeadersCode, "地区分管领导"),
            new(ReferenceData.DevelopmentZoneCode, ActorRole.AttractingUnit, ReferenceData.DevelopmentZoneCode, "喀什经济开发区招商专员"),
        };
        accounts.AddRange(ReferenceData.Counties.Select(c => new DemoAccountSpec(c.Code, ActorRole.AttractingUnit, c.Code, $"{c.Name}招商专员")));
        accounts.Add(new(ReferenceData.FrontCommandCode, ActorRole.FrontCommand, ReferenceData.FrontCommandCode, "前方指挥部联络员"));
        accounts.AddRange(ReferenceData.SubBureaus.Select(s => new DemoAccountSpec(s.Code, ActorRole.SubBureau, s.Code,
            $"{s.Name.Replace("喀什地区", "", StringComparison.Ordinal)}专员")));
        accounts.AddRange(ReferenceData.Chains.Select(c => new DemoAccountSpec($"chain-{c.Code}", ActorRole.ChainLead, c.LeadUnitCode,
            $"{c.Name}产业链链主单位联络员")));
        accounts.Add(new("wall", ActorRole.Display, ReferenceData.BureauCode, "指挥大屏"));
        // Assist-and-proxy approvals (Art. 23): each service group's leader, and each department's proxy.
        accounts.AddRange(ReferenceData.ServiceGroups.Select(g => new DemoAccountSpec(g.Code, ActorRole.ServiceGroup, g.Code, $"{g.Name}组长")));
        accounts.AddRange(ReferenceData.Departments.Select(d => new DemoAccountSpec(d.Code, ActorRole.Department, d.Code, $"{d.Name}代办员")));
        return accounts;
    }
}
