using KashiInvest.Domain.Access;
using KashiInvest.Domain.Triage;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Triage;

/// <summary>
/// Triage work waiting on the user's unit: the Bureau's leads to analyse or route and leading-group decisions to record,
/// a leader's analyses to review, a county's routed leads to follow up.
/// </summary>
public sealed class TriageTodoSource(TriageQuery query, UiText text) : ITodoSource
{
    /// <summary>A lead waiting this many days on one step is flagged as soon-due.</summary>
    public const int SoonAfterDays = 7;

    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.Role is ActorRole.Display) return [];
        var rows = await query.LoadAsync(scope, null, cancellationToken);
        return rows.Where(r => r.MyActions.Count > 0).Select(r =>
        {
            var action = r.MyActions[0];
            var kind = action switch
            {
                TriageAction.Analyse => "triage.analyse",
                TriageAction.Route => "triage.route",
                TriageAction.Approve or TriageAction.Return => "triage.review",
                TriageAction.Decide => "triage.decision",
                _ => "triage.follow-up",
            };
            return new TodoItem(kind, text[$"Todo.{kind}", r.Name], $"{r.Code} · {r.InvestorName} · {text.Tiers(r.Tiers)}", "/triage", null,
                r.AgeDays >= SoonAfterDays ? TodoUrgency.Soon : TodoUrgency.Normal, r.ProjectId);
        }).ToList();
    }
}
