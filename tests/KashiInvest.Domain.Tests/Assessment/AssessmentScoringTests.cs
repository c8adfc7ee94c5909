using KashiInvest.Domain.Assessment;

namespace KashiInvest.Domain.Tests.Assessment;

public class AssessmentScoringTests
{
    private const AssessmentSequence Counties = AssessmentSequence.CountiesAndZone;

    /// <summary>A scheme scoring one indicator per sequence with the given method and cap; no grades beyond shares.</summary>
    internal static SchemeContent OneIndicator(ScoringMethod method, decimal cap = 120m, GradeRule? grades = null) =>
        AssessmentDefaults.Scheme() with
        {
            Indicators = Enum.GetValues<AssessmentSequence>().Select(s => new IndicatorRule(s, AnnualIndicator.OutOfRegionFunds, 100m, method, cap)).ToList(),
            Grades = grades ?? AssessmentDefaults.Scheme().Grades,
        };

    internal static UnitInput Unit(int id, decimal actual, decimal? target = 1000m, decimal? lastYear = null, params AssessmentFact[] facts) =>
        new(id, Counties, [new IndicatorFigure(AnnualIndicator.OutOfRegionFunds, target, actual, lastYear)], facts);

    private static UnitAssessment One(SchemeContent scheme, UnitInput unit, params CheckPoints[] checks) =>
        AssessmentScoring.Score(scheme, [unit], checks).Single();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(500, 50)]
    [InlineData(1000, 100)]
    [InlineData(1200, 120)]
    [InlineData(1201, 120)]
    [InlineData(5000, 120)]
    public void Share_of_target_is_the_percentage_met_capped(decimal actual, decimal expected)
    {
        var line = One(OneIndicator(ScoringMethod.TargetShare), Unit(1, actual)).Indicators.Single();
        Assert.Equal(expected, line.Score);
        Assert.Equal(actual > 1200m, line.Capped);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Without_a_target_the_indicator_is_not_scored_and_the_other_weights_carry_the_score(int? target)
    {
        var scheme = AssessmentDefaults.Scheme() with
        {
            Indicators =
            [
                new(Counties, AnnualIndicator.OutOfRegionFunds, 30m, ScoringMethod.TargetShare, 120m),
                new(Counties, AnnualIndicator.SignedProjects, 10m, ScoringMethod.TargetShare, 120m),
                new(AssessmentSequence.SubBureaus, AnnualIndicator.SignedProjects, 10m, ScoringMethod.TargetShare, 120m),
                new(AssessmentSequence.ChainLeads, AnnualIndicator.SignedProjects, 10m, ScoringMethod.TargetShare, 120m),
            ],
        };
        var unit = new UnitInput(1, Counties,
            [new(AnnualIndicator.OutOfRegionFunds, 1000m, 800m, null), new(AnnualIndicator.SignedProjects, target, 3m, null)], []);
        var result = One(scheme, unit);
        Assert.False(result.Indicators.Single(i => i.Indicator == AnnualIndicator.SignedProjects).Scored);
        Assert.Equal(80m, result.BaseScore);
    }

    [Fact]
    public void Weights_make_a_weighted_mean_and_every_line_shows_its_points()
    {
        var scheme = AssessmentDefaults.Scheme() with
        {
            Indicators =
            [
                new(Counties, AnnualIndicator.OutOfRegionFunds, 30m, ScoringMethod.TargetShare, 120m),
                new(Counties, AnnualIndicator.SignedProjects, 10m, ScoringMethod.TargetShare, 120m),
                new(AssessmentSequence.SubBureaus, AnnualIndicator.SignedProjects, 10m, ScoringMethod.TargetShare, 120m),
                new(AssessmentSequence.ChainLeads, AnnualIndicator.SignedProjects, 10m, ScoringMethod.TargetShare, 120m),
            ],
        };
        var unit = new UnitInput(1, Counties,
            [new(AnnualIndicator.OutOfRegionFunds, 1000m, 1000m, null), new(AnnualIndicator.SignedProjects, 4m, 2m, null)], []);
        var result = One(scheme, unit);
        Assert.Equal([75m, 12.5m], result.Indicators.Select(i => i.Points));
        Assert.Equal(87.5m, result.BaseScore);
        Assert.Equal(87.5m, result.Total);
    }

    [Theory]
    [InlineData(1000, 1000, 100)]
    [InlineData(1000, 1100, 110)]
    [InlineData(1000, 1200, 120)]
    [InlineData(1000, 2000, 120)]
    [InlineData(1000, 0, 0)]
    [InlineData(0, 0, 100)]
    [InlineData(0, 5, 120)]
    public void Growth_scores_this_years_figure_against_last_years_capped(decimal last, decimal actual, decimal expected)
    {
        Assert.Equal(expected, One(OneIndicator(ScoringMethod.Growth), Unit(1, actual, lastYear: last)).Indicators.Single().Score);
        Assert.Equal(expected, AssessmentScoring.GrowthScore(last, actual, 120m));
    }

    [Fact]
    public void Growth_without_last_years_figure_is_not_scored()
    {
        Assert.False(One(OneIndicator(ScoringMethod.Growth), Unit(1, 500m, lastYear: null)).Indicators.Single().Scored);
        Assert.Null(AssessmentScoring.GrowthScore(null, 5m, 120m));
    }

    [Fact]
    public void Efficacy_gives_the_best_100_the_worst_60_and_the_rest_linear_between()
    {
        var results = AssessmentScoring.Score(OneIndicator(ScoringMethod.EfficacyCoefficient),
            [Unit(1, 100m), Unit(2, 300m), Unit(3, 500m)], []);
        Assert.Equal(60m, results.Single(r => r.UnitId == 1).Indicators.Single().Score);
        Assert.Equal(80m, results.Single(r => r.UnitId == 2).Indicators.Single().Score);
        Assert.Equal(100m, results.Single(r => r.UnitId == 3).Indicators.Single().Score);
        var line = results.Single(r => r.UnitId == 2).Indicators.Single();
        Assert.Equal((500m, 100m), (line.Best, line.Worst));
    }

    [Fact]
    public void Efficacy_with_everyone_equal_gives_everyone_100()
    {
        Assert.Equal(100m, AssessmentScoring.Efficacy(7m, 7m, 7m));
        var results = AssessmentScoring.Score(OneIndicator(ScoringMethod.EfficacyCoefficient), [Unit(1, 0m), Unit(2, 0m)], []);
        Assert.All(results, r => Assert.Equal(100m, r.Total));
    }

    private static AssessmentFact Fact(AssessmentFactKind kind, int id) => new(kind, FactSource.Project, id, $"P{id}");

    [Theory]
    [InlineData(1, 2, false)]
    [InlineData(3, 6, false)]
    [InlineData(4, 6, true)]
    public void A_deduction_kind_takes_its_points_per_record_up_to_its_cap(int records, decimal expected, bool capped)
    {
        var facts = Enumerable.Range(1, records).Select(i => Fact(AssessmentFactKind.SignedNotStarted, i)).ToArray();
        var result = One(OneIndicator(ScoringMethod.TargetShare), Unit(1, 1000m, facts: facts));
        var kind = result.Facts.Single();
        Assert.Equal((expected, capped), (kind.Points, kind.Capped));
        Assert.Equal(records, kind.Records.Count);
        Assert.Equal(100m - expected, result.Total);
    }

    [Fact]
    public void All_deductions_together_stop_at_the_overall_cap_and_the_total_never_goes_below_zero()
    {
        var facts = new[] { AssessmentFactKind.FalseReport, AssessmentFactKind.SignedNotStarted, AssessmentFactKind.OverdueCommitment, AssessmentFactKind.SupervisionListing }
            .SelectMany(k => Enumerable.Range(1, 5).Select(i => Fact(k, i))).ToArray();
        var result = One(OneIndicator(ScoringMethod.TargetShare), Unit(1, 1000m, facts: facts));
        Assert.Equal(28m, result.Facts.Sum(f => f.Points));
        Assert.Equal(20m, result.Deductions);
        Assert.True(result.DeductionsCapped);
        Assert.Equal(80m, result.Total);

        var zero = One(OneIndicator(ScoringMethod.TargetShare), Unit(2, 0m, facts: facts));
        Assert.Equal(0m, zero.Total);
    }

    [Fact]
    public void Bonuses_add_up_to_their_caps()
    {
        var facts = Enumerable.Range(1, 3).Select(i => Fact(AssessmentFactKind.GlobalFiveHundredProject, i))
            .Concat(Enumerable.Range(1, 4).Select(i => Fact(AssessmentFactKind.ChinaFiveHundredProject, i))).ToArray();
        var result = One(OneIndicator(ScoringMethod.TargetShare), Unit(1, 1000m, facts: facts));
        Assert.Equal([6m, 3m], result.Facts.Select(f => f.Points));
        Assert.Equal(6m, result.Bonuses);
        Assert.True(result.BonusesCapped);
        Assert.Equal(106m, result.Total);
    }

    [Fact]
    public void Manual_checks_add_their_points_to_the_total()
    {
        var result = One(OneIndicator(ScoringMethod.TargetShare), Unit(1, 900m),
            new CheckPoints(1, CheckItemKind.OnSiteCheck, -3m), new CheckPoints(1, CheckItemKind.ArchiveReview, 1.5m));
        Assert.Equal(88.5m, result.Total);
        Assert.Equal(-1.5m, result.CheckTotal);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips_listed_by_base_score_then_unit()
    {
        var results = AssessmentScoring.Score(OneIndicator(ScoringMethod.TargetShare),
            [Unit(5, 800m), Unit(4, 900m), Unit(3, 800m), Unit(2, 1000m, facts: Fact(AssessmentFactKind.OverdueApproval, 1)), Unit(1, 700m)], []);
        // Unit 4: 90; unit 2: 100 − 1 = 99; units 3 and 5: 80 each; unit 1: 70. Unit 2 and 4 are not tied.
        Assert.Equal([(2, 1), (4, 2), (3, 3), (5, 3), (1, 5)], results.Select(r => (r.UnitId, r.Rank)));
    }

    [Fact]
    public void Equal_totals_are_listed_by_base_score_first()
    {
        var results = AssessmentScoring.Score(OneIndicator(ScoringMethod.TargetShare),
            [Unit(1, 980m), Unit(2, 1000m, facts: Fact(AssessmentFactKind.SignedNotStarted, 1))], []);
        Assert.Equal([(2, 1), (1, 1)], results.Select(r => (r.UnitId, r.Rank)));
    }

    [Fact]
    public void Each_sequence_is_ranked_on_its_own()
    {
        var results = AssessmentScoring.Score(OneIndicator(ScoringMethod.TargetShare),
            [Unit(1, 500m), Unit(2, 600m), Unit(3, 100m) with { Sequence = AssessmentSequence.ChainLeads }], []);
        Assert.Equal(1, results.Single(r => r.UnitId == 3).Rank);
        Assert.Equal(1, results.Single(r => r.UnitId == 2).Rank);
        Assert.Equal(2, results.Single(r => r.UnitId == 1).Rank);
    }
}

public class GradeRuleTests
{
    private static readonly GradeRule Shares = new(GradeRuleKind.Shares, 0.2m, 0.3m, 0.1m, 90m, 80m, 60m);
    private static readonly GradeRule Bands = Shares with { Kind = GradeRuleKind.Bands };

    private static IReadOnlyList<(int, decimal)> Distinct(int n) => Enumerable.Range(1, n).Select(i => (i, 100m - i)).ToList();

    [Fact]
    public void Ten_units_by_shares_are_two_good_three_fairly_good_four_average_one_poor()
    {
        var grades = AssessmentScoring.Grades(Shares, Distinct(10));
        Assert.Equal([Grade.Good, Grade.Good, Grade.FairlyGood, Grade.FairlyGood, Grade.FairlyGood, Grade.Average, Grade.Average,
            Grade.Average, Grade.Average, Grade.Poor], grades);
    }

    [Fact]
    public void Shares_round_down_so_thirteen_units_have_two_good_three_fairly_good_and_one_poor()
    {
        var grades = AssessmentScoring.Grades(Shares, Distinct(13));
        Assert.Equal(2, grades.Count(g => g == Grade.Good));
        Assert.Equal(3, grades.Count(g => g == Grade.FairlyGood));
        Assert.Equal(1, grades.Count(g => g == Grade.Poor));
        Assert.Equal(7, grades.Count(g => g == Grade.Average));
    }

    [Fact]
    public void Four_units_have_no_good_and_no_poor_by_share()
    {
        Assert.Equal([Grade.FairlyGood, Grade.Average, Grade.Average, Grade.Average], AssessmentScoring.Grades(Shares, Distinct(4)));
    }

    [Fact]
    public void A_unit_tied_with_the_last_good_unit_is_good_too()
    {
        var ranked = new List<(int, decimal)> { (1, 99m), (2, 95m), (2, 95m), (4, 90m), (5, 89m), (6, 88m), (7, 87m), (8, 86m), (9, 85m), (10, 84m) };
        var grades = AssessmentScoring.Grades(Shares, ranked);
        Assert.Equal([Grade.Good, Grade.Good, Grade.Good, Grade.FairlyGood], grades.Take(4));
    }

    [Fact]
    public void A_unit_tied_with_an_average_unit_is_not_poor()
    {
        var ranked = Distinct(9).Append((10, 91m)).ToList();
        ranked[9] = (9, 91m);
        Assert.Equal(Grade.Average, AssessmentScoring.Grades(Shares, ranked)[9]);
    }

    [Theory]
    [InlineData(90, Grade.Good)]
    [InlineData(89.99, Grade.FairlyGood)]
    [InlineData(80, Grade.FairlyGood)]
    [InlineData(79.99, Grade.Average)]
    [InlineData(60, Grade.Average)]
    [InlineData(59.99, Grade.Poor)]
    public void Bands_start_at_their_floor(decimal total, Grade expected)
    {
        Assert.Equal(expected, AssessmentScoring.Grades(Bands, [(1, total)]).Single());
    }
}
