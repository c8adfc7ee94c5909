using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Commitments;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>Policy commitments past their due day and not paid or delivered in full (the due day was fixed when they became due).</summary>
public sealed class CommitmentAlertCheck() : OverdueAlertCheck(AlertKind.CommitmentOverdue)
{
    /// <summary>Every commitment belongs to a project: a re-check of a project re-reads its commitments.</summary>
    protected override bool AboutProjects => true;

    protected override async Task<IReadOnlyList<AlertCondition>> FindOverdueAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateOnly today, CancellationToken cancellationToken)
    {
        var query = db.Commitments.AsNoTracking().Where(Commitment.Running).Where(c => c.DueOn != null && c.DueOn < today);
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            query = query.Where(c => ids.Contains(c.ProjectId));
        }
        var facts = await query.Select(c => new CommitmentAlertFacts(c.Id, c.ProjectId, c.ResponsibleUnitId, c.DocumentNumber, c.Status, c.DueOn))
            .ToListAsync(cancellationToken);
        return Conditions(facts, f => CommitmentAlertRules.For(f, today));
    }

    /// <summary>An overdue commitment is also the Bureau's to supervise (督办); nobody else for other kinds.</summary>
    public static Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        BureauAlsoAsync(AlertKind.CommitmentOverdue, db, alert, ct);
}
