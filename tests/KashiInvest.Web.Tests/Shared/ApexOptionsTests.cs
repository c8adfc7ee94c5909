using System.Text.Json.Nodes;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Shared.Charts;

namespace KashiInvest.Web.Tests.Shared;

public sealed class ApexOptionsTests
{
    [Theory]
    [InlineData(1970, 1, 1, 0L)]
    [InlineData(2026, 1, 1, 1767225600000L)]
    [InlineData(2026, 4, 1, 1775001600000L)]
    public void A_Beijing_date_is_the_instant_of_that_date_at_midnight_UTC(int year, int month, int day, long expected) =>
        Assert.Equal(expected, ApexOptions.Timestamp(new DateOnly(year, month, day)));

    [Fact]
    public void An_instant_just_after_Beijing_midnight_lands_on_the_Beijing_date_not_the_UTC_one()
    {
        // 2026-03-31 16:30 UTC is 2026-04-01 00:30 in Beijing: the chart must show 1 April.
        var utc = new DateTime(2026, 3, 31, 16, 30, 0, DateTimeKind.Utc);
        var x = ApexOptions.Timestamp(BeijingTime.DateOf(utc));
        Assert.Equal("2026-04-01T00:00:00.0000000+00:00", DateTimeOffset.FromUnixTimeMilliseconds(x).ToString("O"));
    }

    [Fact]
    public void A_timeline_bar_runs_from_the_start_of_its_first_day_to_the_end_of_its_last()
    {
        var spec = new ChartSpec
        {
            Kind = ChartKind.Timeline,
            Series = [new RangeSeries("计划", [new TimelineBar("签约", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1))])],
            Locale = "zh-CN",
        };
        var y = ApexOptions.Build(spec)["series"]![0]!["data"]![0]!["y"]!.AsArray();
        Assert.Equal(ApexOptions.Timestamp(new DateOnly(2026, 3, 1)), (long)y[0]!);
        Assert.Equal(ApexOptions.Timestamp(new DateOnly(2026, 3, 2)), (long)y[1]!);
    }

    [Theory]
    [InlineData("zh-CN", "zh-cn", "M月", "yyyy年")]
    [InlineData("en", "en", "MMM 'yy", "yyyy")]
    public void Month_names_and_date_labels_follow_the_locale(string locale, string apexLocale, string month, string year)
    {
        var spec = new ChartSpec
        {
            Kind = ChartKind.Line,
            Series = [new PointSeries("x", [ChartPoint.At(new DateOnly(2026, 1, 31), 1m)])],
            Locale = locale,
        };
        var options = ApexOptions.Build(spec);
        Assert.Equal(apexLocale, (string?)options["chart"]!["defaultLocale"]);
        Assert.Contains(options["chart"]!["locales"]!.AsArray(), l => (string?)l!["name"] == apexLocale);
        var formatter = options["xaxis"]!["labels"]!["datetimeFormatter"]!;
        Assert.Equal(month, (string?)formatter["month"]);
        Assert.Equal(year, (string?)formatter["year"]);
    }

    [Fact]
    public void Without_a_locale_the_current_UI_culture_decides()
    {
        var spec = new ChartSpec { Kind = ChartKind.Bar, Series = [new PointSeries("x", [ChartPoint.Of("a", 1m)])] };
        using (new Support.UiCulture("en")) Assert.Equal("en", ApexOptions.LocaleOf(spec));
        using (new Support.UiCulture("zh-CN")) Assert.Equal("zh-CN", ApexOptions.LocaleOf(spec));
    }

    [Fact]
    public void A_donut_takes_labels_and_values_of_its_first_series()
    {
        var spec = new ChartSpec
        {
            Kind = ChartKind.Donut,
            Series = [new PointSeries("stages", [ChartPoint.Of("在谈", 12m), ChartPoint.Of("签约", 5m)])],
            ValueFormat = ValueFormat.Number,
            Locale = "zh-CN",
        };
        var options = ApexOptions.Build(spec);
        Assert.Equal([12m, 5m], options["series"]!.AsArray().Select(v => (decimal)v!));
        Assert.Equal(["在谈", "签约"], options["labels"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Dates_and_labels_cannot_be_mixed_and_a_timeline_needs_range_series()
    {
        Assert.Throws<ArgumentException>(() => ApexOptions.Build(new ChartSpec
        {
            Kind = ChartKind.Line,
            Series = [new PointSeries("x", [ChartPoint.At(new DateOnly(2026, 1, 1), 1m), ChartPoint.Of("b", 2m)])],
        }));
        Assert.Throws<ArgumentException>(() => ApexOptions.Build(new ChartSpec
        {
            Kind = ChartKind.Timeline,
            Series = [new PointSeries("x", [ChartPoint.Of("a", 1m)])],
        }));
    }

    [Fact]
    public void Chinese_stays_readable_in_the_json()
    {
        var json = ApexOptions.ToJson(new ChartSpec { Kind = ChartKind.Bar, Series = [new PointSeries("到位资金", [ChartPoint.Of("一月", 1m)])], Locale = "zh-CN" });
        Assert.Contains("\"name\":\"到位资金\"", json, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(json));
    }
}
