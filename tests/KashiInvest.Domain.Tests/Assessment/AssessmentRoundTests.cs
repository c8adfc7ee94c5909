using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Tests.Support;
using static KashiInvest.Domain.Tests.Assessment.AssessmentSchemeTests;

namespace KashiInvest.Domain.Tests.Assessment;

public class AssessmentRoundTests
{
    private static readonly DateOnly Through = new(2026, 12, 27);

    private static (AssessmentRound Round, AssessmentScheme Scheme) Computed()
    {
        var scheme = AssessmentScheme.Create(2026, AssessmentScoringTests.OneIndicator(ScoringMethod.TargetShare), Bureau.Actor, Now);
        var round = AssessmentRound.Open(2026);
        round.Compute(Bureau, scheme, [AssessmentScoringTests.Unit(7, 900m), AssessmentScoringTests.Unit(8, 1000m)], Through, Now);
        return (round, scheme);
    }

    [Fact]
    public void A_round_goes_from_draft_to_review_back_to_draft_and_to_final()
    {
        var (round, scheme) = Computed();
        Assert.Equal(RoundStatus.Draft, round.Status);
        round.Submit(Bureau, scheme, Now.AddMinutes(1));
        Assert.Equal(RoundStatus.UnderReview, round.Status);
        round.SendBack(Leader, "请核实泽普县的实地核查结果", Now.AddMinutes(2));
        Assert.Equal((RoundStatus.Draft, "请核实泽普县的实地核查结果"), (round.Status, round.LastReviewComment));
        round.EnterCheck(Bureau, scheme, 7, CheckItemKind.OnSiteCheck, -2m, "现场核查发现一个项目未实际开工", Now.AddMinutes(3));
        round.Submit(Bureau, scheme, Now.AddMinutes(4));
        round.Approve(Leader, scheme, "同意", Now.AddMinutes(5));

        Assert.Equal(RoundStatus.Final, round.Status);
        Assert.Equal(Now.AddMinutes(5), round.FinalAtUtc);
        Assert.Equal([RoundAction.Computed, RoundAction.Submitted, RoundAction.SentBack, RoundAction.CheckEntered, RoundAction.Submitted, RoundAction.Approved],
            round.Steps.Select(s => s.Action));
        Assert.Equal(88m, round.ResultOf(7)!.Total);
    }

    [Fact]
    public void A_draft_cannot_be_sent_before_it_is_computed()
    {
        Rules.Refused("Assessment.NotComputed", () => AssessmentRound.Open(2026).Submit(Bureau, AssessmentScheme.Create(2026, AssessmentDefaults.Scheme(), Bureau.Actor, Now), Now));
    }

    [Fact]
    public void A_draft_computed_before_the_scheme_was_edited_is_recomputed_before_it_is_sent()
    {
        var (round, scheme) = Computed();
        scheme.Edit(Bureau, AssessmentDefaults.Scheme() with { BonusCap = 4m }, Now.AddMinutes(1));
        Rules.Refused("Assessment.SchemeChangedSinceComputed", () => round.Submit(Bureau, scheme, Now.AddMinutes(2)));
        round.Compute(Bureau, scheme, round.Inputs, Through, Now.AddMinutes(3));
        round.Submit(Bureau, scheme, Now.AddMinutes(4));
        Assert.Equal(RoundStatus.UnderReview, round.Status);
    }

    [Fact]
    public void Only_the_leader_reviews_and_only_while_under_review()
    {
        var (round, scheme) = Computed();
        Rules.Refused("Assessment.NotUnderReview", () => round.Approve(Leader, scheme, null, Now));
        round.Submit(Bureau, scheme, Now);
        Rules.Refused("Assessment.LeaderOnly", () => round.Approve(Bureau, scheme, null, Now));
        Rules.Refused("Assessment.LeaderOnly", () => round.SendBack(County, "不同意", Now));
        Rules.Refused("Assessment.CommentRequired", () => round.SendBack(Leader, "  ", Now));
    }

    [Fact]
    public void The_bureau_cannot_change_a_draft_under_review()
    {
        var (round, scheme) = Computed();
        round.Submit(Bureau, scheme, Now);
        Rules.Refused("Assessment.UnderReview", () => round.EnterCheck(Bureau, scheme, 7, CheckItemKind.ArchiveReview, 1m, "档案齐全", Now));
        Rules.Refused("Assessment.UnderReview", () => round.Compute(Bureau, scheme, [], Through, Now));
    }

    [Fact]
    public void A_final_round_refuses_every_change_and_its_results_stay_as_approved()
    {
        var (round, scheme) = Computed();
        round.Submit(Bureau, scheme, Now);
        round.Approve(Leader, scheme, null, Now);
        var results = round.Results;
        Rules.Refused("Assessment.Final", () => round.Compute(Bureau, scheme, [AssessmentScoringTests.Unit(7, 0m)], Through, Now));
        Rules.Refused("Assessment.Final", () => round.EnterCheck(Bureau, scheme, 7, CheckItemKind.ArchiveReview, 1m, "档案齐全", Now));
        Rules.Refused("Assessment.Final", () => round.Submit(Bureau, scheme, Now));
        Rules.Refused("Assessment.NotUnderReview", () => round.SendBack(Leader, "重新计算", Now));
        Assert.Same(results, round.Results);
    }

    [Theory]
    [InlineData(5.01, "Assessment.CheckRange")]
    [InlineData(-5.01, "Assessment.CheckRange")]
    [InlineData(5, null)]
    [InlineData(-5, null)]
    public void A_check_stays_within_its_points_and_needs_evidence(decimal points, string? code)
    {
        var (round, scheme) = Computed();
        Assert.Equal(code, round.CheckEnterCheck(Bureau, scheme, 7, CheckItemKind.OnSiteCheck, points, "核查记录")?.Code);
        Assert.Equal("Assessment.EvidenceRequired", round.CheckEnterCheck(Bureau, scheme, 7, CheckItemKind.OnSiteCheck, 1m, " ")?.Code);
        Assert.Equal("Assessment.NotComputed", round.CheckEnterCheck(Bureau, scheme, 99, CheckItemKind.OnSiteCheck, 1m, "核查记录")?.Code);
    }

    [Fact]
    public void Entering_a_check_again_replaces_it()
    {
        var (round, scheme) = Computed();
        round.EnterCheck(Bureau, scheme, 8, CheckItemKind.ArchiveReview, -1m, "缺少签约原件", Now);
        round.EnterCheck(Bureau, scheme, 8, CheckItemKind.ArchiveReview, -3m, "缺少签约原件和开工证明", Now);
        Assert.Equal(-3m, round.Checks.Single().Points);
        Assert.Equal(97m, round.ResultOf(8)!.Total);
    }
}
