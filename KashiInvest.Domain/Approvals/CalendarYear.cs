using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Approvals;

/// <summary>What a listed day is: a public holiday (a day off) or a make-up working day (调休上班日) on a weekend.</summary>
public enum CalendarDayKind { Holiday, MakeUpWorkday }

/// <summary>One day of a year's holiday notice, as entered or imported.</summary>
public sealed record CalendarDayInput(DateOnly Date, CalendarDayKind Kind);

/// <summary>
/// One year of China's working-day calendar, kept as data by the Bureau: the days off and the make-up working days
/// of that year's State Council holiday notice, with the notice it comes from. Days not listed follow the week
/// (Monday–Friday work, Saturday and Sunday off). A year without a <see cref="CalendarYear"/> counts weekends only.
/// </summary>
public sealed class CalendarYear : AggregateRoot, IAudited
{
    public const int SourceMaxLength = 300;

    private readonly List<CalendarDay> _days = [];

    private CalendarYear() { SourceTitle = string.Empty; }

    public CalendarYear(int year, string sourceTitle, DateOnly? sourcePublishedOn, IEnumerable<CalendarDayInput> days, Actor actor, DateTime nowUtc)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("Calendar.YearOutOfRange", year);
        Year = year;
        Apply(sourceTitle, sourcePublishedOn, days, actor, nowUtc);
    }

    public int Year { get; private set; }

    /// <summary>The notice the days come from, e.g. 国务院办公厅关于2026年部分节假日安排的通知.</summary>
    public string SourceTitle { get; private set; } = string.Empty;

    public DateOnly? SourcePublishedOn { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<CalendarDay> Days => _days;

    /// <summary>Replaces the year's days and source (an edit or an import of a corrected notice).</summary>
    public void Replace(string sourceTitle, DateOnly? sourcePublishedOn, IEnumerable<CalendarDayInput> days, Actor actor, DateTime nowUtc) =>
        Apply(sourceTitle, sourcePublishedOn, days, actor, nowUtc);

    private void Apply(string sourceTitle, DateOnly? sourcePublishedOn, IEnumerable<CalendarDayInput> days, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(sourceTitle)) throw new DomainRuleException("Calendar.SourceRequired");
        TextRules.Ensure(sourceTitle, SourceMaxLength);
        var list = days.OrderBy(d => d.Date).ToList();
        foreach (var day in list)
        {
            if (day.Date.Year != Year) throw new DomainRuleException("Calendar.DayOutsideYear", day.Date.ToString("yyyy-MM-dd"), Year);
            if (!Choices.IsKnown(day.Kind)) throw new DomainRuleException(Choices.Unknown);
            if (day.Kind == CalendarDayKind.MakeUpWorkday && !WorkingCalendar.IsWeekend(day.Date))
                throw new DomainRuleException("Calendar.MakeUpDayNotOnWeekend", day.Date.ToString("yyyy-MM-dd"));
        }
        var duplicate = list.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DomainRuleException("Calendar.DuplicateDay", duplicate.Key.ToString("yyyy-MM-dd"));

        SourceTitle = sourceTitle.Trim();
        SourcePublishedOn = sourcePublishedOn;
        UpdatedBy = actor.UserName;
        UpdatedAtUtc = nowUtc;
        // Keep the rows that did not change, so that an edit audits only what it changed.
        _days.RemoveAll(existing => !list.Any(d => d.Date == existing.Date && d.Kind == existing.Kind));
        foreach (var day in list.Where(d => !_days.Any(e => e.Date == d.Date))) _days.Add(new CalendarDay(day.Date, day.Kind));
        _days.Sort((a, b) => a.Date.CompareTo(b.Date));
        Raise(new CalendarYearChanged(Year));
    }
}

/// <summary>One listed day of a <see cref="CalendarYear"/>.</summary>
public sealed class CalendarDay : Entity, IAudited
{
    private CalendarDay() { }

    internal CalendarDay(DateOnly date, CalendarDayKind kind)
    {
        Date = date;
        Kind = kind;
    }

    public int CalendarYearId { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
}

public sealed record CalendarYearChanged(int Year) : IDomainEvent;
