using System.Collections;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KashiInvest.Web.Tests.SqlServer;

/// <summary>
/// EF Core interceptors that let the SQL Server provider run without a server: the connection is never opened, a
/// transaction is a stand-in, and every command is recorded and answered from memory (no rows; one row of zeros for
/// an aggregate such as COUNT or EXISTS). Everything before the network — LINQ translation, SQL generation, type
/// mapping — is the provider's own, so a query that cannot be translated for SQL Server fails here as in production.
/// </summary>
public sealed class OfflineSqlServer : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly object _gate = new();
    private readonly List<string> _commands = [];

    /// <summary>The SQL recorded since the last <see cref="TakeCommands"/>.</summary>
    public IReadOnlyList<string> TakeCommands()
    {
        lock (_gate)
        {
            var taken = _commands.ToList();
            _commands.Clear();
            return taken;
        }
    }

    private void Record(DbCommand command)
    {
        lock (_gate) _commands.Add(command.CommandText);
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return InterceptionResult<DbDataReader>.SuppressWithResult(CannedReader.For(command.CommandText));
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return InterceptionResult<object>.SuppressWithResult(0);
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        InterceptionResult<DbTransaction>.SuppressWithResult(new StandInTransaction(connection, eventData.IsolationLevel));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    private sealed class StandInTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        protected override DbConnection DbConnection => connection;

        public override IsolationLevel IsolationLevel => isolationLevel;

        public override void Commit() { }

        public override void Rollback() { }
    }

    /// <summary>
    /// An answer without a server: no rows, or for a single aggregate (<c>SELECT COUNT(…)</c>, <c>SELECT CASE WHEN
    /// EXISTS</c>, <c>SELECT COALESCE(SUM(…)</c>) the one row a server always returns, holding zero (false).
    /// </summary>
    private sealed class CannedReader(bool oneRow) : DbDataReader
    {
        private int _position = -1;

        public static CannedReader For(string sql)
        {
            var text = sql.TrimStart();
            var aggregate = text.StartsWith("SELECT COUNT(", StringComparison.Ordinal)
                || text.StartsWith("SELECT COUNT_BIG(", StringComparison.Ordinal)
                || text.StartsWith("SELECT COALESCE(SUM(", StringComparison.Ordinal)
                || (text.StartsWith("SELECT CASE", StringComparison.Ordinal) && text.Contains("EXISTS", StringComparison.Ordinal) && IsLoneCase(text));
            return new CannedReader(aggregate);
        }

        private static bool IsLoneCase(string text)
        {
            // "SELECT CASE\n    WHEN EXISTS (…) THEN CAST(1 AS bit)\n    ELSE CAST(0 AS bit)\nEND" and nothing selected beside it.
            var end = text.IndexOf("\nEND", StringComparison.Ordinal);
            return end > 0 && text.AsSpan(end + 4).Trim().Length == 0;
        }

        public override bool Read() => oneRow && ++_position == 0;

        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

        public override bool NextResult() => false;

        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        /// <summary>
        /// One column for an aggregate; for no rows, more columns than any query selects (EF Core checks the count
        /// before it reads, and reads none of them).
        /// </summary>
        public override int FieldCount => oneRow ? 1 : 4096;

        public override bool HasRows => oneRow;

        public override bool IsClosed => false;

        public override int RecordsAffected => 0;

        public override int Depth => 0;

        public override object this[int ordinal] => 0;

        public override object this[string name] => 0;

        public override bool IsDBNull(int ordinal) => false;

        public override object GetValue(int ordinal) => 0;

        public override T GetFieldValue<T>(int ordinal) => (T)Convert.ChangeType(0, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);

        public override bool GetBoolean(int ordinal) => false;

        public override byte GetByte(int ordinal) => 0;

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;

        public override char GetChar(int ordinal) => '0';

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;

        public override string GetDataTypeName(int ordinal) => "int";

        public override DateTime GetDateTime(int ordinal) => default;

        public override decimal GetDecimal(int ordinal) => 0;

        public override double GetDouble(int ordinal) => 0;

        public override Type GetFieldType(int ordinal) => typeof(int);

        public override float GetFloat(int ordinal) => 0;

        public override Guid GetGuid(int ordinal) => Guid.Empty;

        public override short GetInt16(int ordinal) => 0;

        public override int GetInt32(int ordinal) => 0;

        public override long GetInt64(int ordinal) => 0;

        public override string GetName(int ordinal) => "Value";

        public override int GetOrdinal(string name) => 0;

        public override string GetString(int ordinal) => "0";

        public override int GetValues(object[] values)
        {
            if (values.Length > 0) values[0] = 0;
            return Math.Min(values.Length, FieldCount);
        }

        public override IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
    }
}
