using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.BattleMaps;

/// <summary>
/// Reads one project's battle map under the user's scope: the project as the project page reads it, its health
/// through <see cref="ProjectHealthQuery"/> (the same path as the wall and the alerts), its reports, open
/// problems and owed reports. Null when the project does not exist or lies outside the scope (the two look the same).
/// </summary>
public sealed class BattleMapReader(
    IDbContextFactory<KashiDbContext> factory,
    ProjectReader projects,
    ProjectHealthQuery health,
    ReferenceCache reference,
    TimeProvider clock)
{
    public const int LatestReportCount = 5;

    public async Task<BattleMapView?> GetAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        var project = await projects.GetAsync(scope, id, ct);
        if (project is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var refs = await reference.GetAsync(ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        var scoped = db.Projects.Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == id);
        var assessment = (await health.AssessAsync(db, scoped, ct)).GetValueOrDefault(id) ?? HealthAssessment.OnTrack;

        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.ProjectId == id && r.IsCurrent)
            .Select(r => new { r.Id, r.Kind, r.PeriodIndex, r.Revision, r.IsLate, r.FundsInPlaceThisPeriodWan, r.OutOfRegionFundsThisPeriodWan })
            .ToListAsync(ct);
        var latest = await db.ProgressReports.AsNoTracking().Where(r => r.ProjectId == id && r.IsCurrent)
            .OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id).Take(LatestReportCount)
            .Select(r => new { r.Id, r.PeriodIndex, r.Kind, r.Revision, r.IsLate, r.SubmittedBy, r.SubmittedByUnitId, r.SubmittedAtUtc, r.Narrative, r.FundsInPlaceThisPeriodWan })
            .ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.ProjectId == id && p.Status != ProblemStatus.Resolved)
            .Select(p => new { p.Id, p.Category, p.Factor, p.Description, p.Severity, p.Status, p.Level, p.OwnerUnitId, p.DueOn })
            .ToListAsync(ct);

        var openProblems = problems
            .Select(p => new ProblemLine(p.Id, p.Category, p.Factor, BattleMapFigures.Excerpt(p.Description, 90), p.Severity, p.Status, p.Level,
                p.OwnerUnitId, p.DueOn, today > p.DueOn ? today.DayNumber - p.DueOn.DayNumber : 0))
            .OrderByDescending(p => p.Severity).ThenBy(p => p.DueOn).ThenBy(p => p.Id).ToList();
        var obligations = FortnightlyObligations.For(project.Stage, project.Level == WorkGroupLevel.KeyProject, project.SignedOn,
            reports.Where(r => r.Kind == ReportKind.Fortnightly).Select(r => new SubmittedReport(r.PeriodIndex, r.Revision, r.IsLate)),
            now, health.Settings.ReportDeadlineDays);
        var chainLead = refs.Chain(project.ChainId)?.LeadUnitId ?? 0;

        return new BattleMapView(
            project,
            today,
            assessment,
            chainLead,
            refs.Units.FirstOrDefault(u => u.Type == UnitType.ServiceGroup && u.ParentUnitId == project.HostUnitId)?.Id,
            BattleMapFigures.FundsSeries(reports.Select(r => new ReportedFunds(r.PeriodIndex, r.FundsInPlaceThisPeriodWan, r.OutOfRegionFundsThisPeriodWan)),
                project.SignedOn, today),
            BattleMapFigures.PlanLine(project.PlannedInvestmentWan, project.PlannedStartOn, project.PlannedCompletionOn, project.SignedOn),
            latest.Select(r => new ReportLine(r.Id, HalfMonthPeriod.FromIndex(r.PeriodIndex), r.Kind, r.Revision, r.IsLate, r.SubmittedBy,
                r.SubmittedByUnitId, r.SubmittedAtUtc, BattleMapFigures.Excerpt(r.Narrative), r.FundsInPlaceThisPeriodWan)).ToList(),
            openProblems,
            BattleMapFigures.NextActions(project, chainLead, obligations, openProblems, today),
            ActionsFor(scope, project, today));
    }

    /// <summary>The report and ledger links this user may follow: only what the same rules would let them do.</summary>
    private static BattleMapActions ActionsFor(UserScope scope, ProjectView project, DateOnly today)
    {
        var ledger = BattleMapRoutes.Ledger(project.Id);
        if (project.Stage == ProjectStage.Terminated) return new BattleMapActions(null, null, ledger);
        var key = new ProjectKey(project.Id, project.HostUnitId, project.ChainId, project.SourceUnitId);
        var period = HalfMonthPeriod.Containing(today);
        ReportKind? kind =
            FortnightlyObligations.Applies(project.Stage, project.Level == WorkGroupLevel.KeyProject, project.SignedOn)
            && ReportAccess.CanFile(scope, key, ReportKind.Fortnightly) ? ReportKind.Fortnightly
            : ReportAccess.CanFile(scope, key, ReportKind.Update) ? ReportKind.Update
            : null;
        return new BattleMapActions(
            kind is { } k ? BattleMapRoutes.ReportForm(project.Id, period.Index, k) : null,
            ProblemAccess.CanRaise(scope, key) ? BattleMapRoutes.NewProblem(project.Id) : null,
            ledger);
    }
}
