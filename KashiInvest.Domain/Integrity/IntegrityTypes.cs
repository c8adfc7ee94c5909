using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Integrity;

/// <summary>What a government unit failed (违约失信): a policy commitment, or a contract it signed. Stored as strings.</summary>
public enum IntegrityCaseKind
{
    /// <summary>A policy commitment not honoured (政策承诺不兑现).</summary>
    CommitmentNotHonoured,
    /// <summary>A contract or agreement not performed (合同协议不履约).</summary>
    ContractNotPerformed,
    /// <summary>Arrears owed to an enterprise (拖欠企业账款).</summary>
    Arrears,
    Other,
}

/// <summary>
/// Where an integrity case stands: opened by the Bureau → rectifying once the unit has entered its plan → reported
/// rectified by the unit → rectified when the Bureau verifies it (or sent back to rectifying). At any point before it is
/// verified the Bureau may record it as a breach of trust (认定失信) with its reasons. Rectified and breach of trust are final.
/// </summary>
public enum IntegrityCaseStatus
{
    /// <summary>Opened by the Bureau: the unit enters its rectification plan by the deadline.</summary>
    Open,
    /// <summary>The unit is rectifying under its plan (整改中).</summary>
    Rectifying,
    /// <summary>The unit reported it rectified: the Bureau verifies (待核验).</summary>
    Reported,
    /// <summary>Rectified, verified by the Bureau (已整改).</summary>
    Rectified,
    /// <summary>Recorded as a breach of trust (认定失信).</summary>
    BreachOfTrust,
}

/// <summary>What was done to a case; every action leaves a line in its history.</summary>
public enum IntegrityAction { Opened, PlanEntered, ReportedRectified, Verified, Returned, RecordedBreach }

/// <summary>A case as the Bureau opens it.</summary>
public sealed record IntegrityCaseInput(
    IntegrityCaseKind Kind,
    string? Title,
    string? Description,
    int UnitId,
    DateOnly? Since,
    DateOnly? RectifyBy,
    int? ProjectId,
    int? CommitmentId,
    int? ComplaintId);

/// <summary>A case's rectification clock on a day: past <see cref="Deadline"/> while the unit still owes its rectification.</summary>
public sealed record IntegrityClock(DateOnly Deadline, int DaysLeft, int DaysOverdue, bool IsOverdue);

public sealed record IntegrityCaseChanged(IntegrityCase Case, IntegrityAction Action) : IDomainEvent;
