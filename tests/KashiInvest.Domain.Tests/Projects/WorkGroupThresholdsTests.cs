using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Tests.Projects;

public class WorkGroupThresholdsTests
{
    private static readonly WorkGroupThresholds Rules = WorkGroupThresholds.Default;

    [Fact]
    public void The_default_thresholds_are_the_Art_22_numbers()
    {
        Assert.Equal(10_000m, Rules.CountyAmount.Wan);
        Assert.Equal(300, Rules.CountyJobs);
        Assert.Equal(30_000m, Rules.KeyAmount.Wan);
        Assert.Equal(500, Rules.KeyJobs);
    }

    public static TheoryData<decimal, int, WorkGroupLevel> AmountBoundaries() => new()
    {
        { 0m, 0, WorkGroupLevel.None },
        { 9_999.99m, 0, WorkGroupLevel.None },
        { 9_999.9999m, 0, WorkGroupLevel.None },
        { 10_000m, 0, WorkGroupLevel.CountyWorkGroup },          // 1亿
        { 10_000.01m, 0, WorkGroupLevel.CountyWorkGroup },
        { 29_999.99m, 0, WorkGroupLevel.CountyWorkGroup },
        { 30_000m, 0, WorkGroupLevel.KeyProject },               // 3亿
        { 30_000.01m, 0, WorkGroupLevel.KeyProject },
        { 750_000m, 0, WorkGroupLevel.KeyProject },
    };

    public static TheoryData<int, WorkGroupLevel> JobBoundaries() => new()
    {
        { 0, WorkGroupLevel.None },
        { 299, WorkGroupLevel.None },
        { 300, WorkGroupLevel.CountyWorkGroup },
        { 301, WorkGroupLevel.CountyWorkGroup },
        { 499, WorkGroupLevel.CountyWorkGroup },
        { 500, WorkGroupLevel.KeyProject },
        { 5_000, WorkGroupLevel.KeyProject },
    };

    public static TheoryData<decimal, int, WorkGroupLevel> MixedCases() => new()
    {
        { 500m, 600, WorkGroupLevel.KeyProject },             // small amount, many jobs (e.g. a garment factory)
        { 800m, 350, WorkGroupLevel.CountyWorkGroup },        // small amount, enough jobs for a work group
        { 50_000m, 10, WorkGroupLevel.KeyProject },           // 5亿 photovoltaic plant, few jobs
        { 15_000m, 5, WorkGroupLevel.CountyWorkGroup },       // 1.5亿, few jobs
        { 15_000m, 499, WorkGroupLevel.CountyWorkGroup },     // both only reach the county threshold
        { 29_999.99m, 499, WorkGroupLevel.CountyWorkGroup },  // both just under the key threshold
        { 9_999.99m, 299, WorkGroupLevel.None },              // both just under the county threshold
        { 75_000m, 600, WorkGroupLevel.KeyProject },          // the typical 7.5亿 / 600 jobs textile project
    };

    [Theory]
    [MemberData(nameof(AmountBoundaries))]
    public void The_amount_alone_decides_the_level_at_each_boundary(decimal wan, int jobs, WorkGroupLevel expected) =>
        Assert.Equal(expected, Rules.LevelFor(Money.FromWan(wan), jobs));

    [Theory]
    [MemberData(nameof(JobBoundaries))]
    public void The_jobs_alone_decide_the_level_at_each_boundary(int jobs, WorkGroupLevel expected) =>
        Assert.Equal(expected, Rules.LevelFor(Money.FromWan(100m), jobs));

    [Theory]
    [MemberData(nameof(MixedCases))]
    public void Either_the_amount_or_the_jobs_reaching_a_threshold_is_enough(decimal wan, int jobs, WorkGroupLevel expected) =>
        Assert.Equal(expected, Rules.LevelFor(Money.FromWan(wan), jobs));

    [Fact]
    public void Thresholds_stated_in_yi_match_those_stated_in_wan()
    {
        Assert.Equal(WorkGroupLevel.CountyWorkGroup, Rules.LevelFor(Money.FromYi(1m), 0));
        Assert.Equal(WorkGroupLevel.KeyProject, Rules.LevelFor(Money.FromYi(3m), 0));
        Assert.Equal(WorkGroupLevel.CountyWorkGroup, Rules.LevelFor(Money.FromYi(2.9999m), 0));
    }

    [Fact]
    public void A_changed_policy_is_a_setting()
    {
        var stricter = new WorkGroupThresholds(Money.FromYi(2), 400, Money.FromYi(5), 800);

        Assert.Equal(WorkGroupLevel.None, stricter.LevelFor(Money.FromYi(1.5m), 350));
        Assert.Equal(WorkGroupLevel.CountyWorkGroup, stricter.LevelFor(Money.FromYi(3), 0));
        Assert.Equal(WorkGroupLevel.KeyProject, stricter.LevelFor(Money.FromYi(1), 800));
    }

    [Fact]
    public void The_default_thresholds_are_valid() => Assert.Empty(Rules.Validate());

    [Fact]
    public void Equal_county_and_key_thresholds_are_valid() =>
        Assert.Empty(new WorkGroupThresholds(Money.FromYi(1), 300, Money.FromYi(1), 300).Validate());

    public static TheoryData<decimal, int, decimal, int, string[]> BadThresholds() => new()
    {
        { 0m, 300, 30_000m, 500, ["Thresholds.MustBePositive"] },
        { -1m, 300, 30_000m, 500, ["Thresholds.MustBePositive"] },
        { 10_000m, 0, 30_000m, 500, ["Thresholds.MustBePositive"] },
        { 10_000m, 300, 9_999m, 500, ["Thresholds.KeyBelowCounty"] },
        { 10_000m, 300, 30_000m, 299, ["Thresholds.KeyBelowCounty"] },
        { 0m, 300, -5m, 500, ["Thresholds.MustBePositive", "Thresholds.KeyBelowCounty"] },
    };

    [Theory]
    [MemberData(nameof(BadThresholds))]
    public void Bad_thresholds_are_reported(decimal countyWan, int countyJobs, decimal keyWan, int keyJobs, string[] expectedCodes)
    {
        var thresholds = new WorkGroupThresholds(Money.FromWan(countyWan), countyJobs, Money.FromWan(keyWan), keyJobs);

        Assert.Equal(expectedCodes, thresholds.Validate().Select(v => v.Code));
    }
}
