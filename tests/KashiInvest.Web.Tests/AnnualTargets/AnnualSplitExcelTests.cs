using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Assessment;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Features.AnnualTargets;
using KashiInvest.Web.Resources;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Tests.AnnualTargets;

/// <summary>
/// The split's Excel export on the demo's targets, opened again as a real .xlsx: the Bureau's file has every unit of
/// every sequence and each sequence's remainder; a county's holds only its own line. And the far-behind alert in words.
/// </summary>
public sealed class AnnualSplitExcelTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private UiText T => Get<UiText>();

    private int ThisYear => Domain.Common.BeijingTime.Today(Get<TimeProvider>()).Year;

    [Fact]
    public async Task The_bureaus_export_has_every_units_share_and_each_sequences_remainder()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await Get<ReferenceCache>().GetAsync();
        var view = await Get<AnnualTargetCommands>().ReadAsync(scope, ThisYear);
        var target = view.Targets.Single(t => t.Indicator == AnnualIndicator.OutOfRegionFunds);
        Assert.NotNull(target.Amount);

        var file = AnnualSplitExcel.Export(Get<ExcelExporter>(), T, view, AnnualIndicator.OutOfRegionFunds, reference, seesAll: true);

        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Contains("年度目标分解", xlsx.Text("A1"), StringComparison.Ordinal);
        Assert.Contains("区外到位资金", xlsx.Text("A1"), StringComparison.Ordinal);
        var units = view.Progress.Count(p => p.Indicator == AnnualIndicator.OutOfRegionFunds);
        var sequences = Enum.GetValues<AssessmentSequence>().Length;
        Assert.Equal(2 + units + sequences, xlsx.Rows.Count);
        var remainders = Enumerable.Range(3, units + sequences).Where(r => xlsx.Text($"B{r}") == "（剩余未分解）").ToList();
        Assert.Equal(sequences, remainders.Count);
        foreach (var row in remainders)
        {
            // The demo splits each sequence in full: nothing left, written as a number in 万元.
            Assert.Equal(0m, decimal.Parse(xlsx.Text($"C{row}")!, CultureInfo.InvariantCulture));
            Assert.Equal("#,##0.00", xlsx.NumberFormat($"C{row}"));
        }
        var shache = reference.Units.Single(u => u.Code == "shache");
        var line = Enumerable.Range(3, units + sequences).Single(r => xlsx.Text($"B{r}") == shache.Display);
        Assert.Equal(target.Shares[shache.Id], decimal.Parse(xlsx.Text($"C{line}")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_countys_export_holds_only_its_own_line_and_no_remainder()
    {
        using var _ = new UiCulture("en");
        var scope = await database.ScopeOfAsync("shache");
        var reference = await Get<ReferenceCache>().GetAsync();
        var view = await Get<AnnualTargetCommands>().ReadAsync(scope, ThisYear);

        var file = AnnualSplitExcel.Export(Get<ExcelExporter>(), T, view, AnnualIndicator.SignedProjects, reference, seesAll: false);

        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Equal(3, xlsx.Rows.Count);
        Assert.Equal(reference.Units.Single(u => u.Id == scope.UnitId).Display, xlsx.Text("B3"));
        Assert.Equal("#,##0", xlsx.NumberFormat("C3"));
    }

    [Fact]
    public void The_far_behind_alert_names_each_indicator_with_its_completion_in_both_languages()
    {
        var words = new AlertWords(Get<IStringLocalizer<Strings>>(), T);
        string[] args = ["2026", "OutOfRegionFunds:10.0%;SignedProjects:20.0%", "88.8%"];
        using (new UiCulture("zh-CN"))
        {
            Assert.Equal("2026 年度目标严重滞后于序时进度 88.8%：区外到位资金完成 10.0%；新签约项目完成 20.0%",
                words.Reason(nameof(AlertKind.AnnualTargetFarBehind), args));
        }
        using (new UiCulture("en"))
        {
            Assert.Contains("Out-of-region", words.Reason(nameof(AlertKind.AnnualTargetFarBehind), args), StringComparison.OrdinalIgnoreCase);
        }
    }
}
