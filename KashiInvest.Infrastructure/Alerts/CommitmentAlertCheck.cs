using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>Policy commitments past their due day and not paid or delivered in full (the due day was fixed when they became due).</summary>
public sealed class CommitmentAlertCheck : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.CommitmentOverdue];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(nowUtc);
        var query = db.Commitments.AsNoTracking().Where(Commitment.Running).Where(c => c.DueOn != null && c.DueOn < today);
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            query = query.Where(c => ids.Contains(c.ProjectId));
        }
        var facts = await query.Select(c => new CommitmentAlertFacts(c.Id, c.ProjectId, c.ResponsibleUnitId, c.DocumentNumber, c.Status, c.DueOn))
            .ToListAsync(cancellationToken);
        return facts.Select(f => CommitmentAlertRules.For(f, today)).OfType<AlertCondition>().ToList();
    }

    /// <summary>An overdue commitment is also the Bureau's to supervise (督办); nobody else for other kinds.</summary>
    public static async Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        alert.Kind == AlertKind.CommitmentOverdue ? [await db.Units.BureauIdAsync(ct)] : [];
}
