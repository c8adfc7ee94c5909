using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Reports;

/// <summary>One revision of a report, as filed.</summary>
public sealed record ReportRevisionView(
    int Id, int Revision, bool IsCurrent, string Narrative, string? NextSteps, decimal FundsInPlaceThisPeriodWan,
    decimal OutOfRegionFundsThisPeriodWan, string SubmittedBy, int? SubmittedByUnitId, DateTime SubmittedAtUtc, bool IsLate);

public sealed record OpenMilestone(int Id, string Name, DateOnly PlannedOn);

/// <summary>What the report form shows for one project, period and kind, read under the user's scope.</summary>
public sealed record ReportFormView(
    int ProjectId, string Code, string Name, int HostUnitId, int ChainId, int SourceUnitId, ProjectStage Stage, DateOnly? SignedOn,
    decimal FundsInPlaceWan, decimal OutOfRegionFundsInPlaceWan,
    HalfMonthPeriod Period, ReportKind Kind, DateOnly? DueOn, ObligationState? State, int DaysOverdue,
    IReadOnlyList<OpenMilestone> OpenMilestones, IReadOnlyList<ReportRevisionView> Revisions, bool CanFile, bool CanRaiseProblems)
{
    /// <summary>The current revision, or null before the first submission.</summary>
    public ReportRevisionView? Current => Revisions.FirstOrDefault(r => r.IsCurrent);

    public int CurrentRevision => Current?.Revision ?? 0;

    public ProjectKey Key => new(ProjectId, HostUnitId, ChainId, SourceUnitId);
}

/// <summary>Reads the report form's project, period and revisions; null when not found, not visible, or not a period that can be reported.</summary>
public sealed class ReportFormReader(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, IOptions<HealthSettings> settings)
{
    public async Task<ReportFormView?> GetAsync(UserScope scope, int projectId, int periodIndex, ReportKind kind, CancellationToken ct = default)
    {
        if (periodIndex is < 2000 * 24 or >= 2101 * 24) return null;
        var period = HalfMonthPeriod.FromIndex(periodIndex);
        await using var db = await factory.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().Include(p => p.Milestones).Where(ProjectAccess.VisibleTo(scope))
            .FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return null;
        var revisions = await db.ProgressReports.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.PeriodIndex == periodIndex && r.Kind == kind)
            .OrderByDescending(r => r.Revision)
            .Select(r => new ReportRevisionView(r.Id, r.Revision, r.IsCurrent, r.Narrative, r.NextSteps, r.FundsInPlaceThisPeriodWan,
                r.OutOfRegionFundsThisPeriodWan, r.SubmittedBy, r.SubmittedByUnitId, r.SubmittedAtUtc, r.IsLate))
            .ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        // A period that cannot be reported is only shown when something was filed for it (an older, valid state).
        var reportable = kind == ReportKind.Fortnightly
            ? FortnightlyObligations.CheckPeriod(project, period, today) is null && project.Stage != ProjectStage.Terminated
            : period.Start <= today && project.Stage != ProjectStage.Terminated;
        if (!reportable && revisions.Count == 0) return null;

        DateOnly? dueOn = null;
        ObligationState? state = null;
        var daysOverdue = 0;
        if (kind == ReportKind.Fortnightly)
        {
            var deadlineDays = settings.Value.ReportDeadlineDays;
            dueOn = period.DueOn(deadlineDays);
            var current = revisions.FirstOrDefault(r => r.IsCurrent);
            state = current is not null
                ? current.IsLate ? ObligationState.SubmittedLate : ObligationState.Submitted
                : now >= period.DueAtUtc(deadlineDays) ? ObligationState.Overdue : ObligationState.Due;
            if (state == ObligationState.Overdue) daysOverdue = today.DayNumber - dueOn.Value.DayNumber;
        }

        return new ReportFormView(project.Id, project.Code, project.Name, project.HostUnitId, project.ChainId, project.SourceUnitId,
            project.Stage, project.SignedOn, project.FundsInPlaceWan, project.OutOfRegionFundsInPlaceWan, period, kind, dueOn, state, daysOverdue,
            project.Milestones.Where(m => m.ReachedOn is null).OrderBy(m => m.Order).Select(m => new OpenMilestone(m.Id, m.Name, m.PlannedOn)).ToList(),
            revisions,
            reportable && ReportAccess.CanFile(scope, project.Key, kind),
            ProblemAccess.CanRaise(scope, project.Key));
    }

    /// <summary>The current revision number of a project-period-kind report (0 before the first), for the live banner.</summary>
    public async Task<int> CurrentRevisionAsync(UserScope scope, int projectId, int periodIndex, ReportKind kind, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Projects.Where(ProjectAccess.VisibleTo(scope)).Select(p => p.Id);
        return await db.ProgressReports.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.PeriodIndex == periodIndex && r.Kind == kind && r.IsCurrent && visible.Contains(r.ProjectId))
            .Select(r => r.Revision).FirstOrDefaultAsync(ct);
    }
}
