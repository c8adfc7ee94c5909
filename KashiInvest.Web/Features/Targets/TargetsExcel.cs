using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Targets;

/// <summary>The target-enterprise library as a workbook: the targets the library lists for the user's scope and filters.</summary>
public static class TargetsExcel
{
    public static ExcelSheet<TargetRow> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Targets.Title", "targets",
    [
        new("Targets.Name", ExcelKind.Text, r => r.Name),
        new("Investor.CreditCode", ExcelKind.Text, r => r.CreditCode),
        new("Project.Chain", ExcelKind.Choice, r => reference.ChainName(r.ChainId)),
        new("Project.ChainLink", ExcelKind.Choice, r => reference.Link(r.LinkId)?.Display),
        new("Targets.Region", ExcelKind.Choice, r => t.Enum(r.Region)),
        new("Targets.Priority", ExcelKind.Choice, r => t[$"Targets.Priority.{r.Priority}"]),
        new("Investor.Tier", ExcelKind.Text, r => t.Tiers(r.Tiers)),
        new("Targets.PushedTo", ExcelKind.Text, r => string.Join(Localized.IsChinese ? "、" : ", ",
            r.Pushes.Select(p => $"{reference.UnitName(p.UnitId)}（{t.Enum(p.Status)}）"))),
        new("Targets.Notes", ExcelKind.Text, r => r.Notes),
    ]);

    public static ExcelFilters Describe(TargetFilter f, UiText t, ReferenceCache.Snapshot reference) => new ExcelFilters()
        .When("Targets.Filter.Text", f.Text)
        .When("Project.Chain", f.ChainId is { } chain ? reference.ChainName(chain) : null)
        .When("Project.ChainLink", reference.Link(f.LinkId)?.Display)
        .When("Targets.Region", f.Region is { } region ? t.Enum(region) : null)
        .When("Investor.Tier", f.Tier is { } tier ? t.Enum(tier) : null)
        .When("Targets.Priority", f.Priority is { } p ? t[$"Targets.Priority.{p}"] : null)
        .When("Targets.Status", f.Status is { } s ? t.Enum(s) : null);

    public static ExcelFile Export(ExcelExporter exporter, UiText t, ReferenceCache.Snapshot reference, IEnumerable<TargetRow> rows, TargetFilter filter) =>
        exporter.Export(Sheet(t, reference), rows, Describe(filter, t, reference));
}
