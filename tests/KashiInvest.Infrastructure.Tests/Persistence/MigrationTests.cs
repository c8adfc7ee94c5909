using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KashiInvest.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_SQLite_file_and_leave_nothing_pending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(File.Exists(database.FilePath));
    }

    [Fact]
    public void The_SQLite_model_has_no_change_that_a_migration_does_not_cover()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: the model changed (see scripts/db-scripts.sh).");
    }

    [Fact]
    public void The_SQL_Server_model_has_no_change_that_a_migration_does_not_cover()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: the model changed (see scripts/db-scripts.sh).");
    }

    [Fact]
    public void The_SQL_Server_deployment_script_is_generated_from_the_current_migrations()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(RepoRoot(), "db", "sqlserver", "migrate.sql"));
        Assert.Contains("CREATE TABLE [Projects]", generated, StringComparison.Ordinal);
        Assert.True(Normalize(generated) == Normalize(committed), "db/sqlserver/migrate.sql is stale: run scripts/db-scripts.sh.");
    }

    private static string Normalize(string sql) => sql.Replace("\uFEFF", "").Replace("\r\n", "\n").Trim();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KashiInvest.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("KashiInvest.sln not found");
    }
}
