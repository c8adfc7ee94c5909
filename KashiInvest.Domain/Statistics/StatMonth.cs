using System.Globalization;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Statistics;

/// <summary>
/// A statistics month (统计月) in the Beijing calendar. It opens at 00:00 Beijing on the 1st and closes at the first
/// instant of the next month in Beijing (16:00 UTC on the last day): a report at 23:30 Beijing on the last day
/// (15:30 UTC) belongs to the month.
/// </summary>
public readonly record struct StatMonth : IComparable<StatMonth>
{
    public StatMonth(int year, int month)
    {
        if (year is < 2000 or > 2100) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>A dense, ordered number (<c>year × 12 + month − 1</c>): consecutive months differ by one. Stored in the database.</summary>
    public int Index => Year * 12 + Month - 1;

    public static StatMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public static StatMonth Containing(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The month a UTC instant falls in, in Beijing time.</summary>
    public static StatMonth Containing(DateTime utc) => Containing(BeijingTime.DateOf(utc));

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The UTC instant the month opens (00:00 Beijing on the 1st).</summary>
    public DateTime StartUtc => BeijingTime.StartOfDayUtc(FirstDay);

    /// <summary>The UTC instant the month closes: the first instant of the next month in Beijing. Exclusive.</summary>
    public DateTime CloseUtc => BeijingTime.EndOfDayUtc(LastDay);

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < CloseUtc;

    public StatMonth Next() => FromIndex(Index + 1);

    public StatMonth Previous() => FromIndex(Index - 1);

    public StatMonth SameMonthLastYear => new(Year - 1, Month);

    /// <summary>January of this month's year: the year-to-date figures count from its start.</summary>
    public StatMonth FirstOfYear => new(Year, 1);

    /// <summary>The months of the year up to and including this one.</summary>
    public IEnumerable<StatMonth> YearToDate()
    {
        for (var m = 1; m <= Month; m++) yield return new StatMonth(Year, m);
    }

    /// <summary>When this month's return is due: the end of the given Beijing day of the next month (default the 5th).</summary>
    public DateTime DueAtUtc(int dueDayOfNextMonth)
    {
        var next = Next();
        var day = Math.Min(dueDayOfNextMonth, DateTime.DaysInMonth(next.Year, next.Month));
        return BeijingTime.EndOfDayUtc(new DateOnly(next.Year, next.Month, day));
    }

    public int CompareTo(StatMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(StatMonth a, StatMonth b) => a.Index < b.Index;
    public static bool operator >(StatMonth a, StatMonth b) => a.Index > b.Index;
    public static bool operator <=(StatMonth a, StatMonth b) => a.Index <= b.Index;
    public static bool operator >=(StatMonth a, StatMonth b) => a.Index >= b.Index;

    /// <summary>A stable key such as <c>2026-11</c>, also used in URLs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool TryParse(string? text, out StatMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y is < 2000 or > 2100 || m is < 1 or > 12) return false;
        month = new StatMonth(y, m);
        return true;
    }
}
