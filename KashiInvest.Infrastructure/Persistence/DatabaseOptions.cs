using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
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

    /// <summary>
    /// Binds section <c>Database</c> (with <c>KASHI_DATA_DIR</c> when <c>Database:DataDir</c> is not set) and validates it
    /// at once: the provider decides which services are registered, so a wrong setting must stop the start-up here,
    /// before anything is wired, with every error named.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public static DatabaseOptions Bind(IConfiguration configuration, string? dataDirVariable)
    {
        var section = configuration.GetSection(Section);
        var provider = section[nameof(Provider)];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
            throw Invalid([$"{Section}:{nameof(Provider)} '{provider}' is unknown: use {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}."]);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        // An explicit Database:DataDir wins; otherwise the environment variable; otherwise App_Data under the content root.
        if (string.IsNullOrWhiteSpace(section[nameof(DataDir)])
            && dataDirVariable is not null && Environment.GetEnvironmentVariable(dataDirVariable) is { Length: > 0 } dataDir)
        {
            options.DataDir = dataDir;
        }
        if (options.Validate() is { Count: > 0 } errors) throw Invalid(errors);
        return options;
    }

    /// <summary>Every invalid setting, named by its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Provider)) errors.Add($"{Section}:{nameof(Provider)} '{Provider}' is unknown: use {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.");
        if (string.IsNullOrWhiteSpace(DataDir)) errors.Add($"{Section}:{nameof(DataDir)} must name a folder.");
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
            errors.Add($"{Section}:{nameof(ConnectionString)} is required when {Section}:{nameof(Provider)} is SqlServer.");
        return errors;
    }

    /// <summary>The data folder as an absolute path (relative settings are read from the content root), created if missing.</summary>
    public string ResolveDataDir(string contentRoot)
    {
        var dir = Path.GetFullPath(DataDir, contentRoot);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            if (Provider == DatabaseProvider.SqlServer || ConnectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase)) return ConnectionString;
            return new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = BusyTimeoutSeconds }.ToString();
        }
        if (Provider == DatabaseProvider.SqlServer)
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
        return $"Data Source={Path.Combine(ResolveDataDir(contentRoot), "kashiinvest.db")};Default Timeout={BusyTimeoutSeconds}";
    }

    private static OptionsValidationException Invalid(IEnumerable<string> errors) =>
        new(Section, typeof(DatabaseOptions), errors);
}
