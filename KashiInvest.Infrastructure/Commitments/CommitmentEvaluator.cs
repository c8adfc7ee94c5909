using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Commitments;

/// <summary>
/// Re-evaluates the commitments of projects that are not yet due, from the projects' facts as stored (funds in place,
/// stage, milestones reached), on the working-day calendar as stored, and saves those that met a condition or became
/// due. Runs after a commit that moved those facts (<see cref="CommitmentTriggers"/>), and from the demo data.
/// </summary>
public sealed class CommitmentEvaluator(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    public static readonly Actor Actor = Actor.System("commitments");

    /// <summary>Returns how many commitments changed.</summary>
    public async Task<int> EvaluateAsync(IReadOnlyCollection<int> projectIds, CancellationToken cancellationToken)
    {
        if (projectIds.Count == 0) return 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EvaluateOnceAsync(projectIds.Distinct().ToArray(), cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A commitment was changed meanwhile: read it again.
            }
        }
    }

    /// <summary>
    /// Evaluates the commitments of every project that has one not yet due (the nightly catch-up). Returns how many
    /// changed.
    /// </summary>
    public async Task<int> EvaluateWaitingAsync(CancellationToken cancellationToken)
    {
        int[] projectIds;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            projectIds = await db.Commitments.AsNoTracking().Where(c => c.Status == CommitmentStatus.NotYetDue)
                .Select(c => c.ProjectId).Distinct().ToArrayAsync(cancellationToken);
        return await EvaluateAsync(projectIds, cancellationToken);
    }

    private async Task<int> EvaluateOnceAsync(int[] ids, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Actor;
        var waiting = await db.Commitments.Include(c => c.Conditions)
            .Where(c => ids.Contains(c.ProjectId) && c.Status == CommitmentStatus.NotYetDue)
            .ToListAsync(ct);
        if (waiting.Count == 0) return 0;
        var projectIds = waiting.Select(c => c.ProjectId).Distinct().ToArray();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FundsInPlaceWan, p.Stage })
            .ToDictionaryAsync(p => p.Id, ct);
        var reached = (await db.Milestones.AsNoTracking().Where(m => projectIds.Contains(m.ProjectId) && m.ReachedOn != null)
            .Select(m => new { m.ProjectId, m.Id }).ToListAsync(ct))
            .ToLookup(m => m.ProjectId, m => m.Id);
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(nowUtc);
        var changed = 0;
        foreach (var commitment in waiting)
        {
            if (!projects.TryGetValue(commitment.ProjectId, out var p)) continue;
            // The platform records no count of jobs created yet: a jobs condition is confirmed by hand.
            var facts = new CommitmentFacts(Money.FromWan(p.FundsInPlaceWan), p.Stage == ProjectStage.Production, null,
                reached[p.Id].ToHashSet());
            if (commitment.Evaluate(facts, calendar, today, Actor, nowUtc)) changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }
}
