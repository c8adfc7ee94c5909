using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The 差评 of the group's projects that wait for the group leader's follow-up (Art. 23): one to-do each, until the
/// leader records what was done on the board.
/// </summary>
public sealed class FollowUpTodoSource(IDbContextFactory<KashiDbContext> factory, UiText text) : ITodoSource
{
    public const string Kind = "approval.followup";

    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.Role != ActorRole.ServiceGroup || scope.UnitId is not { } unitId) return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hostIds = await ServiceGroupHosts.LedByAsync(db, unitId, cancellationToken);
        if (hostIds.Count == 0) return [];
        var rows = await db.PlanItems.AsNoTracking()
            .Where(i => hostIds.Contains(i.HostUnitId) && i.Satisfaction == Satisfaction.Poor && i.FollowUp == null)
            .Join(db.Projects.AsNoTracking(), i => i.ProjectId, p => p.Id, (i, p) => new { i.Id, i.ProjectId, Project = p.Name, i.ItemName, i.ItemNameEn, i.SatisfactionComment })
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TodoItem(
                Kind,
                text["Todo.Approvals.FollowUp.Title", r.Project, Localized.Pick(r.ItemName, r.ItemNameEn)],
                r.SatisfactionComment,
                $"/approvals/board#item-{r.Id}",
                null,
                TodoUrgency.Soon,
                r.ProjectId))
            .ToList();
    }
}
