using KashiInvest.Domain.Approvals;
using static KashiInvest.Domain.Tests.Approvals.Calendars;

namespace KashiInvest.Domain.Tests.Approvals;

public class ApprovalSpeedTests
{
    [Fact]
    public void The_median_of_nothing_is_nothing() => Assert.Null(ApprovalSpeed.Median([]));

    [Theory]
    [InlineData(new[] { 7 }, 7)]
    [InlineData(new[] { 9, 1, 5 }, 5)]
    [InlineData(new[] { 4, 4, 4, 9 }, 4)]
    [InlineData(new[] { 2, 9, 9, 1, 9 }, 9)]
    public void The_median_of_an_odd_count_or_of_ties_is_the_middle_value(int[] days, int median) =>
        Assert.Equal(median, ApprovalSpeed.Median(days));

    [Theory]
    [InlineData(new[] { 3, 8 }, 5.5)]
    [InlineData(new[] { 10, 1, 4, 6 }, 5)]
    [InlineData(new[] { 2, 2 }, 2)]
    [InlineData(new[] { 13, 5, 2, 5, 5, 8 }, 5)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, 3.5)]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values(int[] days, double median) =>
        Assert.Equal((decimal)median, ApprovalSpeed.Median(days));

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 4, 0.0)]
    [InlineData(4, 4, 100.0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(1, 16, 6.3)]
    public void The_share_is_a_percentage_with_one_decimal_and_none_of_nothing(int part, int whole, double? percent) =>
        Assert.Equal(percent is null ? null : (decimal)percent.Value, ApprovalSpeed.Percent(part, whole));

    [Fact]
    public void A_share_larger_than_its_whole_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalSpeed.Percent(5, 4));

    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(11, 20, false)]
    [InlineData(7, 15, true)]   // half of 15 is 7.5: 7 days is inside, 8 is not
    [InlineData(8, 15, false)]
    [InlineData(1, 1, true)]    // a one-day item: the committed limit is at least one day
    [InlineData(2, 1, false)]
    [InlineData(3, 7, true)]
    [InlineData(4, 7, false)]
    public void Inside_half_means_no_more_days_than_the_halved_statutory_limit(int days, int statutory, bool inside) =>
        Assert.Equal(inside, new FinishedItemDays(days, statutory).InsideHalf);

    [Fact]
    public void Nothing_finished_gives_no_figures()
    {
        Assert.Equal(SpeedFigures.None, ApprovalSpeed.Of([]));
        Assert.Equal(0, SpeedFigures.None.Count);
        Assert.Null(SpeedFigures.None.InsideHalfPercent);
    }

    [Fact]
    public void The_figures_count_the_items_their_median_and_the_share_inside_half()
    {
        var figures = ApprovalSpeed.Of([new(5, 20), new(13, 20), new(2, 20), new(10, 20)]);

        Assert.Equal(new SpeedFigures(4, 7.5m, 3, 75.0m), figures);
    }

    [Fact]
    public void The_share_of_good_ratings_counts_only_rated_items()
    {
        var figures = ApprovalSpeed.SatisfactionOf([Satisfaction.Good, null, Satisfaction.Poor, Satisfaction.Good, null]);

        Assert.Equal(new SatisfactionFigures(3, 2, 66.7m), figures);
    }

    [Fact]
    public void No_rated_item_gives_no_share_and_all_good_gives_100_percent()
    {
        Assert.Equal(SatisfactionFigures.None, ApprovalSpeed.SatisfactionOf([null, null]));
        Assert.Null(SatisfactionFigures.None.GoodPercent);
        Assert.Equal(new SatisfactionFigures(1, 0, 0.0m), ApprovalSpeed.SatisfactionOf([Satisfaction.Poor]));
        Assert.Equal(new SatisfactionFigures(2, 2, 100.0m), ApprovalSpeed.SatisfactionOf([Satisfaction.Good, Satisfaction.Good]));
    }

    [Fact]
    public void Days_taken_are_the_clock_s_days_in_the_item_s_unit_without_holidays_or_special_procedures()
    {
        // Accepted on the Friday before National Day 2026, an expert review from 9 to 12 October, decided 16 October:
        // 28, 29, 30 September, 8, 9, 13, 14, 15, 16 October count (the make-up Saturday 10 October falls in the review,
        // the 12th is the review's last day).
        var facts = new ClockFacts(D(2026, 9, 25), 10, LimitUnit.WorkingDays, [new PauseSpan(D(2026, 10, 9), D(2026, 10, 12), null)],
            FinishedOn: D(2026, 10, 16));
        var days = ApprovalClock.Read(facts, China, D(2026, 11, 19)).Elapsed;

        Assert.Equal(9, days);
        Assert.True(new FinishedItemDays(days, 20).InsideHalf);
        Assert.False(new FinishedItemDays(days, 15).InsideHalf);
    }
}
