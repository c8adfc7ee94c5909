using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Tests.Approvals;
using KashiInvest.Domain.Tests.Commitments;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the policy commitments: the agreement's words as recorded, and the notes of each step.</summary>
public partial class FreeTextLimitsTests
{
    private static CommitmentInput Commitment0 => CommitmentTests.Input(CommitmentTests.Funds5000);

    private static RuleViolation? CommitmentField(string field, CommitmentInput input) => FieldOf(Commitment.Validate(input), field);

    private static Commitment CommitmentByHand() =>
        CommitmentTests.Recorded(CommitmentTests.Input(new CommitmentConditionInput(ConditionKind.ByHand, Description: "通过竣工验收")));

    private static Commitment CommitmentFlagged() =>
        CommitmentTests.Recorded(Commitment0 with { Concerns = FairCompetitionConcern.SelectiveSubsidy, FairCompetitionReason = "仅对本项目给予的优惠" });

    private static Probe[] CommitmentProbes() =>
    [
        new("CommitmentInput.DocumentNumber", Commitment.DocumentNumberMaxLength, false, v => CommitmentField("DocumentNumber", Commitment0 with { DocumentNumber = v })),
        new("CommitmentInput.Clause", Commitment.ClauseMaxLength, false, v => CommitmentField("Clause", Commitment0 with { Clause = v })),
        new("CommitmentInput.Promise", Commitment.PromiseMaxLength, true, v => CommitmentField("Promise", Commitment0 with { Promise = v })),
        new("CommitmentInput.Formula", Commitment.FormulaMaxLength, false, v => CommitmentField("Formula", Commitment0 with { Formula = v })),
        new("CommitmentInput.EvidenceRequired", Commitment.EvidenceMaxLength, true, v => CommitmentField("EvidenceRequired", Commitment0 with { EvidenceRequired = v })),
        new("CommitmentInput.FairCompetitionReason", Commitment.ReasonMaxLength, true, v => CommitmentField("FairCompetitionReason",
            Commitment0 with { Concerns = FairCompetitionConcern.TaxLinkedReward, FairCompetitionReason = v })),
        new("CommitmentConditionInput.Description", Commitment.ConditionMaxLength, false, v => CommitmentField("Conditions",
            CommitmentTests.Input(new CommitmentConditionInput(ConditionKind.ByHand, Description: v)))),
        new("Commitment.ConfirmCondition(note)", Commitment.NoteMaxLength, true, v => Thrown(() =>
            CommitmentByHand().ConfirmCondition(1, v, Calendars.China, new DateOnly(2026, 11, 10), CommitmentTests.County, CommitmentTests.Now))),
        new("Commitment.Advance(note)", Commitment.NoteMaxLength, true, v => Thrown(() =>
            CommitmentTests.At(CommitmentStatus.Due).Advance(CommitmentStep.Terminate, v, CommitmentTests.Finance, CommitmentTests.Now))),
        new("Commitment.RecordPayment(note)", Commitment.NoteMaxLength, true, v => Thrown(() =>
            CommitmentTests.At(CommitmentStatus.Approved).RecordPayment(100m, new DateOnly(2026, 11, 10), false, v, new DateOnly(2026, 11, 10), CommitmentTests.Finance, CommitmentTests.Now))),
        new("Commitment.ClearFairCompetitionReview(note)", Commitment.NoteMaxLength, true, v => Thrown(() =>
            CommitmentFlagged().ClearFairCompetitionReview(v, new Actor("bureau", 1), CommitmentTests.Now))),
    ];
}
