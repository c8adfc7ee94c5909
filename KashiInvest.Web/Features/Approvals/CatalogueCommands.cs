using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The Bureau keeps the approval catalogue (审批事项目录) as data: adds and edits items, retires and reinstates them, and
/// imports a pasted table all-or-nothing. Each write checks <see cref="ApprovalAccess.CanKeepReferenceData"/>, the
/// catalogue's own rules (<see cref="CatalogueItem.Validate"/>) and the ones that need the database (a department, a
/// code no other item has, prerequisites that exist), refuses a stale version with a conflict, and saves through the
/// unit of work (an audit row with before/after per item). Items already planned keep the limits they were planned
/// with: a plan item copies them (<see cref="PlanItem"/>), so no edit here moves a running clock.
/// </summary>
public sealed class CatalogueCommands(IDbContextFactory<KashiDbContext> factory, ILogger<CatalogueCommands> logger)
{
    /// <summary>The size of the column that holds an item's prerequisite codes.</summary>
    public const int PrerequisitesMaxLength = 500;

    /// <summary>Adds an item (<paramref name="id"/> null) or replaces the facts of one; its code never changes.</summary>
    public Task<WriteResult> SaveAsync(UserScope scope, int? id, int? version, CatalogueItemInput input, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
    {
        if (!ApprovalAccess.CanKeepReferenceData(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        CatalogueItem? item = null;
        if (id is { } existingId)
        {
            item = await db.ApprovalCatalogue.FirstOrDefaultAsync(c => c.Id == existingId, ct);
            if (item is null) return WriteResult.NotFound;
            if (item.Version != version) return WriteResult.Conflict;
            if (!string.Equals(item.Code, input.Code?.Trim(), StringComparison.Ordinal))
                return WriteResult.Invalid(nameof(CatalogueItemInput.Code), new RuleViolation("Catalogue.CodeFixed", item.Code));
        }
        var known = await db.ApprovalCatalogue.AsNoTracking().Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var errors = Check(input, known.Where(k => k.Id != id).Select(k => k.Code).ToHashSet(StringComparer.Ordinal),
            known.Select(k => k.Code).ToHashSet(StringComparer.Ordinal), await DepartmentsAsync(db, ct));
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        if (item is null)
        {
            item = new CatalogueItem(input);
            db.ApprovalCatalogue.Add(item);
        }
        else item.Update(input);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(item.Id);
    });

    /// <summary>Retires an item (no new plan may take it; plans that have it keep it) or reinstates it.</summary>
    public Task<WriteResult> SetActiveAsync(UserScope scope, int id, int version, bool active, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
    {
        if (!ApprovalAccess.CanKeepReferenceData(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var item = await db.ApprovalCatalogue.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null) return WriteResult.NotFound;
        if (item.Version != version) return WriteResult.Conflict;
        if (item.IsActive == active) return WriteResult.Invalid(string.Empty, new RuleViolation("Approvals.NothingChanged"));
        if (active) item.Activate();
        else item.Deactivate();
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(item.Id);
    });

    /// <summary>
    /// Reads a pasted table and checks every line against the catalogue as it is: the preview the page shows before
    /// anything is saved. A line with a code the catalogue has replaces that item's facts (keeping the department's own
    /// commitment); any other line adds an item.
    /// </summary>
    public async Task<(IReadOnlyList<CatalogueImportRow> Rows, IReadOnlyList<FieldViolation> Errors)> PreviewImportAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await db.ApprovalCatalogue.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        return Preview(text, existing, await DepartmentsAsync(db, ct));
    }

    /// <summary>Saves every line of a pasted table, or none when any line is wrong (the preview says which).</summary>
    public Task<WriteResult> ImportAsync(UserScope scope, string? text, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!ApprovalAccess.CanKeepReferenceData(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var existing = await db.ApprovalCatalogue.ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var (rows, errors) = Preview(text, existing, await DepartmentsAsync(db, ct));
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        var wrong = rows.Where(r => !r.IsValid).ToList();
        if (wrong.Count > 0) return WriteResult.Invalid(CatalogueImport.Field, new RuleViolation("Catalogue.ImportHasErrors", wrong.Count, wrong[0].Line));
        foreach (var row in rows)
        {
            var input = row.Input!;
            if (existing.TryGetValue(row.Code, out var item)) item.Update(input with { DepartmentCommitment = item.DepartmentCommitment });
            else db.ApprovalCatalogue.Add(new CatalogueItem(input));
        }
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(rows.Count);
    });

    private static (IReadOnlyList<CatalogueImportRow> Rows, IReadOnlyList<FieldViolation> Errors) Preview(string? text,
        IReadOnlyDictionary<string, CatalogueItem> existing, IReadOnlyDictionary<string, int> departments)
    {
        var (rows, errors) = CatalogueImport.Parse(text, departments);
        if (errors.Count > 0) return (rows, errors);
        var allCodes = existing.Keys.Concat(rows.Select(r => r.Code)).ToHashSet(StringComparer.Ordinal);
        var twice = rows.GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var checkedRows = rows.Select(row =>
        {
            var isNew = !existing.ContainsKey(row.Code);
            if (row.Input is null) return row with { IsNew = isNew };
            var input = existing.TryGetValue(row.Code, out var item) ? row.Input with { DepartmentCommitment = item.DepartmentCommitment } : row.Input;
            var found = new List<FieldViolation>(Check(input, new HashSet<string>(StringComparer.Ordinal), allCodes, departments.Values.ToHashSet()));
            if (twice.Contains(row.Code)) found.Add(new FieldViolation(nameof(CatalogueItemInput.Code), "Catalogue.CodeTwiceInImport", row.Code));
            return row with { IsNew = isNew, Errors = found };
        }).ToList();
        return (checkedRows, []);
    }

    /// <summary>The rules that need the database: a department, a code no other item has, prerequisites that exist.</summary>
    private static List<FieldViolation> Check(CatalogueItemInput input, IReadOnlySet<string> otherCodes, IReadOnlySet<string> knownCodes,
        IReadOnlyDictionary<string, int> departments) => Check(input, otherCodes, knownCodes, departments.Values.ToHashSet());

    private static List<FieldViolation> Check(CatalogueItemInput input, IReadOnlySet<string> otherCodes, IReadOnlySet<string> knownCodes, IReadOnlySet<int> departmentIds)
    {
        var errors = new List<FieldViolation>(CatalogueItem.Validate(input));
        Choices.Add<ApprovalLevel>(errors, nameof(input.Level), input.Level);
        Choices.Add<LimitUnit>(errors, nameof(input.Unit), input.Unit);
        Choices.Add<ApprovalStage>(errors, nameof(input.Stage), input.Stage);
        if (!departmentIds.Contains(input.DepartmentUnitId)) errors.Add(new FieldViolation(nameof(input.DepartmentUnitId), "Catalogue.DepartmentRequired"));
        var code = input.Code?.Trim() ?? string.Empty;
        if (code.Length > 0 && otherCodes.Contains(code)) errors.Add(new FieldViolation(nameof(input.Code), "Catalogue.CodeTaken", code));
        var unknown = input.Prerequisites.Select(p => p.Trim()).FirstOrDefault(p => p.Length > 0 && p != code && !knownCodes.Contains(p));
        if (unknown is not null) errors.Add(new FieldViolation(nameof(input.Prerequisites), "Catalogue.PrerequisiteUnknown", unknown));
        // The prerequisites are stored as one column of codes separated by ';'.
        else if (string.Join(';', input.Prerequisites.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct()).Length > PrerequisitesMaxLength)
            errors.Add(new FieldViolation(nameof(input.Prerequisites), TextRules.TooLong, PrerequisitesMaxLength));
        return errors;
    }

    /// <summary>The departments an item may belong to, by code.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> DepartmentsAsync(KashiDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Type == UnitType.Department).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
}
