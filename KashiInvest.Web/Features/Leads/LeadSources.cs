using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Leads;

/// <summary>The registration form that created a project, in the project's documents panel (kind <c>lead.form</c>).</summary>
public sealed class LeadFormDocumentSource(LeadQuery query, UiText text) : IProjectDocumentSource
{
    public async Task<IReadOnlyList<ProjectDocument>> ReadAsync(UserScope scope, int projectId, CancellationToken cancellationToken)
    {
        if (await query.OfProjectAsync(scope, projectId, cancellationToken) is not { } row) return [];
        return [new ProjectDocument("lead.form", text["Leads.Form.Title"], $"{row.EnterpriseName} · {text.Enum(row.Feasibility)}", row.FiledAtUtc, null, $"/leads/{row.Id}")];
    }
}

/// <summary>To-do: an attracting unit's weekly intention report not yet filed (this week's, and any overdue ones).</summary>
public sealed class WeeklyTodoSource(WeeklyStatusQuery query, UiText text) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.Role != ActorRole.AttractingUnit || scope.UnitId is not { } unit) return [];
        var missing = await query.MissingAsync([unit], cancellationToken);
        return missing.Select(m => new TodoItem("weekly.report", text["Weekly.Todo.Title", m.Week.IsoYear, m.Week.IsoWeek],
            text["Weekly.Todo.Detail", UiText.DateTime(m.DueUtc)], $"/leads/weekly?week={m.Week}", m.DueUtc,
            m.State switch { WeeklyReportState.Overdue => TodoUrgency.Overdue, WeeklyReportState.DueSoon => TodoUrgency.Soon, _ => TodoUrgency.Normal })).ToList();
    }
}
