using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Meetings;

public enum MeetingChange { Created, Details, Agenda, Started, Presented, TakenOver, Record, Ended }

/// <summary>Anything about a meeting changed; screens re-read it.</summary>
public sealed record MeetingChanged(Meeting Meeting, MeetingChange Change) : IDomainEvent;
