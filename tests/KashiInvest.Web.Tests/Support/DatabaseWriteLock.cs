using Microsoft.Data.Sqlite;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// Another program holding the SQLite file's write lock (<c>BEGIN IMMEDIATE</c> on its own connection): every write
/// of the application waits its busy timeout and then fails, as it would beside a long import or a backup.
/// </summary>
public sealed class DatabaseWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private bool _held;

    private DatabaseWriteLock(SqliteConnection connection) => _connection = connection;

    /// <summary>Takes the write lock of the application's database in <paramref name="dataDir"/>.</summary>
    public static async Task<DatabaseWriteLock> TakeAsync(string dataDir)
    {
        // Pooling off: the lock ends with this connection, not with a pooled one.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "kashiinvest.db"),
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        var held = new DatabaseWriteLock(connection);
        await held.ExecuteAsync("BEGIN IMMEDIATE;");
        held._held = true;
        return held;
    }

    public async Task ReleaseAsync()
    {
        if (!_held) return;
        await ExecuteAsync("ROLLBACK;");
        _held = false;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
