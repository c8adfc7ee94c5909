using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Health;

/// <summary>
/// Loads the facts the health rules need for a set of projects in a fixed number of queries (four, and two more
/// when approval items run: the open items with their pauses and the working-day calendar; never per project) and
/// assesses them. The battle map, the wall and the alert checks use this one path, so they never disagree.
/// </summary>
public sealed class ProjectHealthQuery(IOptions<HealthSettings> settings, TimeProvider clock)
{
    public HealthSettings Settings => settings.Value;

    /// <summary>Health of every project in <paramref name="projects"/> (already scoped by the caller), by id.</summary>
    public async Task<IReadOnlyDictionary<int, HealthAssessment>> AssessAsync(KashiDbContext db, IQueryable<Project> projects, CancellationToken ct = default)
    {
        var facts = await LoadFactsAsync(db, projects, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return facts.ToDictionary(f => f.Key, f => HealthRules.Assess(f.Value, settings.Value, now));
    }

    public async Task<IReadOnlyDictionary<int, HealthFacts>> LoadFactsAsync(KashiDbContext db, IQueryable<Project> projects, CancellationToken ct = default)
    {
        var ids = projects.Select(p => p.Id);
        var rows = await projects.AsNoTracking()
            .Select(p => new { p.Id, p.Stage, p.WorkGroupLevel, p.SignedOn, p.LastActivityAtUtc })
            .ToListAsync(ct);
        if (rows.Count == 0) return new Dictionary<int, HealthFacts>();

        var milestones = (await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.ProjectId))
                .Select(m => new { m.ProjectId, m.Name, m.PlannedOn, m.ReachedOn, m.Order }).ToListAsync(ct))
            .OrderBy(m => m.Order).ToLookup(m => m.ProjectId, m => new MilestoneFact(m.Name, m.PlannedOn, m.ReachedOn));
        var reports = await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.IsCurrent)
            .Select(r => new { r.ProjectId, r.Kind, r.PeriodIndex, r.Revision, r.IsLate, r.SubmittedAtUtc }).ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => ids.Contains(p.ProjectId))
            .Select(p => new { p.Id, p.ProjectId, p.Status, p.Severity, p.DueOn, p.Level, p.UpdatedAtUtc }).ToListAsync(ct);

        // Approval items whose clock runs (accepted, not finished): an overdue one shows on a key project's health.
        var running = await db.PlanItems.AsNoTracking().Include(i => i.Pauses)
            .Where(i => ids.Contains(i.ProjectId) && i.ClockStartOn != null && i.Status != PlanItemStatus.Approved && i.Status != PlanItemStatus.Refused
                        && i.Status != PlanItemStatus.CertificateIssued && i.Status != PlanItemStatus.Withdrawn)
            .ToListAsync(ct);
        var overdueApprovals = new Dictionary<int, OverdueApprovalsFact>();
        if (running.Count > 0)
        {
            var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
            var today = BeijingTime.DateOf(clock.GetUtcNow().UtcDateTime);
            foreach (var project in running.GroupBy(i => i.ProjectId))
            {
                if (OverdueApprovalsFact.Of(project.Select(i => (i.ItemName, i.ItemNameEn, i.ClockFacts)), calendar, today) is { } fact)
                    overdueApprovals[project.Key] = fact;
            }
        }

        var fortnightly = reports.Where(r => r.Kind == ReportKind.Fortnightly)
            .ToLookup(r => r.ProjectId, r => new SubmittedReport(r.PeriodIndex, r.Revision, r.IsLate));
        var lastReport = reports.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => g.Max(r => r.SubmittedAtUtc));
        var lastProblem = problems.GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => g.Max(p => p.UpdatedAtUtc));
        var open = problems.Where(p => p.Status != ProblemStatus.Resolved)
            .ToLookup(p => p.ProjectId, p => new ProblemFact(p.Id, p.Severity, p.DueOn, p.Level));

        var result = new Dictionary<int, HealthFacts>(rows.Count);
        foreach (var p in rows)
        {
            // Activity is anything recorded on the project: its own changes, a report, a ledger action.
            var last = p.LastActivityAtUtc;
            if (lastReport.TryGetValue(p.Id, out var r) && r > last) last = r;
            if (lastProblem.TryGetValue(p.Id, out var q) && q > last) last = q;
            result[p.Id] = new HealthFacts(p.Stage, p.WorkGroupLevel == WorkGroupLevel.KeyProject, p.SignedOn, last,
                milestones[p.Id].ToList(), fortnightly[p.Id].ToList(), open[p.Id].ToList(), overdueApprovals.GetValueOrDefault(p.Id));
        }
        return result;
    }
}
