using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Chains;

/// <summary>
/// The map follows what has landed: when a project on a weak, short or broken link reaches production, the link is
/// proposed for re-rating, and the chain lead confirms a new status or keeps the old one with a reason.
/// </summary>
public static class ReratingRule
{
    public static bool ShouldPropose(LinkStrength current, ProjectStage from, ProjectStage to) =>
        current != LinkStrength.Strong && to == ProjectStage.Production && from != ProjectStage.Production;
}
