using System.Text.Json;
using System.Text.Json.Nodes;

namespace KashiInvest.Web.Shared.Charts;

/// <summary>
/// Maps a <see cref="ChartSpec"/> to the options object of ApexCharts 4.7 (https://apexcharts.com/docs/options/),
/// as JSON. What JSON cannot carry (formatter functions, the timeline tooltip) is asked for under the extra key
/// <c>kashi</c>, which <c>wwwroot/js/charts.js</c> reads and removes before handing the options to ApexCharts.
/// </summary>
/// <remarks>
/// <para><b>Dates are Beijing calendar dates, shown the same in every browser.</b> ApexCharts reads x values as
/// epoch milliseconds and, with <c>xaxis.labels.datetimeUTC = true</c>, writes labels and ticks from the UTC
/// fields of that instant. So a Beijing date D is passed as the instant “D 00:00 UTC” (<see cref="Timestamp"/>):
/// its UTC fields are D, and the label reads D whatever the browser's time zone — Beijing, Ürümqi (UTC+6, as many
/// browsers in Kashgar are set) or UTC. The alternative, <c>datetimeUTC = false</c> with the true instant of Beijing
/// midnight, would show the previous day on any browser set west of Beijing. The instants are only positions on
/// the axis: never compare them with real clock times.</para>
/// </remarks>
public static class ApexOptions
{
    private static readonly string[] DefaultColors = ["#1F4E8C", "#2E7D32", "#EF6C00", "#6A1B9A", "#00838F", "#C62828", "#5D4037"];

    private const string FontFamily = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"Helvetica Neue\", Arial, sans-serif";

