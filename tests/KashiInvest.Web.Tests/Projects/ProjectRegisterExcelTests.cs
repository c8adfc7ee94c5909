using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>
/// The register's export, opened again as a real .xlsx: exactly the rows the register lists for the user's scope and
/// filters, a title row naming the filters and the time of export in Beijing time, a frozen heading row in the user's
/// language, money in 万元 as numbers with a number format, dates as Beijing days, and widths that fit.
/// </summary>
public sealed class ProjectRegisterExcelTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private async Task<ExcelFile> ExportAsync(UserScope scope, RegisterFilter filter) =>
        await ProjectRegisterExcel.ExportAsync(scope, filter, null, true, Get<ProjectRegisterQuery>(), Get<ReferenceCache>(), Get<UiText>(), Get<ExcelExporter>());

    private async Task<IReadOnlyList<RegisterRow>> ScreenAsync(UserScope scope, RegisterFilter filter) =>
        (await Get<ProjectRegisterQuery>().RunAsync(scope, filter, null, true, 0, ProjectRegisterQuery.MaxPageSize)).Rows;

    [Fact]
    public async Task A_county_exports_exactly_its_register_in_Chinese_with_a_title_row_a_frozen_heading_and_money_as_numbers()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var screen = await ScreenAsync(scope, new RegisterFilter());
        Assert.NotEmpty(screen);

        var file = await ExportAsync(scope, new RegisterFilter());
        using var xlsx = new XlsxFile(file.Bytes);

        Assert.Equal("项目台账", xlsx.SheetName);
        Assert.StartsWith("projects-", file.FileName, StringComparison.Ordinal);
        var title = xlsx.Text("A1")!;
        Assert.Contains("项目台账", title, StringComparison.Ordinal);
        Assert.Contains("全部", title, StringComparison.Ordinal);
        // The export time in Beijing time (the suite's clock, eight hours ahead of UTC).
        Assert.Contains(UiText.DateTime(TestClock.Default.UtcNow), title, StringComparison.Ordinal);
        Assert.Equal(["项目编号", "项目名称", "引资单位", "产业链", "投资企业", "客商类别", "阶段", "专班", "计划投资（万元）", "带动就业", "更新日期"],
            xlsx.RowTexts(2));
        Assert.Equal("A3", xlsx.FrozenPane?.TopLeftCell?.Value);
        Assert.Equal(2d, xlsx.FrozenPane?.VerticalSplit?.Value);

        // Every row of the screen, in the screen's order, and nothing else (another county's projects stay out).
        Assert.Equal(screen.Count + 2, xlsx.Rows.Count);
        Assert.Equal(screen.Select(r => r.Code), xlsx.Rows.Skip(2).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText));
        var first = screen[0];
        Assert.Equal(first.InvestmentWan, decimal.Parse(xlsx.Text("I3")!, CultureInfo.InvariantCulture));
        Assert.Equal("#,##0.00", xlsx.NumberFormat("I3"));
        Assert.Equal("#,##0", xlsx.NumberFormat("J3"));
        Assert.Equal("yyyy-mm-dd", xlsx.NumberFormat("K3"));
        var day = DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(xlsx.Text("K3")!, CultureInfo.InvariantCulture)));
        Assert.Equal(Domain.Common.BeijingTime.DateOf(first.UpdatedAtUtc), day);

        // The name column is wider than the jobs column: widths follow the values.
        var widths = xlsx.Columns.Select(c => c.Width!.Value).ToList();
        Assert.True(widths[1] > widths[9], $"name {widths[1]} vs jobs {widths[9]}");
        // A file Excel opens without repairing it.
        Assert.Empty(xlsx.SchemaErrors());
    }

    [Fact]
    public async Task The_export_follows_the_filters_and_names_them_in_English_for_an_English_user()
    {
        using var _ = new UiCulture("en");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var all = await ScreenAsync(scope, new RegisterFilter());
        var chainId = all.GroupBy(r => r.ChainId).OrderByDescending(g => g.Count()).First().Key;
        var filter = new RegisterFilter { ChainId = chainId, MinWan = 1 };
        var screen = await ScreenAsync(scope, filter);
        Assert.True(screen.Count < all.Count);

        var file = await ExportAsync(scope, filter);
        using var xlsx = new XlsxFile(file.Bytes);

        var chain = (await Get<ReferenceCache>().GetAsync()).Chain(chainId)!;
        var title = xlsx.Text("A1")!;
        Assert.Contains("Project register", title, StringComparison.Ordinal);
        Assert.Contains($"Industry chain: {chain.NameEn}", title, StringComparison.Ordinal);
        Assert.Equal("Planned investment (10,000 CNY)", xlsx.RowTexts(2)[8]);
        Assert.Equal(screen.Select(r => r.Code), xlsx.Rows.Skip(2).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText));
        Assert.All(xlsx.Rows.Skip(2), r => Assert.Equal(chain.NameEn, r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(3).InnerText));
    }

    [Fact]
    public void The_link_carries_the_filters_the_endpoint_reads_back()
    {
        var filter = new RegisterFilter { HostUnitId = 3, ChainId = 5, Stage = ProjectStage.Signed, Tiered = true, Level = WorkGroupLevel.CountyWorkGroup, MinWan = 1000.5m, MaxWan = 9000, Search = "纺织" };
        var link = ProjectRegisterExcel.Link(filter);
        Assert.StartsWith(ProjectRegisterExcel.Route + "?", link, StringComparison.Ordinal);
        var query = new QueryCollection(QueryHelpers.ParseQuery(new Uri("http://x" + link).Query));
        Assert.Equal(filter, ProjectRegisterExcel.Filter(query));
        Assert.Equal(new RegisterFilter(), ProjectRegisterExcel.Filter(new QueryCollection(QueryHelpers.ParseQuery("?stage=Nope&host=x&min=abc"))));
    }
}
