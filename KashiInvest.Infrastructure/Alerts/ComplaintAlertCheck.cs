using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Complaints;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Investors' complaints past their deadline: not registered and assigned by the Bureau in time, or not answered by the
/// assigned unit by its due day. The deadlines were fixed when filed, assigned or sent to follow-up. About
/// complaints, most of them without a project: a re-check of some projects leaves these alerts as they are.
/// </summary>
public sealed class ComplaintAlertCheck() : OverdueAlertCheck(AlertKind.ComplaintOverdue)
{
    protected override async Task<IReadOnlyList<AlertCondition>> FindOverdueAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateOnly today, CancellationToken cancellationToken)
    {
        var open = await db.Complaints.AsNoTracking()
            .Where(c => ((c.Status == ComplaintStatus.Filed || c.Status == ComplaintStatus.Accepted) && c.AcceptBy < today)
                || ((c.Status == ComplaintStatus.Assigned || c.Status == ComplaintStatus.FollowUp) && c.DueOn != null && c.DueOn < today))
            .ToListAsync(cancellationToken);
        if (open.Count == 0) return [];
        var bureau = await db.Units.BureauIdAsync(cancellationToken);
        return Conditions(open, c => ComplaintAlertRules.For(new ComplaintAlertFacts(c.Id, c.TrackingNumber, c.ProjectId, c.Deadline, c.OwingUnitId(bureau)), today));
    }

    /// <summary>A complaint overdue at its unit is also the Bureau's to supervise (督办); nobody else for other kinds.</summary>
    public static Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        BureauAlsoAsync(AlertKind.ComplaintOverdue, db, alert, ct);
}
