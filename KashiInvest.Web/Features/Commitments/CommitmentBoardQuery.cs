using KashiInvest.Domain.Access;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>One commitment on the board, with its clock read on the day asked.</summary>
public sealed record CommitmentRow(
    int Id, int ProjectId, string ProjectCode, string ProjectName, int HostUnitId, int ResponsibleUnitId, CommitmentKind Kind,
    CommitmentStatus Status, string DocumentNumber, string Promise, decimal? AmountWan, decimal PaidWan, DateOnly? DueOn,
    bool IsOverdue, int DaysOverdue, bool NeedsFairCompetitionReview)
{
    /// <summary>Due and not yet paid or delivered in full: the clock runs.</summary>
    public bool IsRunning => Commitment.Runs(Status);
}

/// <summary>The board's totals in 万元: promised (all but terminated), due (running), honoured (paid on delivered or honoured ones), overdue (left to pay).</summary>
public sealed record CommitmentTotals(decimal PromisedWan, decimal DueWan, decimal HonouredWan, decimal OverdueWan, int OverdueCount)
{
    public static CommitmentTotals Of(IEnumerable<CommitmentRow> rows)
    {
        var list = rows.ToList();
        return new CommitmentTotals(
            list.Where(r => r.Status != CommitmentStatus.Terminated).Sum(r => r.AmountWan ?? 0m),
            list.Where(r => r.IsRunning).Sum(r => r.AmountWan ?? 0m),
            list.Where(r => r.Status is CommitmentStatus.Delivered or CommitmentStatus.Honoured).Sum(r => r.PaidWan),
            list.Where(r => r.IsOverdue).Sum(r => Math.Max(0m, (r.AmountWan ?? 0m) - r.PaidWan)),
            list.Count(r => r.IsOverdue));
    }
}

/// <summary>
/// The commitments a user may see: those on projects they see (the one project scoping rule), and those their unit is
/// responsible for. Overdue first (longest overdue first), then running ones by due day, then the rest.
/// </summary>
public sealed class CommitmentBoardQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CommitmentRow>> ListAsync(UserScope scope, int? projectId = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Select(p => p.Id);
        var unit = scope.UnitId ?? -1;
        var query = db.Commitments.AsNoTracking().Include(c => c.Payments).Where(c => visible.Contains(c.ProjectId) || c.ResponsibleUnitId == unit);
        if (projectId is { } pid) query = query.Where(c => c.ProjectId == pid);
        var commitments = await query.ToListAsync(ct);
        var ids = commitments.Select(c => c.ProjectId).Distinct().ToArray();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Name })
            .ToDictionaryAsync(p => p.Id, ct);
        var today = BeijingTime.Today(clock);
        return commitments
            .Select(c =>
            {
                var clockReading = c.Clock(today);
                var p = projects.GetValueOrDefault(c.ProjectId);
                return new CommitmentRow(c.Id, c.ProjectId, p?.Code ?? "", p?.Name ?? "", c.HostUnitId, c.ResponsibleUnitId, c.Kind, c.Status,
                    c.DocumentNumber, c.Promise, c.AmountWan, c.PaidWan, c.DueOn, clockReading.IsOverdue, clockReading.DaysOverdue, c.NeedsFairCompetitionReview);
            })
            .OrderByDescending(r => r.IsOverdue).ThenByDescending(r => r.DaysOverdue)
            .ThenByDescending(r => r.IsRunning).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Id)
            .ToList();
    }
}
