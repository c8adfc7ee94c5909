using System.Globalization;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Leads;

/// <summary>An ISO week (Monday to Sunday) in Beijing calendar days: the period of a weekly intention report (Art. 19).</summary>
public readonly record struct ReportWeek : IComparable<ReportWeek>
{
    public ReportWeek(DateOnly monday)
    {
        if (monday.DayOfWeek != DayOfWeek.Monday) throw new ArgumentException("A report week starts on a Monday.", nameof(monday));
        Monday = monday;
    }

    public DateOnly Monday { get; }

    public DateOnly Sunday => Monday.AddDays(6);

    public int IsoYear => ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue));

    public int IsoWeek => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public static ReportWeek Containing(DateOnly day) => new(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));

    public static ReportWeek Containing(DateTime utc) => Containing(BeijingTime.DateOf(utc));

    public ReportWeek Next() => new(Monday.AddDays(7));

    public ReportWeek Previous() => new(Monday.AddDays(-7));

    public int CompareTo(ReportWeek other) => Monday.CompareTo(other.Monday);

    public static bool operator <(ReportWeek a, ReportWeek b) => a.Monday < b.Monday;
    public static bool operator >(ReportWeek a, ReportWeek b) => a.Monday > b.Monday;
    public static bool operator <=(ReportWeek a, ReportWeek b) => a.Monday <= b.Monday;
    public static bool operator >=(ReportWeek a, ReportWeek b) => a.Monday >= b.Monday;

    /// <summary>e.g. <c>2026-W48</c>, as used in URLs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{IsoYear}-W{IsoWeek:D2}");

    public static bool TryParse(string? text, out ReportWeek week)
    {
        week = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().ToUpperInvariant().Split("-W");
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var number)) return false;
        if (year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
        week = new ReportWeek(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)));
        return true;
    }
}
