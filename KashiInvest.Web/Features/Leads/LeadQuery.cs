using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Leads;

public sealed record LeadListFilter(int? ChainId = null, int? UnitId = null, string? Text = null, Feasibility? Feasibility = null);

/// <summary>A filed form in the list, with where its project stands now.</summary>
public sealed record LeadRow(int Id, int ProjectId, string ProjectCode, string ProjectName, ProjectStage Stage, string EnterpriseName, InvestorTier Tiers,
    int ChainId, int HostUnitId, int FiledByUnitId, decimal AmountWan, int Jobs, Feasibility Feasibility, DateOnly VisitedOn, DateTime FiledAtUtc);

/// <summary>The whole form for its read view.</summary>
public sealed record LeadFormView(LeadForm Form, string ProjectCode, ProjectStage Stage, string InvestorName);

/// <summary>Reads of the registration forms, always through the project scope: a form is visible when its project is.</summary>
public sealed class LeadQuery(IDbContextFactory<KashiDbContext> factory)
{
    public const int MaxRows = 300;

    public async Task<IReadOnlyList<LeadRow>> ListAsync(UserScope scope, LeadListFilter filter, IReadOnlyCollection<int>? projectIds = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = from f in db.LeadForms.AsNoTracking()
                join p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)) on f.ProjectId equals p.Id
                select new { f, p };
        if (projectIds is not null) q = q.Where(x => projectIds.Contains(x.p.Id));
        if (filter.ChainId is { } chain) q = q.Where(x => x.f.ChainId == chain);
        if (filter.UnitId is { } unit) q = q.Where(x => x.f.FiledByUnitId == unit || x.p.HostUnitId == unit);
        if (filter.Feasibility is { } feasibility) q = q.Where(x => x.f.Feasibility == feasibility);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var key = InvestorMatching.NormalizeName(text);
            q = q.Where(x => x.f.EnterpriseName.Contains(text) || x.f.ProjectName.Contains(text) || x.p.Code.Contains(text) || (x.f.CreditCode != null && x.f.CreditCode.Contains(key)));
        }
        return await q.OrderByDescending(x => x.f.FiledAtUtc).Take(MaxRows)
            .Select(x => new LeadRow(x.f.Id, x.p.Id, x.p.Code, x.p.Name, x.p.Stage, x.f.EnterpriseName, x.f.Tiers, x.f.ChainId, x.p.HostUnitId, x.f.FiledByUnitId,
                x.f.AmountWan, x.f.Jobs, x.f.Feasibility, x.f.VisitedOn, x.f.FiledAtUtc))
            .ToListAsync(ct);
    }

    public async Task<LeadFormView?> ReadAsync(UserScope scope, int formId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (from f in db.LeadForms.AsNoTracking()
                           join p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)) on f.ProjectId equals p.Id
                           join i in db.Investors.AsNoTracking() on f.InvestorId equals i.Id
                           where f.Id == formId
                           select new { f, p.Code, p.Stage, i.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : new LeadFormView(found.f, found.Code, found.Stage, found.Name);
    }

    /// <summary>The form that created a project, if any (for the project's documents panel).</summary>
    public async Task<LeadRow?> OfProjectAsync(UserScope scope, int projectId, CancellationToken ct = default) =>
        (await ListAsync(scope, new LeadListFilter(), [projectId], ct)).FirstOrDefault();

    /// <summary>Attracting units and what the user may pick as the intended host.</summary>
    public async Task<IReadOnlyList<(int Id, SourceRegionCode? Region, UnitType Type)>> UnitsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Region, u.Type }).ToListAsync(ct)).Select(u => (u.Id, u.Region, u.Type)).ToList();
    }
}
