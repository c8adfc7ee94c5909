namespace KashiInvest.Web.Shared.Charts;

/// <summary>The kinds of chart <see cref="KashiChart"/> draws.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars from a start date to an end date, one row per category (ApexCharts rangeBar).</summary>
    Timeline,
    Line,
    Area,
    /// <summary>Columns (or horizontal bars with <see cref="ChartSpec.Horizontal"/>).</summary>
    Bar,
    Donut,
}

/// <summary>How values (the y axis, tooltips, donut slices) are written.</summary>
public enum ValueFormat
{
    Number,
    /// <summary>Money given in 万元: 万元 / 亿元 in Chinese, CNY millions in English (as <c>UiText.Money</c>).</summary>
    Wan,
    Percent,
}

/// <summary>How one series of a line or area chart is drawn; lets one chart mix areas and lines.</summary>
public enum SeriesStyle
{
    Line,
    Area,
    Column,
}

/// <summary>
/// Everything one chart shows, as plain typed values. Two specs with the same content draw the same chart:
/// <see cref="KashiChart"/> compares them by their serialized options, so building a new spec on every render is
/// fine and only a real change reaches the browser.
/// </summary>
public sealed record ChartSpec
{
    public required ChartKind Kind { get; init; }

    /// <summary><see cref="PointSeries"/> for line, area, bar and donut (donut: the first series); <see cref="RangeSeries"/> for a timeline.</summary>
    public IReadOnlyList<ChartSeries> Series { get; init; } = [];

    /// <summary>Height of the chart in CSS pixels.</summary>
    public int Height { get; init; } = 320;

    public string? Title { get; init; }

    /// <summary>Series colours in order (CSS colours); empty for the theme's.</summary>
    public IReadOnlyList<string> Colors { get; init; } = [];

    public ValueFormat ValueFormat { get; init; } = ValueFormat.Number;

    /// <summary>A caption on the value axis, e.g. “万元”.</summary>
    public string? ValueAxisTitle { get; init; }

    /// <summary>Vertical lines at a date (e.g. today) and horizontal lines at a value (e.g. a target).</summary>
    public IReadOnlyList<ChartAnnotation> Annotations { get; init; } = [];

    /// <summary><c>zh-CN</c> or <c>en</c> (month names, number format); null for the current UI culture.</summary>
    public string? Locale { get; init; }

    /// <summary>Bar and area charts: stack the series.</summary>
    public bool Stacked { get; init; }

    /// <summary>Bar charts: horizontal bars instead of columns.</summary>
    public bool Horizontal { get; init; }
}

public abstract record ChartSeries(string Name)
{
    /// <summary>The series colour (CSS); null for the next of <see cref="ChartSpec.Colors"/>.</summary>
    public string? Color { get; init; }
}

/// <summary>Values at dates or at category labels (not both in one chart).</summary>
public sealed record PointSeries(string Name, IReadOnlyList<ChartPoint> Points) : ChartSeries(Name)
{
    /// <summary>Overrides the chart kind for this series (line and area charts), e.g. a plan line over areas.</summary>
    public SeriesStyle? Style { get; init; }

    public bool Dashed { get; init; }
}

/// <summary>One value: at a Beijing calendar date (<see cref="At"/>) or at a category label (<see cref="Of"/>).</summary>
public readonly record struct ChartPoint(string? Label, DateOnly? Date, decimal? Value)
{
    public static ChartPoint At(DateOnly date, decimal? value) => new(null, date, value);

    public static ChartPoint Of(string label, decimal? value) => new(label, null, value);
}

/// <summary>Bars from a start to an end date, one per category (a timeline row).</summary>
public sealed record RangeSeries(string Name, IReadOnlyList<TimelineBar> Bars) : ChartSeries(Name);

/// <summary>
/// A bar on a timeline from the start of <paramref name="Start"/> to the end of <paramref name="End"/> (Beijing
/// calendar days, both included). <see cref="Color"/> overrides the series colour for this bar (e.g. red when
/// overdue); <see cref="Meta"/> is an extra line in its tooltip.
/// </summary>
public sealed record TimelineBar(string Category, DateOnly Start, DateOnly End)
{
    public string? Color { get; init; }

    public string? Meta { get; init; }
}

public abstract record ChartAnnotation(string Text)
{
    public string Color { get; init; } = "#C62828";
}

/// <summary>A vertical line at the start of a Beijing calendar day, e.g. today on a timeline.</summary>
public sealed record DateAnnotation(DateOnly Date, string Text) : ChartAnnotation(Text);

/// <summary>A horizontal line at a value, e.g. a target.</summary>
public sealed record ValueAnnotation(decimal Value, string Text) : ChartAnnotation(Text);

/// <summary>A click on a bar, point or slice: series and point index into the spec, with their names.</summary>
public sealed record ChartPointSelection(int SeriesIndex, int PointIndex, string? SeriesName, string? Category);
