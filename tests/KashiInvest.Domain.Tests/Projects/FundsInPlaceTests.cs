using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Projects;

public class FundsInPlaceTests
{
    private static Project SignedProject() => TestProjects.Create(ProjectStage.Construction);

    [Fact]
    public void A_new_project_has_no_funds_in_place()
    {
        var project = SignedProject();

        Assert.Equal(0m, project.FundsInPlaceWan);
        Assert.Equal(0m, project.OutOfRegionFundsInPlaceWan);
    }

    [Fact]
    public void Funds_in_place_are_recorded_as_cumulative_totals()
    {
        var project = SignedProject();

        project.RecordFundsInPlace(5_000m, 4_000m, TestProjects.Now);
        project.RecordFundsInPlace(12_500m, 10_000m, TestProjects.Now.AddDays(15));

        Assert.Equal(12_500m, project.FundsInPlaceWan);
        Assert.Equal(10_000m, project.OutOfRegionFundsInPlaceWan);
        Assert.Equal(TestProjects.Now.AddDays(15), project.LastActivityAtUtc);
    }

    [Fact]
    public void Recording_the_same_totals_again_is_accepted()
    {
        var project = SignedProject();
        project.RecordFundsInPlace(5_000m, 4_000m, TestProjects.Now);

        project.RecordFundsInPlace(5_000m, 4_000m, TestProjects.Now.AddDays(15));

        Assert.Equal(5_000m, project.FundsInPlaceWan);
    }

    [Fact]
    public void Funds_in_place_cannot_decrease()
    {
        var project = SignedProject();
        project.RecordFundsInPlace(12_500m, 10_000m, TestProjects.Now);

        var violation = Rules.Refused("Funds.CannotDecrease", () => project.RecordFundsInPlace(12_000m, 10_000m, TestProjects.Now.AddDays(1)));

        Assert.Equal(new object[] { 12_500m, 12_000m }, violation.Args);
        Assert.Equal(12_500m, project.FundsInPlaceWan);
        Assert.Equal(TestProjects.Now, project.LastActivityAtUtc);
    }

    [Fact]
    public void Out_of_region_funds_in_place_cannot_decrease_either()
    {
        var project = SignedProject();
        project.RecordFundsInPlace(12_500m, 10_000m, TestProjects.Now);

        Rules.Refused("Funds.CannotDecrease", () => project.RecordFundsInPlace(13_000m, 9_000m, TestProjects.Now));

        Assert.Equal(10_000m, project.OutOfRegionFundsInPlaceWan);
        Assert.Equal(12_500m, project.FundsInPlaceWan);
    }

    [Fact]
    public void Out_of_region_funds_cannot_exceed_the_total()
    {
        var project = SignedProject();

        Rules.Refused("Funds.OutOfRegionExceedsTotal", () => project.RecordFundsInPlace(1_000m, 1_000.01m, TestProjects.Now));
        Assert.Equal(0m, project.OutOfRegionFundsInPlaceWan);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(100, -1)]
    public void Funds_in_place_cannot_be_negative(int totalWan, int outOfRegionWan) =>
        Rules.Refused("Money.MustNotBeNegative", () => SignedProject().RecordFundsInPlace(totalWan, outOfRegionWan, TestProjects.Now));

    [Fact]
    public void Recording_funds_raises_ProjectUpdated()
    {
        var project = SignedProject();
        project.TakeDomainEvents();

        project.RecordFundsInPlace(800m, 0m, TestProjects.Now);

        Assert.IsType<ProjectUpdated>(Assert.Single(project.DomainEvents));
    }
}
