namespace KashiInvest.Web.Features.Alerts;

/// <summary>The open alerts of the projects on a screen, by project (cascaded to the wall's cards).</summary>
/// <remarks>Carries its <see cref="Words"/>, so the cards need no services of their own (they also render where alerts are not shown).</remarks>
public sealed record ProjectAlerts(IReadOnlyDictionary<int, IReadOnlyList<AlertRow>> ByProject, AlertWords? Words)
{
    public static readonly ProjectAlerts None = new(new Dictionary<int, IReadOnlyList<AlertRow>>(), null);

    public IReadOnlyList<AlertRow> Of(int projectId) => ByProject.TryGetValue(projectId, out var rows) ? rows : [];
}
