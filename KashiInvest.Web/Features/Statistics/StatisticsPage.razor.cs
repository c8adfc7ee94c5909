using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>
/// The statistics screen (<c>/statistics</c>, 统计分析): for a picked month (the latest closed one in Beijing time by
/// default, or <c>?month=yyyy-MM</c>) charts of the approved monthly returns — funds in place by month against last year, by county ranked with
/// year-on-year growth, by chain, projects by stage, out-of-region funds by source region (from the platform's records
/// of the counted units: the returns have no figure by region) — naming the units not counted. A click on a bar, a point or a
/// headline figure opens the projects behind it. The Bureau, leaders and the wall see the prefecture; a unit its own
/// figures. Live: a <c>return.changed</c> of the months shown re-reads the charts; a <c>report.submitted</c> re-reads
/// the open drill-down (the projects' funds).
/// </summary>
public partial class StatisticsPage
{
    private const int PickerMonths = 36;
    private static readonly FigureCode[] Headline = StatisticsChartsQuery.Headline;

    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private bool _seesAll;
    private StatMonth _month;
    /// <summary>The latest closed month when the screen opened on an earlier one because it has no approved return yet.</summary>
    private StatMonth? _inReview;
    private StatisticsCharts? _charts;
    private DrillDown? _drill;
    private bool _loading = true;

    /// <summary><c>?month=yyyy-MM</c>: a closed month to open on (a link from elsewhere); the latest closed month otherwise.</summary>
    [SupplyParameterFromQuery(Name = "month")] public string? MonthText { get; set; }

    [Inject] private StatisticsChartsQuery Query { get; set; } = default!;
    [Inject] private ReturnListQuery Returns { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IEnumerable<StatMonth> Months => Enumerable.Range(0, PickerMonths).Select(i => StatMonth.FromIndex(Returns.LatestClosed.Index - i));

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Scopes.GetAsync();
        if (!StatisticsChartsQuery.MayOpen(_scope))
        {
            Navigation.NotFound();
            return;
        }
        _ref = await Reference.GetAsync();
        _seesAll = ReturnListQuery.SeesAllUnits(_scope);
        _inReview = null;
        if (StatMonth.TryParse(MonthText, out var asked) && asked <= Returns.LatestClosed) _month = asked;
        else
        {
            _month = await Query.DefaultMonthAsync(_scope, Returns.LatestClosed);
            if (_month != Returns.LatestClosed) _inReview = Returns.LatestClosed;
        }
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind is ChangeKinds.ReturnChanged;

    // Returns of this year up to the month shown, or of last year (the comparison line and the growth), re-read the charts.
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        var from = _month.SameMonthLastYear.FirstOfYear.Index;
        var returns = changes.Everything || changes.Notices.Any(n => n.Kind == ChangeKinds.ReturnChanged
            && n.PeriodIndex is { } m && m >= from && m <= _month.Index);
        // A report filed now counts in the current month, never in a closed one, so reports do not move this screen.
        if (returns) await ReadAsync();
    }

