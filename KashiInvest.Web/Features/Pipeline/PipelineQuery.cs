using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Pipeline;

/// <summary>One project on the pipeline board, with its health from the one health path and whether the user may move it.</summary>
public sealed record PipelineCard(
    int Id, int Version, string Code, string Name, int HostUnitId, int ChainId, string InvestorName, InvestorTier Tiers,
    SourceRegionCode Region, ProjectStage Stage, bool IsKey, decimal PlannedWan, HealthAssessment Health, bool CanEdit,
    CoordinationLevel Coordination)
{
    public HealthStatus Status => Health.Status;

    public bool LooksDifferentFrom(PipelineCard other) =>
        Version != other.Version || Stage != other.Stage || Status != other.Status || Name != other.Name || PlannedWan != other.PlannedWan;
}

/// <summary>One column of the board: a stage, its cards (largest first), their count and total planned investment.</summary>
public sealed record PipelineColumn(ProjectStage Stage, IReadOnlyList<PipelineCard> Cards, decimal TotalWan)
{
    public int Count => Cards.Count;

    /// <summary>Reserve and Terminated sit beside the main line, narrow and folded unless opened.</summary>
    public bool IsSide => Stage is ProjectStage.Reserve or ProjectStage.Terminated;
}

/// <summary>The columns of the board in life-cycle order: the main line, then Reserve and Terminated.</summary>
public static class PipelineBoard
{
    public static readonly IReadOnlyList<ProjectStage> Stages = [.. ProjectLifecycle.MainLine, ProjectStage.Reserve, ProjectStage.Terminated];

    public static IReadOnlyList<PipelineColumn> Build(IEnumerable<PipelineCard> cards)
    {
        var byStage = cards.ToLookup(c => c.Stage);
        return Stages.Select(s =>
        {
            var list = Order(byStage[s]);
            return new PipelineColumn(s, list, list.Sum(c => c.PlannedWan));
        }).ToList();
    }

    /// <summary>Within a column: key projects first, then larger amounts, then by name.</summary>
    public static IReadOnlyList<PipelineCard> Order(IEnumerable<PipelineCard> cards) =>
        cards.OrderByDescending(c => c.IsKey).ThenByDescending(c => c.PlannedWan).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
}

/// <summary>
/// The pipeline board's reads: every project the user may see (<see cref="ProjectAccess.VisibleTo"/>) under the
/// filter, with its health (<see cref="ProjectHealthQuery"/>, one assessment for the whole set) and its edit right
/// (<see cref="ProjectAccess.CanEdit"/>). <see cref="GetCardsAsync(UserScope, IReadOnlyCollection{int}, CancellationToken)"/>
/// re-reads only the cards a live notice names.
/// </summary>
public sealed class PipelineQuery(IDbContextFactory<KashiDbContext> factory, ProjectHealthQuery health)
{
    public async Task<IReadOnlyList<PipelineCard>> GetCardsAsync(UserScope scope, PipelineFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var projects = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope));
        if (filter.HostUnitId is { } host) projects = projects.Where(p => p.HostUnitId == host);
        if (filter.ChainId is { } chain) projects = projects.Where(p => p.ChainId == chain);
        if (filter.Tier is { } tier)
        {
            var tiered = db.Investors.Where(i => (i.Tiers & tier) == tier).Select(i => i.Id);
            projects = projects.Where(p => tiered.Contains(p.InvestorId));
        }
        if (filter.Region is { } region)
        {
            var from = db.Investors.Where(i => i.Region == region).Select(i => i.Id);
            projects = projects.Where(p => from.Contains(p.InvestorId));
        }
        if (filter.Text is { Length: > 0 } text)
        {
            var named = db.Investors.Where(i => i.Name.Contains(text)).Select(i => i.Id);
            projects = projects.Where(p => p.Name.Contains(text) || p.Code.Contains(text) || named.Contains(p.InvestorId));
        }
        return await ReadAsync(db, scope, projects, ct);
    }

    /// <summary>
    /// The current cards of the named projects the user may still see. A project missing from the answer has left the
    /// user's scope (or no longer exists): the caller drops its card. Filters are the caller's (<see cref="PipelineFilter.Matches"/>).
    /// </summary>
    public async Task<IReadOnlyList<PipelineCard>> GetCardsAsync(UserScope scope, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.Distinct().ToArray();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReadAsync(db, scope, db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => wanted.Contains(p.Id)), ct);
    }

    private async Task<IReadOnlyList<PipelineCard>> ReadAsync(KashiDbContext db, UserScope scope, IQueryable<Project> projects, CancellationToken ct)
    {
        var rows = await (from p in projects
                          join i in db.Investors.AsNoTracking() on p.InvestorId equals i.Id
                          select new { Project = p, i.Name, i.Tiers, i.Region }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var assessed = await health.AssessAsync(db, projects, ct);
        return rows.Select(r =>
        {
            var p = r.Project;
            return new PipelineCard(p.Id, p.Version, p.Code, p.Name, p.HostUnitId, p.ChainId, r.Name, r.Tiers, r.Region, p.Stage,
                p.WorkGroupLevel == WorkGroupLevel.KeyProject, p.PlannedInvestmentWan,
                assessed.TryGetValue(p.Id, out var h) ? h : HealthAssessment.OnTrack, ProjectAccess.CanEdit(scope, p), p.CoordinationLevel);
        }).ToList();
    }
}
