using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Access;

public class ProjectAccessTests
{
    // Units
    private const int Shache = 7, Shule = 8, Kedz = 2;
    private const int YangtzeSubBureau = 21, PearlRiverSubBureau = 22, ShanghaiFrontCommand = 41;
    private const int ShacheServiceGroup = 57, TextileChainLead = 31;
    // Chains
    private const int Textiles = 3, NewEnergy = 4, Electronics = 5;

    /// <summary>A small prefecture: four projects in three hosts, three chains, three sources.</summary>
    private static readonly Project[] Prefecture =
    [
        Make("A", host: Shache, chain: Textiles, source: YangtzeSubBureau),
        Make("B", host: Shache, chain: NewEnergy, source: Shache),
        Make("C", host: Shule, chain: Textiles, source: PearlRiverSubBureau),
        Make("D", host: Kedz, chain: Electronics, source: ShanghaiFrontCommand),
    ];

    private static Project Make(string code, int host, int chain, int source, ProjectStage stage = ProjectStage.Negotiating) =>
        TestProjects.Create(stage, details: TestProjects.Details(hostUnitId: host, chainId: chain), sourceUnitId: source, code: code);

    private static UserScope Scope(ActorRole role, int? unitId = null, int[]? chains = null, int[]? hosts = null) =>
        new($"user-{role}", role.ToString(), role, unitId, chains ?? [], hosts ?? []);

    private static string[] Visible(UserScope scope) =>
        Prefecture.AsQueryable().Where(ProjectAccess.VisibleTo(scope)).Select(p => p.Code).ToArray();

    [Theory]
    [InlineData(ActorRole.Administrator)]
    [InlineData(ActorRole.Bureau)]
    [InlineData(ActorRole.Leader)]
    [InlineData(ActorRole.Display)]
    public void The_Bureau_leaders_administrators_and_displays_see_every_project(ActorRole role)
    {
        var scope = Scope(role, unitId: 1);

        Assert.True(scope.SeesAll);
        Assert.Equal(["A", "B", "C", "D"], Visible(scope));
    }

    [Fact]
    public void An_attracting_unit_sees_only_the_projects_it_hosts()
    {
        Assert.Equal(["A", "B"], Visible(Scope(ActorRole.AttractingUnit, Shache)));
        Assert.Equal(["C"], Visible(Scope(ActorRole.AttractingUnit, Shule)));
        Assert.Equal(["D"], Visible(Scope(ActorRole.AttractingUnit, Kedz)));
    }

    [Fact]
    public void A_chain_lead_sees_only_the_projects_on_its_chains()
    {
        Assert.Equal(["A", "C"], Visible(Scope(ActorRole.ChainLead, TextileChainLead, chains: [Textiles])));
        Assert.Equal(["B", "D"], Visible(Scope(ActorRole.ChainLead, 32, chains: [NewEnergy, Electronics])));
        Assert.Empty(Visible(Scope(ActorRole.ChainLead, 33, chains: [])));
    }

    [Fact]
    public void A_sub_bureau_or_front_command_sees_only_the_projects_it_brought_in()
    {
        Assert.Equal(["A"], Visible(Scope(ActorRole.SubBureau, YangtzeSubBureau)));
        Assert.Equal(["C"], Visible(Scope(ActorRole.SubBureau, PearlRiverSubBureau)));
        Assert.Equal(["D"], Visible(Scope(ActorRole.FrontCommand, ShanghaiFrontCommand)));
        Assert.Empty(Visible(Scope(ActorRole.FrontCommand, 42)));
    }

    [Fact]
    public void A_service_group_sees_only_the_projects_of_the_hosts_it_serves()
    {
        Assert.Equal(["A", "B"], Visible(Scope(ActorRole.ServiceGroup, ShacheServiceGroup, hosts: [Shache])));
        Assert.Equal(["C", "D"], Visible(Scope(ActorRole.ServiceGroup, 58, hosts: [Shule, Kedz])));
    }

    [Fact]
    public void A_department_sees_no_project() =>
        Assert.Empty(Visible(Scope(ActorRole.Department, 61, chains: [Textiles], hosts: [Shache])));

    [Fact]
    public void A_user_without_a_unit_sees_nothing_outside_the_see_all_roles()
    {
        Assert.Empty(Visible(Scope(ActorRole.AttractingUnit, unitId: null)));
        Assert.Empty(Visible(Scope(ActorRole.SubBureau, unitId: null)));
    }

    [Fact]
    public void CanSee_agrees_with_the_query_predicate()
    {
        var shache = Scope(ActorRole.AttractingUnit, Shache);

        Assert.True(ProjectAccess.CanSee(shache, Prefecture[0]));
        Assert.False(ProjectAccess.CanSee(shache, Prefecture[2]));
        Assert.True(ProjectAccess.CanSee(Scope(ActorRole.Leader), Prefecture[2]));
        Assert.False(ProjectAccess.CanSee(Scope(ActorRole.Department, 61), Prefecture[0]));
    }

    public static TheoryData<ActorRole> EveryRole() => new(Enum.GetValues<ActorRole>());

