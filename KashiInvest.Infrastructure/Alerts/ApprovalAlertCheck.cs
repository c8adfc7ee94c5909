using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>Approval items whose clock is in warning or overdue (Art. 23), on the working-day calendar as stored.</summary>
public sealed class ApprovalAlertCheck(IOptions<ApprovalsOptions> settings) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.ApprovalDueSoon, AlertKind.ApprovalOverdue];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // Only items whose clock has started and that are not finished can alert.
        IQueryable<PlanItem> items = db.PlanItems.AsNoTracking().Include(i => i.Pauses)
            .Where(i => i.ClockStartOn != null && i.Status != PlanItemStatus.Approved && i.Status != PlanItemStatus.Refused
                        && i.Status != PlanItemStatus.CertificateIssued && i.Status != PlanItemStatus.Withdrawn);
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            items = items.Where(i => ids.Contains(i.ProjectId));
        }
        var open = await items.ToListAsync(cancellationToken);
        if (open.Count == 0) return [];
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(cancellationToken));
        var today = BeijingTime.DateOf(nowUtc);
        return open
            .Select(i => ApprovalAlertRules.For(new ApprovalItemFacts(i.Id, i.ProjectId, i.DepartmentUnitId, i.ItemName, i.IsComplete, i.ClockFacts),
                calendar, today, settings.Value.WarningPercent))
            .OfType<AlertCondition>().ToList();
    }

    /// <summary>
    /// Who else hears of an approval alert outside the app: the host's service group (the group leader), and for an
    /// overdue item the Bureau, which supervises it (督办). Nobody for other kinds.
    /// </summary>
    public static async Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct)
    {
        if (alert.Kind is not (AlertKind.ApprovalDueSoon or AlertKind.ApprovalOverdue)) return [];
        var units = new List<int>();
        if (alert.HostUnitId is { } host)
            units.AddRange(await db.ServiceGroups.AsNoTracking().Where(g => g.HostUnitId == host).Select(g => g.GroupUnitId).ToListAsync(ct));
        if (alert.Kind == AlertKind.ApprovalOverdue) units.Add(await db.Units.BureauIdAsync(ct));
        return units;
    }
}
