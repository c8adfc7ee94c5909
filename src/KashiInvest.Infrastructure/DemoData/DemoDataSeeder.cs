using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>Fills an empty database with the deterministic demo data set and the demo accounts.</summary>
public sealed class DemoDataSeeder(IDbContextFactory<KashiDbContext> factory, IOptions<DemoDataOptions> options, TimeProvider clock)
{
    public Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = (factory, options, clock);
        throw new NotImplementedException("Filled in by the demo-data work.");
    }
}
