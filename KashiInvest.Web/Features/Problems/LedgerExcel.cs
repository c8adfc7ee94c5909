using KashiInvest.Domain.Problems;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Problems;

/// <summary>The problem ledger as a workbook: the entries the ledger lists for the user's scope and filters, in its order.</summary>
public static class LedgerExcel
{
    /// <summary>The heading keys of the columns an import reads (also the columns' identity in a preview).</summary>
    public static class Columns
    {
        public const string Code = "Project.Code";
        public const string Category = "Ledger.Field.Category";
        public const string Factor = "Ledger.Field.Factor";
        public const string Description = "Ledger.Field.Description";
        public const string Severity = "Ledger.Field.Severity";
        public const string Owner = "Ledger.Field.OwnerUnit";
        public const string Due = "Ledger.Field.Due";
    }

    /// <summary>
    /// The ledger's columns, declared once for the export, the import template, the preview and the import: an import
    /// names the project by its code and records a new entry (category, factor, description, severity, owner, due day);
    /// the project's name, host and chain, the status, level, who raised it and the resolution are the platform's.
    /// </summary>
    public static ExcelSheet<LedgerCard> Sheet(UiText t, ReferenceCache.Snapshot reference)
    {
        var zh = Localized.IsChinese;
        return new("Ledger.Title", "problem-ledger",
        [
            new(Columns.Code, ExcelKind.Text, c => c.ProjectCode) { Required = true, MaxLength = 30, Example = "KS-2026-0001" },
            new("Ledger.Field.Project", ExcelKind.Text, c => c.ProjectName) { Use = ExcelUse.ExportOnly },
            new("Project.HostUnit", ExcelKind.Choice, c => reference.UnitName(c.HostUnitId)) { Use = ExcelUse.ExportOnly },
            new("Project.Chain", ExcelKind.Choice, c => reference.ChainName(c.ChainId)) { Use = ExcelUse.ExportOnly },
            new ExcelColumn<LedgerCard>(Columns.Category, ExcelKind.Choice, c => t.Enum(c.Category)) { Required = true, Example = t.Enum(ProblemCategory.FactorSupply) }
                .With(ExcelChoices.Enum(t, Enum.GetValues<ProblemCategory>())),
            new ExcelColumn<LedgerCard>(Columns.Factor, ExcelKind.Choice, c => c.Factor is { } f ? t.Enum(f) : null) { Example = t.Enum(FactorKind.Power) }
                .With(ExcelChoices.Enum(t, Enum.GetValues<FactorKind>())),
            new(Columns.Description, ExcelKind.Text, c => c.Description) { Required = true, MaxLength = Problem.TextMaxLength, Example = zh ? "110千伏专线接入未落实" : "110 kV line connection not yet arranged" },
            new ExcelColumn<LedgerCard>(Columns.Severity, ExcelKind.Choice, c => t.Enum(c.Severity)) { Required = true, Example = t.Enum(ProblemSeverity.High) }
                .With(ExcelChoices.Enum(t, Enum.GetValues<ProblemSeverity>())),
            new("Excel.Col.Status", ExcelKind.Choice, c => t.Enum(c.Status)) { Use = ExcelUse.ExportOnly },
            new("Ledger.Filter.Level", ExcelKind.Choice, c => t.Enum(c.Level)) { Use = ExcelUse.ExportOnly },
            new ExcelColumn<LedgerCard>(Columns.Owner, ExcelKind.Choice, c => reference.UnitName(c.OwnerUnitId))
                .With(ExcelChoices.Named(reference.Units, u => u.Id, u => u.Display, u => [u.Name, u.NameEn, u.Code])),
            new(Columns.Due, ExcelKind.Date, c => c.DueOn) { Required = true, Example = new DateOnly(2027, 6, 30) },
            new("Excel.Col.DaysOverdue", ExcelKind.Count, c => c.DaysOverdue > 0 ? c.DaysOverdue : null) { Use = ExcelUse.ExportOnly },
            new("Excel.Col.RaisedBy", ExcelKind.Text, c => c.RaisedBy) { Use = ExcelUse.ExportOnly },
            new("Excel.Col.RaisedAt", ExcelKind.DateTime, c => c.RaisedAtUtc) { Use = ExcelUse.ExportOnly },
            new("Ledger.Field.Resolution", ExcelKind.Text, c => c.Resolution) { Use = ExcelUse.ExportOnly },
        ]);
    }

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
