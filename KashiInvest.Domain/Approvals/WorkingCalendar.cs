namespace KashiInvest.Domain.Approvals;

/// <summary>
/// China's working days, from the years the Bureau has entered (<see cref="CalendarYear"/>): a listed holiday is a
/// day off, a listed make-up day (调休) is a working day, every other day follows the week. A year without data
/// counts weekends only; <see cref="YearsWithoutData"/> tells a clock so that it can say so.
/// Counting follows the Administrative Licensing Law: the day after the start is day 1.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, Dictionary<DateOnly, CalendarDayKind>> _years;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToDictionary(y => y.Year, y => y.Days.ToDictionary(d => d.Date, d => d.Kind));
    }

    /// <summary>A calendar with no year's data: weekends only.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool HasDataFor(int year) => _years.ContainsKey(year);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day)
    {
        if (_years.TryGetValue(day.Year, out var days) && days.TryGetValue(day, out var kind)) return kind == CalendarDayKind.MakeUpWorkday;
        return !IsWeekend(day);
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (the next working day after the start
    /// is day 1); <paramref name="start"/> itself for 0.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days in (<paramref name="start"/>, <paramref name="end"/>]: the start day does not count, the end day does; 0 when end ≤ start.</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    /// <summary>The <paramref name="days"/>-th calendar day after <paramref name="start"/>.</summary>
    public static DateOnly AddNaturalDays(DateOnly start, int days) => start.AddDays(days);

    /// <summary>Calendar days in (<paramref name="start"/>, <paramref name="end"/>]; 0 when end ≤ start.</summary>
    public static int NaturalDaysBetween(DateOnly start, DateOnly end) => Math.Max(0, end.DayNumber - start.DayNumber);

    /// <summary>
    /// The last day of a period of <paramref name="days"/> natural days from <paramref name="start"/>: when it falls on a
    /// day off (a weekend or holiday), the period ends on the next working day (Civil Code Art. 203).
    /// </summary>
    public DateOnly NaturalDeadline(DateOnly start, int days) => NextWorkingDayFrom(start.AddDays(days));

    /// <summary><paramref name="day"/> when it is a working day, otherwise the first working day after it.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have no data: counted by weekends only.</summary>
    public IReadOnlyList<int> YearsWithoutData(DateOnly from, DateOnly to)
    {
        if (to < from) (from, to) = (to, from);
        return Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !HasDataFor(y)).ToArray();
    }
}
