using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Alerts;

/// <summary>One alert as the alert centre, the bell and the cards show it.</summary>
public sealed record AlertRow(
    int Id, int Version, AlertKind Kind, AlertSeverity Severity, int? ProjectId, string? ProjectName, int? HostUnitId, int? ChainId,
    int? UnitId, int? OwnerUnitId, string Code, IReadOnlyList<string> Args, DateTime RaisedAtUtc,
    string? AcknowledgedBy, DateTime? AcknowledgedAtUtc, string? AcknowledgeNote, DateTime? ClearedAtUtc)
{
    public bool IsOpen => ClearedAtUtc is null;
    public bool IsAcknowledged => AcknowledgedAtUtc is not null;
}

/// <summary>Reads alerts under the user's scope (<see cref="AlertAccess.VisibleTo"/>, the one rule for alerts).</summary>
public sealed class AlertsQuery(IDbContextFactory<KashiDbContext> factory)
{
    /// <summary>How many cleared alerts the centre lists at most (newest first).</summary>
    public const int ClearedLimit = 300;

    public async Task<IReadOnlyList<AlertRow>> LoadAsync(UserScope scope, AlertFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Alerts.AsNoTracking().Where(AlertAccess.VisibleTo(scope));
        if (filter.HostUnitId is { } host) q = q.Where(a => a.HostUnitId == host || a.UnitId == host);
        if (filter.ChainId is { } chain) q = q.Where(a => a.ChainId == chain);
        if (filter.Kind is { } kind) q = q.Where(a => a.Kind == kind);
        if (filter.Severity is { } severity) q = q.Where(a => a.Severity == severity);
        if (filter.ProjectId is { } project) q = q.Where(a => a.ProjectId == project);
        q = filter.State switch
        {
            AlertState.Open => q.Where(a => a.ClearedAtUtc == null),
            AlertState.Cleared => q.Where(a => a.ClearedAtUtc != null),
            _ => q,
        };
        var alerts = await q.OrderByDescending(a => a.ClearedAtUtc == null).ThenByDescending(a => a.RaisedAtUtc).Take(filter.State == AlertState.Open ? 2000 : ClearedLimit).ToListAsync(ct);
        return Order(await ToRowsAsync(db, alerts, ct));
    }

    public async Task<AlertRow?> FindAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var alert = await db.Alerts.AsNoTracking().Where(AlertAccess.VisibleTo(scope)).FirstOrDefaultAsync(a => a.Id == id, ct);
        return alert is null ? null : (await ToRowsAsync(db, [alert], ct))[0];
    }

    /// <summary>The bell's number: open alerts the user may see.</summary>
    public async Task<int> CountOpenAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Alerts.AsNoTracking().Where(AlertAccess.VisibleTo(scope)).CountAsync(a => a.ClearedAtUtc == null, ct);
    }

    /// <summary>Open alerts of the given projects (for the wall's cards and a battle map's header), by project.</summary>
    /// <remarks><paramref name="projectIds"/> null: every project the user may see (one query for the whole wall).</remarks>
    public Task<IReadOnlyDictionary<int, IReadOnlyList<AlertRow>>> OpenByProjectAsync(UserScope scope, IReadOnlyCollection<int>? projectIds, CancellationToken ct = default) =>
        OpenByProjectAsync(scope, projectIds, onReadableAgenda: false, ct);

    /// <param name="onReadableAgenda">
    /// The project is on the agenda of a meeting the user may read (<c>MeetingAccess.CanRead</c>, checked by the caller):
    /// its open alerts are shown whatever the user's own scope, as everyone in the room sees them on the projector.
    /// </param>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<AlertRow>>> OpenByProjectAsync(UserScope scope, IReadOnlyCollection<int>? projectIds, bool onReadableAgenda,
        CancellationToken ct = default)
    {
        if (projectIds is { Count: 0 }) return new Dictionary<int, IReadOnlyList<AlertRow>>();
        if (onReadableAgenda && projectIds is null) throw new ArgumentException("An agenda names its projects.", nameof(projectIds));
        await using var db = await factory.CreateDbContextAsync(ct);
        var alertsSeen = onReadableAgenda ? db.Alerts.AsNoTracking() : db.Alerts.AsNoTracking().Where(AlertAccess.VisibleTo(scope));
        var q = alertsSeen.Where(a => a.ClearedAtUtc == null && a.ProjectId != null);
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            q = q.Where(a => ids.Contains(a.ProjectId!.Value));
        }
        var alerts = await q.ToListAsync(ct);
        var rows = Order(await ToRowsAsync(db, alerts, ct));
        return rows.GroupBy(r => r.ProjectId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<AlertRow>)g.ToList());
    }

    /// <summary>Open first, then the most severe, then the newest.</summary>
    private static List<AlertRow> Order(IEnumerable<AlertRow> rows) =>
        rows.OrderByDescending(r => r.IsOpen).ThenByDescending(r => r.Severity).ThenByDescending(r => r.RaisedAtUtc).ThenByDescending(r => r.Id).ToList();

    private static async Task<List<AlertRow>> ToRowsAsync(KashiDbContext db, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        var projectIds = alerts.Where(a => a.ProjectId is not null).Select(a => a.ProjectId!.Value).Distinct().ToArray();
        var names = projectIds.Length == 0 ? new Dictionary<int, string>()
            : await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return alerts.Select(a => new AlertRow(a.Id, a.Version, a.Kind, a.Severity, a.ProjectId,
            a.ProjectId is { } pid ? names.GetValueOrDefault(pid) : null, a.HostUnitId, a.ChainId, a.UnitId, a.OwnerUnitId, a.Code, a.Args,
            a.RaisedAtUtc, a.AcknowledgedBy, a.AcknowledgedAtUtc, a.AcknowledgeNote, a.ClearedAtUtc)).ToList();
    }
}
