using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Investors' complaints past their deadline: not registered and assigned by the Bureau in time, or not answered by the
/// assigned unit by its due day. The deadlines were fixed when filed, assigned or sent to follow-up.
/// </summary>
public sealed class ComplaintAlertCheck : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.ComplaintOverdue];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // About complaints, most of them without a project: a re-check of some projects leaves these alerts as they are.
        if (projectIds is not null) return [];
        var today = BeijingTime.DateOf(nowUtc);
        var open = await db.Complaints.AsNoTracking()
            .Where(c => ((c.Status == ComplaintStatus.Filed || c.Status == ComplaintStatus.Accepted) && c.AcceptBy < today)
                || ((c.Status == ComplaintStatus.Assigned || c.Status == ComplaintStatus.FollowUp) && c.DueOn != null && c.DueOn < today))
            .ToListAsync(cancellationToken);
        if (open.Count == 0) return [];
        var bureau = await db.Units.BureauIdAsync(cancellationToken);
        return open.Select(c => ComplaintAlertRules.For(
                new ComplaintAlertFacts(c.Id, c.TrackingNumber, c.ProjectId, c.Deadline, c.OwingUnitId(bureau)), today))
            .OfType<AlertCondition>().ToList();
    }

    /// <summary>A complaint overdue at its unit is also the Bureau's to supervise (督办); nobody else for other kinds.</summary>
    public static async Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        alert.Kind == AlertKind.ComplaintOverdue ? [await db.Units.BureauIdAsync(ct)] : [];
}
