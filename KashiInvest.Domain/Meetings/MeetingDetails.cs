using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Meetings;

/// <summary>The editable facts of a meeting, validated together so that every bad field is reported at once.</summary>
public sealed record MeetingDetails(
    MeetingKind Kind,
    string Title,
    DateTime StartsAtUtc,
    string? Place,
    string Chair,
    string? ChairUserId,
    IReadOnlyList<int> AttendingUnitIds,
    string? Attendees,
    bool IncludeAwaiting)
{
    public IReadOnlyList<FieldViolation> Validate()
    {
        var errors = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Meeting.TitleRequired"));
        else if (Title.Trim().Length > Meeting.TitleMaxLength) errors.Add(new(nameof(Title), "Field.TooLong", Meeting.TitleMaxLength));
        if (string.IsNullOrWhiteSpace(Chair)) errors.Add(new(nameof(Chair), "Meeting.ChairRequired"));
        else if (Chair.Trim().Length > Meeting.ShortTextMaxLength) errors.Add(new(nameof(Chair), "Field.TooLong", Meeting.ShortTextMaxLength));
        if (Place is not null && Place.Trim().Length > Meeting.ShortTextMaxLength) errors.Add(new(nameof(Place), "Field.TooLong", Meeting.ShortTextMaxLength));
        if (Attendees is not null && Attendees.Trim().Length > Meeting.TextMaxLength) errors.Add(new(nameof(Attendees), "Field.TooLong", Meeting.TextMaxLength));
        if (StartsAtUtc == default) errors.Add(new(nameof(StartsAtUtc), "Meeting.StartRequired"));
        return errors;
    }
}
