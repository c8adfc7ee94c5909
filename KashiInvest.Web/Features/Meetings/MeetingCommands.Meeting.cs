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

/// <summary>The meeting itself: create it (with its proposed agenda), edit its details, close it.</summary>
public sealed partial class MeetingCommands
{
    /// <summary>Creates a planned meeting and proposes its agenda from the data at once. Id = the new meeting.</summary>
    public Task<WriteResult> CreateAsync(UserScope scope, MeetingInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var errors = input.Validate();
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        var meetingScope = input.Scope;
        if (!MeetingAccess.CanRun(scope, meetingScope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (await CheckReferencesAsync(db, input, ct) is { } bad) return bad;
        var organizer = meetingScope.Kind == MeetingScopeKind.County
            ? meetingScope.UnitId!.Value
            : await db.Units.BureauIdAsync(ct);
        var now = Now;
        return await WriteAsync(async () =>
        {
            var meeting = new Meeting(input.ToDetails(), meetingScope, organizer, scope.Actor, now);
            meeting.RefreshAgenda(await agenda.ProposeAsync(db, meeting, ct), now);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            return meeting.Id;
        });
    });

    /// <summary>Edits the details (not the scope) of a planned meeting.</summary>
    public Task<WriteResult> UpdateDetailsAsync(UserScope scope, int meetingId, int version, MeetingInput input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return Task.FromResult(WriteResult.Invalid(errors));
        return ActAsync(scope, meetingId, version, async (m, db, now) =>
        {
            var x = new MeetingInput { AttendingUnitIds = input.AttendingUnitIds };
            if (await CheckReferencesAsync(db, x, ct) is not null) throw new DomainRuleException("Meeting.UnknownUnit");
            m.UpdateDetails(input.ToDetails(), scope.Actor, now);
        }, ct);
    }

    /// <summary>Closes the meeting; its record is read-only from then on.</summary>
    public Task<WriteResult> EndAsync(UserScope scope, int meetingId, int version, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.End(scope.Actor, now); return Task.CompletedTask; }, ct);
}
