using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Complaints;

/// <summary>What a complaint is about (投诉事项). Stored as strings.</summary>
public enum ComplaintCategory
{
    /// <summary>A policy commitment not honoured (政策承诺不兑现).</summary>
    CommitmentNotHonoured,
    /// <summary>An approval delayed (审批拖延).</summary>
    ApprovalDelay,
    /// <summary>A contract not performed (合同履约).</summary>
    ContractPerformance,
    /// <summary>Service attitude (服务态度).</summary>
    ServiceAttitude,
    Other,
}

/// <summary>
/// Where a complaint stands: filed → accepted (or refused with a reason) → assigned to a unit → answered → closed by a
/// satisfied rating; a dissatisfied rating sends it to follow-up (督办), which the unit answers again.
/// </summary>
public enum ComplaintStatus
{
    /// <summary>Filed by the enterprise: the Bureau registers it within its time limit.</summary>
    Filed,
    /// <summary>Refused by the Bureau with a reason (closed).</summary>
    Refused,
    /// <summary>Accepted by the Bureau, waiting for a unit to be assigned.</summary>
    Accepted,
    /// <summary>Assigned to a unit that must answer by the due day.</summary>
    Assigned,
    /// <summary>The unit answered: the complainant rates the answer.</summary>
    Answered,
    /// <summary>Rated dissatisfied: the unit must answer again by the new due day, under the Bureau's supervision (督办).</summary>
    FollowUp,
    /// <summary>Rated satisfied (closed).</summary>
    Closed,
}

/// <summary>The complainant's rating of an answer.</summary>
public enum ComplaintRating { Satisfied, Dissatisfied }

/// <summary>What was done to a complaint; every action leaves a line in its history.</summary>
public enum ComplaintAction { Filed, Accepted, Refused, Assigned, Answered, RatedSatisfied, RatedDissatisfied, Linked }

/// <summary>A complaint as typed on the public form.</summary>
public sealed record ComplaintInput(
    string? EnterpriseName,
    string? CreditCode,
    string? ContactName,
    string? Phone,
    string? ProjectName,
    ComplaintCategory Category,
    string? Description);

/// <summary>
/// A complaint's clock on a day: the deadline that applies in its status (to register and assign while filed or
/// accepted, to answer while assigned or in follow-up; none while the complainant rates or once closed).
/// </summary>
public sealed record ComplaintClock(DateOnly? Deadline, int DaysLeft, int DaysOverdue, bool IsOverdue);

public sealed record ComplaintFiled(Complaint Complaint) : IDomainEvent;

public sealed record ComplaintChanged(Complaint Complaint, ComplaintAction Action) : IDomainEvent;
