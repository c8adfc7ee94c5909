using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Chains;

/// <summary>One chain on the overview: its links by status and the work on its gaps.</summary>
public sealed record ChainOverviewRow(int Id, string Name, string NameEn, string LeadName, string LeadNameEn,
    int Strong, int Weak, int Short, int Broken, int Gaps, int GapsWithTargets, int Leads, int Negotiating, int Signed);

/// <summary>A gap link with no target in the library and no live project on it.</summary>
public sealed record UnattendedGap(int ChainId, string ChainName, string ChainNameEn, int LinkId, string LinkName, string LinkNameEn, LinkStrength Strength);

/// <summary>The overview: every chain, and the first <see cref="ChainMapOptions.UnattendedShown"/> unattended gaps of <paramref name="UnattendedTotal"/>.</summary>
public sealed record ChainOverview(IReadOnlyList<ChainOverviewRow> Chains, IReadOnlyList<UnattendedGap> Unattended, int UnattendedTotal);

/// <summary>A target of the library on a link, with the furthest follow-up any receiving unit has reached.</summary>
public sealed record LinkTarget(int Id, string Name, InvestorTier Tiers, TargetFollowUp? FollowUp, int Pushes);

/// <summary>A project on a link (under the reader's scope), with its health as the wall and battle map assess it (null once terminated).</summary>
public sealed record LinkProject(int Id, string Code, string Name, ProjectStage Stage, HealthStatus? Health);

/// <summary>A chain map as a page shows it: the aggregate (read-only), and per link the targets and projects on it.</summary>
public sealed record ChainMapView(IndustryChain Chain, string LeadName, string LeadNameEn,
    IReadOnlyDictionary<int, IReadOnlyList<LinkTarget>> Targets, IReadOnlyDictionary<int, IReadOnlyList<LinkProject>> Projects)
{
    public IReadOnlyList<LinkTarget> TargetsOn(int linkId) => Targets.TryGetValue(linkId, out var t) ? t : [];

    public IReadOnlyList<LinkProject> ProjectsOn(int linkId) => Projects.TryGetValue(linkId, out var p) ? p : [];
}

/// <summary>
/// The reads of the chain maps (Art. 12). Maps and the target library's entries on them are read by everyone signed in;
/// projects only through the one scoping predicate, so a county's overview counts what it may see.
/// </summary>
public sealed class ChainMapQuery(IDbContextFactory<KashiDbContext> factory, ProjectHealthQuery health, IOptions<ChainMapOptions> options)
{
    private static readonly ProjectStage[] LeadStages = [ProjectStage.Lead, ProjectStage.Triage];
    private static readonly ProjectStage[] NegotiatingStages = [ProjectStage.Negotiating, ProjectStage.Evaluation];
    private static readonly ProjectStage[] SignedStages = [ProjectStage.Signed, ProjectStage.Landing, ProjectStage.Construction, ProjectStage.Production];

