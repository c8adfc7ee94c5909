using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Live;

namespace KashiInvest.Web.Tests.Live;

/// <summary>The hub's scope terms must say exactly what <see cref="ProjectAccess"/> says, for every role.</summary>
public sealed class LiveTopicsTests
{
    private static readonly int[] Units = [1, 2, 3, 4];
    private static readonly int[] Chains = [1, 2, 3];

    public static TheoryData<ActorRole> Roles => [.. Enum.GetValues<ActorRole>()];

    [Theory]
    [MemberData(nameof(Roles))]
    public void Scope_terms_agree_with_project_access_for_every_project_key(ActorRole role)
    {
        foreach (var scope in ScopesOf(role))
        {
            var terms = LiveTopics.ScopeTerms(scope);
            foreach (var key in Keys())
            {
                var pushed = LiveTopics.Receives(terms, [LiveTerm.Wall], key);
                Assert.True(pushed == ProjectAccess.CanSee(scope, key), $"{scope} and {key}: pushed {pushed}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void A_topic_never_widens_what_a_user_receives(ActorRole role)
    {
        var topics = new List<LiveTerm> { LiveTerm.Wall };
        topics.AddRange(Units.Select(u => new LiveTerm(LiveTermKind.Unit, u)));
        topics.AddRange(Chains.Select(c => new LiveTerm(LiveTermKind.Chain, c)));
        topics.AddRange(Enumerable.Range(1, 5).Select(p => new LiveTerm(LiveTermKind.Project, p)));
        foreach (var scope in ScopesOf(role))
        {
            var terms = LiveTopics.ScopeTerms(scope);
            foreach (var key in Keys())
            {
                if (!ProjectAccess.CanSee(scope, key)) Assert.False(LiveTopics.Receives(terms, topics, key));
            }
        }
    }

    [Fact]
    public void Topics_match_the_project_its_host_and_source_units_and_its_chain()
    {
        var key = new ProjectKey(7, HostUnitId: 2, ChainId: 3, SourceUnitId: 4);
        LiveTerm[] all = [LiveTerm.All];
        Assert.True(LiveTopics.Receives(all, [new(LiveTermKind.Project, 7)], key));
        Assert.True(LiveTopics.Receives(all, [new(LiveTermKind.Unit, 2)], key));
        Assert.True(LiveTopics.Receives(all, [new(LiveTermKind.Unit, 4)], key));
        Assert.True(LiveTopics.Receives(all, [new(LiveTermKind.Chain, 3)], key));
        Assert.False(LiveTopics.Receives(all, [new(LiveTermKind.Project, 8), new(LiveTermKind.Unit, 3), new(LiveTermKind.Chain, 2)], key));
        Assert.False(LiveTopics.Receives(all, [], key));
    }

    [Theory]
    [InlineData("wall", LiveTermKind.Wall, 0)]
    [InlineData("project:12", LiveTermKind.Project, 12)]
    [InlineData("unit:3", LiveTermKind.Unit, 3)]
    [InlineData(" chain:4 ", LiveTermKind.Chain, 4)]
    public void Topics_parse(string topic, LiveTermKind kind, int id)
    {
        Assert.True(LiveTopics.TryParse(topic, out var term));
        Assert.Equal(new LiveTerm(kind, id), term);
        Assert.Equal(topic.Trim(), term.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("walls")]
    [InlineData("project:")]
    [InlineData("project:-1")]
    [InlineData("project:0")]
    [InlineData("project:1x")]
    [InlineData("scope:all")]
    [InlineData("live:1")]
    public void Other_strings_are_not_topics(string? topic) => Assert.False(LiveTopics.TryParse(topic, out _));

    [Fact]
    public void Unit_and_chain_topics_are_granted_by_the_subscription_rules()
    {
        var county = Scope(ActorRole.AttractingUnit, unit: 2);
        Assert.True(LiveTopics.MaySubscribe(county, new(LiveTermKind.Unit, 2)));
        Assert.False(LiveTopics.MaySubscribe(county, new(LiveTermKind.Unit, 3)));
        Assert.False(LiveTopics.MaySubscribe(county, new(LiveTermKind.Chain, 1)));
        var chainLead = Scope(ActorRole.ChainLead, unit: 9, chains: [1]);
        Assert.True(LiveTopics.MaySubscribe(chainLead, new(LiveTermKind.Chain, 1)));
        Assert.False(LiveTopics.MaySubscribe(chainLead, new(LiveTermKind.Chain, 2)));
        var service = Scope(ActorRole.ServiceGroup, unit: 20, hosts: [3]);
        Assert.True(LiveTopics.MaySubscribe(service, new(LiveTermKind.Unit, 3)));
        Assert.False(LiveTopics.MaySubscribe(Scope(ActorRole.Department, unit: 30), LiveTerm.Wall));
        Assert.True(LiveTopics.MaySubscribe(Scope(ActorRole.Leader, unit: 31), new(LiveTermKind.Chain, 2)));
    }

    private static IEnumerable<UserScope> ScopesOf(ActorRole role)
    {
        yield return Scope(role, unit: null);
        foreach (var unit in Units)
        {
            yield return Scope(role, unit);
            yield return Scope(role, unit, chains: [unit % 3 + 1], hosts: [unit % 4 + 1]);
            yield return Scope(role, unit, chains: [1, 3], hosts: [1, 2]);
        }
    }

    private static UserScope Scope(ActorRole role, int? unit, IReadOnlyList<int>? chains = null, IReadOnlyList<int>? hosts = null) =>
        new($"u{unit}", "user", role, unit, chains ?? [], hosts ?? []);

    private static IEnumerable<ProjectKey> Keys() =>
        from host in Units
        from chain in Chains
        from source in Units
        select new ProjectKey(100 + host * 100 + chain * 10 + source, host, chain, source);
}
