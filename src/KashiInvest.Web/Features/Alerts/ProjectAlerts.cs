namespace KashiInvest.Web.Features.Alerts;

/// <summary>The open alerts of the projects on a screen, by project (cascaded to the wall's cards).</summary>
public sealed record ProjectAlerts(IReadOnlyDictionary<int, IReadOnlyList<AlertRow>> ByProject)
{
    public static readonly ProjectAlerts None = new(new Dictionary<int, IReadOnlyList<AlertRow>>());

    public IReadOnlyList<AlertRow> Of(int projectId) => ByProject.TryGetValue(projectId, out var rows) ? rows : [];
}
