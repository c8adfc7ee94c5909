using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Integrity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Integrity cases (违约失信) whose unit has not rectified them by their deadline: still open or rectifying after the
/// rectification deadline. Overdue is read from the scan's clock; nothing about it is stored on the case. About
/// units, most cases without a project: a re-check of some projects leaves these alerts as they are.
/// </summary>
public sealed class IntegrityAlertCheck() : OverdueAlertCheck(AlertKind.IntegrityOverdue)
{
    protected override async Task<IReadOnlyList<AlertCondition>> FindOverdueAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateOnly today, CancellationToken cancellationToken)
    {
        var late = await db.IntegrityCases.AsNoTracking()
            .Where(c => (c.Status == IntegrityCaseStatus.Open || c.Status == IntegrityCaseStatus.Rectifying) && c.RectifyBy < today)
            .Select(c => new IntegrityAlertFacts(c.Id, c.Title, c.ProjectId, c.UnitId, true, c.RectifyBy))
            .ToListAsync(cancellationToken);
        return Conditions(late, c => IntegrityAlertRules.For(c, today));
    }

    /// <summary>A case overdue at its unit is also the Bureau's to supervise; nobody else for other kinds.</summary>
    public static Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        BureauAlsoAsync(AlertKind.IntegrityOverdue, db, alert, ct);
}
