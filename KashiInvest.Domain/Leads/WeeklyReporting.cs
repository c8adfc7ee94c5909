using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Leads;

/// <summary>
/// Settings of the weekly intention reports (Art. 19), configuration section <c>Leads</c>. The rules say "weekly"
/// and leave the deadline open: by default a week's report is due on the Monday after it, 12:00 Beijing time
/// (<see cref="DueDaysAfterWeek"/> = 1, <see cref="DueHour"/> = 12), so a unit can sum up its week on Monday morning.
/// </summary>
public sealed class WeeklyReportSettings
{
    public const string Section = "Leads";

    /// <summary>Days after the week's Sunday on which the report is due (1 = the following Monday).</summary>
    public int DueDaysAfterWeek { get; set; } = 1;

    /// <summary>Beijing hour of the due day by which the report is due (0–23).</summary>
    public int DueHour { get; set; } = 12;

    /// <summary>How many past weeks a unit is still reminded of (and counted as overdue) by <see cref="WeeklyReporting.Missing"/>.</summary>
    public int LookBackWeeks { get; set; } = 4;

    /// <summary>Hours before the deadline from which a missing report is "soon".</summary>
    public int SoonHours { get; set; } = 72;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DueDaysAfterWeek is < 0 or > 6) errors.Add($"{Section}:{nameof(DueDaysAfterWeek)} must be between 0 and 6 (was {DueDaysAfterWeek}).");
        if (DueHour is < 0 or > 23) errors.Add($"{Section}:{nameof(DueHour)} must be between 0 and 23 (was {DueHour}).");
        if (LookBackWeeks is < 0 or > 52) errors.Add($"{Section}:{nameof(LookBackWeeks)} must be between 0 and 52 (was {LookBackWeeks}).");
        if (SoonHours is < 0 or > 24 * 14) errors.Add($"{Section}:{nameof(SoonHours)} must be between 0 and 336 (was {SoonHours}).");
        return errors;
    }
}

/// <summary>Where a unit's report for one week stands.</summary>
public enum WeeklyReportState
{
    /// <summary>Not filed; the deadline is still ahead (and further than <see cref="WeeklyReportSettings.SoonHours"/>).</summary>
    Open,
    /// <summary>Not filed; the deadline is within <see cref="WeeklyReportSettings.SoonHours"/>.</summary>
    DueSoon,
    /// <summary>Not filed and past its deadline.</summary>
    Overdue,
    /// <summary>Filed before its deadline.</summary>
    Filed,
    /// <summary>Filed after its deadline.</summary>
    FiledLate,
}

/// <summary>A unit-week without a report, for reminders, the Bureau's overview and the alert engine.</summary>
public sealed record MissingWeeklyReport(int UnitId, ReportWeek Week, DateTime DueUtc, WeeklyReportState State)
{
    public bool IsOverdue => State == WeeklyReportState.Overdue;
}

/// <summary>A filed report as the deadline rule needs it.</summary>
public readonly record struct WeeklyFiling(int UnitId, DateOnly WeekMonday, DateTime FirstFiledAtUtc);

/// <summary>The deadline rule of the weekly intention reports; pure, driven by <see cref="WeeklyReportSettings"/>.</summary>
public static class WeeklyReporting
{
    /// <summary>The UTC instant by which the report of <paramref name="week"/> is due.</summary>
    public static DateTime DueUtc(ReportWeek week, WeeklyReportSettings settings) =>
        BeijingTime.StartOfDayUtc(week.Sunday.AddDays(settings.DueDaysAfterWeek)).AddHours(settings.DueHour);

    /// <summary>The state of one unit's report for one week at <paramref name="nowUtc"/>; <paramref name="firstFiledAtUtc"/> null when not filed.</summary>
    public static WeeklyReportState StateOf(ReportWeek week, DateTime? firstFiledAtUtc, DateTime nowUtc, WeeklyReportSettings settings)
    {
        var due = DueUtc(week, settings);
        if (firstFiledAtUtc is { } filed) return filed <= due ? WeeklyReportState.Filed : WeeklyReportState.FiledLate;
        if (nowUtc > due) return WeeklyReportState.Overdue;
        return due - nowUtc <= TimeSpan.FromHours(settings.SoonHours) ? WeeklyReportState.DueSoon : WeeklyReportState.Open;
    }

    /// <summary>
    /// Which of <paramref name="unitIds"/> have not filed which week: the current Beijing week (never overdue while it
    /// runs) and the <see cref="WeeklyReportSettings.LookBackWeeks"/> weeks before it, oldest first. A week's report
    /// counts once filed, whether with intentions or as "nothing new this week".
    /// </summary>
    public static IReadOnlyList<MissingWeeklyReport> Missing(IEnumerable<int> unitIds, IEnumerable<WeeklyFiling> filings, DateTime nowUtc, WeeklyReportSettings settings)
    {
        var filed = filings.Select(f => (f.UnitId, f.WeekMonday)).ToHashSet();
        var current = ReportWeek.Containing(nowUtc);
        var result = new List<MissingWeeklyReport>();
        for (var back = settings.LookBackWeeks; back >= 0; back--)
        {
            var week = new ReportWeek(current.Monday.AddDays(-7 * back));
            foreach (var unit in unitIds.Distinct())
            {
                if (filed.Contains((unit, week.Monday))) continue;
                result.Add(new MissingWeeklyReport(unit, week, DueUtc(week, settings), StateOf(week, null, nowUtc, settings)));
            }
        }
        return result;
    }
}
