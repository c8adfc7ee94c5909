using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Meetings;

/// <summary>What the meeting covers: the whole prefecture, one chain, or one county's list of major projects.</summary>
public enum MeetingScopeKind { Prefecture, Chain, County }

/// <summary>The scope of a meeting. <see cref="ChainId"/> is set for a chain meeting, <see cref="UnitId"/> for a county meeting.</summary>
public sealed record MeetingScope(MeetingScopeKind Kind, int? ChainId = null, int? UnitId = null)
{
    public static readonly MeetingScope Prefecture = new(MeetingScopeKind.Prefecture);

    public static MeetingScope Chain(int chainId) => new(MeetingScopeKind.Chain, chainId);

    public static MeetingScope County(int unitId) => new(MeetingScopeKind.County, null, unitId);

    /// <summary>Whether a project (by its chain and host) is covered by this scope.</summary>
    public bool Covers(int chainId, int hostUnitId) => Kind switch
    {
        MeetingScopeKind.Chain => chainId == ChainId,
        MeetingScopeKind.County => hostUnitId == UnitId,
        _ => true,
    };

    internal static MeetingScope Of(MeetingScopeKind kind, int? chainId, int? unitId) => kind switch
    {
        MeetingScopeKind.Chain => Chain(chainId ?? throw new DomainRuleException("Meeting.ScopeChainRequired")),
        MeetingScopeKind.County => County(unitId ?? throw new DomainRuleException("Meeting.ScopeCountyRequired")),
        _ => Prefecture,
    };
}
