namespace KashiInvest.Domain.Approvals;

/// <summary>Where an item's clock stands on a day.</summary>
public enum ClockState
{
    /// <summary>Not accepted yet: the clock has not started.</summary>
    NotStarted,
    /// <summary>A correction (补正) was requested: the clock stands until complete materials arrive, then restarts.</summary>
    AwaitingCorrection,
    /// <summary>A special procedure (hearing, expert review, public notice, inspection): its time does not count.</summary>
    Paused,
    Normal,
    /// <summary>Less than the warning share of the committed time is left.</summary>
    Warning,
    Overdue,
    FinishedOnTime,
    FinishedLate,
}

/// <summary>A special procedure's interval: the clock counts no day after <see cref="From"/> up to and including <see cref="To"/> (open while null).</summary>
public sealed record PauseSpan(DateOnly From, DateOnly? To, DateOnly? ExpectedEnd);

/// <summary>
/// The facts a clock is computed from. <see cref="StartOn"/> is the acceptance day, or the day complete materials
/// arrived after the last correction; the day after it is day 1. Null while not started.
/// </summary>
public sealed record ClockFacts(
    DateOnly? StartOn,
    int Limit,
    LimitUnit Unit,
    IReadOnlyList<PauseSpan> Pauses,
    bool AwaitingCorrection = false,
    DateOnly? FinishedOn = null);

/// <summary>
/// An item's clock on a day: days used and left, the due day, the state, and the years the count used without
/// holiday data (<see cref="YearsWithoutData"/>: "2028 年无节假日数据，仅按周末计算").
/// </summary>
public sealed record ClockReading(
    ClockState State,
    int Limit,
    LimitUnit Unit,
    int Elapsed,
    int Remaining,
    DateOnly? DueOn,
    IReadOnlyList<int> YearsWithoutData)
{
    public bool CountsOnWeekendsOnly => YearsWithoutData.Count > 0;

    public bool IsAlerting => State is ClockState.Warning or ClockState.Overdue;
}

/// <summary>
/// The clock of an approval item under the Administrative Licensing Law: it starts at acceptance (the next day is
/// day 1), counts working days on the <see cref="WorkingCalendar"/> or natural days, skips the days of special
/// procedures, restarts from zero after a correction, and is due on the day the committed limit is used up (a
/// natural-day limit that ends on a day off ends on the next working day). Warning: less than
/// <c>warningPercent</c> % of the limit left; overdue: past the due day and not finished.
/// </summary>
public static class ApprovalClock
{
    public const int DefaultWarningPercent = 20;

    public static ClockReading Read(ClockFacts facts, WorkingCalendar calendar, DateOnly today, int warningPercent = DefaultWarningPercent)
    {
        if (facts.Limit < 1) throw new ArgumentOutOfRangeException(nameof(facts), "A clock needs a limit of at least one day.");
        if (facts.StartOn is not { } start || facts.AwaitingCorrection && facts.FinishedOn is null)
        {
            var state = facts.AwaitingCorrection ? ClockState.AwaitingCorrection : ClockState.NotStarted;
            return new ClockReading(state, facts.Limit, facts.Unit, 0, facts.Limit, null, []);
        }

        var end = facts.FinishedOn ?? today;
        var elapsed = Count(facts, calendar, start, end);
        var lastCounted = AddCounted(facts, start, facts.Limit, calendar, today);
        // A natural-day limit that ends on a day off ends on the next working day (Civil Code Art. 203).
        var due = facts.Unit == LimitUnit.NaturalDays ? calendar.NextWorkingDayFrom(lastCounted) : lastCounted;
        var remaining = facts.Limit - elapsed;
        var gaps = facts.Unit == LimitUnit.WorkingDays
            ? calendar.YearsWithoutData(start, end > due ? end : due)
            : calendar.YearsWithoutData(lastCounted, due);

        ClockState reading;
        if (facts.FinishedOn is { } finished) reading = finished <= due ? ClockState.FinishedOnTime : ClockState.FinishedLate;
        else if (today > due) reading = ClockState.Overdue;
        else if (facts.Pauses.Any(p => p.To is null)) reading = ClockState.Paused;
        else if (remaining * 100 < warningPercent * facts.Limit) reading = ClockState.Warning;
        else reading = ClockState.Normal;
        return new ClockReading(reading, facts.Limit, facts.Unit, elapsed, remaining, due, gaps);
    }

    /// <summary>Days that count in (start, end].</summary>
    private static int Count(ClockFacts facts, WorkingCalendar calendar, DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (Counts(facts, calendar, day, end)) count++;
        }
        return count;
    }

    /// <summary>
    /// The last counted day of the limit. An open pause is assumed to last until its expected end, or until today
    /// when that has passed (or is unknown), so the due day moves on while the pause runs.
    /// </summary>
    private static DateOnly AddCounted(ClockFacts facts, DateOnly start, int limit, WorkingCalendar calendar, DateOnly today)
    {
        var day = start;
        for (var counted = 0; counted < limit;)
        {
            day = day.AddDays(1);
            if (Counts(facts, calendar, day, today)) counted++;
        }
        return day;
    }

    private static bool Counts(ClockFacts facts, WorkingCalendar calendar, DateOnly day, DateOnly today)
    {
        if (facts.Unit == LimitUnit.WorkingDays && !calendar.IsWorkingDay(day)) return false;
        foreach (var pause in facts.Pauses)
        {
            var to = pause.To ?? Max(pause.ExpectedEnd ?? today, today);
            if (day > pause.From && day <= to) return false;
        }
        return true;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
