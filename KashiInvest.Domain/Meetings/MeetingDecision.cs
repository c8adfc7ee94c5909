using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Meetings;

/// <summary>A decision taken in the meeting (会议议定事项), optionally on one agenda item.</summary>
public sealed class MeetingDecision : Entity, IAudited
{
    private MeetingDecision() { Text = RecordedBy = string.Empty; }

    internal MeetingDecision(int? agendaItemId, string text, DateTime recordedAtUtc, string recordedBy)
    {
        AgendaItemId = agendaItemId;
        Text = text;
        RecordedAtUtc = recordedAtUtc;
        RecordedBy = recordedBy;
    }

    public int MeetingId { get; private set; }
    public int? AgendaItemId { get; private set; }
    public string Text { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedBy { get; private set; }

    internal void Detach() => AgendaItemId = null;
}
