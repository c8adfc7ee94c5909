using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Features.BattleMaps;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>How the presenter and the follower screens name an agenda item and show its times.</summary>
public static class MeetingScreenText
{
    /// <summary>
    /// The item's heading: its own title, else the problem (two problems of one project must not read the same), the
    /// project or the followed-up action.
    /// </summary>
    public static string Title(AgendaItemView item, UiText t) =>
        item.Title
        ?? (item.Problem is { } q ? BattleMapFigures.Excerpt(q.Description, 80) : null)
        ?? item.Project?.Name
        ?? (item.Action is { } a ? BattleMapFigures.Excerpt(a.Text, 80) : null)
        ?? t["Meeting.Screen.HiddenSubject"];

    /// <summary>The item's subject in full (agenda page, minutes): its own title, the project, the problem, the action, else its kind.</summary>
    public static string Subject(AgendaItemView item, UiText t) =>
        (string.IsNullOrWhiteSpace(item.Title) ? null : item.Title.Trim())
        ?? item.Project?.Name
        ?? item.Problem?.Description
        ?? item.Action?.Text
        ?? t.Enum(item.Kind);

    /// <summary>A few words of the title for the agenda strip.</summary>
    public static string Short(AgendaItemView item, UiText t) => BattleMapFigures.Excerpt(Title(item, t), 13);

    /// <summary>What a meeting covers: the prefecture, one chain, or one county.</summary>
    public static string Scope(MeetingScope scope, UiText t, ReferenceCache.Snapshot? names) => scope.Kind switch
    {
        MeetingScopeKind.Chain => $"{t.Enum(scope.Kind)}：{names?.ChainName(scope.ChainId)}",
        MeetingScopeKind.County => names?.UnitName(scope.UnitId) ?? "",
        _ => t.Enum(scope.Kind),
    };

    /// <summary>Minutes and seconds, with hours once an hour has passed (e.g. 07:05, 1:02:09).</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}"
            : $"{span.Minutes:00}:{span.Seconds:00}";

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
