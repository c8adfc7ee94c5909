using System.Globalization;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Benchmarks;

/// <summary>
/// The screens the benchmarks open, each with the selector that says "loaded and live": it matches only once the
/// interactive circuit (not the prerender) has rendered the page's data — <c>data-live=on</c> on live pages (set by
/// <c>LivePage</c> on the interactive pass) around an element drawn only after the page's own read.
/// </summary>
internal sealed record Screen(string Name, string Path, string Ready, string? Route = null)
{
    /// <summary>The long-lived screens (left open for hours) and the main working screens.</summary>
    public static readonly IReadOnlyList<Screen> All =
    [
        new("register", "/projects", ".page-body[data-interactive=true] [data-testid=register-grid] tbody tr.mud-table-row", "/projects"),
        new("project", "/projects/{project}", ".page-body[data-interactive=true] [data-testid=project-name]", "/projects/{Id:int}"),
        new("battlemap", "/projects/{project}/battlemap", "[data-testid=battlemap][data-live=on]", "/projects/{Id:int}/battlemap"),
        new("wall", "/wall", "[data-testid=wall-page][data-live=on] [data-testid=wall-group]", "/wall"),
        new("kiosk", "/wall?kiosk=1", ".wall-root[data-live=on] [data-testid=kiosk-slide]", "/wall"),
        new("pipeline", "/pipeline", ".pipeline-page[data-live=on] [data-testid=pipeline-column]", "/pipeline"),
        new("ledger", "/ledger", "[data-testid=ledger-board][data-live=on]", "/ledger"),
        new("alerts", "/alerts", "[data-testid=alert-list][data-live=on] [data-testid=alert-row]", "/alerts"),
        new("meeting-screen", "/meetings/{meeting}/screen", "[data-testid=meeting-screen][data-live=on] [data-testid=meeting-title]", "/meetings/{Id:int}/screen"),
        new("statistics", "/statistics", "[data-testid=statistics-page][data-live=on] ~ [data-testid=statistics-headline]", "/statistics"),
    ];

    /// <summary>The screen for a <c>--path</c> (a name, or a path with <c>{id}</c>, <c>{project}</c> or <c>{meeting}</c>).</summary>
    public static Screen For(string pathOrName, string? ready)
    {
        var path = pathOrName.Replace("/projects/{id}", "/projects/{project}", StringComparison.Ordinal)
            .Replace("/meetings/{id}", "/meetings/{meeting}", StringComparison.Ordinal);
        var known = All.FirstOrDefault(s => s.Name == pathOrName || s.Path == path);
        if (known is not null) return ready is null ? known : known with { Ready = ready };
        return new Screen(path.Trim('/').Replace('/', '-'), path, ready ?? throw new ArgumentException($"no ready selector known for {pathOrName}: give --ready"));
    }

    /// <summary>The ids a screen's path is filled with: projects under way (those have a battle map), meetings.</summary>
    public sealed record Ids(IReadOnlyList<int> Projects, IReadOnlyList<int> Meetings)
    {
        public static async Task<Ids> LoadAsync(BenchHost host)
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
            var stages = Enum.GetValues<ProjectStage>().Where(s => s.HasBattleMap()).ToList();
            var projects = await db.Projects.AsNoTracking().Where(p => stages.Contains(p.Stage)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
            return new Ids(projects, meetings);
        }
    }

    public string PathFor(Ids ids, Random random) =>
        Path.Replace("{project}", Pick(ids.Projects, random), StringComparison.Ordinal)
            .Replace("{meeting}", Pick(ids.Meetings, random), StringComparison.Ordinal);

    private static string Pick(IReadOnlyList<int> ids, Random random) =>
        ids.Count == 0 ? "0" : ids[random.Next(ids.Count)].ToString(CultureInfo.InvariantCulture);
}
