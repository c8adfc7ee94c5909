using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests;

/// <summary>A clock the test sets: <see cref="UtcNow"/> is what every <see cref="TimeProvider"/> caller sees.</summary>
public sealed class FakeClock(DateTimeOffset utcNow) : TimeProvider
{
    /// <summary>A fixed default: Friday 20 November 2026, 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public FakeClock() : this(DefaultNow) { }

    public DateTimeOffset UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void Advance(TimeSpan by) => UtcNow += by;
}

/// <summary>
/// A real SQLite database file in its own temporary folder, migrated to the current schema. Contexts come from
/// <see cref="Factory"/> as the application gets them; the folder is deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable, IAsyncDisposable
{
    private readonly DbContextOptions<SqliteKashiDbContext> _options;
    private readonly IDomainEventDispatcher _dispatcher;

    private TestDatabase(string folder, FakeClock clock, IDomainEventDispatcher dispatcher)
    {
        Folder = folder;
        FilePath = System.IO.Path.Combine(folder, "kashiinvest-test.db");
        ConnectionString = $"Data Source={FilePath};Pooling=False";
        Clock = clock;
        _dispatcher = dispatcher;
        _options = new DbContextOptionsBuilder<SqliteKashiDbContext>().UseSqlite(ConnectionString).Options;
        Factory = new ContextFactory(this);
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public FakeClock Clock { get; }

    /// <summary>What the application's services take: a factory of short-lived contexts.</summary>
    public IDbContextFactory<KashiDbContext> Factory { get; }

    /// <summary>Creates the file and applies every migration.</summary>
    public static async Task<TestDatabase> CreateAsync(FakeClock? clock = null, IDomainEventDispatcher? dispatcher = null)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kashiinvest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase(folder, clock ?? new FakeClock(), dispatcher ?? NullDomainEventDispatcher.Instance);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public KashiDbContext CreateContext() => new SqliteKashiDbContext(_options, Clock, _dispatcher);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a leaked connection: the temp folder is cleaned by the OS eventually.
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<KashiDbContext>
    {
        public KashiDbContext CreateDbContext() => database.CreateContext();

        public Task<KashiDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(database.CreateContext());
    }
}
