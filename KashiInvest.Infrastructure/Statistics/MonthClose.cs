using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Statistics;

/// <summary>What one month close did: the month, and how many units' returns it computed, left alone or failed on.</summary>
public sealed record MonthCloseResult(StatMonth Month, int Computed, int AlreadyThere, int Failed)
{
    public override string ToString() => $"{Month}: computed {Computed}, already there {AlreadyThere}, failed {Failed}";
}

/// <summary>
/// The month close (Art. 26): on the 1st (Beijing time) the system computes every attracting unit's return for the
/// month just closed, so each unit finds its return filled. Idempotent: a unit whose return exists is left alone
/// (whatever its state). Each unit is computed and saved on its own short-lived context, audited as the system; a
/// failure of one unit is logged and does not stop the others.
/// </summary>
public sealed class MonthClose(IDbContextFactory<KashiDbContext> factory, IOptions<StatisticsSettings> settings, TimeProvider clock, ILogger<MonthClose> logger)
{
    public static readonly Actor System = Actor.System("month-close");

    /// <summary>Closes the latest closed month as of now (the month before the current Beijing month).</summary>
    public Task<MonthCloseResult> RunAsync(CancellationToken ct = default) =>
        RunAsync(StatMonth.Containing(clock.GetUtcNow().UtcDateTime).Previous(), ct);

    public async Task<MonthCloseResult> RunAsync(StatMonth month, CancellationToken ct = default)
    {
        if (clock.GetUtcNow().UtcDateTime < month.CloseUtc) throw new InvalidOperationException($"Month {month} is not closed yet.");
        List<int> units;
        HashSet<int> existing;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            units = await db.Units.AsNoTracking().Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
                .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
            existing = (await db.MonthlyReturns.AsNoTracking().Where(r => r.MonthIndex == month.Index).Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
        }

        int computed = 0, there = 0, failed = 0;
        foreach (var unitId in units)
        {
            ct.ThrowIfCancellationRequested();
            if (existing.Contains(unitId)) { there++; continue; }
            try
            {
                if (await ComputeOneAsync(unitId, month, ct)) computed++;
                else there++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogError(ex, "Month close {Month}: the return of unit {Unit} could not be computed", month, unitId);
            }
        }
        var result = new MonthCloseResult(month, computed, there, failed);
        logger.LogInformation("Month close {Result}", result);
        return result;
    }

    /// <summary>Computes and saves one unit's return; false when it turned out to exist already (computed meanwhile).</summary>
    private async Task<bool> ComputeOneAsync(int unitId, StatMonth month, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = System;
        if (await db.MonthlyReturns.AnyAsync(r => r.UnitId == unitId && r.MonthIndex == month.Index, ct)) return false;
        var figures = await MonthlyReturnData.ComputeAsync(db, unitId, month, settings.Value, ct);
        db.MonthlyReturns.Add(MonthlyReturn.Create(unitId, month, figures, System, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A unit (or another instance) computed the same return a moment ago: the unique index refused ours.
            await using var check = await factory.CreateDbContextAsync(ct);
            if (await check.MonthlyReturns.AnyAsync(r => r.UnitId == unitId && r.MonthIndex == month.Index, ct)) return false;
            throw;
        }
    }
}
