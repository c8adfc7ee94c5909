using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Problems;

/// <summary>The problem ledger as a workbook: the entries the ledger lists for the user's scope and filters, in its order.</summary>
public static class LedgerExcel
{
    public static ExcelSheet<LedgerCard> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Ledger.Title", "problem-ledger",
    [
        new("Project.Code", ExcelKind.Text, c => c.ProjectCode),
        new("Ledger.Field.Project", ExcelKind.Text, c => c.ProjectName),
        new("Project.HostUnit", ExcelKind.Choice, c => reference.UnitName(c.HostUnitId)),
        new("Project.Chain", ExcelKind.Choice, c => reference.ChainName(c.ChainId)),
        new("Ledger.Field.Category", ExcelKind.Choice, c => t.Enum(c.Category)),
        new("Ledger.Field.Factor", ExcelKind.Choice, c => c.Factor is { } f ? t.Enum(f) : null),
        new("Ledger.Field.Description", ExcelKind.Text, c => c.Description),
        new("Ledger.Field.Severity", ExcelKind.Choice, c => t.Enum(c.Severity)),
        new("Excel.Col.Status", ExcelKind.Choice, c => t.Enum(c.Status)),
        new("Ledger.Filter.Level", ExcelKind.Choice, c => t.Enum(c.Level)),
        new("Ledger.Field.OwnerUnit", ExcelKind.Choice, c => reference.UnitName(c.OwnerUnitId)),
        new("Ledger.Field.Due", ExcelKind.Date, c => c.DueOn),
        new("Excel.Col.DaysOverdue", ExcelKind.Count, c => c.DaysOverdue > 0 ? c.DaysOverdue : null),
        new("Excel.Col.RaisedBy", ExcelKind.Text, c => c.RaisedBy),
        new("Excel.Col.RaisedAt", ExcelKind.DateTime, c => c.RaisedAtUtc),
        new("Ledger.Field.Resolution", ExcelKind.Text, c => c.Resolution),
    ]);

    public static ExcelFilters Describe(LedgerFilter f, UiText t, ReferenceCache.Snapshot reference, string? projectName) => new ExcelFilters()
        .When("Ledger.Filter.Text", f.Text)
        .When("Ledger.Filter.County", f.HostUnitId is { } host ? reference.UnitName(host) : null)
        .When("Project.Chain", f.ChainId is { } chain ? reference.ChainName(chain) : null)
        .When("Ledger.Field.Category", f.Category is { } category ? t.Enum(category) : null)
        .When("Ledger.Field.Severity", f.Severity is { } severity ? t.Enum(severity) : null)
        .When("Ledger.Filter.Level", f.Level is { } level ? t.Enum(level) : null)
        .When("Ledger.Filter.Project", f.ProjectId is not null ? projectName ?? $"#{f.ProjectId}" : null)
        .When("Ledger.Filter.Overdue", f.OverdueOnly ? t["Excel.Yes"] : null)
        .When("Ledger.Filter.AwaitingPrefecture", f.AwaitingPrefecture ? t["Excel.Yes"] : null);

    public static ExcelFile Export(ExcelExporter exporter, UiText t, ReferenceCache.Snapshot reference, IEnumerable<LedgerCard> cards,
        LedgerFilter filter, string? projectName = null) =>
        exporter.Export(Sheet(t, reference), cards, Describe(filter, t, reference, projectName));
}
