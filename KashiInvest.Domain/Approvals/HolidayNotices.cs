namespace KashiInvest.Domain.Approvals;

/// <summary>A State Council holiday notice as published: the year it arranges, its title, date, and days.</summary>
public sealed record HolidayNotice(int Year, string Title, DateOnly PublishedOn, IReadOnlyList<CalendarDayInput> Days);

/// <summary>
/// The State Council holiday notices that were checked against their publication (Xinhua / gmw.cn) and are seeded as
/// calendar data. Only confirmed notices belong here: every later year is entered or imported by an administrator.
/// </summary>
public static class HolidayNotices
{
    /// <summary>国办发明电〔2024〕12号, published 2024-11-12.</summary>
    public static readonly HolidayNotice Year2025 = new(2025,
        "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）", new DateOnly(2024, 11, 12),
        [
            .. Off(2025, 1, 1, 1),
            .. Off(2025, 1, 28, 8),   // 春节 1-28 … 2-04
            .. Off(2025, 4, 4, 3),    // 清明节
            .. Off(2025, 5, 1, 5),    // 劳动节
            .. Off(2025, 5, 31, 3),   // 端午节 5-31 … 6-02
            .. Off(2025, 10, 1, 8),   // 国庆节、中秋节
            Work(2025, 1, 26), Work(2025, 2, 8), Work(2025, 4, 27), Work(2025, 9, 28), Work(2025, 10, 11),
        ]);

    /// <summary>Published 2025-11-04.</summary>
    public static readonly HolidayNotice Year2026 = new(2026,
        "国务院办公厅关于2026年部分节假日安排的通知", new DateOnly(2025, 11, 4),
        [
            .. Off(2026, 1, 1, 3),    // 元旦
            .. Off(2026, 2, 15, 9),   // 春节 2-15 … 2-23
            .. Off(2026, 4, 4, 3),    // 清明节
            .. Off(2026, 5, 1, 5),    // 劳动节
            .. Off(2026, 6, 19, 3),   // 端午节
            .. Off(2026, 9, 25, 3),   // 中秋节
            .. Off(2026, 10, 1, 7),   // 国庆节
            Work(2026, 1, 4), Work(2026, 2, 14), Work(2026, 2, 28), Work(2026, 5, 9), Work(2026, 9, 20), Work(2026, 10, 10),
        ]);

    public static IReadOnlyList<HolidayNotice> Confirmed { get; } = [Year2025, Year2026];

    private static IEnumerable<CalendarDayInput> Off(int year, int month, int day, int count) =>
        Enumerable.Range(0, count).Select(i => new CalendarDayInput(new DateOnly(year, month, day).AddDays(i), CalendarDayKind.Holiday));

    private static CalendarDayInput Work(int year, int month, int day) => new(new DateOnly(year, month, day), CalendarDayKind.MakeUpWorkday);
}
