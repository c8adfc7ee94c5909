using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// The prefecture's real units and key industry chains: reference data that every installation needs, demo or
/// not. Inserted once into an empty database.
/// </summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<KashiDbContext> factory)
{
    public Task SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = factory;
        throw new NotImplementedException("Filled in by the demo-data work.");
    }
}
