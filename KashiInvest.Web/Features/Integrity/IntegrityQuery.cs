using KashiInvest.Domain.Access;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Integrity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Integrity;

/// <summary>A case as the ledger lists it, with what it links to.</summary>
public sealed record IntegrityRow(
    int Id, int Version, IntegrityCaseKind Kind, string Title, string Description, int UnitId, DateOnly Since, int? ProjectId, string? ProjectName,
    int? CommitmentId, string? CommitmentDocument, int? ComplaintId, string? ComplaintTracking, IntegrityCaseStatus Status, DateOnly OpenedOn,
    DateOnly RectifyBy, string? Plan, string? Report, DateOnly? ReportedOn, string? VerifiedBy, DateOnly? VerifiedOn, string? Reason,
    DateOnly? RecordedBreachOn, IntegrityClock Clock)
{
    public bool IsClosed => Status is IntegrityCaseStatus.Rectified or IntegrityCaseStatus.BreachOfTrust;
}

/// <summary>An overdue commitment the Bureau may turn into a case.</summary>
public sealed record OverdueCommitment(int Id, int ProjectId, string ProjectName, string DocumentNumber, string Promise, int ResponsibleUnitId,
    DateOnly? DueOn, int DaysOverdue);

/// <summary>The ledger's reads: the cases under the user's scope (open first, overdue first), and the drafts of a new case.</summary>
public sealed class IntegrityQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<IntegrityRow>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = BeijingTime.Today(clock);
        var cases = await db.IntegrityCases.AsNoTracking().Where(IntegrityAccess.VisibleTo(scope)).ToListAsync(ct);
        var projectIds = cases.Where(c => c.ProjectId != null).Select(c => c.ProjectId!.Value).Distinct().ToList();
        var commitmentIds = cases.Where(c => c.CommitmentId != null).Select(c => c.CommitmentId!.Value).Distinct().ToList();
        var complaintIds = cases.Where(c => c.ComplaintId != null).Select(c => c.ComplaintId!.Value).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var documents = await db.Commitments.AsNoTracking().Where(c => commitmentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DocumentNumber, ct);
        var tracking = await db.Complaints.AsNoTracking().Where(c => complaintIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TrackingNumber, ct);
        return cases
            .Select(c => new IntegrityRow(c.Id, c.Version, c.Kind, c.Title, c.Description, c.UnitId, c.Since, c.ProjectId,
                c.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, c.CommitmentId, c.CommitmentId is { } m ? documents.GetValueOrDefault(m) : null,
                c.ComplaintId, c.ComplaintId is { } k ? tracking.GetValueOrDefault(k) : null, c.Status, c.OpenedOn, c.RectifyBy, c.Plan, c.Report,
                c.ReportedOn, c.VerifiedBy, c.VerifiedOn, c.Reason, c.RecordedBreachOn, c.Clock(today)))
            .OrderBy(r => r.IsClosed)
            .ThenByDescending(r => r.Clock.DaysOverdue)
            .ThenBy(r => r.Status == IntegrityCaseStatus.Reported ? 0 : 1)
            .ThenBy(r => r.RectifyBy)
            .ThenByDescending(r => r.Id)
            .ToList();
    }

    /// <summary>A new case drafted from a founded complaint (the Bureau's only), or null when it cannot become one.</summary>
    public async Task<IntegrityCaseInput?> DraftFromComplaintAsync(UserScope scope, int complaintId, CancellationToken ct = default)
    {
        if (!IntegrityAccess.CanSupervise(scope)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null || !IntegrityCommands.IsFounded(complaint.Status) || await db.IntegrityCases.AnyAsync(c => c.ComplaintId == complaintId, ct)) return null;
        var kind = complaint.Category switch
        {
            ComplaintCategory.CommitmentNotHonoured => IntegrityCaseKind.CommitmentNotHonoured,
            ComplaintCategory.ContractPerformance => IntegrityCaseKind.ContractNotPerformed,
            _ => IntegrityCaseKind.Other,
        };
        var title = $"{complaint.TrackingNumber} · {complaint.EnterpriseName}";
        return new IntegrityCaseInput(kind, title.Length > IntegrityCase.TitleMaxLength ? title[..IntegrityCase.TitleMaxLength] : title,
            complaint.Description, complaint.AssignedUnitId ?? 0, complaint.FiledOn, null, complaint.ProjectId, complaint.CommitmentId, complaint.Id);
    }

    /// <summary>The overdue commitments (the Bureau's only), most overdue first, for the case form.</summary>
    public async Task<IReadOnlyList<OverdueCommitment>> OverdueCommitmentsAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!IntegrityAccess.CanSupervise(scope)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = BeijingTime.Today(clock);
        var running = await db.Commitments.AsNoTracking().Where(Commitment.Running).Where(c => c.DueOn != null && c.DueOn < today).ToListAsync(ct);
        var ids = running.Select(c => c.ProjectId).Distinct().ToList();
        var names = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return running.Where(c => c.IsOverdue(today))
            .Select(c => new OverdueCommitment(c.Id, c.ProjectId, names.GetValueOrDefault(c.ProjectId, ""), c.DocumentNumber, c.Promise, c.ResponsibleUnitId,
                c.DueOn, c.Clock(today).DaysOverdue))
            .OrderByDescending(c => c.DaysOverdue).ThenBy(c => c.Id).ToList();
    }

    /// <summary>A new case drafted from an overdue commitment.</summary>
    public static IntegrityCaseInput Draft(OverdueCommitment c)
    {
        var title = $"{c.DocumentNumber}：{c.Promise}";
        return new IntegrityCaseInput(IntegrityCaseKind.CommitmentNotHonoured, title.Length > IntegrityCase.TitleMaxLength ? title[..IntegrityCase.TitleMaxLength] : title,
            c.Promise, c.ResponsibleUnitId, c.DueOn?.AddDays(1), null, c.ProjectId, c.Id, null);
    }

    /// <summary>The cases opened from these complaints: complaint id → (case id, status).</summary>
    public static async Task<Dictionary<int, (int Id, IntegrityCaseStatus Status)>> OfComplaintsAsync(KashiDbContext db, IReadOnlyCollection<int> complaintIds,
        CancellationToken ct) =>
        (await db.IntegrityCases.AsNoTracking().Where(c => c.ComplaintId != null && complaintIds.Contains(c.ComplaintId.Value))
            .Select(c => new { ComplaintId = c.ComplaintId!.Value, c.Id, c.Status }).ToListAsync(ct))
        .ToDictionary(c => c.ComplaintId, c => (c.Id, c.Status));
}