    private static readonly JsonSerializerOptions Compact = new()
    {
        // Readable Chinese in the JSON (it is sent to the browser as a string, not embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The x value of a Beijing calendar date: milliseconds since 1970-01-01 of “date 00:00 UTC” (see remarks).</summary>
    public static long Timestamp(DateOnly beijingDate) =>
        new DateTimeOffset(beijingDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary><c>zh-CN</c> or <c>en</c>: the spec's own, or the current UI culture's.</summary>
    public static string LocaleOf(ChartSpec spec) =>
        spec.Locale is { } l ? (l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en") : (Localized.IsChinese ? "zh-CN" : "en");

    public static string ToJson(ChartSpec spec) => Build(spec).ToJsonString(Compact);

    public static JsonObject Build(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var locale = LocaleOf(spec);
        var zh = locale == "zh-CN";
        var options = new JsonObject
        {
            ["chart"] = new JsonObject
            {
                ["type"] = ChartType(spec),
                ["height"] = spec.Height,
                ["fontFamily"] = FontFamily,
                ["stacked"] = spec.Stacked,
                ["toolbar"] = new JsonObject { ["show"] = false },
                ["zoom"] = new JsonObject { ["enabled"] = false },
                ["animations"] = new JsonObject { ["enabled"] = true, ["speed"] = 300 },
                ["defaultLocale"] = zh ? "zh-cn" : "en",
                ["locales"] = new JsonArray(ZhCn(), En()),
            },
            ["colors"] = new JsonArray((spec.Colors.Count > 0 ? spec.Colors : DefaultColors).Select(c => (JsonNode)c!).ToArray()),
            ["dataLabels"] = new JsonObject { ["enabled"] = false },
            ["legend"] = new JsonObject { ["position"] = spec.Kind == ChartKind.Donut ? "bottom" : "top", ["horizontalAlign"] = "left", ["fontSize"] = "13px" },
            ["kashi"] = new JsonObject
            {
                ["locale"] = locale,
                ["valueFormat"] = spec.ValueFormat.ToString().ToLowerInvariant(),
                ["tooltip"] = spec.Kind == ChartKind.Timeline ? "range" : "value",
            },
        };
        if (spec.Title is { } title)
            options["title"] = new JsonObject { ["text"] = title, ["style"] = new JsonObject { ["fontSize"] = "15px", ["fontWeight"] = 600 } };

        switch (spec.Kind)
        {
            case ChartKind.Timeline: Timeline(spec, options, zh); break;
            case ChartKind.Donut: Donut(spec, options); break;
            default: Cartesian(spec, options, zh); break;
        }
        return options;
    }

    private static string ChartType(ChartSpec spec) => spec.Kind switch
    {
        ChartKind.Timeline => "rangeBar",
        ChartKind.Line => "line",
        ChartKind.Area => spec.Series.OfType<PointSeries>().Any(s => s.Style is not null and not SeriesStyle.Area) ? "line" : "area",
        ChartKind.Bar => "bar",
        ChartKind.Donut => "donut",
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, null),
    };

    private static void Timeline(ChartSpec spec, JsonObject options, bool zh)
    {
        var series = new JsonArray();
        foreach (var s in spec.Series)
        {
            if (s is not RangeSeries range) throw new ArgumentException($"A timeline takes RangeSeries only, not {s.GetType().Name}.", nameof(spec));
            var data = new JsonArray();
            foreach (var bar in range.Bars)
            {
                // Both days included: the bar runs to the start of the day after End.
                var end = bar.End < bar.Start ? bar.Start : bar.End;
                var point = new JsonObject
                {
                    ["x"] = bar.Category,
                    ["y"] = new JsonArray(Timestamp(bar.Start), Timestamp(end.AddDays(1))),
                };
                if (bar.Color is { } c) point["fillColor"] = c;
                if (bar.Meta is { } m) point["meta"] = m;
                data.Add(point);
            }
            series.Add(SeriesObject(range, data));
        }
        options["series"] = series;
        options["plotOptions"] = new JsonObject
        {
            ["bar"] = new JsonObject { ["horizontal"] = true, ["barHeight"] = "70%", ["rangeBarGroupRows"] = false, ["borderRadius"] = 2 },
        };
        options["xaxis"] = DateAxis(zh);
        options["yaxis"] = new JsonObject { ["labels"] = new JsonObject { ["maxWidth"] = 220, ["style"] = new JsonObject { ["fontSize"] = "13px" } } };
        options["grid"] = new JsonObject { ["xaxis"] = new JsonObject { ["lines"] = new JsonObject { ["show"] = true } } };
        options["tooltip"] = new JsonObject { ["shared"] = false };
        options["annotations"] = Annotations(spec, dates: true);
    }

    private static void Cartesian(ChartSpec spec, JsonObject options, bool zh)
    {
        var pointSeries = spec.Series.Select(s => s as PointSeries
            ?? throw new ArgumentException($"A {spec.Kind} chart takes PointSeries only, not {s.GetType().Name}.", nameof(spec))).ToList();
        var points = pointSeries.SelectMany(s => s.Points).ToList();
        var dated = points.Count > 0 && points.All(p => p.Date is not null);
        if (!dated && points.Any(p => p.Date is not null))
            throw new ArgumentException("Points of one chart are either all at dates or all at labels.", nameof(spec));

        var series = new JsonArray();
        foreach (var s in pointSeries)
        {
            var data = new JsonArray();
            foreach (var p in s.Points)
            {
                data.Add(new JsonObject
                {
                    ["x"] = dated ? JsonValue.Create(Timestamp(p.Date!.Value)) : JsonValue.Create(p.Label ?? string.Empty),
                    ["y"] = p.Value is { } v ? JsonValue.Create(v) : null,
                });
            }
            var item = SeriesObject(s, data);
            if (spec.Kind is ChartKind.Line or ChartKind.Area && (s.Style is not null || ChartType(spec) == "line"))
                item["type"] = StyleName(s.Style ?? (spec.Kind == ChartKind.Area ? SeriesStyle.Area : SeriesStyle.Line));
            series.Add(item);
        }
        options["series"] = series;

        var styles = pointSeries.Select(s => s.Style ?? spec.Kind switch
        {
            ChartKind.Area => SeriesStyle.Area,
            ChartKind.Bar => SeriesStyle.Column,
            _ => SeriesStyle.Line,
        }).ToList();
        options["stroke"] = new JsonObject
        {
            ["curve"] = "straight",
            ["width"] = new JsonArray(styles.Select(st => (JsonNode)(st == SeriesStyle.Column ? 0 : st == SeriesStyle.Area ? 2 : 3)).ToArray()),
            ["dashArray"] = new JsonArray(pointSeries.Select(s => (JsonNode)(s.Dashed ? 6 : 0)).ToArray()),
        };
        options["fill"] = new JsonObject
        {
            ["type"] = "solid",
            ["opacity"] = new JsonArray(styles.Select(st => (JsonNode)(st == SeriesStyle.Area ? 0.25 : 1)).ToArray()),
        };
        options["markers"] = new JsonObject { ["size"] = spec.Kind == ChartKind.Line ? 3 : 0, ["hover"] = new JsonObject { ["size"] = 5 } };
        if (spec.Kind == ChartKind.Bar)
            options["plotOptions"] = new JsonObject { ["bar"] = new JsonObject { ["horizontal"] = spec.Horizontal, ["columnWidth"] = "60%", ["borderRadius"] = 2 } };

        options["xaxis"] = dated ? DateAxis(zh) : new JsonObject { ["type"] = "category", ["labels"] = new JsonObject { ["trim"] = true, ["hideOverlappingLabels"] = true } };
        var yaxis = new JsonObject { ["forceNiceScale"] = true, ["labels"] = new JsonObject() };
        if (spec.ValueAxisTitle is { } axisTitle) yaxis["title"] = new JsonObject { ["text"] = axisTitle, ["style"] = new JsonObject { ["fontWeight"] = 500 } };
        if (!spec.Stacked && points.All(p => p.Value is null or >= 0)) yaxis["min"] = 0;
        options["yaxis"] = yaxis;
        options["tooltip"] = new JsonObject
        {
            ["shared"] = spec.Kind != ChartKind.Bar,
            ["intersect"] = false,
            ["x"] = new JsonObject { ["format"] = zh ? "yyyy年M月d日" : "dd MMM yyyy" },
        };
        options["annotations"] = Annotations(spec, dates: dated);
    }

    private static void Donut(ChartSpec spec, JsonObject options)
    {
        var first = spec.Series.FirstOrDefault() as PointSeries
            ?? throw new ArgumentException("A donut takes one PointSeries of labelled values.", nameof(spec));
        options["series"] = new JsonArray(first.Points.Select(p => (JsonNode)JsonValue.Create(p.Value ?? 0m)).ToArray());
        options["labels"] = new JsonArray(first.Points.Select(p => (JsonNode)(p.Label ?? string.Empty)!).ToArray());
        options["plotOptions"] = new JsonObject { ["pie"] = new JsonObject { ["donut"] = new JsonObject { ["size"] = "60%" } } };
    }

    private static JsonObject SeriesObject(ChartSeries s, JsonArray data)
    {
        var item = new JsonObject { ["name"] = s.Name, ["data"] = data };
        if (s.Color is { } c) item["color"] = c;
        return item;
    }

    private static string StyleName(SeriesStyle style) => style switch
    {
        SeriesStyle.Area => "area",
        SeriesStyle.Column => "column",
        _ => "line",
    };

    private static JsonObject DateAxis(bool zh) => new()
    {
        ["type"] = "datetime",
        ["labels"] = new JsonObject
        {
            // Labels from the UTC fields of the x values, which are Beijing dates at 00:00 UTC (see the class remarks).
            ["datetimeUTC"] = true,
            ["datetimeFormatter"] = zh
                ? new JsonObject { ["year"] = "yyyy年", ["month"] = "M月", ["day"] = "M月d日", ["hour"] = "HH:mm" }
                : new JsonObject { ["year"] = "yyyy", ["month"] = "MMM 'yy", ["day"] = "d MMM", ["hour"] = "HH:mm" },
            ["hideOverlappingLabels"] = true,
            ["style"] = new JsonObject { ["fontSize"] = "12px" },
        },
        ["tooltip"] = new JsonObject { ["enabled"] = false },
    };

    private static JsonObject Annotations(ChartSpec spec, bool dates)
    {
        var x = new JsonArray();
        var y = new JsonArray();
        foreach (var a in spec.Annotations)
        {
            var label = new JsonObject
            {
                ["text"] = a.Text,
                ["orientation"] = "horizontal",
                ["borderColor"] = a.Color,
                ["style"] = new JsonObject { ["color"] = "#fff", ["background"] = a.Color, ["fontSize"] = "12px" },
            };
            switch (a)
            {
                case DateAnnotation d when dates:
                    x.Add(new JsonObject { ["x"] = Timestamp(d.Date), ["borderColor"] = a.Color, ["strokeDashArray"] = 4, ["label"] = label });
                    break;
                case DateAnnotation:
                    throw new ArgumentException("A date annotation needs a date axis.", nameof(spec));
                case ValueAnnotation v:
                    y.Add(new JsonObject { ["y"] = v.Value, ["borderColor"] = a.Color, ["strokeDashArray"] = 4, ["label"] = label });
                    break;
            }
        }
        return new JsonObject { ["xaxis"] = x, ["yaxis"] = y };
    }

    // The months and days of ApexCharts' own dist/locales/zh-cn.json and en.json (4.7.0), toolbar words trimmed
    // (the toolbar is hidden).
    private static JsonObject ZhCn() => Locale("zh-cn",
        ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
        ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
        ["星期天", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        ["周日", "周一", "周二", "周三", "周四", "周五", "周六"]);

    private static JsonObject En() => Locale("en",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);

    private static JsonObject Locale(string name, string[] months, string[] shortMonths, string[] days, string[] shortDays) => new()
    {
        ["name"] = name,
        ["options"] = new JsonObject
        {
            ["months"] = Strings(months),
            ["shortMonths"] = Strings(shortMonths),
            ["days"] = Strings(days),
            ["shortDays"] = Strings(shortDays),
        },
    };

    private static JsonArray Strings(string[] values) => new(values.Select(v => (JsonNode)v!).ToArray());
}
