using System.Globalization;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Web.Resources;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>
/// The prefecture's monthly table as an Excel workbook in the layout officials file: one sheet per table (by county
/// ranked by out-of-region funds to date, by chain, by source region, the units not counted), headings in Chinese
/// whatever the user's language, money in 万元 (said in the heading), a totals row under each table. The returns have
/// no figure by source region: that sheet sums the platform's records of the counted units (<see cref="RegionFunds"/>).
/// </summary>
public sealed class PrefectureTableXlsx(IStringLocalizer<Strings> localizer)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string FileName(StatMonth month) => $"prefecture-monthly-table-{month}.xlsx";

    public byte[] ToBytes(PrefectureMonthlyTable table, IReadOnlyList<RegionFunds> regions)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            var sheets = new Dictionary<string, object>
            {
                [localizer["Statistics.Xlsx.CountySheet"]] = CountyRows(table),
                [localizer["Statistics.Xlsx.ChainSheet"]] = ChainRows(table),
                [localizer["Statistics.Xlsx.RegionSheet"]] = RegionRows(regions),
                [localizer["Statistics.Xlsx.MissingSheet"]] = MissingRows(table),
            };
            using var stream = new MemoryStream();
            stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A figure's column heading: its name, with 万元 for money.</summary>
    public string Heading(FigureCode code) =>
        code.IsMoney() ? localizer["Statistics.Xlsx.MoneyHeading", localizer[$"FigureCode.{code}"].Value] : localizer[$"FigureCode.{code}"];

    private List<Dictionary<string, object?>> CountyRows(PrefectureMonthlyTable table)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var c in table.Counties.OrderBy(r => r.OutOfRegionFundsYtdRank ?? int.MaxValue))
        {
            var row = new Dictionary<string, object?>
            {
                [localizer["Statistics.Table.Rank"]] = c.OutOfRegionFundsYtdRank,
                [localizer["Statistics.Returns.Unit"]] = c.Name,
                [localizer["Statistics.Returns.State"]] = c.Approved ? localizer["ReturnStatus.Approved"].Value
                    : c.Status is { } s ? localizer[$"ReturnStatus.{s}"].Value : localizer["ReturnListState.NotComputed"].Value,
            };
            foreach (var code in FigureCodes.Totals) row[Heading(code)] = c.Approved ? c.Figures.GetValueOrDefault(code) : null;
            row[localizer["Statistics.Table.Growth"]] = GrowthText(c.OutOfRegionFundsYtdGrowth);
            rows.Add(row);
        }
        var total = new Dictionary<string, object?>
        {
            [localizer["Statistics.Table.Rank"]] = null,
            [localizer["Statistics.Returns.Unit"]] = localizer["Statistics.Table.Total"].Value,
            [localizer["Statistics.Returns.State"]] = table.Missing.Count == 0 ? null : localizer["Statistics.Xlsx.TotalExcludes", table.Missing.Count].Value,
        };
        foreach (var code in FigureCodes.Totals) total[Heading(code)] = table.Totals.GetValueOrDefault(code);
        total[localizer["Statistics.Table.Growth"]] = GrowthText(table.Growth.GetValueOrDefault(FigureCode.OutOfRegionFundsYtd, Growth.NoComparison));
        rows.Add(total);
        return rows;
    }

    private List<Dictionary<string, object?>> ChainRows(PrefectureMonthlyTable table)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var chain in table.Chains)
        {
            var row = new Dictionary<string, object?> { [localizer["Project.Chain"]] = chain.Name };
            foreach (var code in FigureCodes.ByChain) row[Heading(code)] = chain.Figures.GetValueOrDefault(code);
            rows.Add(row);
        }
        var total = new Dictionary<string, object?> { [localizer["Project.Chain"]] = localizer["Statistics.Table.Total"].Value };
        foreach (var code in FigureCodes.ByChain) total[Heading(code)] = table.Chains.Sum(c => c.Figures.GetValueOrDefault(code));
        rows.Add(total);
        return rows;
    }

    private List<Dictionary<string, object?>> RegionRows(IReadOnlyList<RegionFunds> regions)
    {
        string region = localizer["Statistics.Xlsx.Region"], outOfRegion = Heading(FigureCode.OutOfRegionFundsYtd), funds = Heading(FigureCode.FundsYtd);
        var rows = regions.Select(r => new Dictionary<string, object?>
        {
            [region] = localizer[$"SourceRegionCode.{r.Region}"].Value,
            [outOfRegion] = r.OutOfRegionFundsYtd,
            [funds] = r.FundsYtd,
        }).ToList();
        rows.Add(new Dictionary<string, object?>
        {
            [region] = localizer["Statistics.Table.Total"].Value,
            [outOfRegion] = regions.Sum(r => r.OutOfRegionFundsYtd),
            [funds] = regions.Sum(r => r.FundsYtd),
        });
        rows.Add(new Dictionary<string, object?> { [region] = localizer["Statistics.Xlsx.RegionNote"].Value, [outOfRegion] = null, [funds] = null });
        return rows;
    }

    private List<Dictionary<string, object?>> MissingRows(PrefectureMonthlyTable table)
    {
        var rows = table.Missing.Select(m => new Dictionary<string, object?>
        {
            [localizer["Statistics.Returns.Unit"]] = m.Name,
            [localizer["Statistics.Returns.State"]] = m.Status is { } s ? localizer[$"ReturnStatus.{s}"].Value : localizer["ReturnListState.NotComputed"].Value,
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?>
            {
                [localizer["Statistics.Returns.Unit"]] = localizer["Statistics.Table.NoneMissing"].Value,
                [localizer["Statistics.Returns.State"]] = null,
            });
        }
        return rows;
    }

    private string GrowthText(Growth growth) => growth.Kind switch
    {
        GrowthKind.Percent => string.Format(CultureInfo.InvariantCulture, "{0:+0.0;-0.0;0.0}%", growth.Percent),
        GrowthKind.New => localizer["Statistics.Growth.New"],
        _ => "—",
    };
}
