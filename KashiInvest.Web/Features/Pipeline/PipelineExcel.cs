using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Pipeline;

/// <summary>The pipeline board as a workbook: its cards column by column (stage order, largest first), as the board shows them.</summary>
public static class PipelineExcel
{
    public static ExcelSheet<PipelineCard> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Pipeline.Title", "pipeline",
    [
        new("Project.Code", ExcelKind.Text, c => c.Code),
        new("Project.Name", ExcelKind.Text, c => c.Name),
        new("Project.HostUnit", ExcelKind.Choice, c => reference.UnitName(c.HostUnitId)),
        new("Project.Chain", ExcelKind.Choice, c => reference.ChainName(c.ChainId)),
        new("Project.Investor", ExcelKind.Text, c => c.InvestorName),
        new("Investor.Tier", ExcelKind.Text, c => t.Tiers(c.Tiers)),
        new("Investor.Region", ExcelKind.Choice, c => t.Enum(c.Region)),
        new("Project.Stage", ExcelKind.Choice, c => t.Enum(c.Stage)),
        new("Excel.Col.KeyProject", ExcelKind.Choice, c => c.IsKey ? t["Excel.Yes"] : t["Excel.No"]),
        new("Project.PlannedInvestment", ExcelKind.Money, c => c.PlannedWan),
        new("Excel.Col.Health", ExcelKind.Choice, c => t.Enum(c.Status)),
    ]);

    public static ExcelFilters Describe(PipelineFilter f, UiText t, ReferenceCache.Snapshot reference) => new ExcelFilters()
        .When("Pipeline.Filter.Text", f.Text)
        .When("Pipeline.Filter.Host", f.HostUnitId is { } host ? reference.UnitName(host) : null)
        .When("Project.Chain", f.ChainId is { } chain ? reference.ChainName(chain) : null)
        .When("Investor.Tier", f.Tier is { } tier ? t.Enum(tier) : null)
        .When("Investor.Region", f.Region is { } region ? t.Enum(region) : null);

    public static ExcelFile Export(ExcelExporter exporter, UiText t, ReferenceCache.Snapshot reference, IEnumerable<PipelineCard> cards, PipelineFilter filter) =>
        exporter.Export(Sheet(t, reference), PipelineBoard.Build(cards).SelectMany(c => c.Cards), Describe(filter, t, reference));
}
