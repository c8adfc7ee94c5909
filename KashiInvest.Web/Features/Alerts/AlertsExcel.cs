using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Alerts;

/// <summary>The alerts list as a workbook: the alerts the page lists for the user's scope and filters, each with its reason in words.</summary>
public static class AlertsExcel
{
    public static ExcelSheet<AlertRow> Sheet(UiText t, AlertWords words, ReferenceCache.Snapshot reference) => new("Alerts.Title", "alerts",
    [
        new("Alerts.Filter.Type", ExcelKind.Choice, r => words.Kind(r.Kind)),
        new("Alerts.Filter.Severity", ExcelKind.Choice, r => words.Severity(r.Severity)),
        new("Excel.Col.Reason", ExcelKind.Text, r => words.Reason(r)),
        new("Ledger.Field.Project", ExcelKind.Text, r => r.ProjectName),
        new("Project.HostUnit", ExcelKind.Choice, r => r.HostUnitId is { } host ? reference.UnitName(host) : null),
        new("Project.Chain", ExcelKind.Choice, r => r.ChainId is { } chain ? reference.ChainName(chain) : null),
        new("Alerts.RaisedAt", ExcelKind.DateTime, r => r.RaisedAtUtc),
        new("Alerts.AcknowledgedBy", ExcelKind.Text, r => r.AcknowledgedBy),
        new("Alerts.ClearedAt", ExcelKind.DateTime, r => r.ClearedAtUtc),
    ]);

    public static ExcelFilters Describe(AlertFilter f, UiText t, AlertWords words, ReferenceCache.Snapshot reference) => new ExcelFilters()
        .When("Ledger.Filter.County", f.HostUnitId is { } host ? reference.UnitName(host) : null)
        .When("Project.Chain", f.ChainId is { } chain ? reference.ChainName(chain) : null)
        .When("Alerts.Filter.Type", f.Kind is { } kind ? words.Kind(kind) : null)
        .When("Alerts.Filter.Severity", f.Severity is { } severity ? words.Severity(severity) : null)
        .When("Alerts.Filter.State", t[$"Alerts.State.{f.State}"])
        .When("Ledger.Field.Project", f.ProjectId is { } id ? $"#{id}" : null);

    public static ExcelFile Export(ExcelExporter exporter, UiText t, AlertWords words, ReferenceCache.Snapshot reference, IEnumerable<AlertRow> rows, AlertFilter filter) =>
        exporter.Export(Sheet(t, words, reference), rows, Describe(filter, t, words, reference));
}
