using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The investors' applications recorded by the group's counties that wait for the group leader's service plan
/// (Art. 23): one to-do each, until the leader plans its first items on the board.
/// </summary>
public sealed class ApplicationsTodoSource(IDbContextFactory<KashiDbContext> factory, UiText text) : ITodoSource
{
    public const string Kind = "approval.application";

    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.Role != ActorRole.ServiceGroup || scope.UnitId is not { } unitId) return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hostIds = await ServiceGroupHosts.LedByAsync(db, unitId, cancellationToken);
        if (hostIds.Count == 0) return [];
        var rows = await db.ServicePlans.AsNoTracking()
            .Where(s => hostIds.Contains(s.HostUnitId) && s.Status == ServicePlanStatus.Applied)
            .Join(db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)), s => s.ProjectId, p => p.Id, (s, p) => new { s.Id, s.ProjectId, Project = p.Name, s.ApplicantName, s.AppliedOn })
            .OrderBy(r => r.AppliedOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TodoItem(
                Kind,
                text["Todo.Approvals.Application.Title", r.Project],
                text["Todo.Approvals.Application.Detail", r.ApplicantName, r.AppliedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
                $"/approvals/board#application-{r.Id}",
                null,
                TodoUrgency.Soon,
                r.ProjectId))
            .ToList();
    }
}
