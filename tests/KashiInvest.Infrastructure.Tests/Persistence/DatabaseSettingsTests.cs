using KashiInvest.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Infrastructure.Tests.Persistence;

/// <summary>How the database copes with contention: SQLite waits a configured time for a lock, SQL Server retries transient errors.</summary>
public sealed class DatabaseSettingsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "kashi-db-settings");

    [Fact]
    public void The_SQLite_busy_wait_is_a_setting_of_thirty_seconds_by_default()
    {
        var byDefault = new SqliteConnectionStringBuilder(new DatabaseOptions { DataDir = Root }.ResolveConnectionString(Root));
        Assert.Equal(30, byDefault.DefaultTimeout);

        var shortWait = new SqliteConnectionStringBuilder(new DatabaseOptions { DataDir = Root, BusyTimeoutSeconds = 2 }.ResolveConnectionString(Root));
        Assert.Equal(2, shortWait.DefaultTimeout);

        // An explicit SQLite connection string gets the setting unless it names its own wait.
        var file = Path.Combine(Root, "x.db");
        Assert.Equal(5, new SqliteConnectionStringBuilder(new DatabaseOptions { ConnectionString = $"Data Source={file}", BusyTimeoutSeconds = 5 }
            .ResolveConnectionString(Root)).DefaultTimeout);
        Assert.Equal(7, new SqliteConnectionStringBuilder(new DatabaseOptions { ConnectionString = $"Data Source={file};Default Timeout=7", BusyTimeoutSeconds = 5 }
            .ResolveConnectionString(Root)).DefaultTimeout);
    }

    [Fact]
    public async Task On_SQL_Server_transient_errors_are_retried()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=127.0.0.1,1;Database=KashiInvest;User Id=x;Password=y;TrustServerCertificate=True",
        }).Build(), Root);
        await using var provider = services.BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();

        var strategy = db.Database.CreateExecutionStrategy();
        Assert.True(strategy.RetriesOnFailure);
        Assert.Equal("SqlServerRetryingExecutionStrategy", strategy.GetType().Name);
    }
}
