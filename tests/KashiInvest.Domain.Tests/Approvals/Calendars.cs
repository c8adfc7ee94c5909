using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Tests.Approvals;

/// <summary>Calendars built from the confirmed State Council notices, as the database seeds them.</summary>
public static class Calendars
{
    public static readonly Actor Bureau = new("bureau", 1);

    public static readonly DateTime Now = new(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc);

    public static CalendarYear YearOf(HolidayNotice notice) =>
        new(notice.Year, notice.Title, notice.PublishedOn, notice.Days, Bureau, Now);

    /// <summary>2025 and 2026, as confirmed; 2027 and later have no data.</summary>
    public static readonly WorkingCalendar China = new(HolidayNotices.Confirmed.Select(YearOf));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
