using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// The shape shared by the checks of one "past its day" kind that the Bureau also supervises (督办): a policy
/// commitment, an investor's complaint, an integrity case. The base holds the kind, reads "today" as the Beijing day
/// of the scan's clock, leaves its alerts alone on a re-check of some projects unless they are about projects, turns
/// the facts into conditions through the domain's rule, and names the Bureau as also told.
/// </summary>
public abstract class OverdueAlertCheck(AlertKind kind) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [kind];

    /// <summary>
    /// Whether every alert of this kind is about a project, so that a re-check of some projects re-reads theirs. When not
    /// (most complaints and integrity cases have no project), a re-check of projects leaves these alerts as they are.
    /// </summary>
    protected virtual bool AboutProjects => false;

    public Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken) =>
        projectIds is not null && !AboutProjects
            ? Task.FromResult<IReadOnlyList<AlertCondition>>([])
            : FindOverdueAsync(db, projectIds, BeijingTime.DateOf(nowUtc), cancellationToken);

    /// <summary>The conditions holding on <paramref name="today"/> (Beijing); <paramref name="projectIds"/> as in <see cref="IAlertCheck"/>.</summary>
    protected abstract Task<IReadOnlyList<AlertCondition>> FindOverdueAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateOnly today, CancellationToken cancellationToken);

    /// <summary>The facts through the domain's rule, keeping those that make a condition.</summary>
    protected static IReadOnlyList<AlertCondition> Conditions<TFacts>(IEnumerable<TFacts> facts, Func<TFacts, AlertCondition?> rule) =>
        facts.Select(rule).OfType<AlertCondition>().ToList();

    /// <summary>An alert of <paramref name="overdue"/> is also the Bureau's to supervise (督办); nobody else for other kinds.</summary>
    protected static async Task<IReadOnlyList<int>> BureauAlsoAsync(AlertKind overdue, KashiDbContext db, Alert alert, CancellationToken ct) =>
        alert.Kind == overdue ? [await db.Units.BureauIdAsync(ct)] : [];
}
