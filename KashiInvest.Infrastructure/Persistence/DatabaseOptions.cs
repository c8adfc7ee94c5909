using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace KashiInvest.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>Settings of section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server. For SQLite, defaults to a file in <see cref="DataDir"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database lives. Overridden by the environment variable <c>KASHI_DATA_DIR</c>.</summary>
    [Required]
    public string DataDir { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start-up (on by default; a DBA may run db/sqlserver scripts instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite: how long a write waits for another writer's lock before it gives up ("database is locked"); the user
    /// is then told that nothing was saved and their input is kept. Microsoft.Data.Sqlite's default is 30 seconds.
    /// </summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Log every SQL statement (off by default: it is noisy and slows the server).</summary>
    public bool LogStatements { get; set; }

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            if (Provider == DatabaseProvider.SqlServer || ConnectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase)) return ConnectionString;
            return new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = BusyTimeoutSeconds }.ToString();
        }
        if (Provider == DatabaseProvider.SqlServer)
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
        var dir = Path.GetFullPath(DataDir, contentRoot);
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "kashiinvest.db")};Default Timeout={BusyTimeoutSeconds}";
    }
}
