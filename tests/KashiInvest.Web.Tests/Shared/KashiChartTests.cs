using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using KashiInvest.Web.Shared.Charts;
using Microsoft.JSInterop;

namespace KashiInvest.Web.Tests.Shared;

/// <summary>The chart component talks to wwwroot/js/charts.js as agreed: import, render once, update in place, dispose.</summary>
public sealed class KashiChartTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private BunitJSModuleInterop _module = default!;

    public Task InitializeAsync()
    {
        // Strict: any JS call the test did not expect fails it.
        _context.JSInterop.Mode = JSRuntimeMode.Strict;
        _module = _context.JSInterop.SetupModule(KashiChart.ModulePath);
        _module.SetupVoid("render", _ => true).SetVoidResult();
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("dispose", _ => true).SetVoidResult();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static ChartSpec Timeline(DateOnly today) => ChartSpecs.PlannedVsActual(
        [
            new PlannedActualRow("签约", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 10), Late: true, "晚于计划 9 天完成"),
            new PlannedActualRow("开工建设", new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 2, 10), null, Late: false),
        ],
        today, "计划", "实际", "今天", locale: "zh-CN");

    private static JsonObject RenderedOptions(IReadOnlyList<object?> arguments) =>
        JsonNode.Parse((string)arguments[1]!)!.AsObject();

    [Fact]
    public void It_imports_the_module_and_renders_a_zh_CN_range_bar_timeline_with_two_series()
    {
        var chart = _context.Render<KashiChart>(p => p
            .Add(c => c.Spec, Timeline(new DateOnly(2026, 3, 15)))
            .AddUnmatched("data-testid", "milestone-chart"));

        var render = Assert.Single(_module.Invocations["render"]);
        // The element drawn into is the component's own, which carries the data-testid.
        var element = chart.Find("[data-testid=milestone-chart]");
        Assert.Equal(((ElementReference)render.Arguments[0]!).Id, element.GetAttribute("blazor:elementReference"));
        var options = RenderedOptions(render.Arguments);
        Assert.Equal("rangeBar", (string?)options["chart"]!["type"]);
        Assert.Equal("zh-cn", (string?)options["chart"]!["defaultLocale"]);
        var zhCn = options["chart"]!["locales"]!.AsArray().Single(l => (string?)l!["name"] == "zh-cn")!;
        Assert.Equal("三月", (string?)zhCn["options"]!["shortMonths"]![2]);
        Assert.Equal(["计划", "实际"], options["series"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.True((bool)options["plotOptions"]!["bar"]!["horizontal"]!);
        Assert.True((bool)options["xaxis"]!["labels"]!["datetimeUTC"]!);
        Assert.Equal("range", (string?)options["kashi"]!["tooltip"]);
        // The late actual bar is red and carries its explanation; the open one ends today (included).
        var actual = options["series"]![1]!["data"]!.AsArray();
        Assert.Equal(ChartSpecs.LateColor, (string?)actual[0]!["fillColor"]);
        Assert.Equal("晚于计划 9 天完成", (string?)actual[0]!["meta"]);
        Assert.Equal(ApexOptions.Timestamp(new DateOnly(2026, 3, 16)), (long)actual[1]!["y"]![1]!);
        // Today's line.
        Assert.Equal(ApexOptions.Timestamp(new DateOnly(2026, 3, 15)), (long)options["annotations"]!["xaxis"]![0]!["x"]!);
        Assert.Equal("今天", (string?)options["annotations"]!["xaxis"]![0]!["label"]!["text"]);
        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public void Money_charts_ask_for_the_wan_formatter_in_the_chosen_language()
    {
        var spec = ChartSpecs.FundsInPlace(
            [new FundsPoint(new DateOnly(2026, 1, 31), 1200m, 800m), new FundsPoint(new DateOnly(2026, 2, 28), 2500m, 1500m)],
            [new PlanPoint(new DateOnly(2026, 1, 31), 1000m), new PlanPoint(new DateOnly(2026, 2, 28), 3000m)],
            "Funds in place", "of which out-of-region", "Plan", "CNY 10,000", locale: "en");

        _context.Render<KashiChart>(p => p.Add(c => c.Spec, spec));

        var options = RenderedOptions(Assert.Single(_module.Invocations["render"]).Arguments);
        Assert.Equal("wan", (string?)options["kashi"]!["valueFormat"]);
        Assert.Equal("en", (string?)options["kashi"]!["locale"]);
        Assert.Equal("en", (string?)options["chart"]!["defaultLocale"]);
        Assert.Equal("line", (string?)options["chart"]!["type"]);
        Assert.Equal(["area", "area", "line"], options["series"]!.AsArray().Select(s => (string?)s!["type"]));
        Assert.Equal([0, 0, 6], options["stroke"]!["dashArray"]!.AsArray().Select(n => (int)n!));
        Assert.Equal("datetime", (string?)options["xaxis"]!["type"]);
        Assert.Equal("CNY 10,000", (string?)options["yaxis"]!["title"]!["text"]);
        Assert.Equal(2500m, (decimal)options["series"]![0]!["data"]![1]!["y"]!);
    }

    [Fact]
    public void A_changed_spec_is_sent_as_an_update_and_an_equal_one_sends_nothing()
    {
        var chart = _context.Render<KashiChart>(p => p.Add(c => c.Spec, Timeline(new DateOnly(2026, 3, 15))));
        Assert.Single(_module.Invocations["render"]);

        // A new but equal spec (new lists, same values): nothing goes to the browser.
        chart.Render(p => p.Add(c => c.Spec, Timeline(new DateOnly(2026, 3, 15))));
        Assert.Empty(_module.Invocations["update"]);

        chart.Render(p => p.Add(c => c.Spec, Timeline(new DateOnly(2026, 3, 20))));
        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal(ApexOptions.Timestamp(new DateOnly(2026, 3, 20)), (long)RenderedOptions(update.Arguments)["annotations"]!["xaxis"]![0]!["x"]!);
        Assert.Single(_module.Invocations["render"]);
    }

    [Fact]
    public async Task Removing_the_chart_disposes_it_in_the_browser()
    {
        _context.Render<KashiChart>(p => p.Add(c => c.Spec, Timeline(new DateOnly(2026, 3, 15))));
        Assert.Empty(_module.Invocations["dispose"]);

        await _context.DisposeComponentsAsync();

        var dispose = Assert.Single(_module.Invocations["dispose"]);
        Assert.Equal(((ElementReference)_module.Invocations["render"][0].Arguments[0]!).Id, ((ElementReference)dispose.Arguments[0]!).Id);
    }

    [Fact]
    public async Task A_lost_circuit_while_disposing_is_not_an_error()
    {
        _module.SetupVoid("dispose", _ => true).SetException(new JSDisconnectedException("gone"));
        _context.Render<KashiChart>(p => p.Add(c => c.Spec, Timeline(new DateOnly(2026, 3, 15))));

        await _context.DisposeComponentsAsync();
    }
}
