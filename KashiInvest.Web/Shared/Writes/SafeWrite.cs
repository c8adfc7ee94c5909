using System.Data.Common;
using KashiInvest.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KashiInvest.Web.Shared.Writes;

/// <summary>
/// The one way a write runs: every command wraps its body in <see cref="RunAsync"/>, and so does every form around
/// the command it calls, so that no exception from a write ever reaches a Blazor event handler (which would tear
/// down the circuit and lose the user's input). Every failure maps to what the user sees:
/// a broken domain rule → <see cref="WriteStatus.Invalid"/> (the form's message); a stale version →
/// <see cref="WriteStatus.Conflict"/>; a database failure (SQLite busy after its wait, a SQL Server transient error
/// after the retries, a constraint or length violation, any <see cref="DbUpdateException"/> or
/// <see cref="DbException"/>) and anything unexpected → <see cref="WriteStatus.Unavailable"/>, logged with the exception.
/// </summary>
public static class SafeWrite
{
    public static async Task<WriteResult> RunAsync(ILogger logger, Func<Task<WriteResult>> write)
    {
        try
        {
            return await write();
        }
        catch (DomainRuleException ex)
        {
            return WriteResult.Invalid(string.Empty, ex.Violation);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Conflict;
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            logger.LogWarning(ex, "A write could not be saved: the database was busy or refused it");
            return WriteResult.Unavailable;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A write failed unexpectedly");
            return WriteResult.Unavailable;
        }
    }

    /// <summary>A failure of the database rather than of the code: busy, locked, transient, a constraint or length violation.</summary>
    public static bool IsDatabaseFailure(Exception ex) => ex switch
    {
        DbUpdateException or DbException or TimeoutException => true,
        // The execution strategy gave up (SQL Server transient errors after EnableRetryOnFailure's retries).
        RetryLimitExceededException => true,
        _ => ex.InnerException is { } inner && IsDatabaseFailure(inner),
    };

    /// <summary>
    /// The database refused a row because its unique key exists already (someone wrote the same thing a moment
    /// ago): SQLite's UNIQUE / PRIMARY KEY constraint, SQL Server's errors 2601 and 2627.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>
    /// Runs a write that opens its own transaction inside the provider's execution strategy, so that SQL Server's
    /// retries (EnableRetryOnFailure) work with it: each attempt must create its own context.
    /// </summary>
    public static async Task<T> InStrategyAsync<T>(IDbContextFactory<KashiInvest.Infrastructure.Persistence.KashiDbContext> factory, Func<Task<T>> write, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(write);
    }
}
