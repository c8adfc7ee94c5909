using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.AnnualTargets;

/// <summary>One line of the exported split: a unit's share with its progress, or a sequence's remainder (no unit's progress).</summary>
public sealed record SplitExportRow(AssessmentSequence Sequence, string Unit, decimal? Share, decimal? Actual, Pace? Pace);

/// <summary>
/// A year's split of one indicator as a workbook (<c>/targets/annual</c>'s "export"): the rows the page shows under the
/// user's scope — each unit's share, actual, completion, standing against the elapsed time — and, for the prefecture's
/// readers, each sequence's remainder still to split. Money in 万元, projects as counts.
/// </summary>
public static class AnnualSplitExcel
{
    public static ExcelSheet<SplitExportRow> Sheet(UiText t, AnnualIndicator indicator)
    {
        var kind = indicator.IsMoney() ? ExcelKind.Money : ExcelKind.Count;
        return new("AnnualTargets.Export.Title", "annual-targets",
        [
            new("AnnualTargets.Export.Sequence", ExcelKind.Choice, r => t.Enum(r.Sequence)),
            new("AnnualTargets.Unit", ExcelKind.Text, r => r.Unit),
            new("AnnualTargets.Target", kind, r => r.Share),
            new("AnnualTargets.Actual", kind, r => r.Actual),
            new("AnnualTargets.Completion", ExcelKind.Text, r => r.Pace?.Completion is { } c ? AnnualTargetsPage.Percent(c) : null),
            new("AnnualTargets.Gap", ExcelKind.Text, r => r.Pace?.Gap is { } g ? (g >= 0m ? "+" : "−") + AnnualTargetsPage.Percent(Math.Abs(g)) : null),
            new("AnnualTargets.Standing", ExcelKind.Choice, r => r.Pace is { } p ? t.Enum(p.Status) : null),
        ]);
    }

    /// <summary>The rows: the progress rows of <paramref name="indicator"/> the view holds (already scoped), by sequence, each sequence closed by its remainder when <paramref name="seesAll"/>.</summary>
    public static IReadOnlyList<SplitExportRow> Rows(UiText t, AnnualTargetsView view, AnnualIndicator indicator, ReferenceCache.Snapshot reference, bool seesAll)
    {
        var target = view.Targets.First(x => x.Indicator == indicator);
        var rows = new List<SplitExportRow>();
        foreach (var group in view.Progress.Where(r => r.Indicator == indicator).GroupBy(r => r.Sequence).OrderBy(g => g.Key))
        {
            rows.AddRange(group.OrderBy(r => r.UnitId).Select(r => new SplitExportRow(r.Sequence, reference.UnitName(r.UnitId), r.Target, r.Actual, r.Pace)));
            if (seesAll && target.Amount is { } amount)
                rows.Add(new SplitExportRow(group.Key, t["AnnualTargets.Export.Remainder"], amount - target.Shares.Where(s => group.Any(r => r.UnitId == s.Key)).Sum(s => s.Value), null, null));
        }
        return rows;
    }

    public static ExcelFile Export(ExcelExporter exporter, UiText t, AnnualTargetsView view, AnnualIndicator indicator, ReferenceCache.Snapshot reference, bool seesAll)
    {
        var target = view.Targets.First(x => x.Indicator == indicator);
        var filters = new ExcelFilters()
            .When("AnnualTargets.Year", view.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .When("AnnualTargets.Indicator", t.Enum(indicator))
            .When("AnnualTargets.Export.PrefectureTarget", target.Amount is { } a ? t.Figure(indicator, a) : null)
            .When("AnnualTargets.Export.Elapsed", $"{AnnualTargetsPage.Percent(view.Elapsed)} ({UiText.Date(view.Through)})");
        return exporter.Export(Sheet(t, indicator), Rows(t, view, indicator, reference, seesAll), filters);
    }
}
