using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo annual targets (Art. 29): last year's and the current year's prefecture target per indicator, set by the
/// Bureau on the year's first working days and split in full among each sequence's units. Each target is a little
/// above what the platform's data make of the year (for the current year: its pace so far, carried to the year's
/// end), so most units stand near the elapsed time, some ahead and some behind; the shares follow each unit's own
/// results with an equal base. Deterministic for a clock. Run after the projects and their reports.
/// </summary>
public static class AnnualTargetsDemoData
{
    public static readonly Actor Bureau = new(ReferenceData.BureauCode, null);

    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, StatisticsSettings settings, CancellationToken ct)
    {
        if (await db.AnnualTargets.AnyAsync(ct)) return;
        var today = BeijingTime.Today(clock);
        var bureau = Bureau with { UnitId = await db.Units.BureauIdAsync(ct) };
        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            var through = AnnualProgress.MeasuredThrough(year, clock.GetUtcNow().UtcDateTime);
            var elapsed = AnnualProgress.ElapsedShare(through);
            var results = await AnnualFigures.ComputeAsync(db, through, settings, ct);
            var setAt = BeijingTime.StartOfDayUtc(new DateOnly(year, 1, 5)).AddHours(10);
            foreach (var indicator in AnnualIndicators.All)
            {
                var prefecture = results.Where(r => r.Sequence == AssessmentSequence.CountiesAndZone).Sum(r => r.Actual(indicator));
                var amount = TargetFor(indicator, prefecture / elapsed * 1.12m);
                var target = AnnualTarget.Set(year, indicator, amount, bureau, setAt);
                foreach (var sequence in Enum.GetValues<AssessmentSequence>())
                {
                    var members = results.Where(r => r.Sequence == sequence).ToList();
                    if (members.Count == 0) continue;
                    var mean = members.Average(m => Math.Max(0m, m.Actual(indicator)));
                    var shares = TargetSplit.Proportional(amount, [.. members.Select(m => Math.Max(0m, m.Actual(indicator)) + mean + 1m)]);
                    target.Split(sequence, [.. members.Select((m, i) => new SplitLine(m.UnitId, m.Type, shares[i]))], bureau, setAt.AddHours(1));
                }
                db.AnnualTargets.Add(target);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A round figure: money in whole 100万 (at least 1亿), projects in whole numbers (at least 5), never above the
    /// largest target the rules accept (a large demo early in January projects a huge year).
    /// </summary>
    private static decimal TargetFor(AnnualIndicator indicator, decimal projected) => Math.Min(AnnualTarget.MaxValue, indicator.IsMoney()
        ? Math.Max(10_000m, decimal.Ceiling(Math.Min(projected, AnnualTarget.MaxValue) / 100m) * 100m)
        : Math.Max(5m, decimal.Ceiling(Math.Min(projected, AnnualTarget.MaxValue))));
}
