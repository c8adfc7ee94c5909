using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Stalled projects, overdue milestones, overdue fortnightly reports and overdue ledger entries: the battle map's
/// health reasons (same facts query, same rules, same settings) turned into alerts.
/// </summary>
public sealed class HealthAlertCheck(ProjectHealthQuery health) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds => HealthAlertRules.Kinds;

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        IQueryable<Project> projects = db.Projects;
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            projects = projects.Where(p => ids.Contains(p.Id));
        }
        var facts = await health.LoadFactsAsync(db, projects, cancellationToken);
        return facts.SelectMany(f => HealthAlertRules.For(f.Key, f.Value, health.Settings, nowUtc)).ToList();
    }
}
