using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Tests.Assessment;
using static KashiInvest.Domain.Tests.Assessment.AssessmentSchemeTests;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the year-end assessment: the Bureau's check evidence and the leader's review comments.</summary>
public partial class FreeTextLimitsTests
{
    private static (AssessmentRound Round, AssessmentScheme Scheme) AssessmentDraft(bool submitted)
    {
        var scheme = AssessmentScheme.Create(2026, AssessmentDefaults.Scheme(), Bureau.Actor, Now);
        var round = AssessmentRound.Open(2026);
        round.Compute(Bureau, scheme, [AssessmentScoringTests.Unit(7, 900m)], new DateOnly(2026, 12, 27), Now);
        if (submitted) round.Submit(Bureau, scheme, Now);
        return (round, scheme);
    }

    private static Probe[] AssessmentProbes() =>
    [
        new("AssessmentRound.CheckEnterCheck(evidence)", AssessmentRound.EvidenceMaxLength, true, v =>
        {
            var (r, s) = AssessmentDraft(false);
            return r.CheckEnterCheck(Bureau, s, 7, CheckItemKind.OnSiteCheck, 1m, v);
        }),
        new("AssessmentRound.EnterCheck(evidence)", AssessmentRound.EvidenceMaxLength, true, v =>
        {
            var (r, s) = AssessmentDraft(false);
            return Thrown(() => r.EnterCheck(Bureau, s, 7, CheckItemKind.OnSiteCheck, 1m, v, Now));
        }),
        new("AssessmentRound.CheckSendBack(comment)", AssessmentRound.CommentMaxLength, true, v => AssessmentDraft(true).Round.CheckSendBack(Leader, v)),
        new("AssessmentRound.SendBack(comment)", AssessmentRound.CommentMaxLength, true, v => Thrown(() => AssessmentDraft(true).Round.SendBack(Leader, v, Now))),
        new("AssessmentRound.CheckApprove(comment)", AssessmentRound.CommentMaxLength, true, v => AssessmentDraft(true).Round.CheckApprove(Leader, v)),
        new("AssessmentRound.Approve(comment)", AssessmentRound.CommentMaxLength, true, v =>
        {
            var (r, s) = AssessmentDraft(true);
            return Thrown(() => r.Approve(Leader, s, v, Now));
        }),
    ];
}
