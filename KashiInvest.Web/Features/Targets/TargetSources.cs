using KashiInvest.Domain.Access;
using KashiInvest.Domain.Targets;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Targets;

/// <summary>To-do: targets pushed to the user's unit that nobody has contacted yet (Art. 16–17).</summary>
public sealed class TargetTodoSource(TargetLibraryQuery query, UiText text) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.UnitId is null || TargetAccess.SeesAllTargets(scope) || scope.Role is ActorRole.Display) return [];
        var rows = await query.InboxAsync(scope, new TargetFilter(Status: TargetFollowUp.NotContacted), ct: cancellationToken);
        return rows.Select(r => new TodoItem("target.contact", text["Targets.Todo.Contact", r.Name], text["Targets.Todo.Detail", UiText.DateTime(r.PushedAtUtc)],
            $"/targets/inbox?push={r.PushId}", null, TodoUrgency.Normal)).ToList();
    }
}
