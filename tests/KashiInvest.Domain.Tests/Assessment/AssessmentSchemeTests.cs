using KashiInvest.Domain.Access;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Assessment;

public class AssessmentSchemeTests
{
    internal static readonly DateTime Now = new(2026, 12, 28, 2, 0, 0, DateTimeKind.Utc);
    internal static readonly UserScope Bureau = new("bureau", "bureau", ActorRole.Bureau, 1, [], []);
    internal static readonly UserScope Leader = new("leader", "leader", ActorRole.Leader, 2, [], []);
    internal static readonly UserScope County = new("shache", "shache", ActorRole.AttractingUnit, 7, [], []);

    [Fact]
    public void The_default_scheme_is_valid_and_scores_every_sequence()
    {
        var scheme = AssessmentDefaults.Scheme();
        Assert.Empty(scheme.Validate());
        Assert.All(Enum.GetValues<AssessmentSequence>(), s => Assert.NotEmpty(scheme.RulesOf(s)));
        Assert.Equal(100m, scheme.RulesOf(AssessmentSequence.CountiesAndZone).Sum(r => r.Weight));
    }

    [Fact]
    public void A_scheme_with_bad_caps_shares_or_bands_is_refused_field_by_field()
    {
        var d = AssessmentDefaults.Scheme();
        var bad = d with
        {
            Indicators = [.. d.Indicators.Skip(1), d.Indicators[0] with { Cap = 99m, Weight = -1m }],
            DeductionCap = 101m,
            Grades = d.Grades with { GoodShare = 0.5m, FairlyGoodShare = 0.5m, PoorShare = 0.1m },
        };
        Assert.Equal(
            [("Indicator.CountiesAndZone.OutOfRegionFunds.Weight", "Assessment.WeightRange"), ("Indicator.CountiesAndZone.OutOfRegionFunds.Cap", "Assessment.CapRange"),
             ("DeductionCap", "Assessment.PointsRange"), ("Grades.Shares", "Assessment.SharesRange")],
            Rules.Pairs(bad.Validate()));
        Assert.Equal([("Grades.Bands", "Assessment.BandsOrder")],
            Rules.Pairs((d with { Grades = d.Grades with { Kind = GradeRuleKind.Bands, FairlyGoodFrom = 90m } }).Validate()));
    }

    [Fact]
    public void A_sequence_without_any_weighted_indicator_is_refused()
    {
        var d = AssessmentDefaults.Scheme();
        var none = d with { Indicators = d.Indicators.Where(r => r.Sequence != AssessmentSequence.ChainLeads).ToList() };
        Assert.Equal([("Indicator.ChainLeads", "Assessment.NoWeights")], Rules.Pairs(none.Validate()));
    }

    [Fact]
    public void Only_the_bureau_edits_a_scheme()
    {
        var scheme = AssessmentScheme.Create(2026, AssessmentDefaults.Scheme(), Bureau.Actor, Now);
        Rules.Refused("Assessment.BureauOnly", () => scheme.Edit(County, AssessmentDefaults.Scheme(), Now));
        scheme.Edit(Bureau, AssessmentDefaults.Scheme() with { BonusCap = 4m }, Now.AddMinutes(1));
        Assert.Equal(4m, scheme.Content.BonusCap);
    }

    [Fact]
    public void A_frozen_scheme_refuses_every_later_edit_and_keeps_its_content()
    {
        var scheme = AssessmentScheme.Create(2026, AssessmentDefaults.Scheme(), Bureau.Actor, Now);
        var round = AssessmentRound.Open(2026);
        round.Compute(Bureau, scheme, [AssessmentScoringTests.Unit(7, 900m)], new DateOnly(2026, 12, 27), Now);
        round.Submit(Bureau, scheme, Now.AddMinutes(1));
        round.Approve(Leader, scheme, null, Now.AddMinutes(2));
        var before = scheme.Content;

        Assert.True(scheme.IsFrozen);
        var violation = Rules.Refused("Assessment.SchemeFrozen", () => scheme.Edit(Bureau, before with { DeductionCap = 5m }, Now.AddDays(1)));
        Assert.Equal([2026], violation.Args);
        Assert.Same(before, scheme.Content);
        Assert.Equal(20m, scheme.Content.DeductionCap);
    }

    [Fact]
    public void Check_evidence_is_read_by_the_Bureau_the_leaders_and_the_unit_assessed_only()
    {
        var otherCounty = new UserScope("yecheng", "yecheng", ActorRole.AttractingUnit, 8, [], []);
        var wall = new UserScope("wall", "wall", ActorRole.Display, null, [], []);
        var chainLead = new UserScope("chain-agri", "chain-agri", ActorRole.ChainLead, 30, [], []);

        Assert.Equal([true, true, true, false, false, false],
            new[] { Bureau, Leader, County, otherCounty, wall, chainLead }.Select(s => AssessmentAccess.CanSeeEvidence(s, unitId: 7)));
        // Everyone may read the final results; the evidence stays narrower.
        Assert.True(AssessmentAccess.CanRead(otherCounty, RoundStatus.Final));
    }
}
