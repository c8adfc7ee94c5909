using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Assessment;

namespace KashiInvest.Domain.Tests.Alerts;

public class AnnualTargetAlertRulesTests
{
    private const decimal Gap = 0.25m;
    /// <summary>30 June 2026: day 181 of 365, 49.6 % of the year elapsed.</summary>
    private static readonly DateOnly MidYear = new(2026, 6, 30);

    [Fact]
    public void A_unit_trailing_the_elapsed_time_by_more_than_the_gap_is_one_alert_about_and_owned_by_it_naming_each_indicator()
    {
        var standings = new[]
        {
            new TargetStanding(1, AnnualIndicator.SignedProjects, 10m, 2m),           // 20.0 %: far behind
            new TargetStanding(1, AnnualIndicator.OutOfRegionFunds, 10_000m, 1_000m), // 10.0 %: far behind
            new TargetStanding(1, AnnualIndicator.FundsInPlace, 10_000m, 4_000m),     // 40.0 %: behind, not far
            new TargetStanding(2, AnnualIndicator.OutOfRegionFunds, 10_000m, 6_000m), // ahead
            new TargetStanding(3, AnnualIndicator.OutOfRegionFunds, null, 0m),        // no target: never behind
            new TargetStanding(4, AnnualIndicator.OutOfRegionFunds, 0m, 0m),          // a zero target neither
        };

        var alert = Assert.Single(AnnualTargetAlertRules.FarBehind(2026, standings, MidYear, Gap));

        Assert.Equal((AlertKind.AnnualTargetFarBehind, (int?)null, (int?)1, (int?)1, "2026", AlertSeverity.Medium),
            (alert.Kind, alert.ProjectId, alert.UnitId, alert.OwnerUnitId, alert.Subject, alert.Severity));
        Assert.Equal(["2026", "OutOfRegionFunds:10.0%;SignedProjects:20.0%", "49.6%"], alert.Args);
    }

    [Theory]
    [InlineData(2_458, true)]  // 24.58 %: 25.01 points behind the 49.59 % elapsed
    [InlineData(2_459, false)] // 24.59 %: exactly the gap is not more than it
    public void Far_behind_starts_only_past_the_gap(int actual, bool alerted)
    {
        var standings = new[] { new TargetStanding(1, AnnualIndicator.FundsInPlace, 10_000m, actual) };

        Assert.Equal(alerted, AnnualTargetAlertRules.FarBehind(2026, standings, MidYear, Gap).Count == 1);
    }

    [Fact]
    public void Early_in_the_year_nobody_is_far_behind_even_with_nothing_done()
    {
        var nothingYet = new[] { new TargetStanding(1, AnnualIndicator.OutOfRegionFunds, 10_000m, 0m) };

        Assert.Empty(AnnualTargetAlertRules.FarBehind(2026, nothingYet, new DateOnly(2026, 3, 31), Gap)); // 24.7 % elapsed
        Assert.Single(AnnualTargetAlertRules.FarBehind(2026, nothingYet, new DateOnly(2026, 4, 2), Gap)); // 25.2 %
    }

    [Fact]
    public void The_gap_is_the_setting()
    {
        var standings = new[] { new TargetStanding(1, AnnualIndicator.OutOfRegionFunds, 10_000m, 2_000m) }; // 29.6 points behind

        Assert.Single(AnnualTargetAlertRules.FarBehind(2026, standings, MidYear, 0.25m));
        Assert.Empty(AnnualTargetAlertRules.FarBehind(2026, standings, MidYear, 0.30m));
    }
}
