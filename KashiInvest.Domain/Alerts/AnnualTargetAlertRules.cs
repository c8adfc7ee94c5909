using System.Globalization;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;

namespace KashiInvest.Domain.Alerts;

/// <summary>One unit's target and year-to-date result on one indicator, as the far-behind rule needs it.</summary>
public sealed record TargetStanding(int UnitId, AnnualIndicator Indicator, decimal? Target, decimal Actual);

/// <summary>Alerts of the annual targets (Art. 29).</summary>
public static class AnnualTargetAlertRules
{
    /// <summary>The subject of a far-behind alert: the year (one open alert per unit and year).</summary>
    public static string SubjectOf(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One alert per unit with at least one indicator whose standing at the end of <paramref name="day"/> is
    /// <see cref="PaceStatus.FarBehind"/> (<see cref="AnnualProgress.Standing(int, decimal?, decimal, DateOnly, decimal)"/>,
    /// the same rule the targets screen colours by): about the unit and owned by it, Medium (a year's pace, not an
    /// emergency: no toast). Its facts: the year, the indicators far behind with their completion
    /// (<c>OutOfRegionFunds:20.0%;SignedProjects:10.0%</c>, in the indicators' order) and the elapsed share. A unit
    /// without a target on an indicator is never behind on it. The alert clears when the unit is no longer far behind
    /// on any indicator (it caught up, its target was lowered, or the year is over: a new year's scan finds only the
    /// new year's standing).
    /// </summary>
    public static IReadOnlyList<AlertCondition> FarBehind(int year, IEnumerable<TargetStanding> standings, DateOnly day, decimal farBehindGap)
    {
        var conditions = new List<AlertCondition>();
        foreach (var unit in standings.GroupBy(s => s.UnitId).OrderBy(g => g.Key))
        {
            var behind = unit.OrderBy(s => s.Indicator)
                .Select(s => (s.Indicator, Pace: AnnualProgress.Standing(year, s.Target, s.Actual, day, farBehindGap)))
                .Where(x => x.Pace.Status == PaceStatus.FarBehind)
                .ToList();
            if (behind.Count == 0) continue;
            conditions.Add(new AlertCondition(AlertKind.AnnualTargetFarBehind, null, unit.Key, SubjectOf(year), AlertSeverity.Medium,
                nameof(AlertKind.AnnualTargetFarBehind),
                [SubjectOf(year), string.Join(";", behind.Select(x => $"{x.Indicator}:{Percent(x.Pace.Completion!.Value)}")), Percent(behind[0].Pace.Elapsed)],
                OwnerUnitId: unit.Key));
        }
        return conditions;
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
