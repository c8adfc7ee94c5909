using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Statistics;

/// <summary>
/// The statistics screen's read on the demo data: the charts sum approved returns only and name the units not
/// counted; the projects behind a unit's funds add up to its approved figure when the return was computed from the
/// platform (the latest month); a unit reads its own figures only.
/// </summary>
public sealed class StatisticsChartsQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static StatMonth Latest => StatMonth.Containing(TestClock.Default.UtcNow).Previous();

    private StatisticsChartsQuery Query => database.Services.GetRequiredService<StatisticsChartsQuery>();

    private Task<List<int>> AttractingUnitsAsync() => database.QueryAsync(db => db.Units
        .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).Select(u => u.Id).ToListAsync());

    /// <summary>The approved figures of a month's returns (unit totals and chain figures), straight from the database.</summary>
    private Task<List<(int UnitId, FigureCode Code, int? ChainId, decimal Value)>> ApprovedAsync(StatMonth month) => database.QueryAsync(async db =>
        (await (from f in db.MonthlyReturnFigures
                join r in db.MonthlyReturns on f.MonthlyReturnId equals r.Id
                where r.MonthIndex == month.Index && r.ApprovedRevision != null && f.ApprovedValue != null
                select new { r.UnitId, f.Code, f.ChainId, Value = f.ApprovedValue!.Value }).ToListAsync())
        .Select(x => (x.UnitId, x.Code, x.ChainId, x.Value)).ToList());

    [Fact]
    public async Task The_charts_of_a_month_every_unit_has_approved_are_the_sums_of_the_approved_returns()
    {
        var month = Latest.Previous();
        var units = await AttractingUnitsAsync();
        var approved = await ApprovedAsync(month);
        var charts = (await Query.ReadAsync(await database.ScopeOfAsync("bureau", ActorRole.Bureau), month))!;

        Assert.Empty(charts.MissingUnitIds);
        Assert.Equal(units.Order(), charts.UnitIds.Order());
        foreach (var code in FigureCodes.Totals)
            Assert.Equal(approved.Where(f => f.Code == code && f.ChainId == null).Sum(f => f.Value), charts.Totals[code]);
        Assert.True(charts.Totals[FigureCode.FundsYtd] > 0m);

        // By month: this month's column is the month's funds; last year's line the approved returns of a year before.
        Assert.Equal(charts.Totals[FigureCode.FundsMonth], charts.ByMonth[month.Month - 1].ThisYear);
        var lastYear = await ApprovedAsync(month.SameMonthLastYear);
        Assert.Equal(lastYear.Where(f => f.Code == FigureCode.FundsMonth && f.ChainId == null).Sum(f => f.Value), charts.ByMonth[month.Month - 1].LastYear);
        Assert.All(charts.ByMonth.Where(m => m.Month > month.Month), m => Assert.Null(m.ThisYear));

        // By county: every unit, ranked by out-of-region funds to date, highest first, each bar its own approved figure.
        Assert.Equal(units.Count, charts.Counties.Count);
        Assert.Equal(1, charts.Counties[0].Rank);
        Assert.Equal(charts.Counties.Select(c => c.OutOfRegionFundsYtd).OrderDescending(), charts.Counties.Select(c => c.OutOfRegionFundsYtd));
        foreach (var c in charts.Counties)
            Assert.Equal(approved.Single(f => f.UnitId == c.UnitId && f.Code == FigureCode.FundsYtd && f.ChainId == null).Value, c.FundsYtd);
        Assert.Contains(charts.Counties, c => c.OutOfRegionGrowth.Kind == GrowthKind.Percent);

        // By chain: the chain figures of the approved returns.
        foreach (var chain in charts.Chains)
            Assert.Equal(approved.Where(f => f.Code == FigureCode.FundsYtd && f.ChainId == chain.ChainId).Sum(f => f.Value), chain.FundsYtd);
        Assert.Equal(approved.Where(f => f.Code == FigureCode.FundsYtd && f.ChainId != null).Sum(f => f.Value), charts.Chains.Sum(c => c.FundsYtd));
    }

    [Fact]
    public async Task A_unit_not_approved_is_named_and_not_counted_and_the_projects_behind_an_approved_units_funds_add_up_to_its_figure()
    {
        var units = await AttractingUnitsAsync();
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var kedz = await database.ScopeOfAsync("kedz");

        // The latest month: nothing approved yet, every unit is missing and nothing is counted.
        var before = (await Query.ReadAsync(bureau, Latest))!;
        Assert.Equal(units.Order(), before.MissingUnitIds.Order());
        Assert.All(before.Totals.Values, v => Assert.Equal(0m, v));
        Assert.Empty(before.Counties);

        // The Bureau approves KEDZ's return (computed from the platform's data at the month's close).
        var commands = database.Services.GetRequiredService<MonthlyReturnCommands>();
        var view = (await commands.ReadAsync(bureau, kedz.UnitId!.Value, Latest))!;
        Assert.Equal(WriteStatus.Saved, (await commands.ApproveAsync(bureau, view.Return.Id, view.Return.Version)).Status);
        var approved = (await ApprovedAsync(Latest)).Where(f => f.ChainId == null).ToDictionary(f => f.Code, f => f.Value);

        var after = (await Query.ReadAsync(bureau, Latest))!;
        Assert.Equal(units.Where(u => u != kedz.UnitId).Order(), after.MissingUnitIds.Order());
        Assert.DoesNotContain(kedz.UnitId!.Value, after.MissingUnitIds);
        foreach (var code in FigureCodes.Totals) Assert.Equal(approved[code], after.Totals[code]);
        Assert.Equal((kedz.UnitId.Value, 1), (Assert.Single(after.Counties).UnitId, after.Counties[0].Rank!.Value));
        Assert.True(approved[FigureCode.FundsYtd] > 0m, "KEDZ has funds in place this year in the demo data");

        // Drill-down: the projects behind KEDZ's funds to date are KEDZ's, and add up to its approved figure.
        var county = (await Query.DrillAsync(bureau, Latest, new DrillTarget(DrillKind.County, kedz.UnitId.Value)))!;
        Assert.NotEmpty(county.Projects);
        var hosts = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == kedz.UnitId.Value).Select(p => p.Id).ToListAsync());
        Assert.All(county.Projects, p => Assert.Contains(p.ProjectId, hosts));
        Assert.Equal(approved[FigureCode.FundsYtd], county.Approved);
        Assert.Equal(county.Approved, county.ProjectsSum);
        Assert.Equal(county.ProjectsSum, county.Projects.Sum(p => p.FundsWan));
        Assert.False(county.DiffersFromApproved);

        // The prefecture's total to date: only KEDZ counts; the others are named as not counted.
        var total = (await Query.DrillAsync(bureau, Latest, new DrillTarget(DrillKind.Total, (int)FigureCode.OutOfRegionFundsYtd)))!;
        Assert.Equal((approved[FigureCode.OutOfRegionFundsYtd], approved[FigureCode.OutOfRegionFundsYtd]), (total.Approved, total.ProjectsSum));
        Assert.Equal(units.Count - 1, total.MissingUnitIds.Count);

        // The month's funds, and the projects signed this year: a count behind a count.
        var monthFunds = (await Query.DrillAsync(bureau, Latest, new DrillTarget(DrillKind.Month, Latest.Index)))!;
        Assert.Equal(approved[FigureCode.FundsMonth], monthFunds.ProjectsSum);
        var signed = (await Query.DrillAsync(bureau, Latest, new DrillTarget(DrillKind.Stage, (int)FigureCode.SignedYtd)))!;
        Assert.Equal(approved[FigureCode.SignedYtd], signed.ProjectsSum);
        Assert.Equal((int)approved[FigureCode.SignedYtd], signed.Projects.Count);

        // By source region: the returns have none, so the counted units' project reports by investor region; KEDZ's
        // return was computed from those reports, so together they make its out-of-region funds. No approved figure to compare.
        Assert.NotEmpty(after.Regions);
        Assert.Equal(approved[FigureCode.OutOfRegionFundsYtd], after.Regions.Sum(r => r.OutOfRegionFundsYtd));
        var top = after.Regions[0];
        var region = (await Query.DrillAsync(bureau, Latest, new DrillTarget(DrillKind.Region, (int)top.Region)))!;
        Assert.Equal(top.OutOfRegionFundsYtd, region.ProjectsSum);
        Assert.Null(region.Approved);
        Assert.False(region.DiffersFromApproved);

        // A unit whose return is not approved opens nothing: it is listed as not counted.
        var shache = await database.ScopeOfAsync("shache");
        var notCounted = (await Query.DrillAsync(bureau, Latest, new DrillTarget(DrillKind.County, shache.UnitId!.Value)))!;
        Assert.Empty(notCounted.Projects);
        Assert.Equal([shache.UnitId.Value], notCounted.MissingUnitIds);
    }

    [Fact]
    public async Task A_unit_reads_its_own_figures_and_a_sub_bureau_reads_none()
    {
        var month = Latest.Previous();
        var shache = await database.ScopeOfAsync("shache");
        var own = (await Query.ReadAsync(shache, month))!;
        Assert.Equal([shache.UnitId!.Value], own.UnitIds);
        Assert.Equal(shache.UnitId.Value, Assert.Single(own.Counties).UnitId);
        var approved = await ApprovedAsync(month);
        Assert.Equal(approved.Single(f => f.UnitId == shache.UnitId && f.Code == FigureCode.FundsYtd && f.ChainId == null).Value, own.Totals[FigureCode.FundsYtd]);

        // Another unit's figures are not there to drill into.
        var kashi = await database.ScopeOfAsync("kashi");
        var other = (await Query.DrillAsync(shache, month, new DrillTarget(DrillKind.County, kashi.UnitId!.Value)))!;
        Assert.Empty(other.Projects);
        Assert.Equal(0m, other.Approved);

        var sub = await database.ScopeOfAsync("sub-prd", ActorRole.SubBureau);
        Assert.Null(await Query.ReadAsync(sub, month));
        Assert.Null(await Query.DrillAsync(sub, month, new DrillTarget(DrillKind.County, shache.UnitId.Value)));
    }
}
