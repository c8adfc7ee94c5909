using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>
/// The government side of the complaint window: the Bureau accepts or refuses a complaint and assigns a unit with a due
/// day; the assigned unit answers. Each loads under the user's access, refuses a stale version as a conflict, calls the
/// domain and saves through the unit of work (audited before/after).
/// </summary>
public sealed class ComplaintCommands(IDbContextFactory<KashiDbContext> factory, IOptions<ComplaintSettings> settings, TimeProvider clock,
    ILogger<ComplaintCommands> logger)
{
    public Task<WriteResult> AcceptAsync(UserScope scope, int id, int version, string? note, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, register: true, (_, c, now) =>
        {
            c.Accept(note, BeijingTime.DateOf(now), scope.Actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<WriteResult> RefuseAsync(UserScope scope, int id, int version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, register: true, (_, c, now) =>
        {
            c.Refuse(reason, scope.Actor, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Assigns (or hands to another unit) with a due day; none given: the default number of working days.</summary>
    public Task<WriteResult> AssignAsync(UserScope scope, int id, int version, int unitId, DateOnly? dueOn, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, register: true, async (db, c, now) =>
        {
            if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new DomainRuleException("Complaint.NoSuchUnit");
            var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
            c.Assign(unitId, dueOn, calendar, settings.Value, BeijingTime.DateOf(now), scope.Actor, now);
        }, ct);

    public Task<WriteResult> AnswerAsync(UserScope scope, int id, int version, string? reply, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, register: false, (_, c, now) =>
        {
            c.Answer(reply, BeijingTime.DateOf(now), scope.Actor, now);
            return Task.CompletedTask;
        }, ct);

    private Task<WriteResult> ChangeAsync(UserScope scope, int id, int version, bool register, Func<KashiDbContext, Complaint, DateTime, Task> change,
        CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (complaint is null || !ComplaintAccess.CanSee(scope, complaint.AssignedUnitId)) return WriteResult.NotFound;
            if (register ? !ComplaintAccess.CanRegister(scope) : !ComplaintAccess.CanAnswer(scope, complaint.AssignedUnitId)) return WriteResult.NotAllowed;
            if (complaint.Version != version) return WriteResult.Conflict;
            await change(db, complaint, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return WriteResult.Saved(complaint.Id);
        });
}

/// <summary>A complaint as the register lists it.</summary>
public sealed record ComplaintRow(
    int Id, int Version, string TrackingNumber, ComplaintCategory Category, string EnterpriseName, string CreditCode, string ContactName,
    string Phone, string? ProjectName, string Description, ComplaintStatus Status, DateOnly FiledOn, DateOnly? Deadline, int? AssignedUnitId,
    string? RefusalReason, string? Reply, ComplaintRating? Rating, string? RatingComment, int FollowUps, ComplaintClock Clock,
    int? IntegrityCaseId = null, Domain.Integrity.IntegrityCaseStatus? IntegrityStatus = null);

/// <summary>The register of complaints under the user's scope: open ones first, overdue first, then by deadline; each with the integrity case it turned into, if any.</summary>
public sealed class ComplaintListQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ComplaintRow>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = BeijingTime.Today(clock);
        var complaints = await db.Complaints.AsNoTracking().Where(ComplaintAccess.VisibleTo(scope)).ToListAsync(ct);
        // The integrity case a founded complaint turned into (违约失信), shown on the complaint.
        var cases = await Integrity.IntegrityQuery.OfComplaintsAsync(db, complaints.Select(c => c.Id).ToList(), ct);
        return complaints
            .Select(c => new ComplaintRow(c.Id, c.Version, c.TrackingNumber, c.Category, c.EnterpriseName, c.CreditCode, c.ContactName, c.Phone,
                c.ProjectName, c.Description, c.Status, c.FiledOn, c.Deadline, c.AssignedUnitId, c.RefusalReason, c.Reply, c.Rating, c.RatingComment,
                c.FollowUps, c.Clock(today), cases.TryGetValue(c.Id, out var k) ? k.Id : null, cases.TryGetValue(c.Id, out var s) ? s.Status : null))
            .OrderBy(r => r.Status is ComplaintStatus.Refused or ComplaintStatus.Closed)
            .ThenByDescending(r => r.Clock.DaysOverdue)
            .ThenBy(r => r.Deadline ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.FiledOn)
            .ThenByDescending(r => r.Id)
            .ToList();
    }
}
