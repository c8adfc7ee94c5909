using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Problems;

/// <summary>One card of the ledger board, with what the signed-in user may do to it.</summary>
public sealed record LedgerCard(
    int Id, int Version, int ProjectId, string ProjectCode, string ProjectName, int HostUnitId, int ChainId,
    ProblemCategory Category, FactorKind? Factor, string Description, ProblemSeverity Severity, ProblemStatus Status,
    EscalationLevel Level, int OwnerUnitId, DateOnly DueOn, int DaysOverdue, string RaisedBy, int? RaisedByUnitId,
    DateTime RaisedAtUtc, DateTime UpdatedAtUtc, DateTime? ResolvedAtUtc, string? Resolution, LedgerRights Rights)
{
    public bool IsOpen => Status != ProblemStatus.Resolved;
}

/// <summary>The actions a user may take on one entry, from <see cref="ProblemAccess"/> and the entry's state.</summary>
public sealed record LedgerRights(bool Start, bool Assign, bool Escalate, bool Resolve, bool Reopen)
{
    public static readonly LedgerRights None = new(false, false, false, false, false);

    public bool Any => Start || Assign || Escalate || Resolve || Reopen;
}

/// <summary>A line of an entry's history, as the history dialog shows it.</summary>
public sealed record LedgerHistoryLine(
    ProblemAction Action, DateTime AtUtc, string UserName, int? UnitId, ProblemStatus Status, EscalationLevel Level, int OwnerUnitId, string? Note);

/// <summary>A project the user may record a problem on, for the picker.</summary>
public sealed record RaisableProject(int Id, string Code, string Name, int HostUnitId, int ChainId);

