using System.Globalization;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The text form of a year's calendar days, for editing and importing a holiday notice: one line per day or per
/// range, <c>2027-10-01..2027-10-07 休</c> (days off) or <c>2027-09-26 班</c> (a make-up working day); <c>off</c> and
/// <c>work</c> are accepted too; blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
public static class CalendarImport
{
    public const string Field = "Days";

    /// <summary>Room for a year of single days with comments (366 lines of about 25 characters), no more.</summary>
    public const int MaxLength = 20_000;

    public static (IReadOnlyList<CalendarDayInput> Days, IReadOnlyList<FieldViolation> Errors) Parse(string? text)
    {
        if (TextRules.Check(text, MaxLength, multiLine: true) is { } refused) return ([], [new FieldViolation(Field, refused)]);
        var days = new List<CalendarDayInput>();
        var errors = new List<FieldViolation>();
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            CalendarDayKind? kind = parts.Length == 2 ? parts[1].ToLowerInvariant() switch
            {
                "休" or "off" => CalendarDayKind.Holiday,
                "班" or "work" => CalendarDayKind.MakeUpWorkday,
                _ => null,
            } : null;
            var range = parts.Length == 2 ? parts[0].Split("..") : [];
            if (kind is null || range.Length is < 1 or > 2 || !TryDate(range[0], out var from) || !TryDate(range[^1], out var to) || to < from || to.DayNumber - from.DayNumber > 31)
            {
                errors.Add(new FieldViolation(Field, "Calendar.ImportLineInvalid", i + 1, line));
                continue;
            }
            // By offset: stepping a date past the range's end would overflow on 9999-12-31.
            for (var k = 0; k <= to.DayNumber - from.DayNumber; k++) days.Add(new CalendarDayInput(from.AddDays(k), kind.Value));
        }
        return (days, errors);
    }

    /// <summary>The days as text, consecutive days of one kind written as a range.</summary>
    public static string Format(IEnumerable<CalendarDayInput> days)
    {
        var lines = new List<string>();
        var ordered = days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1].Kind == ordered[i].Kind && ordered[j + 1].Date == ordered[j].Date.AddDays(1)) j++;
            var word = ordered[i].Kind == CalendarDayKind.Holiday ? "休" : "班";
            lines.Add(i == j ? $"{Iso(ordered[i].Date)} {word}" : $"{Iso(ordered[i].Date)}..{Iso(ordered[j].Date)} {word}");
            i = j + 1;
        }
        return string.Join('\n', lines);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
