using KashiInvest.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KashiInvest.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the base type the application codes against.</summary>
internal sealed class KashiDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<KashiDbContext>
    where TContext : KashiDbContext
{
    public KashiDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<KashiDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

/// <summary>Used by <c>dotnet ef</c> for the SQLite migrations; never at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKashiDbContext>
{
    public SqliteKashiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKashiDbContext>().UseSqlite("Data Source=design-time.db").Options,
            TimeProvider.System, NullDomainEventDispatcher.Instance);
}

/// <summary>Used by <c>dotnet ef</c> for the SQL Server migrations and the deployment script; needs no server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerKashiDbContext>
{
    public SqlServerKashiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerKashiDbContext>().UseSqlServer("Server=.;Database=KashiInvest;Trusted_Connection=True;TrustServerCertificate=True").Options,
            TimeProvider.System, NullDomainEventDispatcher.Instance);
}
