using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Targets;

/// <summary>A target enterprise was pushed to a unit.</summary>
public sealed record TargetPushed(TargetPush Push) : IDomainEvent;

/// <summary>A receiving unit recorded a contact, a visit or a note, or the target became a lead.</summary>
public sealed record TargetFollowUpRecorded(TargetPush Push) : IDomainEvent;
