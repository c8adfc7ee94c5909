using KashiInvest.Domain.AnnualTargets;

namespace KashiInvest.Domain.Tests.AnnualTargets;

public class AnnualProgressTests
{
    private const decimal Gap = 0.25m;

    [Fact]
    public void The_first_day_of_a_common_year_is_one_365th_of_it()
    {
        Assert.Equal(0.0027m, AnnualProgress.ElapsedShare(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_last_day_of_the_year_completes_it_in_common_and_leap_years()
    {
        Assert.Equal(1m, AnnualProgress.ElapsedShare(new DateOnly(2026, 12, 31)));
        Assert.Equal(1m, AnnualProgress.ElapsedShare(new DateOnly(2028, 12, 31)));
    }

    [Fact]
    public void At_the_end_of_february_a_leap_year_counts_its_29th_day_over_366()
    {
        // 31 + 28 = 59 of 365; 31 + 29 = 60 of 366.
        Assert.Equal(Math.Round(59m / 365m, 4), AnnualProgress.ElapsedShare(new DateOnly(2026, 2, 28)));
        Assert.Equal(Math.Round(60m / 366m, 4), AnnualProgress.ElapsedShare(new DateOnly(2028, 2, 29)));
        Assert.Equal(Math.Round(59m / 366m, 4), AnnualProgress.ElapsedShare(new DateOnly(2028, 2, 28)));
    }

    [Fact]
    public void At_the_end_of_june_a_common_year_is_181_days_in_and_a_leap_year_182()
    {
        Assert.Equal(0.4959m, AnnualProgress.ElapsedShare(new DateOnly(2026, 6, 30)));
        Assert.Equal(0.4973m, AnnualProgress.ElapsedShare(new DateOnly(2028, 6, 30)));
    }

    [Fact]
    public void A_year_not_begun_has_no_elapsed_time_and_a_year_over_is_complete()
    {
        Assert.Equal(0m, AnnualProgress.ElapsedShare(2027, new DateOnly(2026, 12, 31)));
        Assert.Equal(1m, AnnualProgress.ElapsedShare(2025, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Completion_exactly_at_the_elapsed_share_is_on_pace_and_counts_as_ahead()
    {
        var pace = AnnualProgress.Standing(target: 1_000m, actual: 500m, elapsed: 0.5m, Gap);

        Assert.Equal(PaceStatus.Ahead, pace.Status);
        Assert.Equal(0m, pace.Gap);
    }

    [Fact]
    public void Just_below_the_elapsed_share_is_behind()
    {
        var pace = AnnualProgress.Standing(1_000m, 499.9m, 0.5m, Gap);

        Assert.Equal(PaceStatus.Behind, pace.Status);
        Assert.Equal(-0.0001m, pace.Gap);
    }

    [Fact]
    public void Trailing_by_exactly_the_gap_is_behind_and_by_more_is_far_behind()
    {
        Assert.Equal(PaceStatus.Behind, AnnualProgress.Standing(1_000m, 250m, 0.5m, Gap).Status);
        Assert.Equal(PaceStatus.FarBehind, AnnualProgress.Standing(1_000m, 249.9m, 0.5m, Gap).Status);
    }

    [Fact]
    public void Early_in_the_year_no_unit_is_far_behind_even_with_nothing_done()
    {
        var day = new DateOnly(2026, 4, 1); // 91 / 365 ≈ 24.9 % elapsed; the next day 25.2 %

        Assert.Equal(PaceStatus.Behind, AnnualProgress.Standing(2026, 1_000m, 0m, day, Gap).Status);
        Assert.Equal(PaceStatus.FarBehind, AnnualProgress.Standing(2026, 1_000m, 0m, day.AddDays(1), Gap).Status);
    }

    [Fact]
    public void Without_a_target_there_is_no_standing()
    {
        Assert.Equal(PaceStatus.NoTarget, AnnualProgress.Standing(null, 100m, 0.5m, Gap).Status);
        Assert.Equal(PaceStatus.NoTarget, AnnualProgress.Standing(0m, 100m, 0.5m, Gap).Status);
        Assert.Null(AnnualProgress.Standing(0m, 100m, 0.5m, Gap).Completion);
    }

    [Fact]
    public void Beyond_the_target_completion_exceeds_one()
    {
        Assert.Equal(1.2m, AnnualProgress.Standing(1_000m, 1_200m, 0.5m, Gap).Completion);
    }

    [Fact]
    public void A_year_is_measured_through_the_beijing_day_and_through_its_last_day_once_over()
    {
        // 2026-06-30 16:30 UTC is already 1 July in Beijing.
        Assert.Equal(new DateOnly(2026, 7, 1), AnnualProgress.MeasuredThrough(2026, new DateTime(2026, 6, 30, 16, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2025, 12, 31), AnnualProgress.MeasuredThrough(2025, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_far_behind_gap_must_lie_strictly_between_zero_and_one()
    {
        Assert.Empty(new AnnualTargetSettings().Validate());
        Assert.NotEmpty(new AnnualTargetSettings { FarBehindGap = 0m }.Validate());
        Assert.NotEmpty(new AnnualTargetSettings { FarBehindGap = 1m }.Validate());
    }
}
