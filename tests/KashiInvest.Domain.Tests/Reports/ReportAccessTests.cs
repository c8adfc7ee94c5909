using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;

namespace KashiInvest.Domain.Tests.Reports;

public class ReportAccessTests
{
    private const int Shache = 7, Shule = 8, TextileLead = 31, EnergyLead = 32, Bureau = 1, NaturalResources = 70;
    private const int Textiles = 3, NewEnergy = 4;

    /// <summary>A textile project hosted by 莎车县, brought in by the Yangtze sub-bureau.</summary>
    private static readonly ProjectKey ShacheTextiles = new(100, Shache, Textiles, 21);

    private static UserScope Scope(ActorRole role, int? unitId, int[]? chains = null) =>
        new($"user-{role}", role.ToString(), role, unitId, chains ?? [], []);

    [Fact]
    public void The_chain_lead_files_the_fortnightly_report_of_its_chains_projects_and_no_other()
    {
        Assert.True(ReportAccess.CanFile(Scope(ActorRole.ChainLead, TextileLead, [Textiles]), ShacheTextiles, ReportKind.Fortnightly));
        Assert.False(ReportAccess.CanFile(Scope(ActorRole.ChainLead, EnergyLead, [NewEnergy]), ShacheTextiles, ReportKind.Fortnightly));
    }

    [Fact]
    public void The_host_county_posts_updates_on_its_own_projects_but_does_not_file_the_chain_leads_report()
    {
        var shache = Scope(ActorRole.AttractingUnit, Shache);
        Assert.True(ReportAccess.CanFile(shache, ShacheTextiles, ReportKind.Update));
        Assert.False(ReportAccess.CanFile(shache, ShacheTextiles, ReportKind.Fortnightly));
        Assert.False(ReportAccess.CanFile(Scope(ActorRole.AttractingUnit, Shule), ShacheTextiles, ReportKind.Update));
    }

    [Theory]
    [InlineData(ActorRole.Leader)]
    [InlineData(ActorRole.Display)]
    [InlineData(ActorRole.SubBureau)]
    public void Leaders_displays_and_sub_bureaus_file_no_reports(ActorRole role)
    {
        Assert.False(ReportAccess.CanFile(Scope(role, 21), ShacheTextiles, ReportKind.Fortnightly));
        Assert.False(ReportAccess.CanFile(Scope(role, 21), ShacheTextiles, ReportKind.Update));
    }
}
