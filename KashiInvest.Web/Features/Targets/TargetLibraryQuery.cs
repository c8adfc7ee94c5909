using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Targets;

/// <summary>The library's search: any combination of chain, link, region, priority, tier and text (name or credit code).</summary>
public sealed record TargetFilter(int? ChainId = null, int? LinkId = null, SourceRegionCode? Region = null, InvestorTier? Tier = null,
    string? Text = null, int? Priority = null, TargetFollowUp? Status = null);

public sealed record TargetPushInfo(int PushId, int UnitId, PushReason Reason, TargetFollowUp Status, int? ProjectId);

public sealed record TargetRow(int Id, string Name, string? CreditCode, int ChainId, int? LinkId, SourceRegionCode Region, InvestorTier Tiers,
    string? Notes, int Version, IReadOnlyList<TargetPushInfo> Pushes)
{
    public int Priority => Region.IsPriority() ? 1 : 2;
}

/// <summary>A pushed target as its receiving unit sees it, with what has been done about it.</summary>
public sealed record InboxRow(int PushId, int TargetId, int UnitId, string Name, string? CreditCode, int ChainId, int? LinkId, SourceRegionCode Region,
    InvestorTier Tiers, string? Notes, PushReason Reason, TargetFollowUp Status, string? LastNote, DateOnly? StatusOn, int? ProjectId,
    DateTime PushedAtUtc, DateTime UpdatedAtUtc, int Version)
{
    public int Priority => Region.IsPriority() ? 1 : 2;
}

public sealed record PushHistoryLine(TargetFollowUp Status, string? Note, DateOnly On, string UserName, DateTime AtUtc, int? ProjectId);

/// <summary>Reads of the target-enterprise library (Art. 16), always under the reader's scope.</summary>
public sealed class TargetLibraryQuery(IDbContextFactory<KashiDbContext> factory)
{
    public const int MaxRows = 500;

    /// <summary>The whole library, for the Bureau and leaders; empty for anyone else.</summary>
    public async Task<IReadOnlyList<TargetRow>> SearchAsync(UserScope scope, TargetFilter filter, CancellationToken ct = default)
    {
        if (!TargetAccess.SeesAllTargets(scope)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.TargetEnterprises.AsNoTracking().AsQueryable();
        if (filter.ChainId is { } chain) q = q.Where(t => t.ChainId == chain);
        if (filter.LinkId is { } link) q = q.Where(t => t.ChainLinkId == link);
        if (filter.Region is { } region) q = q.Where(t => t.Region == region);
        if (filter.Priority is 1) q = q.Where(t => PriorityRegions.Contains(t.Region));
        else if (filter.Priority is 2) q = q.Where(t => !PriorityRegions.Contains(t.Region));
        if (filter.Tier is { } tier && tier != InvestorTier.None) q = q.Where(t => (t.Tiers & tier) != 0);
        if (TextKey(filter.Text) is { } text) q = q.Where(t => t.NameKey.Contains(text) || (t.CreditCode != null && t.CreditCode.Contains(text)));
        var targets = await q.OrderBy(t => t.ChainId).ThenBy(t => t.Name).Take(MaxRows).ToListAsync(ct);
        var ids = targets.Select(t => t.Id).ToList();
        var pushes = (await db.TargetPushes.AsNoTracking().Where(p => ids.Contains(p.TargetId))
                .Select(p => new { p.TargetId, Info = new TargetPushInfo(p.Id, p.UnitId, p.Reason, p.Status, p.ProjectId) }).ToListAsync(ct))
            .ToLookup(p => p.TargetId, p => p.Info);
        var rows = targets.Select(t => new TargetRow(t.Id, t.Name, t.CreditCode, t.ChainId, t.ChainLinkId, t.Region, t.Tiers, t.Notes, t.Version, [.. pushes[t.Id]]));
        if (filter.Status is { } status) rows = rows.Where(r => r.Pushes.Any(p => p.Status == status));
        return rows.OrderBy(r => r.Priority).ThenBy(r => r.ChainId).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The pushes the user's unit received (the Bureau sees every unit's when <paramref name="unitId"/> is null).</summary>
    public async Task<IReadOnlyList<InboxRow>> InboxAsync(UserScope scope, TargetFilter filter, int? unitId = null, IReadOnlyCollection<int>? pushIds = null, CancellationToken ct = default)
    {
        var receiver = TargetAccess.SeesAllTargets(scope) ? unitId : scope.UnitId ?? -1;
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = from p in db.TargetPushes.AsNoTracking()
                join t in db.TargetEnterprises.AsNoTracking() on p.TargetId equals t.Id
                select new { p, t };
        if (receiver is { } r) q = q.Where(x => x.p.UnitId == r);
        if (pushIds is not null) q = q.Where(x => pushIds.Contains(x.p.Id));
        if (filter.ChainId is { } chain) q = q.Where(x => x.t.ChainId == chain);
        if (filter.LinkId is { } link) q = q.Where(x => x.t.ChainLinkId == link);
        if (filter.Region is { } region) q = q.Where(x => x.t.Region == region);
        if (filter.Tier is { } tier && tier != InvestorTier.None) q = q.Where(x => (x.t.Tiers & tier) != 0);
        if (filter.Status is { } status) q = q.Where(x => x.p.Status == status);
        if (TextKey(filter.Text) is { } text) q = q.Where(x => x.t.NameKey.Contains(text) || (x.t.CreditCode != null && x.t.CreditCode.Contains(text)));
        var rows = await q.OrderByDescending(x => x.p.PushedAtUtc).Take(MaxRows)
            .Select(x => new InboxRow(x.p.Id, x.t.Id, x.p.UnitId, x.t.Name, x.t.CreditCode, x.t.ChainId, x.t.ChainLinkId, x.t.Region, x.t.Tiers, x.t.Notes,
                x.p.Reason, x.p.Status, x.p.LastNote, x.p.StatusOn, x.p.ProjectId, x.p.PushedAtUtc, x.p.UpdatedAtUtc, x.p.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Status).ThenBy(r => r.Priority).ThenByDescending(r => r.PushedAtUtc).ToList();
    }

    /// <summary>A push's history, oldest first; only for its receiving unit and those who see the whole library.</summary>
    public async Task<IReadOnlyList<PushHistoryLine>> HistoryAsync(UserScope scope, int pushId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var unit = await db.TargetPushes.Where(p => p.Id == pushId).Select(p => (int?)p.UnitId).FirstOrDefaultAsync(ct);
        if (unit is null || (!TargetAccess.SeesAllTargets(scope) && scope.UnitId != unit)) return [];
        return await db.TargetPushHistory.AsNoTracking().Where(h => h.PushId == pushId).OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .Select(h => new PushHistoryLine(h.Status, h.Note, h.On, h.UserName, h.AtUtc, h.ProjectId)).ToListAsync(ct);
    }

    private static readonly SourceRegionCode[] PriorityRegions = Enum.GetValues<SourceRegionCode>().Where(r => r.IsPriority()).ToArray();

    internal static string? TextKey(string? text) => InvestorMatching.NormalizeName(text) is { Length: > 0 } key ? key : null;
}
