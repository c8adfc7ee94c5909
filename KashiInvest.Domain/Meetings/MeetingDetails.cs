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
        else TextRules.Add(errors, nameof(Title), Title, Meeting.TitleMaxLength);
        if (string.IsNullOrWhiteSpace(Chair)) errors.Add(new(nameof(Chair), "Meeting.ChairRequired"));
        else TextRules.Add(errors, nameof(Chair), Chair, Meeting.ShortTextMaxLength);
        TextRules.Add(errors, nameof(Place), Place, Meeting.ShortTextMaxLength);
        TextRules.Add(errors, nameof(Attendees), Attendees, Meeting.TextMaxLength, multiLine: true);
        if (StartsAtUtc == default) errors.Add(new(nameof(StartsAtUtc), "Meeting.StartRequired"));
        return errors;
    }
}
