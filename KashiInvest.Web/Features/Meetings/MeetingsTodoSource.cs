using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// Meeting work waiting on the user's unit: the agenda of every planned meeting it attends or organises ("read the
/// agenda, prepare your report"), and its open action items, overdue first.
/// </summary>
public sealed class MeetingsTodoSource(MeetingQuery meetings, UiText text, TimeProvider clock) : ITodoSource
{
    public const string AgendaKind = "meeting.agenda";
    public const string ActionKind = "meeting.action";

    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.UnitId is null || scope.Role == ActorRole.Display) return [];
        var today = BeijingTime.Today(clock);
        var items = new List<TodoItem>();
        foreach (var m in await meetings.AttendedByUnitAsync(scope, cancellationToken))
        {
            var day = BeijingTime.DateOf(m.StartsAtUtc);
            items.Add(new TodoItem(AgendaKind, text["Todo.Meetings.Agenda", m.Title],
                text["Todo.Meetings.AgendaDetail", UiText.DateTime(m.StartsAtUtc), m.Place ?? text.Enum(m.Kind)],
                $"/meetings/{m.Id}", m.StartsAtUtc, TodoSchedule.UrgencyOf(day, today)));
        }
        foreach (var a in await meetings.OpenActionsOfUnitAsync(scope, cancellationToken))
        {
            items.Add(new TodoItem(ActionKind, text["Todo.Meetings.Action", a.Text],
                text["Todo.Meetings.ActionDetail", a.MeetingTitle, UiText.Date(a.DueOn)],
                a.SourceLink, BeijingTime.EndOfDayUtc(a.DueOn),
                TodoSchedule.UrgencyOf(a.DueOn, today), a.ProjectId));
        }
        return items;
    }
}
