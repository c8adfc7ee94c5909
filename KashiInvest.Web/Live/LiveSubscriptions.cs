using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using Microsoft.AspNetCore.SignalR;

namespace KashiInvest.Web.Live;

/// <summary>What one hub connection may see and what it has subscribed to; kept in <c>HubCallerContext.Items</c>.</summary>
public sealed class LiveConnection(string connectionId, UserScope scope)
{
    public string ConnectionId { get; } = connectionId;

    public UserScope Scope { get; } = scope;

    /// <summary>The scope terms of <see cref="Scope"/>, resolved once per connection.</summary>
    public IReadOnlyList<LiveTerm> ScopeTerms { get; } = LiveTopics.ScopeTerms(scope);

    /// <summary>The topics subscribed to; changed only under the registry's gate.</summary>
    public IReadOnlySet<LiveTerm> Topics { get; internal set; } = new HashSet<LiveTerm>();

    internal LiveSubscriptions.Profile? Profile { get; set; }
}

/// <summary>
/// The SignalR groups of the live hub. Each connection is in exactly one group: the group of its whole subscription
/// (its scope terms and its set of topics), shared by every connection with the same subscription. For each notice
/// the relay names the groups whose subscription receives it (<see cref="LiveTopics.Receives"/>) and sends once.
/// <para>
/// Why not one group per topic: SignalR's default lifetime manager does NOT deduplicate across groups —
/// <c>DefaultHubLifetimeManager.SendGroupsAsync</c> loops over the group names and writes to every connection of
/// each group (dotnet/aspnetcore, src/SignalR/server/Core/src/DefaultHubLifetimeManager.cs), so a connection in
/// both <c>wall</c> and <c>project:7</c> would get the notice twice. With one group per connection a notice is
/// written to a connection at most once, whatever it subscribed to.
/// </para>
/// <para>
/// Scope is part of the group: a group only ever receives notices about projects its scope terms can see, so
/// authorization holds for pushes and not only at <c>Subscribe</c>. Moving a connection between groups and
/// choosing the groups of a send happen under one gate, so a change of subscription can neither double nor drop a
/// notice that both the old and the new subscription receive.
/// </para>
/// </summary>
public sealed class LiveSubscriptions
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);
    private long _nextId;

    /// <summary>How many distinct subscriptions (groups) there are now.</summary>
    public int GroupCount
    {
        get
        {
            _gate.Wait();
            try { return _profiles.Count; }
            finally { _gate.Release(); }
        }
    }

    /// <summary>Replaces a connection's topics and moves it to the group of its new subscription.</summary>
    public async Task ChangeAsync(LiveConnection connection, IReadOnlySet<LiveTerm> topics, IGroupManager groups, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = connection.Profile;
            var key = KeyOf(connection.ScopeTerms, topics);
            if (current?.Key == key || (current is null && topics.Count == 0))
            {
                connection.Topics = topics;
                return;
            }
            Profile? next = null;
            if (topics.Count > 0)
            {
                next = Acquire(key, connection.ScopeTerms, topics);
                try
                {
                    await groups.AddToGroupAsync(connection.ConnectionId, next.Group, cancellationToken);
                }
                catch
                {
                    Release(next);
                    throw;
                }
            }
            if (current is not null)
            {
                await groups.RemoveFromGroupAsync(connection.ConnectionId, current.Group, CancellationToken.None);
                Release(current);
            }
            connection.Profile = next;
            connection.Topics = topics;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a closed connection (SignalR itself removes it from its group).</summary>
    public async Task RemoveAsync(LiveConnection connection)
    {
        await _gate.WaitAsync();
        try
        {
            if (connection.Profile is { } profile) Release(profile);
            connection.Profile = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Names the groups that receive a notice about <paramref name="project"/> and starts <paramref name="send"/>
    /// with them while no connection can change group; awaits the writes afterwards.
    /// </summary>
    public async Task SendAsync(ProjectKey project, Func<IReadOnlyList<string>, Task> send, CancellationToken cancellationToken)
    {
        Task sending;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scopes = LiveTopics.NoticeScopes(project);
            var topics = LiveTopics.NoticeTopics(project);
            List<string>? names = null;
            foreach (var profile in _profiles.Values)
            {
                if (profile.Receives(scopes, topics)) (names ??= []).Add(profile.Group);
            }
            // The default lifetime manager picks the connections of each group synchronously inside this call.
            sending = names is null ? Task.CompletedTask : send(names);
        }
        finally
        {
            _gate.Release();
        }
        await sending;
    }

    private Profile Acquire(string key, IReadOnlyList<LiveTerm> scopeTerms, IReadOnlySet<LiveTerm> topics)
    {
        if (!_profiles.TryGetValue(key, out var profile))
        {
            profile = new Profile(key, $"live:{++_nextId}", [.. scopeTerms], [.. topics]);
            _profiles.Add(key, profile);
        }
        profile.Members++;
        return profile;
    }

    private void Release(Profile profile)
    {
        if (--profile.Members <= 0) _profiles.Remove(profile.Key);
    }

    private static string KeyOf(IReadOnlyList<LiveTerm> scopeTerms, IReadOnlySet<LiveTerm> topics) =>
        string.Join(',', scopeTerms.Select(t => t.ToString()).Order(StringComparer.Ordinal)) + "|" +
        string.Join(',', topics.Select(t => t.ToString()).Order(StringComparer.Ordinal));

    /// <summary>One distinct subscription: its group, scope terms and topics, and how many connections share it.</summary>
    internal sealed class Profile(string key, string group, LiveTerm[] scopes, LiveTerm[] topics)
    {
        public string Key { get; } = key;

        public string Group { get; } = group;

        public int Members { get; set; }

        public bool Receives(LiveTerm[] noticeScopes, LiveTerm[] noticeTopics) => LiveTopics.Receives(scopes, topics, noticeScopes, noticeTopics);
    }
}
