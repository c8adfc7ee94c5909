using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Meetings;

/// <summary>
/// Who may do what with meetings (Art. 25, 27): the Bureau (and the administrator) runs every meeting, prefecture
/// leaders run prefecture and chain meetings, a county runs its own county meetings. Attending units, the chain lead
/// of a chain meeting and everyone who sees the whole prefecture read them.
/// </summary>
public static class MeetingAccess
{
    /// <summary>Create, prepare the agenda, present, record and end a meeting of this scope.</summary>
    public static bool CanRun(UserScope scope, MeetingScope meeting) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.Leader => meeting.Kind != MeetingScopeKind.County,
        ActorRole.AttractingUnit => meeting.Kind == MeetingScopeKind.County && meeting.UnitId == scope.UnitId,
        _ => false,
    };

    /// <summary>Whether the user may create any meeting at all (shows the "new meeting" button).</summary>
    public static bool CanCreateAny(UserScope scope) =>
        scope.Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.Leader || (scope.Role == ActorRole.AttractingUnit && scope.UnitId is not null);

    public static bool CanRead(UserScope scope, MeetingScope meeting, int organizerUnitId, IReadOnlyCollection<int> attendingUnitIds)
    {
        if (scope.SeesAll || CanRun(scope, meeting)) return true;
        if (scope.UnitId is { } unit && (unit == organizerUnitId || attendingUnitIds.Contains(unit))) return true;
        if (scope.Role == ActorRole.ChainLead && meeting.Kind == MeetingScopeKind.Chain && meeting.ChainId is { } chain && scope.ChainIds.Contains(chain)) return true;
        return false;
    }

    /// <summary>Report an action item done: its owner unit, or whoever runs meetings of the prefecture.</summary>
    public static bool CanMarkDone(UserScope scope, int ownerUnitId) =>
        scope.Role is ActorRole.Administrator or ActorRole.Bureau
        || (scope.Role is not (ActorRole.Display or ActorRole.Leader) && scope.UnitId == ownerUnitId);

    /// <summary>The Bureau's override when the actor is not the owner unit.</summary>
    public static bool ActsAsBureau(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;
}
