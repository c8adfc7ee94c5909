using System.Globalization;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Reports;

/// <summary>
/// A half-month reporting period (Art. 22, 每半月): the 1st–15th (<see cref="Half"/> = 1) or the 16th–end of a month
/// (<see cref="Half"/> = 2), in Beijing calendar days.
/// </summary>
public readonly record struct HalfMonthPeriod : IComparable<HalfMonthPeriod>
{
    public HalfMonthPeriod(int year, int month, int half)
    {
        if (year is < 2000 or > 2100) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        if (half is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(half));
        Year = year;
        Month = month;
        Half = half;
    }

    public int Year { get; }
    public int Month { get; }
    public int Half { get; }

    public DateOnly Start => new(Year, Month, Half == 1 ? 1 : 16);

    public DateOnly End => Half == 1 ? new DateOnly(Year, Month, 15) : new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>A dense, ordered number: consecutive periods differ by one. Stored in the database.</summary>
    public int Index => Year * 24 + (Month - 1) * 2 + (Half - 1);

    public static HalfMonthPeriod FromIndex(int index) => new(index / 24, index % 24 / 2 + 1, index % 2 + 1);

    public static HalfMonthPeriod Containing(DateOnly day) => new(day.Year, day.Month, day.Day <= 15 ? 1 : 2);

    public static HalfMonthPeriod Containing(DateTime utc) => Containing(BeijingTime.DateOf(utc));

    public HalfMonthPeriod Next() => FromIndex(Index + 1);

    public HalfMonthPeriod Previous() => FromIndex(Index - 1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The last Beijing day on which a report for this period is on time.</summary>
    public DateOnly DueOn(int deadlineDays) => End.AddDays(deadlineDays);

    /// <summary>The UTC instant after which a report for this period is late.</summary>
    public DateTime DueAtUtc(int deadlineDays) => BeijingTime.EndOfDayUtc(DueOn(deadlineDays));

    /// <summary>All periods from the one containing <paramref name="from"/> up to and including the one containing <paramref name="to"/>.</summary>
    public static IEnumerable<HalfMonthPeriod> Range(DateOnly from, DateOnly to)
    {
        for (var i = Containing(from).Index; i <= Containing(to).Index; i++) yield return FromIndex(i);
    }

    public int CompareTo(HalfMonthPeriod other) => Index.CompareTo(other.Index);

    public static bool operator <(HalfMonthPeriod a, HalfMonthPeriod b) => a.Index < b.Index;
    public static bool operator >(HalfMonthPeriod a, HalfMonthPeriod b) => a.Index > b.Index;
    public static bool operator <=(HalfMonthPeriod a, HalfMonthPeriod b) => a.Index <= b.Index;
    public static bool operator >=(HalfMonthPeriod a, HalfMonthPeriod b) => a.Index >= b.Index;

    /// <summary>A stable key such as <c>2026-11-H1</c> (not for display: the Web project words it per language).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-H{Half}");
}
