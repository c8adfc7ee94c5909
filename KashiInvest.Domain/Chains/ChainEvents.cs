using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Chains;

/// <summary>What changed on a chain map.</summary>
public enum ChainMapChangeKind
{
    LinkAdded, LinkRenamed, LinkDescribed, LinkMoved, LinkRemoved, Connected, Disconnected, StatusChanged, GoalChanged,
    NoteChanged, RoadmapChanged, EnterprisesChanged, Commented, ReratingProposed,
}

/// <summary>A chain's map changed (the link, when one link is concerned; its id is 0 until the first save).</summary>
public sealed record ChainMapChanged(IndustryChain Chain, ChainMapChangeKind Kind, int? LinkId) : IDomainEvent;
