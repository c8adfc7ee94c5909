using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Meetings.Minutes;

/// <summary>
/// The minutes of a meeting from its record, read under the user's scope: what the Word document and the printable
/// page show. Times are Beijing time; names follow the current UI culture.
/// </summary>
public sealed class MinutesBuilder(MeetingQuery query, ReferenceCache reference, UiText text)
{
    /// <summary>The minutes, or null when the meeting does not exist or the user may not read it.</summary>
    public async Task<MeetingMinutes?> BuildAsync(UserScope scope, int meetingId, CancellationToken ct = default)
    {
        var view = await query.GetAsync(scope, meetingId, ct);
        if (view is null) return null;
        var names = await reference.GetAsync(ct);
        return From(view, names);
    }

    public MeetingMinutes From(MeetingView view, ReferenceCache.Snapshot names)
    {
        var numbers = new Dictionary<int, int>();
        var items = new List<MinutesItem>();
        foreach (var item in view.Items)
        {
            var number = items.Count + 1;
            numbers[item.Id] = number;
            items.Add(new MinutesItem(number, MeetingScreenText.Subject(item, text), ItemSubject(item, names), Blank(item.Note), Blank(item.Discussion),
                item.ElapsedSeconds > 0 ? TimeSpan.FromSeconds(item.ElapsedSeconds) : null));
        }

        var decisions = view.Decisions
            .Select(d => new MinutesDecision(d.AgendaItemId is { } id && numbers.TryGetValue(id, out var n) ? n : null, d.Text))
            .ToList();

        return new MeetingMinutes(
            Title: text["Minutes.TitleOf", view.Title],
            KindName: text.Enum(view.Kind),
            StartsAtBeijing: BeijingTime.ToBeijing(view.StartedAtUtc ?? view.StartsAtUtc),
            EndedAtBeijing: view.EndedAtUtc is { } end ? BeijingTime.ToBeijing(end) : null,
            Place: view.Place ?? string.Empty,
            Chair: view.Chair,
            Recorder: view.PresenterName ?? view.CreatedBy,
            AttendingUnits: view.AttendingUnitIds.Select(u => names.UnitName(u)).ToList(),
            Attendees: view.Attendees ?? string.Empty,
            Items: items,
            Decisions: decisions,
            Actions: Number(view.Actions, names),
            FollowUps: Number(view.CarriedOver, names));
    }

    private IReadOnlyList<MinutesAction> Number(IReadOnlyList<ActionView> actions, ReferenceCache.Snapshot names) =>
        actions.Select((a, i) => new MinutesAction(i + 1, a.Text, names.UnitName(a.OwnerUnitId), a.DueOn,
                a.ProjectName is { } p ? (a.ProjectCode is { } c ? $"{p}（{c}）" : p) : null,
                ActionStatus(a), !a.IsOpen))
            .ToList();

    private string ActionStatus(ActionView a) =>
        a.IsOpen
            ? a.IsOverdue ? text["Minutes.ActionOverdue"] : text.Enum(a.Status)
            : a.DoneOn is { } on ? text["Minutes.ActionDoneOn", on.ToString("yyyy-MM-dd")] : text.Enum(a.Status);

    private string ItemSubject(AgendaItemView item, ReferenceCache.Snapshot names)
    {
        var kind = text.Enum(item.Kind);
        if (item.Project is { } p) return $"{kind} · {p.Code} · {names.UnitName(p.HostUnitId)} · {names.ChainName(p.ChainId)}";
        if (item.Action is { } a) return $"{kind} · {names.UnitName(a.OwnerUnitId)} · {a.DueOn:yyyy-MM-dd}";
        return kind;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
