using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>
/// The commitments' write path: record and edit (the host county and the Bureau), step through the life and record
/// payments (the responsible department and the Bureau), confirm a by-hand condition (either), clear the
/// fair-competition review (the Bureau). Each loads under the user's access, refuses a stale version as a conflict,
/// calls the domain and saves through the unit of work (audit rows, then the commitment.changed notice after commit).
/// </summary>
public sealed class CommitmentCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<CommitmentCommands> logger)
{
    public Task<WriteResult> RecordAsync(UserScope scope, int projectId, CommitmentInput input, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                .Select(p => new { Key = new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId), p.Stage }).FirstOrDefaultAsync(ct);
            if (project is null || !ProjectAccess.CanSee(scope, project.Key)) return WriteResult.NotFound;
            if (!CommitmentAccess.CanRecord(scope, project.Key)) return WriteResult.NotAllowed;
            if (project.Stage is not (ProjectStage.Signed or ProjectStage.Landing or ProjectStage.Construction or ProjectStage.Production))
                return WriteResult.Invalid(string.Empty, new RuleViolation("Commitment.ProjectNotSigned"));
            var errors = Commitment.Validate(input);
            if (errors.Count > 0) return WriteResult.Invalid(errors);
            var now = clock.GetUtcNow().UtcDateTime;
            var commitment = new Commitment(projectId, project.Key.HostUnitId, input, scope.Actor, now);
            commitment.Evaluate(await FactsAsync(db, projectId, ct), await CalendarAsync(db, ct), BeijingTime.DateOf(now), scope.Actor, now);
            db.Commitments.Add(commitment);
            await db.SaveChangesAsync(ct);
            return WriteResult.Saved(commitment.Id);
        });

    public Task<WriteResult> EditAsync(UserScope scope, int id, int version, CommitmentInput input, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, Right.Record, async (db, c, now) =>
        {
            var errors = Commitment.Validate(input);
            if (errors.Count > 0) return WriteResult.Invalid(errors);
            // A fair-competition flag, once raised, is dropped only by the Bureau's review, never by the recorder.
            if (c.Concerns != FairCompetitionConcern.None && input.Concerns == FairCompetitionConcern.None && !CommitmentAccess.CanClearFairCompetition(scope))
                return WriteResult.Invalid(nameof(CommitmentInput.Concerns), new RuleViolation("Commitment.FlagStays"));
            c.Edit(input, scope.Actor, now);
            c.Evaluate(await FactsAsync(db, c.ProjectId, ct), await CalendarAsync(db, ct), BeijingTime.DateOf(now), scope.Actor, now);
            return null;
        }, ct);

    public Task<WriteResult> StepAsync(UserScope scope, int id, int version, CommitmentStep step, string? note, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, Right.Step, (_, c, now) =>
        {
            // Closing (honoured, terminated) is the Bureau's: the unit that owes the commitment may not end it itself.
            if (!CommitmentAccess.CanTake(scope, step, c.ResponsibleUnitId)) return Task.FromResult<WriteResult?>(WriteResult.NotAllowed);
            c.Advance(step, note, scope.Actor, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    public Task<WriteResult> RecordPaymentAsync(UserScope scope, int id, int version, decimal? amountWan, DateOnly paidOn, bool inFull, string? note,
        CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, Right.Step, (_, c, now) =>
        {
            c.RecordPayment(amountWan, paidOn, inFull, note, BeijingTime.DateOf(now), scope.Actor, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    public Task<WriteResult> ConfirmConditionAsync(UserScope scope, int id, int version, int number, string note, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, Right.Confirm, async (db, c, now) =>
        {
            c.ConfirmCondition(number, note, await CalendarAsync(db, ct), BeijingTime.DateOf(now), scope.Actor, now);
            return null;
        }, ct);

    public Task<WriteResult> ClearFairCompetitionAsync(UserScope scope, int id, int version, string note, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, Right.FairCompetition, (_, c, now) =>
        {
            c.ClearFairCompetitionReview(note, scope.Actor, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    private enum Right { Record, Step, Confirm, FairCompetition }

    private Task<WriteResult> ChangeAsync(UserScope scope, int id, int version, Right right,
        Func<KashiDbContext, Commitment, DateTime, Task<WriteResult?>> change, CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var c = await db.Commitments.Include(x => x.Conditions).Include(x => x.Payments).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return WriteResult.NotFound;
            var key = await db.Projects.AsNoTracking().Where(p => p.Id == c.ProjectId)
                .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)).FirstAsync(ct);
            // A commitment the user may not see answers like a missing one.
            if (!CommitmentAccess.CanSee(scope, key, c.ResponsibleUnitId)) return WriteResult.NotFound;
            var allowed = right switch
            {
                Right.Record => CommitmentAccess.CanRecord(scope, key),
                Right.Step => CommitmentAccess.CanStep(scope, c.ResponsibleUnitId),
                Right.Confirm => CommitmentAccess.CanConfirmCondition(scope, key, c.ResponsibleUnitId),
                _ => CommitmentAccess.CanClearFairCompetition(scope),
            };
            if (!allowed) return WriteResult.NotAllowed;
            if (c.Version != version) return WriteResult.Conflict;
            db.Entry(c).Property(x => x.Version).OriginalValue = version;
            if (await change(db, c, clock.GetUtcNow().UtcDateTime) is { } refused) return refused;
            // A change to its conditions or payments alone still moves the commitment's version (a stale write is a conflict).
            db.Entry(c).Property(x => x.UpdatedAtUtc).IsModified = true;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Commitment {Id} is {Status}, by {User}", c.Id, c.Status, scope.UserName);
            return WriteResult.Saved(c.Id);
        });

    private static async Task<CommitmentFacts> FactsAsync(KashiDbContext db, int projectId, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.FundsInPlaceWan, x.Stage }).FirstAsync(ct);
        var reached = await db.Milestones.AsNoTracking().Where(m => m.ProjectId == projectId && m.ReachedOn != null).Select(m => m.Id).ToListAsync(ct);
        return new CommitmentFacts(Money.FromWan(p.FundsInPlaceWan), p.Stage == ProjectStage.Production, null, reached.ToHashSet());
    }

    private static async Task<WorkingCalendar> CalendarAsync(KashiDbContext db, CancellationToken ct) =>
        new(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
}
