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

/// <summary>
/// The writes of meeting mode (Art. 25, 27). Before the meeting: create, edit details, build the agenda from the data,
/// add/remove/reorder/annotate items (only while planned). During it (the presenter screen): start, present an item,
/// take over, record discussion, decisions and action items, end. After it: owners report their action items done.
/// Every write checks <see cref="MeetingAccess"/>, refuses a stale version with <see cref="WriteResult.Conflict"/>,
/// and is audited by the save interceptor; each publishes <c>meeting.changed</c> (and <c>action.changed</c>).
/// The result's <see cref="WriteResult.Id"/> is the meeting id unless stated otherwise; callers re-read with
/// <see cref="MeetingQuery.GetAsync"/> for the new version.
/// </summary>
public sealed partial class MeetingCommands(IDbContextFactory<KashiDbContext> factory, MeetingAgendaQuery agenda, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<KashiInvest.Web.Shared.LimitsOptions> limits, ILogger<MeetingCommands> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private ListLimits Lists => limits.Value.Lists;

    /// <summary>
    /// A change to the agenda or the record alone (same clock tick) must still bump the meeting's version, so that
    /// every screen's stale-version check and the live notice see it.
    /// </summary>
    private static void MarkChanged(KashiDbContext db, Meeting meeting)
    {
        var entry = db.Entry(meeting);
        if (entry.State == EntityState.Unchanged && meeting.DomainEvents.Count > 0) entry.Property(m => m.UpdatedAtUtc).IsModified = true;
    }

    private static bool CanRead(UserScope scope, Meeting m) => MeetingAccess.CanRead(scope, m.Scope, m.OrganizerUnitId, m.AttendingUnitIds);

    private static async Task<WriteResult?> CheckReferencesAsync(KashiDbContext db, MeetingInput input, CancellationToken ct)
    {
        var units = input.AttendingUnitIds.Distinct().ToList();
        if (units.Count > 0 && await db.Units.CountAsync(u => units.Contains(u.Id), ct) != units.Count)
            return WriteResult.Invalid(nameof(MeetingInput.AttendingUnitIds), new RuleViolation("Meeting.UnknownUnit"));
        if (input.ScopeKind == MeetingScopeKind.Chain && !await db.Chains.AnyAsync(c => c.Id == input.ScopeChainId, ct))
            return WriteResult.Invalid(nameof(MeetingInput.ScopeChainId), new RuleViolation("Meeting.ScopeChainRequired"));
        if (input.ScopeKind == MeetingScopeKind.County && !await db.Units.AnyAsync(u => u.Id == input.ScopeUnitId && (u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone), ct))
            return WriteResult.Invalid(nameof(MeetingInput.ScopeUnitId), new RuleViolation("Meeting.ScopeCountyRequired"));
        return null;
    }

    private Task<WriteResult> ActAsync(UserScope scope, int meetingId, int? version, Func<Meeting, KashiDbContext, DateTime, Task> act, CancellationToken ct) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var meeting = await db.Meetings.Include(m => m.Items).Include(m => m.Decisions).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return WriteResult.NotFound;
        if (!MeetingAccess.CanRun(scope, meeting.Scope)) return CanRead(scope, meeting) ? WriteResult.NotAllowed : WriteResult.NotFound;
        if (version is { } v && meeting.Version != v) return WriteResult.Conflict;
        return await WriteAsync(async () =>
        {
            await act(meeting, db, Now);
            MarkChanged(db, meeting);
            await db.SaveChangesAsync(ct);
            return meeting.Id;
        });
    });

    /// <summary>Runs a write and saves it: the id it returns is the result's.</summary>
    private static async Task<WriteResult> WriteAsync(Func<Task<int>> write) => WriteResult.Saved(await write());
}
