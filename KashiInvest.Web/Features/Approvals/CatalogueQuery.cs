using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>One catalogue item as the admin page lists it: the item, its department, and how many plan items use it.</summary>
public sealed record CatalogueEntry(CatalogueItem Item, string DepartmentCode, string DepartmentName, int PlannedCount)
{
    public CatalogueItemInput Input => new(Item.Code, Item.Name, Item.NameEn, Item.DepartmentUnitId, Item.Level, Item.StatutoryLimit, Item.Unit,
        Item.LegalSource, Item.Stage, Item.Prerequisites, Item.MayRunInParallel, Item.GreenChannelLimit, Item.DepartmentCommitment);
}

/// <summary>A department an item may belong to.</summary>
public sealed record CatalogueDepartment(int Id, string Code, string Name);

/// <summary>The approval catalogue by stage (retired items last within their stage), and the departments to choose from.</summary>
public sealed record CatalogueView(IReadOnlyList<CatalogueEntry> Entries, IReadOnlyList<CatalogueDepartment> Departments)
{
    public IEnumerable<IGrouping<ApprovalStage, CatalogueEntry>> ByStage => Entries.GroupBy(e => e.Item.Stage).OrderBy(g => g.Key);
}

/// <summary>Reads the approval catalogue for its admin page (detached items: the page never saves them).</summary>
public sealed class CatalogueQuery(IDbContextFactory<KashiDbContext> factory)
{
    public async Task<CatalogueView> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var departments = await db.Units.AsNoTracking().Where(u => u.Type == UnitType.Department).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Code, u.Name, u.NameEn }).ToListAsync(ct);
        var options = departments.Select(u => new CatalogueDepartment(u.Id, u.Code, Localized.Pick(u.Name, u.NameEn))).ToList();
        var names = options.ToDictionary(d => d.Id);
        var planned = await db.PlanItems.AsNoTracking().GroupBy(i => i.CatalogueItemId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var items = await db.ApprovalCatalogue.AsNoTracking().ToListAsync(ct);
        var entries = items
            .OrderBy(i => i.Stage).ThenByDescending(i => i.IsActive).ThenBy(i => i.Id)
            .Select(i => new CatalogueEntry(i, names.GetValueOrDefault(i.DepartmentUnitId)?.Code ?? "?", names.GetValueOrDefault(i.DepartmentUnitId)?.Name ?? "?",
                planned.GetValueOrDefault(i.Id)))
            .ToList();
        return new CatalogueView(entries, options);
    }
}
