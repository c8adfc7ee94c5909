using System.Data.Common;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KashiInvest.Infrastructure.Projects;

/// <summary>
/// The one place that hands out project codes (<c>KS-2026-0042</c>): numbered per year, in numeric order
/// (<c>KS-2026-10000</c> follows <c>KS-2026-9999</c>), from a counter row per year that is bumped in the caller's
/// transaction. The bump locks the row until the caller commits (a row lock on SQL Server, the write lock on SQLite),
/// so two creators at the same time get different codes; a creator that rolls back leaves the counter unchanged.
/// </summary>
public static class ProjectCodes
{
    /// <summary>The code's year prefix, e.g. <c>KS-2026-</c>.</summary>
    public static string PrefixOf(int year) => $"KS-{year}-";

    /// <summary>The code of the given number of the year, at least four digits.</summary>
    public static string Format(int year, int number) => $"{PrefixOf(year)}{number:D4}";

    /// <summary>
    /// Draws the next code of <paramref name="year"/>. Call it inside the transaction that adds the project, so the
    /// counter and the project commit (or roll back) together.
    /// </summary>
    public static async Task<string> NextAsync(KashiDbContext db, int year, CancellationToken ct = default)
    {
        var counters = db.Set<ProjectCodeCounter>();
        for (var attempt = 0; ; attempt++)
        {
            var bumped = await counters.Where(c => c.Year == year)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
            if (bumped > 0)
                return Format(year, await counters.AsNoTracking().Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync(ct));

            // The year's first code since the counter exists: continue after the highest code already stored.
            var next = await HighestNumberAsync(db, year, ct) + 1;
            try
            {
                await InsertCounterAsync(db, year, next, ct);
                return Format(year, next);
            }
            catch (DbException) when (attempt == 0)
            {
                // Another creator inserted the year's row first (primary key violation): bump that row instead.
            }
        }
    }

    /// <summary>The highest number among the stored codes of the year, by number (0 when there is none).</summary>
    public static async Task<int> HighestNumberAsync(KashiDbContext db, int year, CancellationToken ct = default)
    {
        var prefix = PrefixOf(year);
        // Numbers are zero-padded to four digits, so a longer code is a larger number and codes of one length sort as numbers.
        var last = await db.Projects.AsNoTracking().Where(p => p.Code.StartsWith(prefix))
            .OrderByDescending(p => p.Code.Length).ThenByDescending(p => p.Code).Select(p => p.Code).FirstOrDefaultAsync(ct);
        return last is not null && int.TryParse(last.AsSpan(prefix.Length), out var n) ? n : 0;
    }

    private static Task<int> InsertCounterAsync(KashiDbContext db, int year, int number, CancellationToken ct)
    {
        // Raw SQL keeps the counter out of the unit of work (no audit row, no events) and out of the change tracker.
        var entity = db.Model.FindEntityType(typeof(ProjectCodeCounter))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var yearColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(ProjectCodeCounter.Year))!.GetColumnName());
        var numberColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(ProjectCodeCounter.LastNumber))!.GetColumnName());
        // Names come from the model, delimited by the provider; the values are parameters.
        var insert = "INSERT INTO " + table + " (" + yearColumn + ", " + numberColumn + ") VALUES ({0}, {1})";
        return db.Database.ExecuteSqlRawAsync(insert, [year, number], ct);
    }
}

/// <summary>The last project number handed out in a year (one row per year; see <see cref="ProjectCodes"/>).</summary>
public sealed class ProjectCodeCounter
{
    public int Year { get; private set; }

    public int LastNumber { get; private set; }
}
