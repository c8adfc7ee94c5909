using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>Attracting units whose monthly statistics return (Art. 26) is past its deadline and not submitted.</summary>
public sealed class MonthlyReturnMissingCheck(IOptions<StatisticsSettings> settings) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.MonthlyReturnMissing];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // About units, not projects: a re-check of some projects leaves these alerts as they are.
        if (projectIds is not null) return [];
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var from = StatMonth.Containing(nowUtc).Index - StatisticsAlertRules.LookBackMonths;
        var returns = await db.MonthlyReturns.AsNoTracking().Where(r => r.MonthIndex >= from)
            .Select(r => new ReturnState(r.UnitId, r.MonthIndex, r.Status, r.SubmittedAtUtc != null))
            .ToListAsync(cancellationToken);
        return StatisticsAlertRules.ReturnsMissing(units, returns, nowUtc, settings.Value);
    }
}
