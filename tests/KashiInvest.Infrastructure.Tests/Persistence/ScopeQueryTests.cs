using KashiInvest.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Persistence;

/// <summary>The one scoping predicate, translated to SQL by EF Core, returns exactly the allowed rows for each role.</summary>
public sealed class ScopeQueryTests
{
    public static TheoryData<ActorRole, string, string[]> Cases => new()
    {
        { ActorRole.Bureau, "bureau", ["A1", "A2", "B1", "B2"] },
        { ActorRole.Leader, "leader", ["A1", "A2", "B1", "B2"] },
        { ActorRole.Administrator, "admin", ["A1", "A2", "B1", "B2"] },
        { ActorRole.Display, "wall", ["A1", "A2", "B1", "B2"] },
        { ActorRole.AttractingUnit, "countyA", ["A1", "A2"] },
        { ActorRole.AttractingUnit, "countyB", ["B1", "B2"] },
        { ActorRole.ChainLead, "lead1", ["A1", "B1"] },
        { ActorRole.ChainLead, "lead2", ["A2", "B2"] },
        { ActorRole.SubBureau, "sub", ["B2"] },
        { ActorRole.ServiceGroup, "svcA", ["A1", "A2"] },
        { ActorRole.Department, "dept", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reads_exactly_its_projects(ActorRole role, string who, string[] expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var scope = who switch
        {
            "countyA" => Scope(role, w.CountyA),
            "countyB" => Scope(role, w.CountyB),
            "lead1" => Scope(role, w.LeadUnit1, chains: [w.Chain1]),
            "lead2" => Scope(role, w.LeadUnit2, chains: [w.Chain2]),
            "sub" => Scope(role, w.SubBureau),
            "svcA" => Scope(role, w.ServiceGroupA, hosts: [w.CountyA]),
            _ => Scope(role, null),
        };

        await using var db = database.CreateContext();
        var ids = await db.Projects.Where(ProjectAccess.VisibleTo(scope)).Select(p => p.Id).ToListAsync();

        Assert.Equal(expected.Select(k => w.Projects[k]).Order(), ids.Order());
    }

    private static UserScope Scope(ActorRole role, int? unit, int[]? chains = null, int[]? hosts = null) =>
        new("someone", "someone", role, unit, chains ?? [], hosts ?? []);
}
