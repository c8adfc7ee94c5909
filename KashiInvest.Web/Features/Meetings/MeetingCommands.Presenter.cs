using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Meetings;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>The presenter during the meeting: start, show an item, take over.</summary>
public sealed partial class MeetingCommands
{
    /// <summary>Opens the meeting; the caller becomes the presenter, the first item is shown.</summary>
    public Task<WriteResult> StartAsync(UserScope scope, int meetingId, int version, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.Start(scope.Actor, scope.DisplayName, now); return Task.CompletedTask; }, ct);

    /// <summary>
    /// The presenter shows another item (time of the previous one is banked). <paramref name="version"/> null skips the
    /// version check (the presenter's position is last-writer-wins; a concurrent save still yields a conflict).
    /// Refused with <c>Meeting.NotPresenter</c> when the caller is not the presenter: call <see cref="TakeOverAsync"/> first.
    /// </summary>
    public Task<WriteResult> PresentAsync(UserScope scope, int meetingId, int itemId, int? version = null, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.Present(itemId, scope.Actor, now); return Task.CompletedTask; }, ct);

    /// <summary>The caller (another Bureau user, or the same one after a dropped connection) becomes the presenter at the current item.</summary>
    public Task<WriteResult> TakeOverAsync(UserScope scope, int meetingId, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, null, (m, _, now) => { m.TakeOver(scope.Actor, scope.DisplayName, now); return Task.CompletedTask; }, ct);
}
