using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// The prefecture's real units and key industry chains: reference data that every installation needs, demo or
/// not. Inserted once into an empty database. The approvals' reference data (calendar, catalogue, service groups)
/// follows, each part where its table is still empty.
/// </summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<KashiDbContext> factory)
{
    public const string ActorJob = "reference-data";

    /// <summary>Inserts the units and chains when the database has no unit yet; otherwise does nothing.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // The transaction runs inside the execution strategy, so that SQL Server's retries work with it.
        await using var probe = await factory.CreateDbContextAsync(cancellationToken);
        await probe.Database.CreateExecutionStrategy().ExecuteAsync(() => SeedOnceAsync(cancellationToken));
        await probe.Database.CreateExecutionStrategy().ExecuteAsync(() => SeedApprovalsAsync(cancellationToken));
    }

    /// <summary>Calendar, approval catalogue and service groups: each only where its table is still empty.</summary>
    private async Task SeedApprovalsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = Actor.System(ActorJob);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Approvals.ApprovalReferenceSeeder.SeedAsync(db, db.Clock.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SeedOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Units.AnyAsync(cancellationToken)) return;
        db.Actor = Actor.System(ActorJob);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // 1. Every unit that has no parent, so that the service groups and chains can refer to their ids.
        var topLevel = ReferenceData.TopLevelUnits.ToDictionary(d => d.Code, ToUnit);
        db.Units.AddRange(topLevel.Values);
        await db.SaveChangesAsync(cancellationToken);

        // 2. Service groups (children of KEDZ and the counties) and the chains with their links.
        db.Units.AddRange(ReferenceData.ServiceGroups.Select(d => ToUnit(d, topLevel[d.ParentCode!].Id)));
        foreach (var definition in ReferenceData.Chains)
        {
            var chain = new IndustryChain(definition.Code, definition.Name, definition.NameEn, topLevel[definition.LeadUnitCode].Id);
            foreach (var link in definition.Links) chain.AddLink(link.Name, link.NameEn, link.Segment, link.Strength);
            db.Chains.Add(chain);
        }
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private static Unit ToUnit(UnitDefinition d) => ToUnit(d, null);

    private static Unit ToUnit(UnitDefinition d, int? parentId) => new(d.Code, d.Name, d.NameEn, d.Type, parentId, d.Region);
}
