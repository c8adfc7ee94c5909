using System.Globalization;
using KashiInvest.Domain.Alerts;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Where a robot message about an alert leads (a path inside the app; the notifier makes it absolute with the public
/// base address): the exact item the alert is about. An overdue ledger entry opens the ledger on that entry, another
/// alert about a project opens the project's battle map, and an alert about a unit only (a missing weekly report or
/// monthly return) opens the alert itself in the alert centre. After signing in the user lands on the same path.
/// </summary>
public static class AlertLinks
{
    public const string ProblemSubjectPrefix = "problem:";

    public static string PathOf(Alert alert) => PathOf(alert.Id, alert.ProjectId, alert.Subject);

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
