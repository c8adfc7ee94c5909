using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema at start-up: migrations, and WAL for the embedded SQLite file.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<KashiDbContext> factory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (options.Value.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, options.Value.Provider, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            // Readers never block the writer, and the writer never blocks readers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
