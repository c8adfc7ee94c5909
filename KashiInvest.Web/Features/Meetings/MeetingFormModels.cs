using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>A meeting as entered on the create/edit form. <see cref="StartsOn"/> and <see cref="StartsAt"/> are Beijing time.</summary>
public sealed class MeetingInput
{
    public MeetingKind Kind { get; set; } = MeetingKind.Scheduling;
    public string Title { get; set; } = string.Empty;
    public DateOnly? StartsOn { get; set; }
    public TimeOnly? StartsAt { get; set; } = new(10, 0);
    public string? Place { get; set; }
    public string Chair { get; set; } = string.Empty;
    public string? ChairUserId { get; set; }
    public List<int> AttendingUnitIds { get; set; } = [];
    public string? Attendees { get; set; }
    public MeetingScopeKind ScopeKind { get; set; } = MeetingScopeKind.Prefecture;
    public int? ScopeChainId { get; set; }
    public int? ScopeUnitId { get; set; }
    public bool IncludeAwaiting { get; set; }

    /// <summary>The UTC instant of the Beijing date and time, or default when either is missing.</summary>
    public DateTime StartsAtUtc => StartsOn is { } d && StartsAt is { } t
        ? DateTime.SpecifyKind(d.ToDateTime(t) - BeijingTime.Offset, DateTimeKind.Utc)
        : default;

    public MeetingScope Scope => new(ScopeKind, ScopeKind == MeetingScopeKind.Chain ? ScopeChainId : null, ScopeKind == MeetingScopeKind.County ? ScopeUnitId : null);

    public MeetingDetails ToDetails() =>
        new(Kind, Title ?? string.Empty, StartsAtUtc, Place, Chair ?? string.Empty, ChairUserId, AttendingUnitIds, Attendees, IncludeAwaiting);

    public static MeetingInput From(Meeting m)
    {
        var local = BeijingTime.ToBeijing(m.StartsAtUtc);
        return new()
        {
            Kind = m.Kind, Title = m.Title, StartsOn = DateOnly.FromDateTime(local), StartsAt = TimeOnly.FromDateTime(local), Place = m.Place,
            Chair = m.Chair, ChairUserId = m.ChairUserId, AttendingUnitIds = [.. m.AttendingUnitIds], Attendees = m.Attendees,
            ScopeKind = m.ScopeKind, ScopeChainId = m.ScopeChainId, ScopeUnitId = m.ScopeUnitId, IncludeAwaiting = m.IncludeAwaiting,
        };
    }

    /// <summary>Field errors, named after this class's properties (a form shows each next to its field).</summary>
    public List<FieldViolation> Validate()
    {
        var errors = new List<FieldViolation>();
        foreach (var e in ToDetails().Validate())
        {
            var field = e.Field == nameof(MeetingDetails.StartsAtUtc) ? (StartsOn is null ? nameof(StartsOn) : nameof(StartsAt)) : e.Field;
            errors.Add(e with { Field = field });
        }
        if (ScopeKind == MeetingScopeKind.Chain && ScopeChainId is null) errors.Add(new(nameof(ScopeChainId), "Meeting.ScopeChainRequired"));
        if (ScopeKind == MeetingScopeKind.County && ScopeUnitId is null) errors.Add(new(nameof(ScopeUnitId), "Meeting.ScopeCountyRequired"));
        Choices.Add(errors, nameof(Kind), (MeetingKind?)Kind);
        Choices.Add(errors, nameof(ScopeKind), (MeetingScopeKind?)ScopeKind);
        return errors;
    }
}

/// <summary>An action item as entered on the presenter screen (or the meeting page).</summary>
public sealed class NewActionItem
{
    public int? AgendaItemId { get; set; }
    public string Text { get; set; } = string.Empty;
    public int? OwnerUnitId { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? ProjectId { get; set; }
    public int? ProblemId { get; set; }
    public ProblemEffect ProblemEffect { get; set; }
}