/// <summary>
/// The problem ledger as one user sees it: the entries of the projects they can see (<see cref="ProjectAccess.VisibleTo"/>),
/// filtered, in board order (overdue first, then severity, then due date). One query per read.
/// </summary>
public sealed class LedgerQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    /// <summary>How far back the resolved column reaches unless the user asks for every resolved entry.</summary>
    public const int ResolvedWindowDays = 30;

    public DateOnly Today => BeijingTime.Today(clock);

    /// <summary>
    /// The cards that match <paramref name="filter"/>; with <paramref name="onlyIds"/>, only those entries (a live
    /// re-read: an id missing from the answer has left the user's board).
    /// </summary>
    public async Task<IReadOnlyList<LedgerCard>> LoadAsync(UserScope scope, LedgerFilter filter, IReadOnlyCollection<int>? onlyIds = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        await using var db = await factory.CreateDbContextAsync(ct);
        var query =
            from x in db.Problems.AsNoTracking()
            join p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)) on x.ProjectId equals p.Id
            select new { x, p };

        if (onlyIds is not null)
        {
            var ids = onlyIds.ToArray();
            query = query.Where(r => ids.Contains(r.x.Id));
        }
        if (filter.HostUnitId is { } host) query = query.Where(r => r.p.HostUnitId == host);
        if (filter.ChainId is { } chain) query = query.Where(r => r.p.ChainId == chain);
        if (filter.ProjectId is { } project) query = query.Where(r => r.p.Id == project);
        if (filter.Category is { } category) query = query.Where(r => r.x.Category == category);
        if (filter.Severity is { } severity) query = query.Where(r => r.x.Severity == severity);
        if (filter.Level is { } level) query = query.Where(r => r.x.Level == level);
        if (filter.OverdueOnly) query = query.Where(r => r.x.Status != ProblemStatus.Resolved && r.x.DueOn < today);
        if (filter.AwaitingPrefecture)
            query = query.Where(r => r.x.Level == EscalationLevel.Prefecture && r.x.Status != ProblemStatus.Resolved);
        if (!filter.AllResolved)
        {
            var since = now.AddDays(-ResolvedWindowDays);
            query = query.Where(r => r.x.Status != ProblemStatus.Resolved || r.x.ResolvedAtUtc >= since);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var t = filter.Text.Trim();
            query = query.Where(r => r.x.Description.Contains(t) || r.p.Name.Contains(t) || r.p.Code.Contains(t)
                || (r.x.Resolution != null && r.x.Resolution.Contains(t)));
        }

        var rows = await query.Select(r => new
        {
            r.x.Id, r.x.Version, r.x.ProjectId, r.p.Code, r.p.Name, r.p.HostUnitId, r.p.ChainId, r.p.SourceUnitId,
            r.x.Category, r.x.Factor, r.x.Description, r.x.Severity, r.x.Status, r.x.Level, r.x.OwnerUnitId, r.x.DueOn,
            r.x.RaisedBy, r.x.RaisedByUnitId, r.x.RaisedAtUtc, r.x.UpdatedAtUtc, r.x.ResolvedAtUtc, r.x.Resolution,
        }).ToListAsync(ct);

        return rows.Select(r =>
        {
            var key = new ProjectKey(r.ProjectId, r.HostUnitId, r.ChainId, r.SourceUnitId);
            var open = r.Status != ProblemStatus.Resolved;
            var rights = RightsOf(scope, key, r.Status, r.Level, r.OwnerUnitId, r.RaisedByUnitId);
            return new LedgerCard(r.Id, r.Version, r.ProjectId, r.Code, r.Name, r.HostUnitId, r.ChainId, r.Category, r.Factor,
                r.Description, r.Severity, r.Status, r.Level, r.OwnerUnitId, r.DueOn, open && today > r.DueOn ? today.DayNumber - r.DueOn.DayNumber : 0,
                r.RaisedBy, r.RaisedByUnitId, r.RaisedAtUtc, r.UpdatedAtUtc, r.ResolvedAtUtc, r.Resolution, rights);
        }).OrderBy(c => c, BoardOrder.Instance).ToList();
    }

    /// <summary>What the user may do to an entry in its current state.</summary>
    public static LedgerRights RightsOf(UserScope scope, ProjectKey project, ProblemStatus status, EscalationLevel level, int ownerUnitId, int? raisedByUnitId)
    {
        if (status == ProblemStatus.Resolved)
            return ProblemAccess.CanReopen(scope, project, ownerUnitId, level, raisedByUnitId) ? LedgerRights.None with { Reopen = true } : LedgerRights.None;
        if (!ProblemAccess.CanHandle(scope, project, ownerUnitId, level)) return LedgerRights.None;
        return new LedgerRights(
            Start: status == ProblemStatus.New,
            Assign: true,
            Escalate: level != EscalationLevel.Prefecture,
            Resolve: true,
            Reopen: false);
    }

    /// <summary>The whole history of one entry, oldest first; empty when the user cannot see its project.</summary>
    public async Task<IReadOnlyList<LedgerHistoryLine>> HistoryAsync(UserScope scope, int problemId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Problems.Where(x => x.Id == problemId)
            .Join(db.Projects.Where(ProjectAccess.VisibleTo(scope)), x => x.ProjectId, p => p.Id, (x, p) => x.Id);
        return await db.ProblemHistory.AsNoTracking()
            .Where(h => visible.Contains(h.ProblemId))
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .Select(h => new LedgerHistoryLine(h.Action, h.AtUtc, h.UserName, h.UnitId, h.Status, h.Level, h.OwnerUnitId, h.Note))
            .ToListAsync(ct);
    }

    /// <summary>Projects the user may record a problem on whose name or code contains the text (terminated ones excluded).</summary>
    public async Task<IReadOnlyList<RaisableProject>> SearchRaisableAsync(UserScope scope, string? text, int? id = null, CancellationToken ct = default)
    {
        if (scope.Role is ActorRole.Display or ActorRole.Department) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Stage != ProjectStage.Terminated);
        if (id is { } projectId) q = q.Where(p => p.Id == projectId);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            q = q.Where(p => p.Name.Contains(t) || p.Code.Contains(t));
        }
        var found = await q.OrderBy(p => p.Name).Take(30)
            .Select(p => new { p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.SourceUnitId }).ToListAsync(ct);
        return found.Where(p => ProblemAccess.CanRaise(scope, new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)))
            .Select(p => new RaisableProject(p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId)).ToList();
    }

    /// <summary>The name of a project the user can see, for the project filter's chip; null otherwise.</summary>
    public async Task<string?> ProjectNameAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == projectId)
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
    }
}

/// <summary>Board order: overdue first (most overdue on top), then severity (blocking first), then due date.</summary>
public sealed class BoardOrder : IComparer<LedgerCard>
{
    public static readonly BoardOrder Instance = new();

    public int Compare(LedgerCard? a, LedgerCard? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return 1;
        if (b is null) return -1;
        var c = (b.DaysOverdue > 0).CompareTo(a.DaysOverdue > 0);
        if (c == 0) c = b.Severity.CompareTo(a.Severity);
        if (c == 0) c = a.DueOn.CompareTo(b.DueOn);
        // Latest resolution first, on a key both cards have (an open card has none), so the order stays total:
        // comparing only when the first card is resolved made Compare(a, b) and Compare(b, a) disagree.
        if (c == 0) c = Nullable.Compare(ResolvedKey(b), ResolvedKey(a));
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    private static DateTime? ResolvedKey(LedgerCard card) => card.Status == ProblemStatus.Resolved ? card.ResolvedAtUtc : null;
}
