using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>What a complainant sees of a complaint, given its tracking number and secret code: never anyone else's words.</summary>
public sealed record ComplaintProgress(
    string TrackingNumber,
    int Version,
    ComplaintCategory Category,
    DateOnly FiledOn,
    ComplaintStatus Status,
    DateOnly? Deadline,
    string? UnitName,
    string? UnitNameEn,
    string? RefusalReason,
    string? Reply,
    DateOnly? AnsweredOn,
    ComplaintRating? Rating,
    int FollowUps);

/// <summary>A filed complaint's tracking number and the secret code, shown once.</summary>
public sealed record FiledComplaint(string TrackingNumber, string Code);

/// <summary>
/// The public complaint window's write and read path, used without an account: file a complaint (a tracking number and a
/// secret code come back; only the code's hash is kept), look it up with both, and rate the answer. A wrong code and an
/// unknown tracking number look the same. Writes go through <see cref="SafeWrite"/> and the unit of work (audited under
/// <see cref="Complaint.Complainant"/>).
/// </summary>
public sealed class ComplaintWindow(IDbContextFactory<KashiDbContext> factory, IOptions<ComplaintSettings> settings, TimeProvider clock,
    ILogger<ComplaintWindow> logger)
{
    private const int TrackingNumberAttempts = 5;

    public async Task<(WriteResult Result, FiledComplaint? Filed)> FileAsync(ComplaintInput input, CancellationToken ct = default)
    {
        FiledComplaint? filed = null;
        var result = await SafeWrite.RunAsync(logger, async () =>
        {
            var errors = Complaint.Validate(input);
            if (errors.Count > 0) return WriteResult.Invalid(errors);
            var now = clock.GetUtcNow().UtcDateTime;
            var code = ComplaintCode.NewCode();
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                db.Actor = Complaint.Complainant;
                var tracking = ComplaintCode.NewTrackingNumber(BeijingTime.DateOf(now));
                var complaint = new Complaint(input, tracking, ComplaintCode.Hash(code), await CalendarAsync(db, ct), settings.Value, now);
                db.Complaints.Add(complaint);
                try
                {
                    await db.SaveChangesAsync(ct);
                    filed = new FiledComplaint(tracking, code);
                    return WriteResult.Saved(complaint.Id);
                }
                catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex) && attempt < TrackingNumberAttempts)
                {
                    // Another complaint drew the same tracking number: draw again.
                }
            }
        });
        return (result, filed);
    }

    /// <summary>The complaint's progress, or null when the tracking number is unknown or the code is wrong.</summary>
    public async Task<ComplaintProgress?> FindAsync(string? trackingNumber, string? code, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var complaint = await FindByNumberAsync(db.Complaints.AsNoTracking(), trackingNumber, code, ct);
        if (complaint is null) return null;
        var unit = complaint.AssignedUnitId is { } uid && complaint.Status != ComplaintStatus.Refused
            ? await db.Units.AsNoTracking().Where(u => u.Id == uid).Select(u => new { u.Name, u.NameEn }).FirstOrDefaultAsync(ct)
            : null;
        return new ComplaintProgress(complaint.TrackingNumber, complaint.Version, complaint.Category, complaint.FiledOn, complaint.Status,
            complaint.Deadline, unit?.Name, unit?.NameEn, complaint.RefusalReason, complaint.Reply, complaint.AnsweredOn, complaint.Rating,
            complaint.FollowUps);
    }

    /// <summary>The complainant rates the answer; a stale version (answered again meanwhile) is a conflict.</summary>
    public Task<WriteResult> RateAsync(string? trackingNumber, string? code, int version, ComplaintRating rating, string? comment, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = Complaint.Complainant;
            var complaint = await FindByNumberAsync(db.Complaints, trackingNumber, code, ct);
            if (complaint is null) return WriteResult.NotFound;
            if (complaint.Version != version) return WriteResult.Conflict;
            var now = clock.GetUtcNow().UtcDateTime;
            complaint.Rate(rating, comment, await CalendarAsync(db, ct), settings.Value, BeijingTime.DateOf(now), now);
            await db.SaveChangesAsync(ct);
            return WriteResult.Saved(complaint.Id);
        });

    /// <summary>A hash no code matches: an unknown tracking number costs the same key derivation as a known one, so the time taken does not tell which numbers exist.</summary>
    private static readonly string NoSuchComplaint = ComplaintCode.Hash(ComplaintCode.NewCode());

    private static Complaint? Checked(Complaint? complaint, string? code)
    {
        if (complaint is null)
        {
            _ = ComplaintCode.Matches(code ?? string.Empty, NoSuchComplaint);
            return null;
        }
        return complaint.HasCode(code) ? complaint : null;
    }

    /// <summary>The complaint with this tracking number, when the code is its code (tracked or not, as <paramref name="complaints"/> is).</summary>
    private static async Task<Complaint?> FindByNumberAsync(IQueryable<Complaint> complaints, string? trackingNumber, string? code, CancellationToken ct)
    {
        var tracking = ComplaintCode.Normalize(trackingNumber);
        if (tracking.Length is 0 or > ComplaintCode.TrackingNumberMaxLength) return null;
        var complaint = await complaints.FirstOrDefaultAsync(c => c.TrackingNumber == tracking, ct);
        return Checked(complaint, code);
    }

    private static async Task<WorkingCalendar> CalendarAsync(KashiDbContext db, CancellationToken ct) =>
        new(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
}
