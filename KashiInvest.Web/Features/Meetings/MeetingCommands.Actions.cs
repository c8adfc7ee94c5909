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

/// <summary>Action items: recorded in the meeting, reported done by their owners afterwards.</summary>
public sealed partial class MeetingCommands
{
    /// <summary>
    /// Records an action item in the running meeting (owner unit, deadline, optional project/problem). With a problem
    /// effect the ledger problem is escalated one level (to the chain's lead unit, then the Bureau) or resolved with the
    /// action's text, in the same transaction. Field errors are named after <see cref="NewActionItem"/>'s properties.
    /// Id = the new action item's id.
    /// </summary>
    public Task<WriteResult> AddActionItemAsync(UserScope scope, int meetingId, NewActionItem input, int? version = null, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var meeting = await db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return WriteResult.NotFound;
        if (!MeetingAccess.CanRun(scope, meeting.Scope)) return CanRead(scope, meeting) ? WriteResult.NotAllowed : WriteResult.NotFound;
        if (version is { } v && meeting.Version != v) return WriteResult.Conflict;
        var now = Now;
        var errors = ActionItem.Validate(input.Text, input.OwnerUnitId, input.DueOn, BeijingTime.DateOf(now), input.ProblemId, input.ProblemEffect).ToList();
        // Action items are their own aggregate: the meeting's count comes from the database.
        if (ListLimits.Check(await db.ActionItems.CountAsync(a => a.MeetingId == meetingId, ct) + 1, Lists.ActionItemsPerMeeting) is { } tooMany)
            errors.Add(new(nameof(NewActionItem.Text), tooMany));
        if (input.OwnerUnitId is { } owner && owner > 0 && !await db.Units.AnyAsync(u => u.Id == owner, ct))
            errors.Add(new(nameof(NewActionItem.OwnerUnitId), "Action.OwnerRequired"));
        if (input.ProjectId is { } pid && !await db.Projects.Where(ProjectAccess.VisibleTo(scope)).AnyAsync(p => p.Id == pid, ct))
            errors.Add(new(nameof(NewActionItem.ProjectId), "Field.Required"));
        Problem? problem = null;
        int? escalateTo = null;
        if (input.ProblemId is { } qid)
        {
            problem = await db.Problems.Include(p => p.History).FirstOrDefaultAsync(p => p.Id == qid, ct);
            var key = problem is null ? null : await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == problem.ProjectId)
                .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)).Cast<ProjectKey?>().FirstOrDefaultAsync(ct);
            if (problem is null || key is not { } k) errors.Add(new(nameof(NewActionItem.ProblemId), "Field.Required"));
            else if (input.ProblemEffect != ProblemEffect.None && !ProblemAccess.CanHandle(scope, k, problem.OwnerUnitId, problem.Level))
                errors.Add(new(nameof(NewActionItem.ProblemEffect), "Action.CannotHandleProblem"));
            else if (input.ProblemEffect == ProblemEffect.Escalate && problem.Level != EscalationLevel.Prefecture)
                escalateTo = await KashiInvest.Web.Features.Problems.ProblemCommands.EscalationOwnerAsync(db, problem.Level, k.ChainId, ct);
        }
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        return await WriteAsync(async () =>
        {
            var action = ActionItem.Record(meeting, input.AgendaItemId, input.Text, input.OwnerUnitId!.Value, input.DueOn!.Value, input.ProjectId,
                problem, input.ProblemEffect, escalateTo, scope.Actor, now);
            db.ActionItems.Add(action);
            MarkChanged(db, meeting);
            await db.SaveChangesAsync(ct);
            return action.Id;
        });
    });

    /// <summary>The owner unit (or the Bureau) reports an action item done; allowed after the meeting ended. Id = the action id.</summary>
    public Task<WriteResult> MarkActionDoneAsync(UserScope scope, int actionItemId, int version, string? note, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var action = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == actionItemId, ct);
        if (action is null) return WriteResult.NotFound;
        if (!MeetingAccess.CanMarkDone(scope, action.OwnerUnitId)) return WriteResult.NotAllowed;
        if (action.Version != version) return WriteResult.Conflict;
        return await WriteAsync(async () =>
        {
            action.MarkDone(note, MeetingAccess.ActsAsBureau(scope), scope.Actor, Now);
            await db.SaveChangesAsync(ct);
            return action.Id;
        });
    });
}
