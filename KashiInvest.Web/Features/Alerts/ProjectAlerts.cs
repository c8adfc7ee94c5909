using KashiInvest.Domain.Alerts;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Alerts;

/// <summary>
/// The open alerts of the projects on a screen, by project (cascaded to the battle map's strip and the wall's cards).
/// </summary>
/// <remarks>
/// Carries its <see cref="Words"/>, so the cards need no services of their own (they also render where alerts are not
/// shown). A screen that only shows each project's badge (the wall) keeps <see cref="Badges"/> alone: a few numbers
/// and one shared title per project instead of every alert row, for as long as the page is open.
/// </remarks>
public sealed record ProjectAlerts(IReadOnlyDictionary<int, IReadOnlyList<AlertRow>> ByProject, AlertWords? Words)
{
    public static readonly ProjectAlerts None = new(new Dictionary<int, IReadOnlyList<AlertRow>>(), null);

    /// <summary>Each project's badge, when the screen keeps badges only (<see cref="BadgesOf"/>).</summary>
    public IReadOnlyDictionary<int, AlertBadge>? Badges { get; init; }

    public IReadOnlyList<AlertRow> Of(int projectId) => ByProject.TryGetValue(projectId, out var rows) ? rows : [];

    /// <summary>
    /// The project's badge: its worst open alert's severity, how many, and every alert in words; null when none, or when
    /// the screen keeps rows rather than badges (only the wall draws badges, from <see cref="BadgesOf"/>).
    /// </summary>
    public AlertBadge? Badge(int projectId) => Badges?.GetValueOrDefault(projectId);

    /// <summary>Badges only, worded now (in the page's language), the rows let go.</summary>
    public static ProjectAlerts BadgesOf(IReadOnlyDictionary<int, IReadOnlyList<AlertRow>> byProject, AlertWords words) =>
        new(new Dictionary<int, IReadOnlyList<AlertRow>>(), words)
        {
            Badges = byProject.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => AlertBadge.Of(p.Value, words)),
        };
}

/// <summary>A project's alerts on a card: the worst one's severity (rows come worst first), the count, and each alert in words.</summary>
public sealed record AlertBadge(AlertSeverity Severity, int Count, string Title)
{
    public static AlertBadge Of(IReadOnlyList<AlertRow> rows, AlertWords words) =>
        new(rows[0].Severity, rows.Count, SharedMarkup.Share(string.Join("\n", rows.Select(r => $"{words.Kind(r.Kind)}：{words.Reason(r)}"))));
}
