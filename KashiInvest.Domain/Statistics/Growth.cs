namespace KashiInvest.Domain.Statistics;

public enum GrowthKind
{
    /// <summary>Last year's figure is missing (a month without a return): no growth can be stated.</summary>
    NoComparison,
    /// <summary>Last year's figure was zero and this year's is not: "new", never an infinite percentage.</summary>
    New,
    /// <summary>A percentage against last year's figure (zero against zero is 0 %).</summary>
    Percent,
}

/// <summary>Year-on-year growth (同比增长) of a figure.</summary>
public readonly record struct Growth(GrowthKind Kind, decimal? Percent)
{
    public static Growth NoComparison => new(GrowthKind.NoComparison, null);

    /// <summary>Growth of <paramref name="current"/> over <paramref name="lastYear"/>, rounded to 0.1 %.</summary>
    public static Growth Of(decimal current, decimal? lastYear)
    {
        if (lastYear is not { } previous) return NoComparison;
        if (previous == 0m) return current == 0m ? new Growth(GrowthKind.Percent, 0m) : new Growth(GrowthKind.New, null);
        return new Growth(GrowthKind.Percent, decimal.Round((current - previous) / previous * 100m, 1, MidpointRounding.AwayFromZero));
    }
}

/// <summary>Compares a month's figures with the same months of last year.</summary>
public static class YearOnYear
{
    /// <summary>
    /// Growth of a month figure against the same month last year; <paramref name="lastYear"/> answers null for a
    /// month that has no (approved) return.
    /// </summary>
    public static Growth ForMonth(StatMonth month, decimal current, Func<StatMonth, decimal?> lastYear) =>
        Growth.Of(current, lastYear(month.SameMonthLastYear));

    /// <summary>
    /// Growth of a year-to-date figure against the sum of the same months of last year. One missing month of last
    /// year means there is nothing to compare with (a partial sum would overstate the growth).
    /// </summary>
    public static Growth ForYearToDate(StatMonth month, decimal currentYearToDate, Func<StatMonth, decimal?> lastYearMonth)
    {
        var sum = 0m;
        foreach (var m in month.SameMonthLastYear.YearToDate())
        {
            if (lastYearMonth(m) is not { } value) return Growth.NoComparison;
            sum += value;
        }
        return Growth.Of(currentYearToDate, sum);
    }
}
