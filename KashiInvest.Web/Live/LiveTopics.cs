using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Web.Live;

/// <summary>What a subscription or a scope term is about.</summary>
public enum LiveTermKind
{
    // Topics a client subscribes to.
    Wall,
    Project,
    Unit,
    Chain,

    // Scope terms: who may see a project (the rules of ProjectAccess.VisibleTo).
    ScopeAll,
    ScopeHost,
    ScopeSource,
    ScopeChain,
}

/// <summary>A topic (<c>wall</c>, <c>project:12</c>, <c>unit:3</c>, <c>chain:4</c>) or a scope term, by kind and id.</summary>
public readonly record struct LiveTerm(LiveTermKind Kind, int Id = 0)
{
    public static readonly LiveTerm Wall = new(LiveTermKind.Wall);
    public static readonly LiveTerm All = new(LiveTermKind.ScopeAll);

    public override string ToString() => Kind switch
    {
        LiveTermKind.Wall => "wall",
        LiveTermKind.Project => Invariant($"project:{Id}"),
        LiveTermKind.Unit => Invariant($"unit:{Id}"),
        LiveTermKind.Chain => Invariant($"chain:{Id}"),
        LiveTermKind.ScopeAll => "scope:all",
        LiveTermKind.ScopeHost => Invariant($"scope:host:{Id}"),
        LiveTermKind.ScopeSource => Invariant($"scope:source:{Id}"),
        LiveTermKind.ScopeChain => Invariant($"scope:chain:{Id}"),
        _ => Invariant($"{Kind}:{Id}"),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The topic and scope rules of the live hub, kept apart from SignalR so they can be tested on their own.
/// A connection receives a notice when the notice is in one of the connection's topics AND in one of the
/// connection's scope terms; the scope terms mirror <see cref="ProjectAccess.VisibleTo"/> exactly, so a push can
/// never reach a user who could not read the project.
/// </summary>
public static class LiveTopics
{
    /// <summary>Parses <c>wall</c>, <c>project:{id}</c>, <c>unit:{id}</c>, <c>chain:{id}</c>; anything else is not a topic.</summary>
    public static bool TryParse(string? topic, out LiveTerm term)
    {
        term = default;
        if (string.IsNullOrWhiteSpace(topic)) return false;
        topic = topic.Trim();
        if (topic == "wall")
        {
            term = LiveTerm.Wall;
            return true;
        }
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        LiveTermKind? kind = topic[..colon] switch
        {
            "project" => LiveTermKind.Project,
            "unit" => LiveTermKind.Unit,
            "chain" => LiveTermKind.Chain,
            _ => null,
        };
        if (kind is null || !int.TryParse(topic.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        term = new LiveTerm(kind.Value, id);
        return true;
    }

    /// <summary>
    /// The scope terms of a user: a notice whose <see cref="NoticeScopes"/> share one of them is about a project the
    /// user may see. Mirrors <see cref="ProjectAccess.VisibleTo"/> role by role (a test checks they agree).
    /// Empty: the user sees no project at all.
    /// </summary>
    public static IReadOnlyList<LiveTerm> ScopeTerms(UserScope scope)
    {
        if (scope.SeesAll) return [LiveTerm.All];
        return scope.Role switch
        {
            ActorRole.AttractingUnit when scope.UnitId is { } unit => [new(LiveTermKind.ScopeHost, unit)],
            ActorRole.ChainLead => [.. scope.ChainIds.Distinct().Order().Select(c => new LiveTerm(LiveTermKind.ScopeChain, c))],
            ActorRole.SubBureau or ActorRole.FrontCommand when scope.UnitId is { } unit => [new(LiveTermKind.ScopeSource, unit)],
            // A service group sees the projects of the hosts it serves: the same predicate as a host's own.
            ActorRole.ServiceGroup => [.. scope.HostUnitIds.Distinct().Order().Select(h => new LiveTerm(LiveTermKind.ScopeHost, h))],
            _ => [],
        };
    }

    /// <summary>The scope terms a notice about this project belongs to.</summary>
    public static LiveTerm[] NoticeScopes(ProjectKey key) =>
    [
        LiveTerm.All,
        new(LiveTermKind.ScopeHost, key.HostUnitId),
        new(LiveTermKind.ScopeSource, key.SourceUnitId),
        new(LiveTermKind.ScopeChain, key.ChainId),
    ];

    /// <summary>The topics a notice about this project belongs to: the wall, the project, its host and source units, its chain.</summary>
    public static LiveTerm[] NoticeTopics(ProjectKey key) =>
    [
        LiveTerm.Wall,
        new(LiveTermKind.Project, key.ProjectId),
        new(LiveTermKind.Unit, key.HostUnitId),
        new(LiveTermKind.Unit, key.SourceUnitId),
        new(LiveTermKind.Chain, key.ChainId),
    ];

    /// <summary>
    /// Whether a user may subscribe to a topic, apart from <c>project:{id}</c> (which needs the project's key, see
    /// <see cref="MaySubscribeToProject"/>). Allowing a topic is about intent; what is pushed is still limited to the
    /// user's scope terms.
    /// </summary>
    public static bool MaySubscribe(UserScope scope, LiveTerm topic) => topic.Kind switch
    {
        LiveTermKind.Wall => ScopeTerms(scope).Count > 0,
        LiveTermKind.Unit => scope.SeesAll || topic.Id == scope.UnitId || scope.HostUnitIds.Contains(topic.Id),
        LiveTermKind.Chain => scope.SeesAll || scope.ChainIds.Contains(topic.Id),
        _ => false,
    };

    public static bool MaySubscribeToProject(UserScope scope, ProjectKey? project) => project is { } key && ProjectAccess.CanSee(scope, key);

    /// <summary>Whether a connection with these scope terms and topics receives a notice about this project.</summary>
    public static bool Receives(IReadOnlyList<LiveTerm> scopeTerms, IReadOnlyCollection<LiveTerm> topics, ProjectKey key) =>
        Receives([.. scopeTerms], [.. topics], NoticeScopes(key), NoticeTopics(key));

    /// <summary>The same, with the notice's terms computed once for many subscriptions.</summary>
    public static bool Receives(LiveTerm[] scopeTerms, LiveTerm[] topics, LiveTerm[] noticeScopes, LiveTerm[] noticeTopics) =>
        Overlaps(scopeTerms, noticeScopes) && Overlaps(topics, noticeTopics);

    private static bool Overlaps(LiveTerm[] a, LiveTerm[] b)
    {
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0) return true;
        }
        return false;
    }
}
