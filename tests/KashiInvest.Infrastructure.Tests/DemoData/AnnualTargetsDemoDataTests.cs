using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.AnnualTargets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.DemoData;

public sealed class AnnualTargetsDemoDataTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_demo_has_this_years_and_last_years_targets_for_every_indicator_each_split_in_full_in_every_sequence()
    {
        await using var db = seeded.Database.CreateContext();
        var targets = await db.AnnualTargets.AsNoTracking().Include(t => t.Shares).ToListAsync();
        var year = seeded.Today.Year;

        foreach (var y in new[] { year - 1, year })
        {
            var ofYear = targets.Where(t => t.Year == y).ToList();
            Assert.Equal(AnnualIndicators.All.Order(), ofYear.Select(t => t.Indicator).Order());
            Assert.All(ofYear, t =>
            {
                Assert.True(t.Amount > 0m);
                Assert.All(Enum.GetValues<AssessmentSequence>(), s => Assert.Equal(0m, t.Remainder(s)));
            });
        }
    }

    [Fact]
    public async Task This_year_some_units_are_ahead_of_the_elapsed_time_and_some_behind()
    {
        var figures = await new AnnualFigures(seeded.Database.Factory, Options.Create(new StatisticsSettings()))
            .ReadAsync(seeded.Today.Year, seeded.Today, default);
        var elapsed = AnnualProgress.ElapsedShare(seeded.Today);
        var standings = figures.Where(f => f.Indicator == AnnualIndicator.OutOfRegionFunds)
            .Select(f => AnnualProgress.Standing(f.Target, f.Actual, elapsed, 0.25m).Status).ToList();

        Assert.Contains(PaceStatus.Ahead, standings);
        Assert.Contains(standings, s => s is PaceStatus.Behind or PaceStatus.FarBehind);
    }
}
