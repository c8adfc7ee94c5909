using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.AnnualTargets;

public class AnnualTargetTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly DateTime Now = new(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);

    private static AnnualTarget Funds(decimal amount) => AnnualTarget.Set(2026, AnnualIndicator.OutOfRegionFunds, amount, Bureau, Now);

    [Fact]
    public void A_new_target_is_not_split_and_its_whole_amount_remains_in_every_sequence()
    {
        var target = Funds(1_000_000m);

        Assert.Empty(target.Shares);
        foreach (var sequence in Enum.GetValues<AssessmentSequence>()) Assert.Equal(1_000_000m, target.Remainder(sequence));
    }

    [Fact]
    public void The_remainder_of_a_sequence_is_what_its_split_has_yet_to_give_out_and_other_sequences_keep_theirs()
    {
        var target = Funds(1_000_000m);

        target.Split(AssessmentSequence.CountiesAndZone, [new(10, UnitType.County, 300_000m), new(11, UnitType.DevelopmentZone, 500_000m)], Bureau, Now);

        Assert.Equal(200_000m, target.Remainder(AssessmentSequence.CountiesAndZone));
        Assert.False(target.IsFullySplit(AssessmentSequence.CountiesAndZone));
        Assert.Equal(1_000_000m, target.Remainder(AssessmentSequence.SubBureaus));
        Assert.Equal(300_000m, target.ShareOf(10));
    }

    [Fact]
    public void A_split_that_sums_to_the_target_leaves_no_remainder()
    {
        var target = Funds(900m);

        target.Split(AssessmentSequence.SubBureaus, [new(20, UnitType.SubBureau, 400m), new(21, UnitType.SubBureau, 500m)], Bureau, Now);

        Assert.Equal(0m, target.Remainder(AssessmentSequence.SubBureaus));
        Assert.True(target.IsFullySplit(AssessmentSequence.SubBureaus));
    }

    [Fact]
    public void An_over_split_is_refused_and_changes_nothing()
    {
        var target = Funds(900m);
        target.Split(AssessmentSequence.SubBureaus, [new(20, UnitType.SubBureau, 400m)], Bureau, Now);

        var ex = Assert.Throws<DomainRuleException>(() =>
            target.Split(AssessmentSequence.SubBureaus, [new(20, UnitType.SubBureau, 400m), new(21, UnitType.SubBureau, 500.01m)], Bureau, Now));

        Assert.Equal("AnnualTarget.OverSplit", ex.Violation.Code);
        Assert.Equal(400m, target.ShareOf(20));
        Assert.Null(target.ShareOf(21));
        Assert.Equal(500m, target.Remainder(AssessmentSequence.SubBureaus));
    }

    [Fact]
    public void A_unit_can_only_take_a_share_in_its_own_sequence()
    {
        var target = Funds(900m);

        var errors = target.CheckSplit(AssessmentSequence.CountiesAndZone, [new(20, UnitType.SubBureau, 100m), new(21, UnitType.Bureau, 100m)]);

        Assert.Equal(["unit:20", "unit:21"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("AnnualTarget.NotInSequence", e.Violation.Code));
    }

    [Fact]
    public void Project_counts_are_split_in_whole_projects()
    {
        var target = AnnualTarget.Set(2026, AnnualIndicator.SignedLarge, 30m, Bureau, Now);

        var errors = target.CheckSplit(AssessmentSequence.ChainLeads, [new(30, UnitType.ChainLead, 2.5m)]);

        Assert.Equal("AnnualTarget.WholeProjects", Assert.Single(errors).Violation.Code);
        Assert.Throws<DomainRuleException>(() => AnnualTarget.Set(2026, AnnualIndicator.SignedLarge, 3.5m, Bureau, Now));
    }

    [Fact]
    public void A_negative_share_is_refused()
    {
        var errors = Funds(900m).CheckSplit(AssessmentSequence.ChainLeads, [new(30, UnitType.ChainLead, -1m)]);

        Assert.Equal("AnnualTarget.Negative", Assert.Single(errors).Violation.Code);
    }

    [Fact]
    public void A_new_split_replaces_the_sequence_and_a_unit_left_out_loses_its_share()
    {
        var target = Funds(900m);
        target.Split(AssessmentSequence.CountiesAndZone, [new(10, UnitType.County, 400m), new(11, UnitType.County, 500m)], Bureau, Now);
        target.Split(AssessmentSequence.SubBureaus, [new(20, UnitType.SubBureau, 900m)], Bureau, Now);

        target.Split(AssessmentSequence.CountiesAndZone, [new(11, UnitType.County, 600m)], Bureau, Now);

        Assert.Null(target.ShareOf(10));
        Assert.Equal(600m, target.ShareOf(11));
        Assert.Equal(900m, target.ShareOf(20));
        Assert.Equal(300m, target.Remainder(AssessmentSequence.CountiesAndZone));
    }

    [Fact]
    public void The_target_cannot_be_lowered_below_a_sequences_split_but_may_be_raised_which_reopens_a_remainder()
    {
        var target = Funds(900m);
        target.Split(AssessmentSequence.CountiesAndZone, [new(10, UnitType.County, 900m)], Bureau, Now);

        Assert.Equal("AnnualTarget.OverSplit", target.CheckChangeAmount(899m)?.Code);
        Assert.Throws<DomainRuleException>(() => target.ChangeAmount(899m, Bureau, Now));
        Assert.Equal(900m, target.Amount);

        target.ChangeAmount(1_000m, Bureau, Now);
        Assert.Equal(100m, target.Remainder(AssessmentSequence.CountiesAndZone));
    }

    [Fact]
    public void Every_change_raises_a_notice_and_a_split_that_changes_nothing_raises_none()
    {
        var target = Funds(900m);
        target.TakeDomainEvents();
        target.Split(AssessmentSequence.CountiesAndZone, [new(10, UnitType.County, 400m)], Bureau, Now);
        Assert.IsType<AnnualTargetChanged>(Assert.Single(target.TakeDomainEvents()));

        target.Split(AssessmentSequence.CountiesAndZone, [new(10, UnitType.County, 400m)], Bureau, Now);
        Assert.Empty(target.TakeDomainEvents());
    }
}

public class TargetSplitTests
{
    [Fact]
    public void A_proportional_split_gives_whole_shares_that_sum_to_the_target_by_the_largest_remainder()
    {
        // 10 in 1:1:1 → 3.33 each; the one left over goes to the first of the tie.
        Assert.Equal([4m, 3m, 3m], TargetSplit.Proportional(10m, [1m, 1m, 1m]));
        Assert.Equal([2m, 5m, 3m], TargetSplit.Proportional(10m, [0.24m, 0.46m, 0.30m]));
    }

    [Fact]
    public void All_zero_weights_divide_evenly()
    {
        Assert.Equal([50m, 50m], TargetSplit.Proportional(100m, [0m, 0m]));
    }
}
