using KashiInvest.Domain.Reports;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Reports;

/// <summary>The reports inbox as a workbook: the owed reports the inbox lists for the user's scope and filters, in its order.</summary>
public static class ReportInboxExcel
{
    public static ExcelSheet<InboxRow> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Reports.Title", "reports",
    [
        new("Project.Code", ExcelKind.Text, r => r.Project.Code),
        new("Project.Name", ExcelKind.Text, r => r.Project.Name),
        new("Project.HostUnit", ExcelKind.Choice, r => reference.UnitName(r.Project.HostUnitId)),
        new("Project.Chain", ExcelKind.Choice, r => reference.ChainName(r.Project.ChainId)),
        new("Reports.Period", ExcelKind.Text, r => t.Period(r.Period)),
        new("Reports.DueOn", ExcelKind.Date, r => r.DueOn),
        new("Reports.State", ExcelKind.Choice, r => t.Enum(r.State)),
        new("Excel.Col.DaysOverdue", ExcelKind.Count, r => r.DaysOverdue > 0 ? r.DaysOverdue : null),
        new("Reports.SubmittedAt", ExcelKind.DateTime, r => r.SubmittedAtUtc),
        new("Reports.Revision", ExcelKind.Count, r => r.Revision > 0 ? r.Revision : null),
    ]);

    public static ExcelFilters Describe(UiText t, ReferenceCache.Snapshot reference, string? search, ObligationState? state, int? chainId, int? hostId, bool history) => new ExcelFilters()
        .When("Reports.Search", search)
        .When("Project.HostUnit", hostId is { } host ? reference.UnitName(host) : null)
        .When("Project.Chain", chainId is { } chain ? reference.ChainName(chain) : null)
        .When("Reports.State", state is { } s ? t.Enum(s) : null)
        .When("Reports.ShowHistory", history ? t["Excel.Yes"] : null);

    public static ExcelFile Export(ExcelExporter exporter, UiText t, ReferenceCache.Snapshot reference, IEnumerable<InboxRow> rows, ExcelFilters filters) =>
        exporter.Export(Sheet(t, reference), rows, filters);
}
