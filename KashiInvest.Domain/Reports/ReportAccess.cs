using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Reports;

/// <summary>Who may file progress reports (Art. 22): the chain lead owes them; the host posts ordinary updates.</summary>
public static class ReportAccess
{
    public static bool CanFile(UserScope scope, ProjectKey project, ReportKind kind) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.ChainLead => scope.ChainIds.Contains(project.ChainId),
        ActorRole.AttractingUnit => kind == ReportKind.Update && project.HostUnitId == scope.UnitId,
        _ => false,
    };
}
