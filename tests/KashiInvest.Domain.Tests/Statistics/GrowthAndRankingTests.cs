using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Statistics;

public class GrowthTests
{
    private static readonly StatMonth March2026 = new(2026, 3);

    [Fact]
    public void Growth_is_a_percentage_of_last_years_figure_rounded_to_a_tenth()
    {
        Assert.Equal(new Growth(GrowthKind.Percent, 25.0m), Growth.Of(1_250m, 1_000m));
        Assert.Equal(new Growth(GrowthKind.Percent, -33.3m), Growth.Of(2m, 3m));
    }

    [Fact]
    public void Growth_from_zero_is_new_not_infinite()
    {
        Assert.Equal(GrowthKind.New, Growth.Of(500m, 0m).Kind);
        Assert.Null(Growth.Of(500m, 0m).Percent);
    }

    [Fact]
    public void Zero_against_zero_is_no_growth()
    {
        Assert.Equal(new Growth(GrowthKind.Percent, 0m), Growth.Of(0m, 0m));
    }

    [Fact]
    public void A_missing_month_of_last_year_gives_no_comparison_not_zero()
    {
        var growth = YearOnYear.ForMonth(March2026, 800m, _ => null);

        Assert.Equal(GrowthKind.NoComparison, growth.Kind);
        Assert.Null(growth.Percent);
    }

    [Fact]
    public void Month_growth_compares_with_the_same_month_of_last_year()
    {
        var growth = YearOnYear.ForMonth(March2026, 800m, m => m == new StatMonth(2025, 3) ? 400m : 1m);

        Assert.Equal(new Growth(GrowthKind.Percent, 100m), growth);
    }

    [Fact]
    public void Year_to_date_growth_sums_the_same_months_of_last_year()
    {
        var lastYear = new Dictionary<StatMonth, decimal> { [new(2025, 1)] = 100m, [new(2025, 2)] = 200m, [new(2025, 3)] = 300m, [new(2025, 4)] = 9_999m };

        var growth = YearOnYear.ForYearToDate(March2026, 900m, m => lastYear.TryGetValue(m, out var v) ? v : null);

        Assert.Equal(new Growth(GrowthKind.Percent, 50m), growth);
    }

    [Fact]
    public void Year_to_date_growth_with_one_month_of_last_year_missing_gives_no_comparison()
    {
        var lastYear = new Dictionary<StatMonth, decimal> { [new(2025, 1)] = 100m, [new(2025, 3)] = 300m };

        var growth = YearOnYear.ForYearToDate(March2026, 900m, m => lastYear.TryGetValue(m, out var v) ? v : null);

        Assert.Equal(GrowthKind.NoComparison, growth.Kind);
    }
}

public class RankingTests
{
    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips_1_2_2_4()
    {
        var ranked = Ranking.Competition(new[] { ("a", 10m), ("b", 30m), ("c", 20m), ("d", 20m) }, x => x.Item2);

        Assert.Equal(new[] { ("b", 1), ("c", 2), ("d", 2), ("a", 4) }, ranked.Select(r => (r.Item.Item1, r.Rank!.Value)));
    }

    [Fact]
    public void A_tie_at_the_top_skips_to_the_third_place()
    {
        var ranked = Ranking.Competition(new[] { 5m, 5m, 1m }, x => x);

        Assert.Equal(new int?[] { 1, 1, 3 }, ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Items_without_a_value_come_last_and_unranked()
    {
        var ranked = Ranking.Competition(new[] { ("none", (decimal?)null), ("low", 1m), ("high", 2m) }, x => x.Item2);

        Assert.Equal(new[] { "high", "low", "none" }, ranked.Select(r => r.Item.Item1));
        Assert.Equal(new int?[] { 1, 2, null }, ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Ascending_ranks_the_lowest_first()
    {
        var ranked = Ranking.Competition(new[] { 3m, 1m, 1m }, x => x, ascending: true);

        Assert.Equal(new[] { 1m, 1m, 3m }, ranked.Select(r => r.Item));
        Assert.Equal(new int?[] { 1, 1, 3 }, ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Nothing_to_rank_gives_an_empty_table()
    {
        Assert.Empty(Ranking.Competition(Array.Empty<decimal>(), x => x));
    }
}
