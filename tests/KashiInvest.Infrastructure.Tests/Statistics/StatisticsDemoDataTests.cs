using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Infrastructure.Tests.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Statistics;

/// <summary>The demo's monthly returns: two full years approved, the latest closed month in review, growth that differs by county.</summary>
public sealed class StatisticsDemoDataTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private StatMonth Latest => StatMonth.Containing(seeded.Database.Clock.GetUtcNow().UtcDateTime).Previous();

    [Fact]
    public async Task Every_attracting_unit_has_two_full_years_of_approved_returns_before_the_latest_closed_month()
    {
        await using var db = seeded.Database.CreateContext();
        var units = await db.Units.Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).Select(u => u.Id).ToListAsync();
        var returns = await db.MonthlyReturns.AsNoTracking().Select(r => new { r.UnitId, r.MonthIndex, r.Status, r.ApprovedRevision }).ToListAsync();

        Assert.Equal(13, units.Count);
        foreach (var unit in units)
        {
            var approved = returns.Where(r => r.UnitId == unit && r.Status == ReturnStatus.Approved).Select(r => r.MonthIndex).Order().ToList();
            Assert.Equal(Enumerable.Range(Latest.Index - StatisticsDemoData.HistoryMonths, StatisticsDemoData.HistoryMonths), approved);
        }
        Assert.DoesNotContain(returns, r => r.MonthIndex >= Latest.Next().Index);
    }

    [Fact]
    public async Task The_latest_month_is_computed_for_most_units_submitted_by_KEDZ_and_returned_with_a_comment_to_one_county()
    {
        await using var db = seeded.Database.CreateContext();
        var latest = await (from r in db.MonthlyReturns.AsNoTracking()
                            join u in db.Units on r.UnitId equals u.Id
                            where r.MonthIndex == Latest.Index
                            select new { u.Code, r.Status, r.ReturnComment, r.ComputedBy }).ToListAsync();

        Assert.Equal(13, latest.Count);
        Assert.Equal(11, latest.Count(r => r.Status == ReturnStatus.Computed));
        Assert.Equal(ReturnStatus.Submitted, latest.Single(r => r.Code == ReferenceData.DevelopmentZoneCode).Status);
        var returned = Assert.Single(latest, r => r.Status == ReturnStatus.Returned);
        Assert.Equal((StatisticsDemoData.ReturnedUnitCode, StatisticsDemoData.ReturnComment), (returned.Code, returned.ReturnComment));
        Assert.All(latest, r => Assert.Equal("system:statistics", r.ComputedBy));
    }

    [Fact]
    public async Task Year_on_year_growth_is_real_and_the_lagging_county_shrinks()
    {
        var month = Latest.Previous(); // approved everywhere, with a full year before it
        var table = await new PrefectureMonthlyTableQuery(seeded.Database.Factory).ReadAsync(month);

        Assert.Empty(table.Missing);
        Assert.Equal(GrowthKind.Percent, table.Growth[FigureCode.OutOfRegionFundsYtd].Kind);
        var lagging = table.Counties.Single(c => c.Code == StatisticsDemoData.LaggingUnitCode);
        Assert.True(lagging.OutOfRegionFundsYtdGrowth.Percent < 0m, $"lagging county growth {lagging.OutOfRegionFundsYtdGrowth}");
        Assert.True(table.Counties.Select(c => c.OutOfRegionFundsYtdGrowth.Percent).Distinct().Count() > 5, "growth differs by county");
        Assert.True(table.Totals[FigureCode.OutOfRegionFundsYtd] > 0m);
        Assert.Equal(table.Totals[FigureCode.FundsMonth], table.Chains.Sum(c => c.Figures[FigureCode.FundsMonth]));
    }

    [Fact]
    public async Task A_month_without_approved_returns_has_no_prefecture_growth_rather_than_minus_a_hundred_percent()
    {
        // The latest closed month: nothing approved yet, every unit missing from the sums.
        var table = await new PrefectureMonthlyTableQuery(seeded.Database.Factory).ReadAsync(Latest);

        Assert.Equal(13, table.Missing.Count);
        Assert.Equal(0m, table.Totals[FigureCode.OutOfRegionFundsYtd]);
        Assert.All(table.Growth.Values, g => Assert.Equal(GrowthKind.NoComparison, g.Kind));
    }

    [Fact]
    public async Task The_demo_returns_are_the_same_for_the_same_seed_and_clock()
    {
        await using var other = await TestDatabase.CreateAsync();
        await SeededDatabase.Seeder(other).SeedAsync();

        async Task<List<decimal>> Figures(TestDatabase database)
        {
            await using var db = database.CreateContext();
            return await db.MonthlyReturnFigures.AsNoTracking().OrderBy(f => f.Id).Select(f => f.ApprovedValue ?? f.ComputedValue).ToListAsync();
        }
        Assert.Equal(await Figures(seeded.Database), await Figures(other));
    }
}