    /// <summary>Every combination of three hosts, three chains and four sources (36 projects).</summary>
    private static readonly Project[] Grid =
        (from host in new[] { Shache, Shule, Kedz }
         from chain in new[] { Textiles, NewEnergy, Electronics }
         from source in new[] { Shache, YangtzeSubBureau, PearlRiverSubBureau, ShanghaiFrontCommand }
         select (host, chain, source))
        .Select((g, i) => Make($"G{i}", g.host, g.chain, g.source).WithId(i + 1))
        .ToArray();

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void CanSee_on_a_project_key_agrees_with_VisibleTo_for_every_scope_of_the_role(ActorRole role)
    {
        var checkedPairs = 0;
        var seen = 0;
        foreach (var unitId in new int?[] { null, Shache, Shule, YangtzeSubBureau, ShanghaiFrontCommand, 99 })
        foreach (var chains in new[] { Array.Empty<int>(), [Textiles], [NewEnergy, Electronics] })
        foreach (var hosts in new[] { Array.Empty<int>(), [Shache], [Shule, Kedz] })
        {
            var scope = Scope(role, unitId, chains, hosts);
            var visibleTo = ProjectAccess.VisibleTo(scope).Compile();
            foreach (var project in Grid)
            {
                var expected = visibleTo(project);
                Assert.True(expected == ProjectAccess.CanSee(scope, project.Key),
                    $"{role} unit={unitId} chains=[{string.Join(",", chains)}] hosts=[{string.Join(",", hosts)}] project={project.Key}: VisibleTo says {expected}");
                Assert.Equal(expected, ProjectAccess.CanSee(scope, project));
                checkedPairs++;
                if (expected) seen++;
            }
        }

        Assert.Equal(6 * 3 * 3 * 36, checkedPairs);
        // The grid must exercise both answers wherever the role can give both.
        if (role == ActorRole.Department) Assert.Equal(0, seen);
        else if (Scope(role).SeesAll) Assert.Equal(checkedPairs, seen);
        else Assert.InRange(seen, 1, checkedPairs - 1);
    }

    [Fact]
    public void A_project_key_carries_the_ids_that_decide_visibility()
    {
        var project = Make("K", host: Shule, chain: NewEnergy, source: PearlRiverSubBureau).WithId(77);

        Assert.Equal(new ProjectKey(77, Shule, NewEnergy, PearlRiverSubBureau), project.Key);
    }

    [Theory]
    [InlineData(ActorRole.Administrator, true)]
    [InlineData(ActorRole.Bureau, true)]
    [InlineData(ActorRole.Leader, false)]
    [InlineData(ActorRole.Display, false)]
    [InlineData(ActorRole.ChainLead, false)]
    [InlineData(ActorRole.FrontCommand, false)]
    [InlineData(ActorRole.ServiceGroup, false)]
    [InlineData(ActorRole.Department, false)]
    public void Only_the_Bureau_and_administrators_edit_any_project(ActorRole role, bool canEdit)
    {
        // Give the user every link to project A that its role could use, so only the role decides.
        var a = Prefecture[0];
        var scope = Scope(role, unitId: role == ActorRole.FrontCommand ? YangtzeSubBureau : Shache, chains: [Textiles], hosts: [Shache]);

        Assert.Equal(canEdit, ProjectAccess.CanEdit(scope, a));
    }

    [Fact]
    public void A_county_edits_its_own_projects_but_not_another_countys()
    {
        var shache = Scope(ActorRole.AttractingUnit, Shache);

        Assert.True(ProjectAccess.CanEdit(shache, Prefecture[0]));
        Assert.True(ProjectAccess.CanEdit(shache, Prefecture[1]));
        Assert.False(ProjectAccess.CanEdit(shache, Prefecture[2]));
        Assert.False(ProjectAccess.CanEdit(Scope(ActorRole.AttractingUnit, Shule), Prefecture[0]));
    }

    [Theory]
    [InlineData(ProjectStage.Lead, true)]
    [InlineData(ProjectStage.Triage, true)]
    [InlineData(ProjectStage.Negotiating, false)]
    [InlineData(ProjectStage.Signed, false)]
    [InlineData(ProjectStage.Terminated, false)]
    public void A_sub_bureau_edits_its_own_leads_only_until_triage(ProjectStage stage, bool canEdit)
    {
        var lead = Make("E", host: Shache, chain: Textiles, source: YangtzeSubBureau, stage: stage);

        Assert.Equal(canEdit, ProjectAccess.CanEdit(Scope(ActorRole.SubBureau, YangtzeSubBureau), lead));
        Assert.False(ProjectAccess.CanEdit(Scope(ActorRole.SubBureau, PearlRiverSubBureau), lead));
    }

    [Fact]
    public void Only_the_Bureau_administrators_attracting_units_and_sub_bureaus_create_projects()
    {
        var creators = Enum.GetValues<ActorRole>().Where(r => Scope(r).CanCreateProjects);

        Assert.Equal([ActorRole.Administrator, ActorRole.Bureau, ActorRole.AttractingUnit, ActorRole.SubBureau], creators);
        Assert.True(Scope(ActorRole.AttractingUnit, Shache).HostIsFixed);
        Assert.False(Scope(ActorRole.SubBureau, YangtzeSubBureau).HostIsFixed);
    }

    [Fact]
    public void A_scope_acts_as_its_user_and_unit()
    {
        var actor = Scope(ActorRole.AttractingUnit, Shache).Actor;

        Assert.Equal("user-AttractingUnit", actor.UserName);
        Assert.Equal(Shache, actor.UnitId);
    }
}
