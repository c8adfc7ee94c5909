namespace KashiInvest.Web.Features.Meetings.Minutes;

/// <summary>
/// What the minutes of one meeting say, as plain data: the meeting feature maps its record to this, and both the Word
/// document (<see cref="MinutesDocxWriter"/>) and the printable page (<c>MinutesView</c>) are drawn from it. Times are
/// already in Beijing time. <see cref="FollowUps"/> are action items from earlier meetings reviewed at this one.
/// </summary>
public sealed record MeetingMinutes(string Title, string KindName, DateTime StartsAtBeijing, DateTime? EndedAtBeijing,
    string Place, string Chair, string Recorder, IReadOnlyList<string> AttendingUnits, string Attendees,
    IReadOnlyList<MinutesItem> Items, IReadOnlyList<MinutesDecision> Decisions, IReadOnlyList<MinutesAction> Actions,
    IReadOnlyList<MinutesAction> FollowUps, string? DocumentNumber = null);

/// <summary>An item discussed (议题), numbered in agenda order; <see cref="Subject"/> is the project or matter it concerns.</summary>
public sealed record MinutesItem(int Number, string Title, string? Subject, string? Note, string? Discussion, TimeSpan? Duration);

/// <summary>A decision taken (议定事项), optionally tied to the item it settles.</summary>
public sealed record MinutesDecision(int? ItemNumber, string Text);

/// <summary>An action item (工作任务): what, which unit, by when, about what, and how far it has got.</summary>
public sealed record MinutesAction(int Number, string Text, string OwnerUnit, DateOnly DueOn, string? Subject, string Status, bool Done);
