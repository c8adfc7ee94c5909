using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Projects;

namespace KashiInvest.Web.Features.Reports;

/// <summary>Links into the report form from other pages.</summary>
public static class ReportLinks
{
    /// <summary>The update form for the current half-month, back to the project page; null when the user may not post updates.</summary>
    public static string? PostUpdate(UserScope scope, ProjectView project, TimeProvider clock)
    {
        var key = new ProjectKey(project.Id, project.HostUnitId, project.ChainId, project.SourceUnitId);
        if (project.Stage == ProjectStage.Terminated || !ReportAccess.CanFile(scope, key, ReportKind.Update)) return null;
        var period = HalfMonthPeriod.Containing(BeijingTime.Today(clock));
        return $"/reports/{project.Id}/{period.Index}/update?return=/projects/{project.Id}";
    }
}
