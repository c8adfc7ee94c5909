namespace KashiInvest.Web.Shared.Charts;

/// <summary>One row of a planned-versus-actual timeline (both periods in Beijing calendar days, ends included).</summary>
/// <param name="Actual">Null when work towards the row has not started.</param>
/// <param name="Late">The actual bar is drawn red: finished after the plan, or still open past it.</param>
/// <param name="Meta">An extra tooltip line for the actual bar, e.g. “逾期 12 天”.</param>
public sealed record PlannedActualRow(string Name, DateOnly PlannedStart, DateOnly PlannedEnd, DateOnly? ActualStart, DateOnly? ActualEnd, bool Late, string? Meta = null);

/// <summary>Funds in place up to a date (cumulative, 万元): in total and from outside the region.</summary>
public sealed record FundsPoint(DateOnly On, decimal TotalWan, decimal OutOfRegionWan);

/// <summary>The planned cumulative funds in place by a date (万元).</summary>
public sealed record PlanPoint(DateOnly On, decimal Wan);

/// <summary>
/// Ready-made specs for the charts the project and battle-map pages show. Callers pass words already translated
/// (<c>T["Chart.Planned"]</c> …) so these stay free of resources and easy to test.
/// </summary>
/// <example>
/// Milestone timeline (see <c>Features/Projects/MilestoneTimeline.cs</c> for the rows of one project):
/// <code>
/// &lt;KashiChart Spec="@ChartSpecs.PlannedVsActual(rows, today, T["Chart.Planned"], T["Chart.Actual"], T["Chart.Today"])" data-testid="milestone-chart" /&gt;
/// </code>
/// Funds in place against the plan:
/// <code>
/// var spec = ChartSpecs.FundsInPlace(points, plan, T["Project.FundsInPlace"], T["Project.OutOfRegion"], T["Chart.Plan"], T["Chart.AxisWan"]);
/// &lt;KashiChart Spec="spec" data-testid="funds-chart" /&gt;
/// </code>
/// </example>
public static class ChartSpecs
{
    public const string PlannedColor = "#90A4AE";
    public const string ActualColor = "#1F4E8C";
    public const string LateColor = "#C62828";

    /// <summary>
    /// A horizontal timeline, one row per item (in the given order): a grey “planned” bar and a blue “actual” bar,
    /// red when late, and a red line at today.
    /// </summary>
    public static ChartSpec PlannedVsActual(IReadOnlyList<PlannedActualRow> rows, DateOnly today, string planned, string actual, string todayText,
        string? locale = null)
    {
        var plannedBars = rows.Select(r => new TimelineBar(r.Name, Min(r.PlannedStart, r.PlannedEnd), r.PlannedEnd)).ToList();
        var actualBars = rows.Where(r => r.ActualStart is not null)
            .Select(r =>
            {
                var end = r.ActualEnd ?? today;
                return new TimelineBar(r.Name, Min(r.ActualStart!.Value, end), end) { Color = r.Late ? LateColor : null, Meta = r.Meta };
            }).ToList();
        return new ChartSpec
        {
            Kind = ChartKind.Timeline,
            Series = [new RangeSeries(planned, plannedBars), new RangeSeries(actual, actualBars)],
            Colors = [PlannedColor, ActualColor],
            Annotations = [new DateAnnotation(today, todayText) { Color = LateColor }],
            Height = 90 + 42 * Math.Max(rows.Count, 1),
            Locale = locale,
        };
    }

    /// <summary>Funds in place over time (total and out-of-region as areas) against the plan (a dashed line), in 万元.</summary>
    public static ChartSpec FundsInPlace(IReadOnlyList<FundsPoint> points, IReadOnlyList<PlanPoint> plan, string total, string outOfRegion,
        string planName, string? axisTitle = null, string? locale = null) => new()
    {
        Kind = ChartKind.Area,
        Series =
        [
            new PointSeries(total, points.Select(p => ChartPoint.At(p.On, p.TotalWan)).ToList()),
            new PointSeries(outOfRegion, points.Select(p => ChartPoint.At(p.On, p.OutOfRegionWan)).ToList()),
            new PointSeries(planName, plan.Select(p => ChartPoint.At(p.On, p.Wan)).ToList()) { Style = SeriesStyle.Line, Dashed = true },
        ],
        Colors = [ActualColor, "#2E7D32", "#EF6C00"],
        ValueFormat = ValueFormat.Wan,
        ValueAxisTitle = axisTitle,
        Height = 340,
        Locale = locale,
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
