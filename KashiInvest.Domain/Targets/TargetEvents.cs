using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Targets;

/// <summary>A target enterprise was pushed to a unit.</summary>
public sealed record TargetPushed(TargetPush Push) : IDomainEvent;

/// <summary>A receiving unit recorded a contact, a visit or a note, or the target became a lead.</summary>
public sealed record TargetFollowUpRecorded(TargetPush Push) : IDomainEvent;

/// <summary>
/// A target enterprise was added to the library or changed (renamed, re-linked, moved to another chain).
/// <paramref name="PreviousChainId"/> is the chain it left when it moved to another one (null otherwise), so that the
/// old chain's map hears of it too.
/// </summary>
public sealed record TargetChanged(TargetEnterprise Target, int? PreviousChainId) : IDomainEvent;
