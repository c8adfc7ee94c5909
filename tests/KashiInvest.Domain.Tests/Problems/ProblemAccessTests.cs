using KashiInvest.Domain.Access;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Tests.Problems;

public class ProblemAccessTests
{
    private const int Shache = 7, Shule = 8, TextileLead = 31, EnergyLead = 32, Bureau = 1, NaturalResources = 70;
    private const int Textiles = 3, NewEnergy = 4;

    /// <summary>A textile project hosted by 莎车县, brought in by the Yangtze sub-bureau.</summary>
    private static readonly ProjectKey ShacheTextiles = new(100, Shache, Textiles, 21);

    private static UserScope Scope(ActorRole role, int? unitId, int[]? chains = null) =>
        new($"user-{role}", role.ToString(), role, unitId, chains ?? [], []);

    [Fact]
    public void Anyone_working_on_a_visible_project_may_record_a_problem_but_a_display_or_an_outsider_may_not()
    {
        Assert.True(ProblemAccess.CanRaise(Scope(ActorRole.AttractingUnit, Shache), ShacheTextiles));
        Assert.True(ProblemAccess.CanRaise(Scope(ActorRole.ChainLead, TextileLead, [Textiles]), ShacheTextiles));
        Assert.True(ProblemAccess.CanRaise(Scope(ActorRole.Leader, 2), ShacheTextiles));
        Assert.False(ProblemAccess.CanRaise(Scope(ActorRole.Display, Bureau), ShacheTextiles));
        Assert.False(ProblemAccess.CanRaise(Scope(ActorRole.AttractingUnit, Shule), ShacheTextiles));
    }

    [Fact]
    public void The_host_county_handles_its_entries_while_they_are_at_county_level_only()
    {
        var shache = Scope(ActorRole.AttractingUnit, Shache);
        Assert.True(ProblemAccess.CanHandle(shache, ShacheTextiles, NaturalResources, EscalationLevel.County));
        Assert.False(ProblemAccess.CanHandle(shache, ShacheTextiles, TextileLead, EscalationLevel.ChainLead));
        Assert.False(ProblemAccess.CanHandle(Scope(ActorRole.AttractingUnit, Shule), ShacheTextiles, NaturalResources, EscalationLevel.County));
    }

    [Fact]
    public void The_chain_lead_handles_entries_up_to_its_level_and_the_Bureau_handles_all()
    {
        var lead = Scope(ActorRole.ChainLead, TextileLead, [Textiles]);
        Assert.True(ProblemAccess.CanHandle(lead, ShacheTextiles, Shache, EscalationLevel.County));
        Assert.True(ProblemAccess.CanHandle(lead, ShacheTextiles, TextileLead, EscalationLevel.ChainLead));
        Assert.False(ProblemAccess.CanHandle(lead, ShacheTextiles, Bureau, EscalationLevel.Prefecture));
        Assert.True(ProblemAccess.CanHandle(Scope(ActorRole.Bureau, Bureau), ShacheTextiles, Bureau, EscalationLevel.Prefecture));
    }

    [Fact]
    public void The_owner_unit_handles_its_entry_whatever_its_role()
    {
        Assert.True(ProblemAccess.CanHandle(Scope(ActorRole.Department, NaturalResources), ShacheTextiles, NaturalResources, EscalationLevel.County));
        Assert.False(ProblemAccess.CanHandle(Scope(ActorRole.Department, 71), ShacheTextiles, NaturalResources, EscalationLevel.County));
    }

    [Fact]
    public void Leaders_and_displays_watch_the_ledger_but_do_not_act_on_it()
    {
        Assert.False(ProblemAccess.CanHandle(Scope(ActorRole.Leader, Bureau), ShacheTextiles, Bureau, EscalationLevel.Prefecture));
        Assert.False(ProblemAccess.CanHandle(Scope(ActorRole.Display, Bureau), ShacheTextiles, Bureau, EscalationLevel.Prefecture));
        Assert.False(ProblemAccess.CanReopen(Scope(ActorRole.Display, Bureau), ShacheTextiles, Bureau, EscalationLevel.Prefecture, Bureau));
    }

    [Fact]
    public void The_unit_that_raised_an_entry_may_reopen_it()
    {
        var shule = Scope(ActorRole.AttractingUnit, Shule);
        Assert.True(ProblemAccess.CanReopen(shule, ShacheTextiles, TextileLead, EscalationLevel.ChainLead, raisedByUnitId: Shule));
        Assert.False(ProblemAccess.CanReopen(shule, ShacheTextiles, TextileLead, EscalationLevel.ChainLead, raisedByUnitId: Shache));
    }
}
