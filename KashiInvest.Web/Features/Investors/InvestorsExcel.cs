using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Investors;

/// <summary>The investor library (客商信息库) as a workbook: the investors the library lists for the user's scope and filters.</summary>
public static class InvestorsExcel
{
    public static ExcelSheet<InvestorCard> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Leads.Tab.Investors", "investors",
    [
        new("Investor.Name", ExcelKind.Text, c => c.Name),
        new("Investor.CreditCode", ExcelKind.Text, c => c.CreditCode),
        new("Investor.Tier", ExcelKind.Text, c => t.Tiers(c.Tiers)),
        new("Investor.Region", ExcelKind.Choice, c => t.Enum(c.Region)),
        new("Excel.Col.Leads", ExcelKind.Count, c => c.Leads.Count),
        new("Excel.Col.Projects", ExcelKind.Text, c => string.Join(Localized.IsChinese ? "、" : ", ", c.Leads.Select(l => $"{l.ProjectName}（{l.ProjectCode}）"))),
        new("Excel.Col.Intentions", ExcelKind.Count, c => c.Intentions.Count),
        new("Excel.Col.Latest", ExcelKind.Date, c => c.LatestUtc),
    ]);

    public static ExcelFilters Describe(InvestorFilter f, UiText t, ReferenceCache.Snapshot reference) => new ExcelFilters()
        .When("Investors.Filter.Text", f.Text)
        .When("Project.Chain", f.ChainId is { } chain ? reference.ChainName(chain) : null)
        .When("Investor.Region", f.Region is { } region ? t.Enum(region) : null)
        .When("Leads.Filter.Unit", f.UnitId is { } unit ? reference.UnitName(unit) : null)
        .When("Investors.Filter.Week", f.Week is { } w ? t["Weekly.WeekShort", w.IsoYear, w.IsoWeek] : null);

    public static ExcelFile Export(ExcelExporter exporter, UiText t, ReferenceCache.Snapshot reference, IEnumerable<InvestorCard> cards, InvestorFilter filter) =>
        exporter.Export(Sheet(t, reference), cards, Describe(filter, t, reference));
}
