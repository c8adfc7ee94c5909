using System.Globalization;
using KashiInvest.Domain.Alerts;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Where a robot message about an alert leads (a path inside the app; the notifier makes it absolute with the public
/// base address): the exact item the alert is about. An overdue ledger entry opens the ledger on that entry, another
/// alert about a project opens the project's battle map, a unit far behind its annual targets opens the unit's row on
/// the annual targets screen (the year, the unit and the first indicator it is far behind on), and another alert about
/// a unit only (a missing weekly report or monthly return) opens the alert itself in the alert centre. After signing in
/// the user lands on the same path.
/// </summary>
public static class AlertLinks
{
    public const string ProblemSubjectPrefix = "problem:";

    public static string PathOf(Alert alert) => PathOf(alert.Id, alert.ProjectId, alert.Subject, alert.Kind, alert.UnitId, alert.Args);

    /// <summary>
    /// The path of an alert of <paramref name="kind"/>: a far-behind alert (subject = the year, facts = the year and the
    /// indicators far behind, <c>OutOfRegionFunds:20.0%;…</c>) opens <c>/targets/annual?year=…&amp;unit=…&amp;indicator=…</c>;
    /// any other kind as <see cref="PathOf(int, int?, string?)"/>.
    /// </summary>
    public static string PathOf(int alertId, int? projectId, string? subject, AlertKind kind, int? unitId, IReadOnlyList<string> args)
    {
        if (kind == AlertKind.AnnualTargetFarBehind && unitId is { } unit
            && int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            var indicator = args.Count > 1 ? args[1].Split(';')[0].Split(':')[0] : "";
            return Enum.TryParse<Domain.Assessment.AnnualIndicator>(indicator, ignoreCase: false, out var first) && Enum.IsDefined(first)
                ? string.Create(CultureInfo.InvariantCulture, $"/targets/annual?year={year}&unit={unit}&indicator={first}")
                : string.Create(CultureInfo.InvariantCulture, $"/targets/annual?year={year}&unit={unit}");
        }
        return PathOf(alertId, projectId, subject);
    }

    public static string PathOf(int alertId, int? projectId, string? subject)
    {
        if (ProblemId(subject) is { } problem)
            return projectId is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"/ledger?project={p}&problem={problem}")
                : string.Create(CultureInfo.InvariantCulture, $"/ledger?problem={problem}");
        if (projectId is { } id) return string.Create(CultureInfo.InvariantCulture, $"/projects/{id}/battlemap");
        return string.Create(CultureInfo.InvariantCulture, $"/alerts?state=all&alert={alertId}");
    }

    /// <summary>The ledger entry an alert's subject names (<c>problem:42</c>), or null.</summary>
    public static int? ProblemId(string? subject) =>
        subject is not null && subject.StartsWith(ProblemSubjectPrefix, StringComparison.Ordinal)
        && int.TryParse(subject.AsSpan(ProblemSubjectPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : null;
}
