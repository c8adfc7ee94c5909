using KashiInvest.Domain.Access;

namespace KashiInvest.Domain.Bulletins;

/// <summary>
/// Who may do what with bulletins: the Bureau drafts, edits, submits and publishes; a leader approves or returns;
/// published bulletins are read by everyone signed in; drafts only by the Bureau, leaders and the administrator.
/// </summary>
public static class BulletinAccess
{
    public static bool CanEdit(UserScope scope) => scope.Role is ActorRole.Bureau or ActorRole.Administrator;

    public static bool CanApprove(UserScope scope) => scope.Role is ActorRole.Leader or ActorRole.Administrator;

    /// <summary>See bulletins before they are published.</summary>
    public static bool CanReadDrafts(UserScope scope) => scope.Role is ActorRole.Bureau or ActorRole.Leader or ActorRole.Administrator;

    public static bool CanRead(UserScope scope, BulletinStatus status) => status == BulletinStatus.Published || CanReadDrafts(scope);
}
