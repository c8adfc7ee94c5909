using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>Where a return stands as the list shows it: the stored status, refined (no return yet, corrected, a revision open).</summary>
public enum ReturnListState { NotComputed, Computed, Corrected, RevisionOpen, Returned, Submitted, Approved }

/// <summary>The last step taken on a return: what, by whom, when.</summary>
public sealed record ReturnLastStep(ReturnAction Action, string By, DateTime AtUtc);

/// <summary>
/// One unit's return for one month in the list. <see cref="NeedsAttention"/>: not submitted yet or returned — what the
/// Bureau chases first. <see cref="Comment"/> is the Bureau's comment, for those who see the working return only.
/// </summary>
public sealed record ReturnListRow(int UnitId, StatMonth Month, ReturnListState State, int Revision, bool SubmittedLate, bool Overdue,
    DateTime DueAtUtc, ReturnLastStep? LastStep, string? Comment, bool CanOpen)
{
    public bool NeedsAttention => State is ReturnListState.NotComputed or ReturnListState.Computed or ReturnListState.Corrected
        or ReturnListState.RevisionOpen or ReturnListState.Returned;
}

/// <summary>
/// The monthly returns list (<c>/statistics/returns</c>): for the Bureau, the administrator, leaders and the wall every
/// attracting unit's return of one month, those not submitted or returned first; for a unit its own returns of the
/// last months. States only — figures stay on the review page and in the prefecture table.
/// </summary>
public sealed class ReturnListQuery(IDbContextFactory<KashiDbContext> factory, IOptions<StatisticsSettings> settings, TimeProvider clock)
{
    /// <summary>How many months a unit sees in its own list.</summary>
    public const int UnitMonths = 12;

    /// <summary>The prefecture-wide list is for the reviewers and the prefecture's readers.</summary>
    public static bool SeesAllUnits(UserScope scope) => MonthlyReturnAccess.CanReview(scope) || scope.Role is ActorRole.Leader or ActorRole.Display;

    /// <summary>Who may open the list: the prefecture-wide readers and the units that file returns.</summary>
    public static bool MayOpen(UserScope scope) => SeesAllUnits(scope) || scope is { Role: ActorRole.AttractingUnit, UnitId: not null };

    /// <summary>The latest month that has closed (Beijing time): the month the list opens on.</summary>
    public StatMonth LatestClosed => StatMonth.Containing(clock.GetUtcNow().UtcDateTime).Previous();

    /// <summary>Every attracting unit's return of <paramref name="month"/>: returned first, then not submitted, then the rest; empty when the user may not see them all.</summary>
    public async Task<IReadOnlyList<ReturnListRow>> ForMonthAsync(UserScope scope, StatMonth month, CancellationToken ct = default)
    {
        if (!SeesAllUnits(scope)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .OrderBy(u => u.Type == UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)
            .Select(u => u.Id).ToListAsync(ct);
        var returns = (await ReadAsync(db, scope, db.MonthlyReturns.Where(r => r.MonthIndex == month.Index), ct)).ToDictionary(r => r.UnitId);
        var rows = units.Select(u => returns.GetValueOrDefault(u) ?? NotComputed(scope, u, month)).ToList();
        var order = units.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. rows.OrderBy(r => r.State == ReturnListState.Returned ? 0 : r.NeedsAttention ? 1 : 2).ThenBy(r => order[r.UnitId])];
    }

    /// <summary>A unit's own returns of the last <see cref="UnitMonths"/> closed months, newest first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<ReturnListRow>> ForUnitAsync(UserScope scope, CancellationToken ct = default)
    {
        if (scope is not { Role: ActorRole.AttractingUnit, UnitId: { } unitId }) return [];
        var latest = LatestClosed;
        var from = latest.Index - UnitMonths + 1;
        await using var db = await factory.CreateDbContextAsync(ct);
        var returns = (await ReadAsync(db, scope, db.MonthlyReturns.Where(r => r.UnitId == unitId && r.MonthIndex >= from && r.MonthIndex <= latest.Index), ct))
            .ToDictionary(r => r.Month.Index);
        return [.. Enumerable.Range(0, UnitMonths).Select(i => latest.Index - i)
            .Select(m => returns.GetValueOrDefault(m) ?? NotComputed(scope, unitId, StatMonth.FromIndex(m)))];
    }

    private ReturnListRow NotComputed(UserScope scope, int unitId, StatMonth month)
    {
        var due = ReturnDeadlines.DueAtUtc(month, settings.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        // With no return yet, only those who compute it may open its page (to start it once the month has closed).
        return new ReturnListRow(unitId, month, ReturnListState.NotComputed, 0, false,
            ReturnDeadlines.IsMissing(month, null, false, now, settings.Value), due, null, null,
            CanOpen: MonthlyReturnAccess.CanCompute(scope, unitId) && now >= month.CloseUtc);
    }

    private async Task<List<ReturnListRow>> ReadAsync(KashiDbContext db, UserScope scope, IQueryable<MonthlyReturn> returns, CancellationToken ct)
    {
        var found = await returns.AsNoTracking()
            .Select(r => new
            {
                r.UnitId,
                r.MonthIndex,
                r.Status,
                r.Revision,
                r.SubmittedLate,
                r.SubmittedAtUtc,
                r.ReturnComment,
                r.ApprovedRevision,
                Corrected = r.Figures.Any(f => f.CorrectedValue != null),
                Last = r.History.OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).Select(h => new { h.Action, h.By, h.AtUtc }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. found.Select(r =>
        {
            var month = StatMonth.FromIndex(r.MonthIndex);
            var state = r.Status switch
            {
                ReturnStatus.Submitted => ReturnListState.Submitted,
                ReturnStatus.Returned => ReturnListState.Returned,
                ReturnStatus.Approved => ReturnListState.Approved,
                _ when r.Revision > 1 => ReturnListState.RevisionOpen,
                _ when r.Corrected => ReturnListState.Corrected,
                _ => ReturnListState.Computed,
            };
            var working = MonthlyReturnAccess.CanReadWorking(scope, r.UnitId);
            return new ReturnListRow(r.UnitId, month, state, r.Revision, r.SubmittedLate,
                ReturnDeadlines.IsMissing(month, r.Status, r.SubmittedAtUtc is not null, now, settings.Value),
                ReturnDeadlines.DueAtUtc(month, settings.Value),
                r.Last is { } l ? new ReturnLastStep(l.Action, l.By, l.AtUtc) : null,
                working ? r.ReturnComment : null,
                CanOpen: working || r.ApprovedRevision is not null);
        })];
    }
}