    public async Task<ChainOverview> OverviewAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var chains = await db.Chains.AsNoTracking().Include(c => c.Links).OrderBy(c => c.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.NameEn }).ToDictionaryAsync(u => u.Id, ct);
        var targetLinks = (await db.TargetEnterprises.AsNoTracking().Where(t => t.ChainLinkId != null).Select(t => t.ChainLinkId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var projects = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Stage != ProjectStage.Terminated && p.Stage != ProjectStage.Reserve)
            .Select(p => new { p.ChainId, p.ChainLinkId, p.Stage }).ToListAsync(ct);
        // Any live project on a link counts as someone working on it, whoever may see it.
        var projectLinks = (await db.Projects.AsNoTracking().Where(p => p.ChainLinkId != null && p.Stage != ProjectStage.Terminated)
            .Select(p => p.ChainLinkId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

        var rows = chains.Select(c =>
        {
            var gaps = c.Links.Where(l => l.HasGap).ToList();
            var onChain = projects.Where(p => p.ChainId == c.Id).ToList();
            var lead = units.GetValueOrDefault(c.LeadUnitId);
            return new ChainOverviewRow(c.Id, c.Name, c.NameEn, lead?.Name ?? "", lead?.NameEn ?? "",
                c.Links.Count(l => l.Strength == LinkStrength.Strong), c.Links.Count(l => l.Strength == LinkStrength.Weak),
                c.Links.Count(l => l.Strength == LinkStrength.Short), c.Links.Count(l => l.Strength == LinkStrength.Broken),
                gaps.Count, gaps.Count(l => targetLinks.Contains(l.Id)),
                onChain.Count(p => LeadStages.Contains(p.Stage)), onChain.Count(p => NegotiatingStages.Contains(p.Stage)), onChain.Count(p => SignedStages.Contains(p.Stage)));
        }).ToList();
        var unattended = chains.SelectMany(c => c.Links.Where(l => l.HasGap && !targetLinks.Contains(l.Id) && !projectLinks.Contains(l.Id))
                .OrderByDescending(l => l.Strength).ThenBy(l => l.Segment).ThenBy(l => l.Order)
                .Select(l => new UnattendedGap(c.Id, c.Name, c.NameEn, l.Id, l.Name, l.NameEn, l.Strength)))
            .ToList();
        // The most serious gaps first, across chains, so that a capped list keeps the broken links.
        var shown = unattended.OrderByDescending(g => g.Strength).Take(options.Value.UnattendedShown).ToList();
        return new ChainOverview(rows, shown, unattended.Count);
    }

    /// <summary>The whole map of one chain, or null when there is no such chain.</summary>
    public async Task<ChainMapView?> MapAsync(UserScope scope, int chainId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var chain = await db.Chains.AsNoTracking().AsSplitQuery()
            .Include(c => c.Links).ThenInclude(l => l.History)
            .Include(c => c.Links).ThenInclude(l => l.Roadmap)
            .Include(c => c.Flows).Include(c => c.Comments)
            .FirstOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return null;
        var lead = await db.Units.AsNoTracking().Where(u => u.Id == chain.LeadUnitId).Select(u => new { u.Name, u.NameEn }).FirstOrDefaultAsync(ct);
        // The whole library is the Bureau's, leaders' and the chain lead's; another unit sees the targets pushed to it.
        var everyTarget = TargetAccess.SeesChainTargets(scope, chain.LeadUnitId);
        var unitId = scope.UnitId ?? -1;
        var targetQuery = db.TargetEnterprises.AsNoTracking().Where(t => t.ChainId == chainId && t.ChainLinkId != null);
        if (!everyTarget) targetQuery = targetQuery.Where(t => db.TargetPushes.Any(p => p.TargetId == t.Id && p.UnitId == unitId));
        var targets = await targetQuery.Select(t => new { t.Id, t.Name, t.Tiers, Link = t.ChainLinkId!.Value }).ToListAsync(ct);
        var ids = targets.Select(t => t.Id).ToList();
        var pushes = await db.TargetPushes.AsNoTracking().Where(p => ids.Contains(p.TargetId) && (everyTarget || p.UnitId == unitId))
            .Select(p => new { p.TargetId, p.Status }).ToListAsync(ct);
        var onLinks = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.ChainId == chainId && p.ChainLinkId != null);
        var projects = await onLinks.OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.Stage, Link = p.ChainLinkId!.Value }).ToListAsync(ct);
        // One assessment for every live project of the map (the path the wall and battle maps use), not one per link.
        var assessed = await health.AssessAsync(db, onLinks.Where(p => p.Stage != ProjectStage.Terminated), ct);
        return new ChainMapView(chain, lead?.Name ?? "", lead?.NameEn ?? "",
            targets.GroupBy(t => t.Link).ToDictionary(g => g.Key, g => (IReadOnlyList<LinkTarget>)g.OrderBy(t => t.Name).Select(t =>
            {
                var mine = pushes.Where(p => p.TargetId == t.Id).ToList();
                return new LinkTarget(t.Id, t.Name, t.Tiers, mine.Count == 0 ? null : mine.Max(p => p.Status), mine.Count);
            }).ToList()),
            projects.GroupBy(p => p.Link).ToDictionary(g => g.Key, g => (IReadOnlyList<LinkProject>)g.Select(p => new LinkProject(p.Id, p.Code, p.Name, p.Stage,
                p.Stage == ProjectStage.Terminated ? null : assessed.TryGetValue(p.Id, out var h) ? h.Status : HealthStatus.OnTrack)).ToList()));
    }
}
