using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Bulletins;

public class SupervisionRuleTests
{
    private static BulletinSettings Settings(int bottomN = 2, int topM = 1, decimal stalledShare = 0m, int idleDays = 0) =>
        new() { SupervisionBottomN = bottomN, PraiseTopM = topM, SlowStalledSharePercent = stalledShare, SlowAverageIdleDays = idleDays };

    private static UnitPerformance Unit(int id, Growth growth, int active = 10, int stalled = 0, int? idle = 5) =>
        new(id, $"U{id}", $"U{id}", growth, active, stalled, idle);

    private static Growth Pct(decimal p) => new(GrowthKind.Percent, p);

    private static IReadOnlyList<int> Named(SupervisionResult r) => r.Supervision.Select(s => s.UnitId).ToList();

    [Fact]
    public void The_bottom_N_by_growth_are_named_with_their_rank_and_growth()
    {
        var result = SupervisionRule.Apply([Unit(1, Pct(30m)), Unit(2, Pct(-5m)), Unit(3, Pct(10m)), Unit(4, Pct(-20m))], Settings(bottomN: 2));

        Assert.Equal([2, 4], Named(result));
        var ground = Assert.Single(result.Supervision.Single(s => s.UnitId == 4).Grounds);
        Assert.Equal(SupervisionGroundKind.LowGrowth, ground.Kind);
        Assert.Equal(4, ground.GrowthRank);
        Assert.Equal(4, ground.RankedUnits);
        Assert.Equal(-20m, ground.Growth.Percent);
    }

    [Fact]
    public void Every_unit_tied_at_the_Nth_place_is_named()
    {
        var result = SupervisionRule.Apply([Unit(1, Pct(30m)), Unit(2, Pct(-5m)), Unit(3, Pct(-5m)), Unit(4, Pct(-20m))], Settings(bottomN: 2));

        Assert.Equal([2, 3, 4], Named(result));
    }

    [Fact]
    public void A_tie_just_above_the_bottom_N_is_not_named()
    {
        var result = SupervisionRule.Apply([Unit(1, Pct(0m)), Unit(2, Pct(0m)), Unit(3, Pct(-1m)), Unit(4, Pct(-2m))], Settings(bottomN: 2, topM: 0));

        Assert.Equal([3, 4], Named(result));
    }

    [Fact]
    public void Growth_from_zero_ranks_above_every_percentage_and_is_never_low()
    {
        var result = SupervisionRule.Apply([Unit(1, new Growth(GrowthKind.New, null)), Unit(2, Pct(500m)), Unit(3, Pct(1m))], Settings(bottomN: 2, topM: 1));

        Assert.Equal([2, 3], Named(result));
        var praised = Assert.Single(result.Praise);
        Assert.Equal(1, praised.UnitId);
        Assert.Equal(1, praised.GrowthRank);
    }

    [Fact]
    public void A_unit_with_no_returns_is_neither_ranked_nor_named_for_growth_nor_praised()
    {
        var result = SupervisionRule.Apply([Unit(1, Growth.NoComparison, active: 0, idle: null), Unit(2, Pct(10m)), Unit(3, Pct(-10m))], Settings(bottomN: 1, topM: 1));

        Assert.Equal([3], Named(result));
        Assert.Equal(2, Assert.Single(result.Praise).UnitId);
        Assert.Equal(2, result.Supervision.Single().Grounds.Single().RankedUnits);
    }

    [Fact]
    public void N_larger_than_the_ranked_units_names_every_ranked_unit_and_praises_none()
    {
        var result = SupervisionRule.Apply([Unit(1, Pct(10m)), Unit(2, Pct(-10m)), Unit(3, Growth.NoComparison)], Settings(bottomN: 20, topM: 3));

        Assert.Equal([1, 2], Named(result));
        Assert.Empty(result.Praise);
    }

    [Fact]
    public void N_zero_names_nobody_for_growth()
    {
        var result = SupervisionRule.Apply([Unit(1, Pct(10m)), Unit(2, Pct(-10m))], Settings(bottomN: 0, topM: 0));

        Assert.Empty(result.Supervision);
    }

    [Fact]
    public void A_stalled_share_at_the_threshold_is_slow_and_just_below_it_is_not()
    {
        var settings = Settings(bottomN: 0, topM: 0, stalledShare: 30m);
        var result = SupervisionRule.Apply([Unit(1, Pct(50m), active: 10, stalled: 3), Unit(2, Pct(50m), active: 7, stalled: 2)], settings);

        var entry = Assert.Single(result.Supervision);
        Assert.Equal(1, entry.UnitId);
        var ground = Assert.Single(entry.Grounds);
        Assert.Equal(SupervisionGroundKind.StalledShare, ground.Kind);
        Assert.Equal(30m, ground.StalledSharePercent);
        Assert.Equal(3, ground.StalledProjects);
        Assert.Equal(10, ground.ActiveProjects);
        Assert.Equal(30m, ground.Threshold);
        Assert.Equal(28.6m, SupervisionRule.StalledShare(2, 7));
    }

    [Fact]
    public void Average_idle_days_at_the_threshold_are_slow_but_a_unit_without_projects_under_way_never_is()
    {
        var settings = Settings(bottomN: 0, topM: 0, idleDays: 45);
        var result = SupervisionRule.Apply([Unit(1, Pct(5m), idle: 45), Unit(2, Pct(5m), idle: 44), Unit(3, Pct(5m), active: 0, idle: 90)], settings);

        var entry = Assert.Single(result.Supervision);
        Assert.Equal(1, entry.UnitId);
        Assert.Equal(45, entry.Grounds.Single().AverageIdleDays);
    }

    [Fact]
    public void A_unit_both_low_and_slow_is_named_once_with_both_grounds_and_is_not_praised()
    {
        var settings = Settings(bottomN: 1, topM: 5, stalledShare: 50m);
        var result = SupervisionRule.Apply([Unit(1, Pct(-3m), active: 2, stalled: 1), Unit(2, Pct(7m))], settings);

        var entry = Assert.Single(result.Supervision);
        Assert.Equal([SupervisionGroundKind.LowGrowth, SupervisionGroundKind.StalledShare], entry.Grounds.Select(g => g.Kind));
        Assert.Equal([2], result.Praise.Select(p => p.UnitId));
    }

    [Fact]
    public void Praise_includes_ties_at_the_Mth_place()
    {
        var result = SupervisionRule.Apply([Unit(1, Pct(20m)), Unit(2, Pct(20m)), Unit(3, Pct(5m)), Unit(4, Pct(-5m))], Settings(bottomN: 1, topM: 1));

        Assert.Equal([1, 2], result.Praise.Select(p => p.UnitId));
        Assert.All(result.Praise, p => Assert.Equal(1, p.GrowthRank));
    }
}
