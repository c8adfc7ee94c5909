using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Integrity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Integrity cases (违约失信) whose unit has not rectified them by their deadline: still open or rectifying after the
/// rectification deadline. Overdue is read from the scan's clock; nothing about it is stored on the case.
/// </summary>
public sealed class IntegrityAlertCheck : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.IntegrityOverdue];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // About units, most cases without a project: a re-check of some projects leaves these alerts as they are.
        if (projectIds is not null) return [];
        var today = BeijingTime.DateOf(nowUtc);
        var late = await db.IntegrityCases.AsNoTracking()
            .Where(c => (c.Status == IntegrityCaseStatus.Open || c.Status == IntegrityCaseStatus.Rectifying) && c.RectifyBy < today)
            .Select(c => new IntegrityAlertFacts(c.Id, c.Title, c.ProjectId, c.UnitId, true, c.RectifyBy))
            .ToListAsync(cancellationToken);
        return late.Select(c => IntegrityAlertRules.For(c, today)).OfType<AlertCondition>().ToList();
    }

    /// <summary>A case overdue at its unit is also the Bureau's to supervise; nobody else for other kinds.</summary>
    public static async Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        alert.Kind == AlertKind.IntegrityOverdue ? [await db.Units.BureauIdAsync(ct)] : [];
}
