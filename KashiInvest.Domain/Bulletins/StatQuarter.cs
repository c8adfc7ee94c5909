using System.Globalization;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Bulletins;

/// <summary>A statistics quarter in the Beijing calendar: three <see cref="StatMonth"/>s.</summary>
public readonly record struct StatQuarter : IComparable<StatQuarter>
{
    public StatQuarter(int year, int quarter)
    {
        if (year is < 2000 or > 2100) throw new ArgumentOutOfRangeException(nameof(year));
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter));
        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }
    public int Quarter { get; }

    /// <summary>A dense, ordered number (<c>year × 4 + quarter − 1</c>). Stored in the database.</summary>
    public int Index => Year * 4 + Quarter - 1;

    public static StatQuarter FromIndex(int index) => new(index / 4, index % 4 + 1);

    public static StatQuarter Of(StatMonth month) => new(month.Year, (month.Month - 1) / 3 + 1);

    public StatMonth FirstMonth => new(Year, Quarter * 3 - 2);

    public StatMonth LastMonth => new(Year, Quarter * 3);

    public IEnumerable<StatMonth> Months()
    {
        for (var m = FirstMonth.Month; m <= LastMonth.Month; m++) yield return new StatMonth(Year, m);
    }

    /// <summary>The UTC instant the quarter closes (the first instant of the next quarter in Beijing). Exclusive.</summary>
    public DateTime CloseUtc => LastMonth.CloseUtc;

    /// <summary>The latest quarter closed at <paramref name="nowUtc"/> (Beijing time).</summary>
    public static StatQuarter LatestClosed(DateTime nowUtc) => Of(StatMonth.Containing(nowUtc)).Previous();

    public StatQuarter Previous() => FromIndex(Index - 1);

    public StatQuarter SameQuarterLastYear => new(Year - 1, Quarter);

    public int CompareTo(StatQuarter other) => Index.CompareTo(other.Index);

    /// <summary>A stable key such as <c>2026Q3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Quarter}");
}
