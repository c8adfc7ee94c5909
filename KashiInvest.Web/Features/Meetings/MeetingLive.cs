using KashiInvest.Infrastructure.Live;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>Which live notices a meeting's screens re-read on.</summary>
public static class MeetingLive
{
    /// <summary>This meeting changed (position, record, presenter), or an action item changed (a followed-up action's status).</summary>
    public static bool Concerns(ChangeNotice notice, int meetingId) =>
        (notice.Kind == ChangeKinds.MeetingChanged && notice.ItemId == meetingId) || notice.Kind == ChangeKinds.ActionChanged;
}
