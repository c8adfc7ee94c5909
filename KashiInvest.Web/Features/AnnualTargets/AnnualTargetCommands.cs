using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.AnnualTargets;

/// <summary>One indicator of the year: the prefecture's target (null when not set), its version and each unit's share.</summary>
public sealed record TargetView(AnnualIndicator Indicator, int? Id, decimal? Amount, int Version, IReadOnlyDictionary<int, decimal> Shares);

/// <summary>One unit's progress on one indicator against the elapsed time.</summary>
public sealed record ProgressRow(int UnitId, AssessmentSequence Sequence, AnnualIndicator Indicator, decimal? Target, decimal Actual, Pace Pace);

/// <summary>What the targets page shows for a year: the targets (the Bureau's), and the progress the user may see.</summary>
public sealed record AnnualTargetsView(int Year, DateOnly Through, decimal Elapsed, IReadOnlyList<TargetView> Targets, IReadOnlyList<ProgressRow> Progress);

/// <summary>
/// The annual targets' use cases: read a year under the user's scope (a unit its own rows, the prefecture's readers
/// everyone's), and the Bureau's writes — set a target, split it within a sequence — each loading the target, calling
/// the domain and saving through a short-lived context; a write based on an older version is a conflict.
/// </summary>
public sealed class AnnualTargetCommands(IDbContextFactory<KashiDbContext> factory, IAnnualFigures figures,
    IOptions<AnnualTargetSettings> settings, TimeProvider clock)
{
    public DateOnly Today => BeijingTime.Today(clock);

    public async Task<AnnualTargetsView> ReadAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var through = AnnualProgress.MeasuredThrough(year, clock.GetUtcNow().UtcDateTime);
        // A year not begun has no time elapsed (nobody is behind yet); its figures are read as of its first day.
        var elapsed = AnnualProgress.ElapsedShare(year, through);
        if (through.Year < year) through = new DateOnly(year, 1, 1);
        List<AnnualTarget> targets;
        Dictionary<int, Domain.Units.UnitType> types;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            targets = await db.AnnualTargets.AsNoTracking().Include(t => t.Shares).Where(t => t.Year == year).ToListAsync(ct);
            types = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Type, ct);
        }
        var views = AnnualIndicators.All.Select(i => targets.FirstOrDefault(t => t.Indicator == i) is { } t
            ? new TargetView(i, t.Id, t.Amount, t.Version, AnnualTargetAccess.SeesAll(scope) ? t.Shares.ToDictionary(s => s.UnitId, s => s.Amount) : t.Shares.Where(s => s.UnitId == scope.UnitId).ToDictionary(s => s.UnitId, s => s.Amount))
            : new TargetView(i, null, null, 0, new Dictionary<int, decimal>())).ToList();

        var rows = (await figures.ReadAsync(year, through, ct))
            .Where(f => AnnualTargetAccess.CanRead(scope, f.UnitId))
            .Select(f => new ProgressRow(f.UnitId, AnnualIndicators.SequenceOf(types[f.UnitId])!.Value, f.Indicator, f.Target, f.Actual,
                AnnualProgress.Standing(f.Target, f.Actual, elapsed, settings.Value.FarBehindGap)))
            .ToList();
        return new AnnualTargetsView(year, through, elapsed, views, rows);
    }

    /// <summary>Sets (or changes) the prefecture's target; <paramref name="version"/> is the version the form read (null: it saw no target).</summary>
    public async Task<WriteResult> SetAsync(UserScope scope, int year, AnnualIndicator indicator, decimal? amount, int? version, CancellationToken ct = default)
    {
        if (!AnnualTargetAccess.CanSet(scope)) return WriteResult.NotAllowed;
        if (amount is not { } value) return WriteResult.Invalid("amount", new RuleViolation("AnnualTarget.AmountRequired"));
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (await FrozenAsync(db, year, ct)) return WriteResult.Invalid("amount", new RuleViolation("AnnualTarget.YearFrozen", year));
        var now = clock.GetUtcNow().UtcDateTime;
        var target = await db.AnnualTargets.Include(t => t.Shares).SingleOrDefaultAsync(t => t.Year == year && t.Indicator == indicator, ct);
        if (target is null)
        {
            if (version is not null) return WriteResult.Conflict;
            if (AnnualTarget.CheckAmount(indicator, value) is { } bad) return WriteResult.Invalid("amount", bad);
            target = AnnualTarget.Set(year, indicator, value, scope.Actor, now);
            db.AnnualTargets.Add(target);
        }
        else
        {
            if (version is null || target.Version != version) return WriteResult.Conflict;
            if (target.CheckChangeAmount(value) is { } bad) return WriteResult.Invalid("amount", bad);
            target.ChangeAmount(value, scope.Actor, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
        {
            return WriteResult.Conflict; // another Bureau user set the year's first target a moment ago
        }
        return WriteResult.Saved(target.Id);
    }

    /// <summary>Replaces a sequence's split; each line's errors come back against field <c>unit:{id}</c>, the whole's against <c>split</c>.</summary>
    public async Task<WriteResult> SplitAsync(UserScope scope, int targetId, int version, AssessmentSequence sequence,
        IReadOnlyDictionary<int, decimal?> shares, CancellationToken ct = default)
    {
        if (!AnnualTargetAccess.CanSet(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var target = await db.AnnualTargets.Include(t => t.Shares).SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null) return WriteResult.NotFound;
        if (target.Version != version) return WriteResult.Conflict;
        if (await FrozenAsync(db, target.Year, ct)) return WriteResult.Invalid("split", new RuleViolation("AnnualTarget.YearFrozen", target.Year));
        var types = await db.Units.AsNoTracking().Where(u => shares.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Type, ct);
        if (types.Count != shares.Count) return WriteResult.NotFound;
        var lines = shares.Where(s => s.Value is not null).Select(s => new SplitLine(s.Key, types[s.Key], s.Value!.Value)).ToList();
        if (target.CheckSplit(sequence, lines) is { Count: > 0 } errors) return WriteResult.Invalid(errors);
        target.Split(sequence, lines, scope.Actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(target.Id);
    }

    /// <summary>A year whose assessment is final (its scheme frozen): its targets and split are what the units were assessed against, and stay.</summary>
    internal static Task<bool> FrozenAsync(KashiDbContext db, int year, CancellationToken ct) =>
        db.Set<AssessmentScheme>().AnyAsync(s => s.Year == year && s.FrozenAtUtc != null, ct);
}
