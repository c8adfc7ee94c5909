using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Wall;

/// <summary>How the wall groups its cards: by host county (KEDZ and the 12 counties) or by industry chain.</summary>
public enum WallGrouping { County, Chain }

/// <summary>The wall's filters. Null (or false) means "any".</summary>
public sealed record WallFilter
{
    public int? HostUnitId { get; init; }
    public int? ChainId { get; init; }
    public HealthStatus? Health { get; init; }
    public ProjectStage? Stage { get; init; }
    public bool KeyOnly { get; init; }

    /// <summary>How many filters are set (the folded filter button on a phone shows it).</summary>
    public int ActiveCount => new object?[] { HostUnitId, ChainId, Health, Stage }.Count(v => v is not null) + (KeyOnly ? 1 : 0);

    /// <summary>The same filter in memory, for cards re-read after a live notice.</summary>
    public bool Matches(WallCard card) =>
        (HostUnitId is null || card.HostUnitId == HostUnitId)
        && (ChainId is null || card.ChainId == ChainId)
        && (Health is null || card.Status == Health)
        && (Stage is null || card.Stage == Stage)
        && (!KeyOnly || card.IsKey);
}

/// <summary>One project on the wall: what the card shows, with its health from the one health path.</summary>
public sealed record WallCard(
    int Id, string Code, string Name, int HostUnitId, int ChainId, ProjectStage Stage, bool IsKey,
    decimal PlannedWan, decimal FundsInPlaceWan, HealthAssessment Health)
{
    public HealthStatus Status => Health.Status;

    /// <summary>The worst reason (the rules order them worst first), or null when on track.</summary>
    public HealthReason? Worst => Health.Reasons.Count > 0 ? Health.Reasons[0] : null;

    /// <summary>How many reasons beyond the worst one ("+N" on the card).</summary>
    public int MoreReasons => Math.Max(0, Health.Reasons.Count - 1);

    /// <summary>Whether what the card shows differs from <paramref name="other"/> (to flash it after a re-read).</summary>
    public bool LooksDifferentFrom(WallCard other) =>
        Name != other.Name || HostUnitId != other.HostUnitId || ChainId != other.ChainId || Stage != other.Stage || IsKey != other.IsKey
        || PlannedWan != other.PlannedWan || FundsInPlaceWan != other.FundsInPlaceWan || Status != other.Status
        || Health.Reasons.Count != other.Health.Reasons.Count || Worst?.Code != other.Worst?.Code || Worst?.Subject != other.Worst?.Subject;
}

/// <summary>
/// The battle-map wall's reads: every project the user may see in a stage with a battle map (negotiation and after),
/// as cards with their health. One query for the projects and one health assessment for the whole set, whatever
/// its size; <see cref="GetCardsAsync(UserScope, IReadOnlyCollection{int}, CancellationToken)"/> re-reads only the
/// cards a live notice names.
/// </summary>
public sealed class WallQuery(IDbContextFactory<KashiDbContext> factory, ProjectHealthQuery health, WallCardPool pool)
{
    /// <summary>The stages with a battle map (Art. 21), as a list EF Core can translate.</summary>
    public static readonly ProjectStage[] BattleMapStages = Enum.GetValues<ProjectStage>().Where(s => s.HasBattleMap()).ToArray();

    /// <summary>The cards of the wall under <paramref name="filter"/>, worst health first, then key projects, then by amount.</summary>
    public async Task<IReadOnlyList<WallCard>> GetCardsAsync(UserScope scope, WallFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var projects = OnTheWall(db, scope);
        if (filter.HostUnitId is { } host) projects = projects.Where(p => p.HostUnitId == host);
        if (filter.ChainId is { } chain) projects = projects.Where(p => p.ChainId == chain);
        if (filter.Stage is { } stage) projects = projects.Where(p => p.Stage == stage);
        if (filter.KeyOnly) projects = projects.Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject);
        var cards = await ReadAsync(db, projects, ct);
        // Health is computed by the rules, not stored: its filter applies after the assessment.
        return Order(filter.Health is null ? cards : cards.Where(filter.Matches));
    }

    /// <summary>
    /// The current cards of the named projects that are still on this user's wall. A project missing from the answer
    /// has left the wall (its stage moved out of the battle map) or is not visible: the caller removes its card.
    /// Filters are the caller's (<see cref="WallFilter.Matches"/>).
    /// </summary>
    public async Task<IReadOnlyList<WallCard>> GetCardsAsync(UserScope scope, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.Distinct().ToArray();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReadAsync(db, OnTheWall(db, scope).Where(p => wanted.Contains(p.Id)), ct);
    }

    /// <summary>The order of cards within a group: stalled first, then at risk; key projects first; larger amounts first.</summary>
    public static IReadOnlyList<WallCard> Order(IEnumerable<WallCard> cards) =>
        cards.OrderByDescending(c => c.Status).ThenByDescending(c => c.IsKey).ThenByDescending(c => c.PlannedWan).ThenBy(c => c.Id).ToList();

    private static IQueryable<Project> OnTheWall(KashiDbContext db, UserScope scope) =>
        db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => BattleMapStages.Contains(p.Stage));

    private async Task<List<WallCard>> ReadAsync(KashiDbContext db, IQueryable<Project> projects, CancellationToken ct)
    {
        var rows = await projects
            .Select(p => new { p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.Stage, p.WorkGroupLevel, p.PlannedInvestmentWan, p.FundsInPlaceWan })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var assessed = await health.AssessAsync(db, projects, ct);
        // Every open wall holds the cards it reads: equal cards are one shared copy (WallCardPool).
        return rows.Select(r => pool.Share(new WallCard(r.Id, r.Code, r.Name, r.HostUnitId, r.ChainId, r.Stage, r.WorkGroupLevel == WorkGroupLevel.KeyProject,
                r.PlannedInvestmentWan, r.FundsInPlaceWan, assessed.TryGetValue(r.Id, out var h) ? h : HealthAssessment.OnTrack)))
            .ToList();
    }
}
