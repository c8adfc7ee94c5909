using System.Globalization;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;

namespace KashiInvest.Domain.Alerts;

/// <summary>One unit's target and year-to-date result on one indicator, as the far-behind rule needs it.</summary>
public sealed record TargetStanding(int UnitId, AnnualIndicator Indicator, decimal? Target, decimal Actual);

/// <summary>Alerts of the annual targets (Art. 29).</summary>
public static class AnnualTargetAlertRules
{
    /// <summary>The subject of a far-behind alert: the year and the indicator (<c>2026:OutOfRegionFunds</c>).</summary>
    public static string SubjectOf(int year, AnnualIndicator indicator) => string.Create(CultureInfo.InvariantCulture, $"{year}:{indicator}");

    /// <summary>
    /// One alert per unit and indicator whose standing at the end of <paramref name="day"/> is
    /// <see cref="PaceStatus.FarBehind"/> (<see cref="AnnualProgress.Standing(int, decimal?, decimal, DateOnly, decimal)"/>,
    /// the same rule the targets screen colours by): about the unit and owned by it, Medium (a year's pace, not an
    /// emergency: no toast). A unit without a target on an indicator is never behind on it. The alert clears
    /// when the unit is no longer far behind (it caught up, its target was lowered, or the year is over: a new year's
    /// scan finds only the new year's standing).
    /// </summary>
    public static IReadOnlyList<AlertCondition> FarBehind(int year, IEnumerable<TargetStanding> standings, DateOnly day, decimal farBehindGap)
    {
        var conditions = new List<AlertCondition>();
        foreach (var s in standings.OrderBy(s => s.UnitId).ThenBy(s => s.Indicator))
        {
            var pace = AnnualProgress.Standing(year, s.Target, s.Actual, day, farBehindGap);
            if (pace.Status != PaceStatus.FarBehind) continue;
            conditions.Add(new AlertCondition(AlertKind.AnnualTargetFarBehind, null, s.UnitId, SubjectOf(year, s.Indicator), AlertSeverity.Medium,
                nameof(AlertKind.AnnualTargetFarBehind),
                [year.ToString(CultureInfo.InvariantCulture), s.Indicator.ToString(), Percent(pace.Completion!.Value), Percent(pace.Elapsed)],
                OwnerUnitId: s.UnitId));
        }
        return conditions;
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