    private async Task MonthChangedAsync(int index)
    {
        _month = StatMonth.FromIndex(index);
        _inReview = null;
        _loading = true;
        _drill = null;
        await ReadInTurnAsync(ReadAsync);
    }

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _charts = await Query.ReadAsync(_scope, _month);
        if (_drill is not null) _drill = await Query.DrillAsync(_scope, _month, _drill.Target);
        _loading = false;
    }

    private Task OpenAsync(DrillTarget target) => ReadInTurnAsync(async () =>
    {
        if (_scope is not null) _drill = await Query.DrillAsync(_scope, _month, target);
    });

    private void CloseDrill() => _drill = null;

    private Task MonthSelectedAsync(ChartPointSelection s) =>
        OpenAsync(new DrillTarget(DrillKind.Month, new StatMonth(s.SeriesIndex == 0 ? _month.Year : _month.Year - 1, s.PointIndex + 1).Index));

    private Task CountySelectedAsync(ChartPointSelection s) =>
        _charts is { } c && s.PointIndex >= 0 && s.PointIndex < c.Counties.Count ? OpenAsync(new DrillTarget(DrillKind.County, c.Counties[s.PointIndex].UnitId)) : Task.CompletedTask;

    private Task ChainSelectedAsync(ChartPointSelection s) =>
        _charts is { } c && s.PointIndex >= 0 && s.PointIndex < c.Chains.Count ? OpenAsync(new DrillTarget(DrillKind.Chain, c.Chains[s.PointIndex].ChainId)) : Task.CompletedTask;

    private Task StageSelectedAsync(ChartPointSelection s) =>
        s.PointIndex >= 0 && s.PointIndex < StatisticsChartsQuery.Stages.Length
            ? OpenAsync(new DrillTarget(DrillKind.Stage, (int)StatisticsChartsQuery.Stages[s.PointIndex])) : Task.CompletedTask;

    private Task RegionSelectedAsync(ChartPointSelection s) =>
        _charts is { } c && s.PointIndex >= 0 && s.PointIndex < c.Regions.Count ? OpenAsync(new DrillTarget(DrillKind.Region, (int)c.Regions[s.PointIndex].Region)) : Task.CompletedTask;

    private string UnitNames(IEnumerable<int> ids) => string.Join("、", ids.Select(id => _ref?.UnitName(id)));

    private string FigureText(FigureCode code, decimal value) => code.IsMoney() ? T.Money(value) : T.Number((int)value);

    private string MonthLabel(int month) => T["Statistics.Charts.MonthLabel", month];

    private string MonthsWithMissing() => _charts is null ? string.Empty : string.Join("、", _charts.ByMonth
        .Where(m => m.ThisYear is not null && m.MissingThisYear > 0).Select(m => MonthLabel(m.Month)));

    private string DrillTitle(DrillDown d) => d.Target.Kind switch
    {
        DrillKind.Month => T["Statistics.Drill.Title", T["Statistics.Returns.MonthOption", d.Month.Year, d.Month.Month], T.Enum(d.Figure)],
        DrillKind.County => T["Statistics.Drill.Title", _ref?.UnitName(d.Target.Key) ?? "—", T.Enum(d.Figure)],
        DrillKind.Chain => T["Statistics.Drill.Title", _ref?.ChainName(d.Target.Key) ?? "—", T.Enum(d.Figure)],
        DrillKind.Region => T["Statistics.Drill.Title", T.Enum((SourceRegionCode)d.Target.Key), T.Enum(d.Figure)],
        _ => T["Statistics.Drill.Title", T["Statistics.Returns.MonthOption", d.Month.Year, d.Month.Month], T.Enum(d.Figure)],
    };

    private string GrowthText(Growth growth) => growth.Kind switch
    {
        GrowthKind.Percent => string.Format(CultureInfo.CurrentCulture, "{0:+0.0;-0.0;0.0}%", growth.Percent),
        GrowthKind.New => T["Statistics.Growth.New"],
        _ => "—",
    };

    private ChartSpec MonthSpec() => new()
    {
        Kind = ChartKind.Line,
        Title = T["Statistics.Charts.ByMonth"],
        ValueFormat = ValueFormat.Wan,
        Height = 300,
        Series =
        [
            new PointSeries(T["Statistics.Charts.ThisYear", _month.Year], [.. _charts!.ByMonth.Select(m => ChartPoint.Of(MonthLabel(m.Month), m.ThisYear))]) { Style = SeriesStyle.Column },
            new PointSeries(T["Statistics.Charts.LastYear", _month.Year - 1], [.. _charts.ByMonth.Select(m => ChartPoint.Of(MonthLabel(m.Month), m.LastYear))]) { Style = SeriesStyle.Line, Dashed = true },
        ],
    };

    // Ranked by out-of-region funds to date (Art. 26's key figure); the growth is in the bar's label.
    private ChartSpec CountySpec() => new()
    {
        Kind = ChartKind.Bar,
        Horizontal = true,
        Title = T["Statistics.Charts.ByCounty"],
        ValueFormat = ValueFormat.Wan,
        Height = Math.Max(300, 60 + 28 * _charts!.Counties.Count),
        Series =
        [
            new PointSeries(T.Enum(FigureCode.OutOfRegionFundsYtd), [.. _charts.Counties.Select(c => ChartPoint.Of(CountyLabel(c), c.OutOfRegionFundsYtd))]),
            new PointSeries(T.Enum(FigureCode.FundsYtd), [.. _charts.Counties.Select(c => ChartPoint.Of(CountyLabel(c), c.FundsYtd))]),
        ],
    };

    private string CountyLabel(CountyFunds c) => $"{c.Rank}. {_ref?.UnitName(c.UnitId)} {GrowthText(c.OutOfRegionGrowth)}";

    private ChartSpec ChainSpec() => new()
    {
        Kind = ChartKind.Bar,
        Horizontal = true,
        Title = T["Statistics.Charts.ByChain"],
        ValueFormat = ValueFormat.Wan,
        Height = Math.Max(300, 60 + 28 * _charts!.Chains.Count),
        Series =
        [
            new PointSeries(T.Enum(FigureCode.FundsYtd), [.. _charts.Chains.Select(c => ChartPoint.Of(_ref?.ChainName(c.ChainId) ?? "—", c.FundsYtd))]),
            new PointSeries(T.Enum(FigureCode.OutOfRegionFundsYtd), [.. _charts.Chains.Select(c => ChartPoint.Of(_ref?.ChainName(c.ChainId) ?? "—", c.OutOfRegionFundsYtd))]),
        ],
    };

    // Out-of-region funds to date by the investors' source region (Art. 16's regions), from the platform's records.
    private ChartSpec RegionSpec() => new()
    {
        Kind = ChartKind.Bar,
        Horizontal = true,
        Title = T["Statistics.Charts.ByRegion"],
        ValueFormat = ValueFormat.Wan,
        Height = 300,
        Series =
        [
            new PointSeries(T.Enum(FigureCode.OutOfRegionFundsYtd), [.. _charts!.Regions.Select(r => ChartPoint.Of(T.Enum(r.Region), r.OutOfRegionFundsYtd))]),
        ],
    };

    private ChartSpec StageSpec() => new()
    {
        Kind = ChartKind.Bar,
        Horizontal = true, // the stage names are long: read across, never rotated
        Title = T["Statistics.Charts.ByStage"],
        Height = 300,
        Series =
        [
            new PointSeries(T["Statistics.Charts.ByStage"], [.. StatisticsChartsQuery.Stages.Select(code => ChartPoint.Of(T.Enum(code), _charts!.Totals.GetValueOrDefault(code)))]),
        ],
    };
}
