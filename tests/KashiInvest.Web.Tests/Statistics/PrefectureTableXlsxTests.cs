using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KashiInvest.Web.Tests.Statistics;

/// <summary>
/// The prefecture's monthly table as a workbook, opened again with MiniExcel: one sheet per table with Chinese
/// headings (money in 万元 said in the heading) whatever the user's language, the figures of the approved returns,
/// a totals row, and the units not counted.
/// </summary>
public sealed class PrefectureTableXlsxTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static StatMonth Latest => StatMonth.Containing(TestClock.Default.UtcNow).Previous();

    private static List<IDictionary<string, object?>> Sheet(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];
    }

    private async Task<byte[]> WorkbookAsync(PrefectureMonthlyTable table)
    {
        var regions = (await database.Services.GetRequiredService<StatisticsChartsQuery>()
            .ReadAsync(await database.ScopeOfAsync("bureau", Domain.Access.ActorRole.Bureau), table.Month))!.Regions;
        return database.Services.GetRequiredService<PrefectureTableXlsx>().ToBytes(table, regions);
    }

    private static decimal Number(object? cell) => Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_workbook_has_a_sheet_per_table_with_Chinese_headings_the_approved_figures_and_the_totals()
    {
        using var _ = new UiCulture("en");
        var table = await database.Services.GetRequiredService<PrefectureMonthlyTableQuery>().ReadAsync(Latest.Previous());
        var bytes = await WorkbookAsync(table);

        using (var stream = new MemoryStream(bytes)) Assert.Equal(["分县市", "分产业链", "分来源地区", "未纳入汇总单位"], stream.GetSheetNames());

        var counties = Sheet(bytes, "分县市");
        Assert.Equal(["排名", "填报单位", "状态"], counties[0].Keys.Take(3));
        Assert.Contains("本年累计区外到位资金（万元）", counties[0].Keys);
        Assert.Contains("本年累计签约项目（个）", counties[0].Keys);
        Assert.Equal(table.Counties.Count + 1, counties.Count);

        // A known figure: the first-ranked unit's out-of-region funds to date.
        var first = table.Counties.Single(c => c.OutOfRegionFundsYtdRank == 1);
        Assert.Equal((first.Name, 1m), ((string)counties[0]["填报单位"]!, Number(counties[0]["排名"])));
        Assert.Equal(first.Figures[FigureCode.OutOfRegionFundsYtd], Number(counties[0]["本年累计区外到位资金（万元）"]));

        // The totals row: the sums of the approved returns.
        var total = counties[^1];
        Assert.Equal("合计", total["填报单位"]);
        Assert.Equal(table.Totals[FigureCode.FundsYtd], Number(total["本年累计到位资金（万元）"]));
        Assert.Equal(table.Counties.Sum(c => c.Figures[FigureCode.OutOfRegionFundsYtd]), Number(total["本年累计区外到位资金（万元）"]));

        var chains = Sheet(bytes, "分产业链");
        Assert.Equal("产业链", chains[0].Keys.First());
        Assert.Equal(table.Chains.Count + 1, chains.Count);
        Assert.Equal(table.Chains.Sum(c => c.Figures[FigureCode.FundsYtd]), Number(chains[^1]["本年累计到位资金（万元）"]));

        // By source region (from the projects' reports, the returns having none): the regions, their total, and the note saying so.
        var regions = Sheet(bytes, "分来源地区");
        Assert.Equal(["来源地区", "本年累计区外到位资金（万元）", "本年累计到位资金（万元）"], regions[0].Keys);
        Assert.Equal("合计", regions[^2]["来源地区"]);
        Assert.Equal(regions.SkipLast(2).Sum(r => Number(r["本年累计区外到位资金（万元）"])), Number(regions[^2]["本年累计区外到位资金（万元）"]));
        Assert.True(Number(regions[^2]["本年累计区外到位资金（万元）"]) > 0m);
        Assert.StartsWith("注：", (string)regions[^1]["来源地区"]!, StringComparison.Ordinal);

        // Every unit approved that month: the list of units not counted says so.
        Assert.Empty(table.Missing);
        Assert.Equal("全部单位月报已审核，均已纳入汇总", Assert.Single(Sheet(bytes, "未纳入汇总单位"))["填报单位"]);
    }

    [Fact]
    public async Task A_month_under_review_lists_the_units_not_counted_and_leaves_their_figures_empty()
    {
        var table = await database.Services.GetRequiredService<PrefectureMonthlyTableQuery>().ReadAsync(Latest);
        var bytes = await WorkbookAsync(table);

        var missing = Sheet(bytes, "未纳入汇总单位");
        Assert.Equal(table.Missing.Select(m => m.Name), missing.Select(r => (string)r["填报单位"]!));
        Assert.Contains(missing, r => (string)r["状态"]! == "已退回");
        var counties = Sheet(bytes, "分县市");
        Assert.All(counties.SkipLast(1), r => Assert.Null(r["本年累计到位资金（万元）"]));
        Assert.Equal(0m, Number(counties[^1]["本年累计到位资金（万元）"]));
        Assert.Contains($"不含{table.Missing.Count}个未审核单位", (string)counties[^1]["状态"]!);
    }
}
