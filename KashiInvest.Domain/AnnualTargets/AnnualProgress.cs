using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.AnnualTargets;

/// <summary>Where a unit stands against the elapsed time of the year (序时进度).</summary>
public enum PaceStatus
{
    /// <summary>The unit has no target (or a zero target) for the indicator.</summary>
    NoTarget,
    /// <summary>Completion is at or above the share of the year elapsed (on pace counts as ahead: not behind).</summary>
    Ahead,
    /// <summary>Completion is below the elapsed share, by at most the far-behind gap.</summary>
    Behind,
    /// <summary>Completion is below the elapsed share by more than the far-behind gap: an alert.</summary>
    FarBehind,
}

/// <summary>One unit's progress on one indicator: completion against the share of the year elapsed.</summary>
/// <param name="Completion">Actual ÷ target (1 = met; may exceed 1); null without a target.</param>
/// <param name="Elapsed">The share of the year elapsed (0–1].</param>
public sealed record Pace(decimal? Completion, decimal Elapsed, PaceStatus Status)
{
    /// <summary>Completion minus elapsed share (positive ahead, negative behind); null without a target.</summary>
    public decimal? Gap => Completion - Elapsed;
}

/// <summary>
/// Elapsed-time progress (序时进度): the share of the year that has passed by the end of a Beijing day — the day's
/// number in the year over the year's days (365, or 366 in a leap year), so 31 December is 100 % — and a unit's
/// standing against it.
/// </summary>
public static class AnnualProgress
{
    /// <summary>The share of <paramref name="day"/>'s year elapsed at the end of that Beijing day, rounded to 4 places.</summary>
    public static decimal ElapsedShare(DateOnly day) =>
        Math.Round((decimal)day.DayOfYear / (DateTime.IsLeapYear(day.Year) ? 366 : 365), 4, MidpointRounding.AwayFromZero);

    /// <summary>The elapsed share of <paramref name="year"/> at <paramref name="day"/>: 0 before the year, 1 after it.</summary>
    public static decimal ElapsedShare(int year, DateOnly day) =>
        day.Year < year ? 0m : day.Year > year ? 1m : ElapsedShare(day);

    /// <summary>
    /// The standing of a unit with <paramref name="actual"/> against <paramref name="target"/> at
    /// <paramref name="elapsed"/>: ahead at or above the elapsed share; far behind when completion trails it by more
    /// than <paramref name="farBehindGap"/> (a share, e.g. 0.25 = 25 percentage points); otherwise behind.
    /// </summary>
    public static Pace Standing(decimal? target, decimal actual, decimal elapsed, decimal farBehindGap)
    {
        if (target is not > 0m) return new Pace(null, elapsed, PaceStatus.NoTarget);
        var completion = Math.Round(actual / target.Value, 4, MidpointRounding.AwayFromZero);
        var status = completion >= elapsed ? PaceStatus.Ahead
            : elapsed - completion > farBehindGap ? PaceStatus.FarBehind
            : PaceStatus.Behind;
        return new Pace(completion, elapsed, status);
    }

    /// <summary>The standing at the end of a Beijing day of the target's year.</summary>
    public static Pace Standing(int year, decimal? target, decimal actual, DateOnly day, decimal farBehindGap) =>
        Standing(target, actual, ElapsedShare(year, day), farBehindGap);

    /// <summary>The Beijing day the figures of <paramref name="year"/> are measured through at <paramref name="nowUtc"/>: today, or the year's last day once it is over.</summary>
    public static DateOnly MeasuredThrough(int year, DateTime nowUtc)
    {
        var today = BeijingTime.DateOf(nowUtc);
        return today.Year > year ? new DateOnly(year, 12, 31) : today;
    }
}
