namespace KashiInvest.Domain.Meetings;

/// <summary>Planned → InProgress → Ended. An ended meeting is read-only.</summary>
public enum MeetingStatus { Planned, InProgress, Ended }
