using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Targets;

/// <summary>The target-enterprise library as a workbook: the targets the library lists for the user's scope and filters.</summary>
public static class TargetsExcel
{
    /// <summary>The heading keys of the columns an import reads (also the columns' identity in a preview).</summary>
    public static class Columns
    {
        public const string Name = "Targets.Name";
        public const string CreditCode = "Investor.CreditCode";
        public const string Chain = "Project.Chain";
        public const string Link = "Project.ChainLink";
        public const string Region = "Targets.Region";
        public const string Tiers = "Investor.Tier";
        public const string Notes = "Targets.Notes";
    }

    /// <summary>
    /// The library's columns, declared once for the export, the import template, the preview and the import: the
    /// priority (from the region) and the pushes are the platform's (export only). Tiers are one cell listing the
    /// tiers by name (separated by 、 , ; or spaces); the chain link is read by its name within the row's chain.
    /// </summary>
    public static ExcelSheet<TargetRow> Sheet(UiText t, ReferenceCache.Snapshot reference)
    {
        var zh = Localized.IsChinese;
        var chain = reference.Chains.FirstOrDefault();
        return new("Targets.Title", "targets",
        [
            new(Columns.Name, ExcelKind.Text, r => r.Name) { Required = true, MaxLength = Investor.NameMaxLength, Example = zh ? "深圳某新能源科技股份有限公司" : "Shenzhen New Energy Tech Co., Ltd." },
            new(Columns.CreditCode, ExcelKind.Text, r => r.CreditCode) { MaxLength = 30, Example = CreditCode.Complete("91440300MA5FXK2T3").Value },
            new ExcelColumn<TargetRow>(Columns.Chain, ExcelKind.Choice, r => reference.ChainName(r.ChainId)) { Required = true, Example = chain?.Display }
                .With(ExcelChoices.Named(reference.Chains, c => c.Id, c => c.Display, c => [c.Name, c.NameEn, c.Code])),
            new(Columns.Link, ExcelKind.Text, r => reference.Link(r.LinkId)?.Display) { MaxLength = 100, Example = chain?.Links.FirstOrDefault()?.Display },
            new ExcelColumn<TargetRow>(Columns.Region, ExcelKind.Choice, r => t.Enum(r.Region)) { Required = true, Example = t.Enum(SourceRegionCode.PearlRiverDelta) }
                .With(ExcelChoices.Enum(t, Enum.GetValues<SourceRegionCode>())),
            new("Targets.Priority", ExcelKind.Choice, r => t[$"Targets.Priority.{r.Priority}"]) { Use = ExcelUse.ExportOnly },
            new(Columns.Tiers, ExcelKind.Text, r => t.Tiers(r.Tiers)) { MaxLength = 200, Example = t.Tiers(InvestorTier.Listed | InvestorTier.LittleGiant) },
            new("Targets.PushedTo", ExcelKind.Text, r => string.Join(Localized.IsChinese ? "、" : ", ",
                r.Pushes.Select(p => $"{reference.UnitName(p.UnitId)}（{t.Enum(p.Status)}）"))) { Use = ExcelUse.ExportOnly },
            new(Columns.Notes, ExcelKind.Text, r => r.Notes) { MaxLength = TargetEnterprise.NotesMaxLength },
        ]);
    }

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
