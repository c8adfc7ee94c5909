using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>How the presenter and the follower screens name an agenda item and show its times.</summary>
public static class MeetingScreenText
{
    /// <summary>The item's heading: its own title, else the project, the problem or the followed-up action.</summary>
    public static string Title(AgendaItemView item, UiText t) =>
        item.Title
        ?? item.Project?.Name
        ?? (item.Problem is { } q ? Shorten(q.Description, 80) : null)
        ?? (item.Action is { } a ? Shorten(a.Text, 80) : null)
        ?? t["Meeting.Screen.HiddenSubject"];

    /// <summary>A few words of the title for the agenda strip.</summary>
    public static string Short(AgendaItemView item, UiText t) => Shorten(Title(item, t), 14);

    /// <summary>Minutes and seconds, with hours once an hour has passed (e.g. 07:05, 1:02:09).</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}"
            : $"{span.Minutes:00}:{span.Seconds:00}";

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>The item before or after <paramref name="itemId"/> in agenda order, or null at either end.</summary>
    public static AgendaItemView? Neighbour(MeetingView view, int? itemId, int step)
    {
        var items = view.Items.OrderBy(i => i.Position).ToList();
        if (items.Count == 0) return null;
        var index = itemId is { } id ? items.FindIndex(i => i.Id == id) : -1;
        if (index < 0) return step > 0 ? items[0] : null;
        var next = index + step;
        return next >= 0 && next < items.Count ? items[next] : null;
    }
}
