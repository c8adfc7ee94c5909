using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>Attracting units whose weekly intention report (Art. 19) is past its deadline.</summary>
public sealed class WeeklyIntentionReportCheck(IOptions<WeeklyReportSettings> settings) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.WeeklyIntentionReportMissing];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // About units, not projects: a re-check of some projects leaves these alerts as they are.
        if (projectIds is not null) return [];
        var s = settings.Value;
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var from = ReportWeek.Containing(nowUtc).Monday.AddDays(-7 * s.LookBackWeeks);
        var filings = await db.WeeklyReports.AsNoTracking().Where(r => r.WeekMonday >= from)
            .Select(r => new WeeklyFiling(r.UnitId, r.WeekMonday, r.FirstFiledAtUtc)).ToListAsync(cancellationToken);
        return LifecycleAlertRules.WeeklyReportsMissing(units, filings, nowUtc, s);
    }
}

/// <summary>Projects that passed their evaluation (Art. 20) and are still not signed after the allowed days.</summary>
public sealed class AgreementNotSignedCheck(IOptions<LifecycleSettings> settings) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.AgreementNotSigned];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        IQueryable<Project> projects = db.Projects.AsNoTracking()
            .Where(p => p.Stage == ProjectStage.Evaluation && p.EvaluationPassedOn != null && p.SignedOn == null);
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            projects = projects.Where(p => ids.Contains(p.Id));
        }
        var rows = await projects.Select(p => new { p.Id, p.HostUnitId, p.EvaluationPassedOn, p.SignedOn }).ToListAsync(cancellationToken);
        var today = BeijingTime.DateOf(nowUtc);
        return rows.Select(r => LifecycleAlertRules.AgreementNotSigned(r.Id, r.HostUnitId, r.EvaluationPassedOn, r.SignedOn, today, settings.Value))
            .OfType<AlertCondition>().ToList();
    }
}
