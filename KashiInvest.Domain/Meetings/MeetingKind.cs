namespace KashiInvest.Domain.Meetings;

/// <summary>调度会 (scheduling) or 推进会 (progress) meeting (Art. 25, 27).</summary>
public enum MeetingKind { Scheduling, Progress }
