namespace KashiInvest.Domain.Common;

/// <summary>
/// Beijing time (UTC+8, no daylight saving since 1991). The database keeps UTC; calendar dates, half-month
/// periods and deadlines are defined in Beijing time.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToBeijing(DateTime utc) => DateTime.SpecifyKind(AsUtc(utc) + Offset, DateTimeKind.Unspecified);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToBeijing(utc));

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC instant at which the given Beijing calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>The UTC instant at which the given Beijing calendar day ends (the start of the next day).</summary>
    public static DateTime EndOfDayUtc(DateOnly day) => StartOfDayUtc(day.AddDays(1));

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
