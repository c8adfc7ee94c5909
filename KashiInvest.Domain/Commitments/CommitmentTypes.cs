using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Commitments;

/// <summary>What the government promised (政策承诺的内容). Stored as strings.</summary>
public enum CommitmentKind
{
    /// <summary>Land price or land supply (土地价格或供地).</summary>
    Land,
    /// <summary>Rent or a plant (租金或厂房).</summary>
    RentOrPlant,
    /// <summary>Infrastructure to the site (基础设施配套到红线).</summary>
    Infrastructure,
    /// <summary>Factor supply: water, power, gas, labour (要素保障); <see cref="CommitmentInput.Factor"/> says which.</summary>
    FactorSupply,
    /// <summary>A subsidy or an award (补贴或奖励).</summary>
    Subsidy,
    Financing,
    Talent,
    Other,
}

/// <summary>For factor-supply commitments: which factor.</summary>
public enum SupplyFactor { Water, Power, Gas, Labour }

/// <summary>
/// Where a commitment stands. Overdue is not a status: it is read from the clock on a day (<see cref="Commitment.IsOverdue"/>).
/// </summary>
public enum CommitmentStatus
{
    /// <summary>Not all conditions are met: the clock has not started.</summary>
    NotYetDue,
    /// <summary>All conditions are met: the clock runs from <see cref="Commitment.DueSince"/>.</summary>
    Due,
    ApplicationReceived,
    UnderReview,
    Approved,
    /// <summary>Some of it is paid or delivered.</summary>
    PartlyDelivered,
    /// <summary>Paid or delivered in full; the investor's confirmation makes it honoured.</summary>
    Delivered,
    Honoured,
    /// <summary>The investor or the department disputes it; the clock keeps running.</summary>
    Disputed,
    Terminated,
}

/// <summary>A condition that triggers a commitment. The first four are read from the platform's data; the last is confirmed by hand.</summary>
public enum ConditionKind
{
    /// <summary>Funds in place (到位资金) ≥ the threshold in 万元.</summary>
    FundsInPlace,
    /// <summary>The project is in production (投产).</summary>
    InProduction,
    /// <summary>Jobs created ≥ the threshold. The platform does not record jobs created yet: confirmed by hand until it does.</summary>
    Jobs,
    /// <summary>A milestone of the project reached.</summary>
    Milestone,
    /// <summary>A condition the platform cannot see: confirmed by hand with a note.</summary>
    ByHand,
}

/// <summary>The fair-competition review's concerns (公平竞争审查): a commitment with any of them is flagged for review.</summary>
[Flags]
public enum FairCompetitionConcern
{
    None = 0,
    /// <summary>A reward linked to the taxes the enterprise pays (与税收挂钩的奖励).</summary>
    TaxLinkedReward = 1,
    /// <summary>A subsidy given selectively, outside the law (违法给予特定经营者的优惠).</summary>
    SelectiveSubsidy = 2,
}

/// <summary>Where a flagged commitment's fair-competition review stands.</summary>
public enum FairCompetitionReview { NotNeeded, Pending, Cleared }

/// <summary>A step of a commitment's life, taken by the responsible department (or the Bureau).</summary>
public enum CommitmentStep { ReceiveApplication, StartReview, Approve, ConfirmHonoured, Dispute, SettleDispute, Terminate }

/// <summary>What was done to a commitment; every action leaves a line in its history.</summary>
public enum CommitmentAction
{
    Recorded, Edited, ConditionMet, ConditionConfirmed, BecameDue, ApplicationReceived, ReviewStarted, Approved,
    PaymentRecorded, Honoured, Disputed, DisputeSettled, Terminated, FairCompetitionCleared,
}

/// <summary>A condition as typed: its kind, the threshold (万元 for funds, a count for jobs), the milestone, or the text of a by-hand condition.</summary>
public sealed record CommitmentConditionInput(ConditionKind Kind, decimal? Threshold = null, int? MilestoneId = null, string? Description = null);

/// <summary>A commitment as recorded from the agreement.</summary>
public sealed record CommitmentInput(
    CommitmentKind Kind,
    SupplyFactor? Factor,
    string? DocumentNumber,
    string? Clause,
    string? Promise,
    decimal? AmountWan,
    string? Formula,
    int? ResponsibleUnitId,
    int? TimeLimit,
    LimitUnit TimeLimitUnit,
    string? EvidenceRequired,
    FairCompetitionConcern Concerns,
    string? FairCompetitionReason,
    IReadOnlyList<CommitmentConditionInput> Conditions);

/// <summary>
/// The facts of a project that conditions are evaluated from, read from the database. <see cref="JobsCreated"/> is
/// null while the platform has no figure for it.
/// </summary>
public sealed record CommitmentFacts(Money FundsInPlace, bool InProduction, int? JobsCreated, IReadOnlySet<int> MilestonesReached)
{
    public static CommitmentFacts None { get; } = new(Money.Zero, false, null, new HashSet<int>());
}

/// <summary>A commitment's clock on a day.</summary>
public sealed record CommitmentClock(DateOnly? DueSince, DateOnly? DueOn, int DaysLeft, int DaysOverdue, bool IsOverdue);

public sealed record CommitmentRecorded(Commitment Commitment) : IDomainEvent;

public sealed record CommitmentChanged(Commitment Commitment, CommitmentAction Action) : IDomainEvent;
