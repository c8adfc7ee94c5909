using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Charts;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace KashiInvest.Web.Tests.Statistics;

/// <summary>
/// The statistics screen (/statistics) on the demo data: it opens on the latest closed month, names the units not
/// counted, draws its four charts, opens the projects behind a county's bar, and follows an approval live. A unit
/// sees its own figures without the prefecture export.
/// </summary>
public sealed class StatisticsPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static StatMonth Latest => StatMonth.Containing(TestClock.Default.UtcNow).Previous();

    private async Task<(BunitContext Context, IRenderedComponent<StatisticsPage> Page)> RenderAsync(UserScope scope, StatMonth? month = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddScoped(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), sp.GetRequiredService<IUserScopeProvider>(), new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        if (month is { } asked)
        {
            var navigation = context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
            navigation.NavigateTo($"/statistics?month={asked}");
        }
        var page = context.Render<StatisticsPage>();
        await Task.Yield();
        return (context, page);
    }

    [Fact]
    public async Task The_Bureau_sees_the_charts_of_the_latest_month_opens_the_projects_behind_a_county_and_an_approval_shows_live()
    {
        using var _ = new UiCulture("en");
        var units = await database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .ToDictionaryAsync(u => u.Code, u => u.Id));
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var (context, page) = await RenderAsync(bureau, Latest); // a picked month (?month=): shown even with nothing approved
        await using (context)
        {
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=chart-by-month]")));
            Assert.Equal("on", page.Find("[data-testid=statistics-page]").GetAttribute("data-live"));
            // Nothing approved this month: the months before are charted, the month's own charts say there is nothing yet.
            Assert.Single(page.FindAll("[data-testid=statistics-empty]"));
            Assert.Empty(page.FindAll("[data-testid=chart-by-county]"));
            Assert.Empty(page.FindAll("[data-testid=statistics-default-month]")); // the month was asked for: no explanation
            Assert.Equal($"/statistics/table/{Latest}.xlsx", page.Find("[data-testid=statistics-xlsx]").GetAttribute("href"));

            // Nothing of the latest month is approved: every unit is named as not counted.
            Assert.StartsWith($"{units.Count} units have no approved return", page.Find("[data-testid=statistics-missing]").TextContent.Trim(), StringComparison.Ordinal);

            // The Bureau approves KEDZ's return: the screen follows without reload, KEDZ is counted.
            var commands = context.Services.GetRequiredService<MonthlyReturnCommands>();
            var view = (await commands.ReadAsync(bureau, units["kedz"], Latest))!;
            Assert.Equal(WriteStatus.Saved, (await commands.ApproveAsync(bureau, view.Return.Id, view.Return.Version)).Status);
            page.WaitForAssertion(() => Assert.StartsWith($"{units.Count - 1} units", page.Find("[data-testid=statistics-missing]").TextContent.Trim(), StringComparison.Ordinal),
                TimeSpan.FromSeconds(10));
            foreach (var chart in new[] { "chart-by-month", "chart-by-county", "chart-by-chain", "chart-by-stage", "chart-by-region" }) Assert.Single(page.FindAll($"[data-testid={chart}]"));
            Assert.Empty(page.FindAll("[data-testid=statistics-empty]"));
            var countyChart = page.FindComponents<KashiChart>().Single(c => c.Instance.AdditionalAttributes?["data-testid"] as string == "chart-by-county");
            var bars = countyChart.Instance.Spec.Series.OfType<PointSeries>().First().Points;
            Assert.StartsWith("1. ", Assert.Single(bars).Label, StringComparison.Ordinal);

            // A click on KEDZ's bar opens the projects behind it, adding up to its approved funds, each with its battle map.
            await page.InvokeAsync(() => countyChart.Instance.OnPointSelected.InvokeAsync(new ChartPointSelection(0, 0, null, bars[0].Label)));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=drill-row]")));
            var panel = page.Find("[data-testid=drill-panel]");
            Assert.Equal(("County", units["kedz"].ToString()), (panel.GetAttribute("data-kind"), panel.GetAttribute("data-key")));
            Assert.Empty(page.FindAll("[data-testid=drill-differs]"));
            Assert.StartsWith("/projects/", page.Find("[data-testid=drill-battlemap]").GetAttribute("href"), StringComparison.Ordinal);
            page.Find("[data-testid=drill-close] button, button[data-testid=drill-close]").Click();
            Assert.Empty(page.FindAll("[data-testid=drill-panel]"));
        }
    }

    [Fact]
    public async Task A_unit_sees_its_own_figures_without_the_prefecture_export()
    {
        using var _ = new UiCulture("en");
        var (context, page) = await RenderAsync(await database.ScopeOfAsync("shache"), Latest);
        await using (context)
        {
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=chart-by-month]")));
            Assert.Empty(page.FindAll("[data-testid=statistics-xlsx]"));
            Assert.Contains("Your return of this month is not approved yet", page.Find("[data-testid=statistics-missing]").TextContent, StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// The screen's default month on the demo data (its own database: the test approves a return): the latest closed month
/// has nothing approved yet, so a leader opens on the month before, and the page says which month is shown and why.
/// </summary>
public sealed class StatisticsDefaultMonthTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static StatMonth Latest => StatMonth.Containing(TestClock.Default.UtcNow).Previous();

    private async Task<(BunitContext Context, IRenderedComponent<StatisticsPage> Page)> RenderAsync(UserScope scope)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddScoped(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), sp.GetRequiredService<IUserScopeProvider>(), new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        var page = context.Render<StatisticsPage>();
        await Task.Yield();
        return (context, page);
    }

    [Fact]
    public async Task A_leader_opens_on_the_latest_month_with_approved_returns_and_is_told_the_latest_closed_month_is_in_review()
    {
        var leader = await database.ScopeOfAsync("leaders", ActorRole.Leader);
        using (new UiCulture("zh-CN"))
        {
            var (context, page) = await RenderAsync(leader);
            await using (context)
            {
                page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=chart-by-county]")));
                var notice = page.Find("[data-testid=statistics-default-month]");
                Assert.Equal((Latest.Previous().ToString(), Latest.ToString()), (notice.GetAttribute("data-month"), notice.GetAttribute("data-in-review")));
                Assert.StartsWith($"{Latest.Year}年{Latest.Month}月报表尚在审核，显示{Latest.Previous().Year}年{Latest.Previous().Month}月", notice.TextContent.Trim(), StringComparison.Ordinal);
                Assert.Equal($"/statistics/table/{Latest.Previous()}.xlsx", page.Find("[data-testid=statistics-xlsx]").GetAttribute("href"));
            }
        }

        // Once one return of the latest closed month is approved, the screen opens on it, with nothing to explain.
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var kedz = await database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.DevelopmentZone).Select(u => u.Id).FirstAsync());
        using (new UiCulture("en"))
        {
            var (context, page) = await RenderAsync(leader);
            await using (context)
            {
                var commands = context.Services.GetRequiredService<MonthlyReturnCommands>();
                var view = (await commands.ReadAsync(bureau, kedz, Latest))!;
                Assert.Equal(WriteStatus.Saved, (await commands.ApproveAsync(bureau, view.Return.Id, view.Return.Version)).Status);
            }
            var (again, reopened) = await RenderAsync(leader);
            await using (again)
            {
                reopened.WaitForAssertion(() => Assert.NotEmpty(reopened.FindAll("[data-testid=chart-by-county]")));
                Assert.Empty(reopened.FindAll("[data-testid=statistics-default-month]"));
                Assert.Equal($"/statistics/table/{Latest}.xlsx", reopened.Find("[data-testid=statistics-xlsx]").GetAttribute("href"));
            }
        }
    }
}
