using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Tests.Support;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Targets;

/// <summary>What the chain maps hear of: a library entry or a project that changes, and the chain it left when it moved.</summary>
public class TargetChangedTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static TargetInput Input(string name, int chain, int? link) => new(name, null, chain, link, SourceRegionCode.PearlRiverDelta, 0, null);

    [Fact]
    public void Adding_renaming_or_relinking_a_target_raises_a_change_and_a_move_to_another_chain_names_the_chain_it_left()
    {
        var target = TargetEnterprise.Create(Input("甲纺织", 3, 30), Bureau, Now);
        Assert.Null(Assert.IsType<TargetChanged>(Assert.Single(target.TakeDomainEvents())).PreviousChainId);

        target.Update(Input("甲家纺", 3, 31), Now);
        Assert.Null(Assert.IsType<TargetChanged>(Assert.Single(target.TakeDomainEvents())).PreviousChainId);

        target.Update(Input("甲家纺", 5, 50), Now);
        var moved = Assert.IsType<TargetChanged>(Assert.Single(target.TakeDomainEvents()));
        Assert.Equal(3, moved.PreviousChainId);
        Assert.Equal(5, moved.Target.ChainId);
    }

    [Fact]
    public void A_project_moved_to_another_chain_names_the_chain_it_left_and_an_edit_on_the_same_chain_does_not()
    {
        var project = TestProjects.Create();
        project.TakeDomainEvents();

        project.Update(TestProjects.Details(name: "同链修改"), WorkGroupThresholds.Default, TestProjects.Now.AddDays(1));
        Assert.Null(Assert.IsType<ProjectUpdated>(Assert.Single(project.TakeDomainEvents())).PreviousChainId);

        project.Update(TestProjects.Details(chainId: TestProjects.ChainId + 1), WorkGroupThresholds.Default, TestProjects.Now.AddDays(2));
        Assert.Equal(TestProjects.ChainId, Assert.IsType<ProjectUpdated>(Assert.Single(project.TakeDomainEvents())).PreviousChainId);
    }
}
