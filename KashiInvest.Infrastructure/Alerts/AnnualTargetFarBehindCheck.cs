using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Units far behind their annual targets (Art. 29): the current Beijing year's targets and live year-to-date results
/// (<see cref="IAnnualFigures"/>, as the targets screen reads them) against the elapsed time, by
/// <see cref="AnnualTargetAlertRules.FarBehind"/>. Run by the nightly scan and, through <see cref="AlertRechecker"/>,
/// after every commit that moves the figures or the targets.
/// </summary>
public sealed class AnnualTargetFarBehindCheck(IAnnualFigures figures, IOptions<AnnualTargetSettings> settings) : IAlertCheck
{
    public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.AnnualTargetFarBehind];

    public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // About units, not projects: a re-check of some projects leaves these alerts as they are.
        if (projectIds is not null) return [];
        var today = BeijingTime.DateOf(nowUtc);
        var rows = await figures.ReadAsync(today.Year, today, cancellationToken);
        return AnnualTargetAlertRules.FarBehind(today.Year, rows.Select(f => new TargetStanding(f.UnitId, f.Indicator, f.Target, f.Actual)),
            today, settings.Value.FarBehindGap);
    }

    /// <summary>A unit far behind is also the Bureau's to follow; nobody else for other kinds.</summary>
    public static async Task<IReadOnlyList<int>> AlsoNotifyAsync(KashiDbContext db, Alert alert, CancellationToken ct) =>
        alert.Kind == AlertKind.AnnualTargetFarBehind ? [await db.Units.BureauIdAsync(ct)] : [];
}
