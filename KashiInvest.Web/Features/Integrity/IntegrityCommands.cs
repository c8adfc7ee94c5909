using KashiInvest.Domain.Access;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Integrity;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Integrity;

/// <summary>
/// The writes of the integrity ledger (违约失信专项整治): the Bureau opens a case (from a founded complaint, an overdue
/// commitment, or by hand), verifies a reported rectification or sends it back, and records a breach of trust; the
/// responsible unit enters its rectification plan and reports it rectified. Each loads under the user's access, refuses
/// a stale version as a conflict, calls the domain and saves through the unit of work (audited before/after, live
/// notice after the commit).
/// </summary>
public sealed class IntegrityCommands(IDbContextFactory<KashiDbContext> factory, IOptions<IntegritySettings> settings, TimeProvider clock,
    ILogger<IntegrityCommands> logger)
{
    public Task<WriteResult> OpenAsync(UserScope scope, IntegrityCaseInput input, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            if (!IntegrityAccess.CanSupervise(scope)) return WriteResult.NotAllowed;
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var now = clock.GetUtcNow().UtcDateTime;
            var today = BeijingTime.DateOf(now);
            if (input.CommitmentId is { } commitmentId)
            {
                var commitment = await db.Commitments.AsNoTracking().Where(c => c.Id == commitmentId).Select(c => new { c.ProjectId }).FirstOrDefaultAsync(ct);
                if (commitment is null) return WriteResult.Invalid(nameof(input.CommitmentId), new RuleViolation("Integrity.NoSuchCommitment"));
                input = input with { ProjectId = commitment.ProjectId };
            }
            if (input.ComplaintId is { } complaintId)
            {
                var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => new { c.Status }).FirstOrDefaultAsync(ct);
                if (complaint is null || !IsFounded(complaint.Status)) return WriteResult.Invalid(string.Empty, new RuleViolation("Integrity.ComplaintNotFounded"));
                if (await db.IntegrityCases.AnyAsync(c => c.ComplaintId == complaintId, ct)) return WriteResult.Invalid(string.Empty, new RuleViolation("Integrity.ComplaintHasCase"));
            }
            if (Domain.Integrity.IntegrityCase.Validate(input, today) is { Count: > 0 } errors) return WriteResult.Invalid(errors);
            if (!await db.Units.AnyAsync(u => u.Id == input.UnitId, ct)) return WriteResult.Invalid(nameof(input.UnitId), new RuleViolation("Field.Required"));
            var opened = new Domain.Integrity.IntegrityCase(input, settings.Value, today, scope.Actor, now);
            db.IntegrityCases.Add(opened);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
            {
                // Someone turned the same complaint into a case a moment ago.
                return WriteResult.Invalid(string.Empty, new RuleViolation("Integrity.ComplaintHasCase"));
            }
            return WriteResult.Saved(opened.Id);
        });

    /// <summary>A complaint the Bureau has accepted (and not refused) may be found founded and turned into a case.</summary>
    public static bool IsFounded(ComplaintStatus status) => status is not (ComplaintStatus.Filed or ComplaintStatus.Refused);

    public Task<WriteResult> EnterPlanAsync(UserScope scope, int id, int version, string? plan, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, supervise: false, (c, now) => c.EnterPlan(plan, scope.Actor, now), ct);

    public Task<WriteResult> ReportRectifiedAsync(UserScope scope, int id, int version, string? report, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, supervise: false, (c, now) => c.ReportRectified(report, BeijingTime.DateOf(now), scope.Actor, now), ct);

    public Task<WriteResult> VerifyAsync(UserScope scope, int id, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, supervise: true, (c, now) => c.Verify(BeijingTime.DateOf(now), scope.Actor, now), ct);

    public Task<WriteResult> ReturnAsync(UserScope scope, int id, int version, string? reason, DateOnly? rectifyBy, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, supervise: true, (c, now) => c.Return(reason, rectifyBy, BeijingTime.DateOf(now), scope.Actor, now), ct);

    public Task<WriteResult> RecordBreachAsync(UserScope scope, int id, int version, string? reasons, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, supervise: true, (c, now) => c.RecordBreach(reasons, BeijingTime.DateOf(now), scope.Actor, now), ct);

    private Task<WriteResult> ChangeAsync(UserScope scope, int id, int version, bool supervise, Action<Domain.Integrity.IntegrityCase, DateTime> change,
        CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var found = await db.IntegrityCases.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (found is null || !IntegrityAccess.CanSee(scope, found.UnitId)) return WriteResult.NotFound;
            if (supervise ? !IntegrityAccess.CanSupervise(scope) : !IntegrityAccess.CanRectify(scope, found.UnitId)) return WriteResult.NotAllowed;
            if (found.Version != version) return WriteResult.Conflict;
            change(found, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return WriteResult.Saved(found.Id);
        });
}
