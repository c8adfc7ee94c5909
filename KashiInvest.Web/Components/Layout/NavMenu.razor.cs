using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using MudBlazor.Interfaces;

namespace KashiInvest.Web.Components.Layout;

public partial class NavMenu
{
    private ClaimsPrincipal? _user;
    private string _path = "/";
    private NavEntry? _active;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The responsive drawer around the menu: closes after a link is followed on a small screen, as MudNavLink does.</summary>
    [CascadingParameter] private INavigationEventReceiver? Drawer { get; set; }

    protected override void OnInitialized()
    {
        _path = PathOf(Navigation.Uri);
        _active = NavEntry.ActiveFor(_path);
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        _user = AuthenticationState is null ? null : (await AuthenticationState).User;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = PathOf(e.Location);
        if (path == _path) return;
        _path = path;
        _active = NavEntry.ActiveFor(path);
        _ = InvokeAsync(StateHasChanged);
    }

    private Task CloseDrawerAsync() => Drawer?.OnNavigation() ?? Task.CompletedTask;

    private string PathOf(string uri)
    {
        var relative = Navigation.ToBaseRelativePath(uri);
        var end = relative.IndexOfAny(['?', '#']);
        return "/" + (end < 0 ? relative : relative[..end]);
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}

/// <summary>One link of the side menu; the list is built once per process and shared by every circuit.</summary>
/// <param name="Roles">Roles that see the link (any of them); null: everyone signed in.</param>
public sealed record NavEntry(string Href, NavLinkMatch Match, string IconSvg, string TextKey, string? TestId, string[]? Roles = null)
{
    public MarkupString Icon { get; } = new(IconSvg);

    public bool IsFor(ClaimsPrincipal? user) => Roles is null || (user is not null && Roles.Any(user.IsInRole));

    /// <summary>As NavLink matches: the whole path, or the path and anything under it (query and fragment ignored).</summary>
    public bool IsActive(string path) =>
        string.Equals(path, Href, StringComparison.OrdinalIgnoreCase)
        || (Match == NavLinkMatch.Prefix && path.StartsWith(Href + "/", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The one link highlighted for a path: of the links that match it, the most specific (the longest), so that
    /// /targets/annual lights "Annual targets" only, not also "Target enterprises" (/targets), while /targets/inbox
    /// still lights the latter.
    /// </summary>
    public static NavEntry? ActiveFor(string path) =>
        All.Where(l => l.IsActive(path)).MaxBy(l => l.Href.Length);

    private static string[] R(string roles) => roles.Split(',');

    public static readonly IReadOnlyList<NavEntry> All =
    [
        new("/projects", NavLinkMatch.All, Icons.Material.Filled.TableChart, "Nav.Projects", null),
        new("/todo", NavLinkMatch.All, Icons.Material.Filled.Checklist, "Todo.Nav", "nav-todo"),
        new("/pipeline", NavLinkMatch.Prefix, Icons.Material.Filled.ViewKanban, "Pipeline.Nav", "nav-pipeline"),
        new("/wall", NavLinkMatch.Prefix, Icons.Material.Filled.Dashboard, "Nav.Wall", null),
        new("/reports", NavLinkMatch.Prefix, Icons.Material.Filled.AssignmentTurnedIn, "Reports.Nav", "nav-reports"),
        new("/triage", NavLinkMatch.Prefix, Icons.Material.Filled.AltRoute, "Triage.Nav", "nav-triage"),
        new("/evaluations", NavLinkMatch.Prefix, Icons.Material.Filled.Gavel, "Evaluation.Nav", "nav-evaluations"),
        new("/ledger", NavLinkMatch.Prefix, Icons.Material.Filled.ReportProblem, "Ledger.Nav", null),
        new("/meetings", NavLinkMatch.Prefix, Icons.Material.Filled.Groups, "Meetings.Nav", "nav-meetings"),
        new("/targets", NavLinkMatch.Prefix, Icons.Material.Filled.TravelExplore, "Targets.Nav", "nav-targets", R("Administrator,Bureau,Leader,AttractingUnit,SubBureau,FrontCommand,ChainLead")),
        new("/leads", NavLinkMatch.Prefix, Icons.Material.Filled.ContactPage, "Leads.Nav", "nav-leads", R("Administrator,Bureau,Leader,AttractingUnit,SubBureau,FrontCommand,ChainLead")),
        new("/statistics", NavLinkMatch.All, Icons.Material.Filled.BarChart, "Statistics.Charts.Nav", "nav-statistics", R("Administrator,Bureau,Leader,AttractingUnit")),
        new("/statistics/returns", NavLinkMatch.Prefix, Icons.Material.Filled.QueryStats, "Statistics.Returns.Nav", "nav-statistics-returns", R("Administrator,Bureau,Leader,AttractingUnit")),
        new("/approvals", NavLinkMatch.All, Icons.Material.Filled.FactCheck, "Approvals.Mine.Nav", "nav-approvals", R("Administrator,Bureau,ServiceGroup,Department")),
        new("/approvals/board", NavLinkMatch.Prefix, Icons.Material.Filled.ViewWeek, "Approvals.Board.Nav", "nav-approvals-board", R("Administrator,Bureau,Leader,ServiceGroup")),
        new("/approvals/speed", NavLinkMatch.All, Icons.Material.Filled.Speed, "Speed.Nav", "nav-approvals-speed", R(KashiInvest.Web.Features.Approvals.SpeedPage.Roles)),
        new("/chains", NavLinkMatch.Prefix, Icons.Material.Filled.AccountTree, "Chains.Nav", "nav-chains"),
        new("/targets/annual", NavLinkMatch.Prefix, Icons.Material.Filled.Flag, "AnnualTargets.Nav", "nav-annual-targets", R("Administrator,Bureau,Leader,AttractingUnit,SubBureau,ChainLead,Display")),
        new("/bulletins", NavLinkMatch.Prefix, Icons.Material.Filled.Campaign, "Bulletins.Nav", "nav-bulletins"),
        new("/assessment", NavLinkMatch.Prefix, Icons.Material.Filled.Leaderboard, "Assessment.Nav", "nav-assessment"),
        new("/commitments", NavLinkMatch.Prefix, Icons.Material.Filled.Handshake, "Commitments.Nav", "nav-commitments"),
        new("/complaints", NavLinkMatch.Prefix, Icons.Material.Filled.Feedback, "Nav.Complaints", "nav-complaints"),
        new("/integrity", NavLinkMatch.Prefix, Icons.Material.Filled.Policy, "Nav.Integrity", "nav-integrity"),
        new("/alerts", NavLinkMatch.Prefix, Icons.Material.Filled.NotificationsActive, "Alerts.Nav", "nav-alerts"),
        new("/projects/new", NavLinkMatch.All, Icons.Material.Filled.AddBox, "Nav.NewProject", null, R("Administrator,Bureau,AttractingUnit,SubBureau")),
        new("/import", NavLinkMatch.Prefix, Icons.Material.Filled.UploadFile, "Nav.Import", "nav-import", R("Administrator,Bureau,AttractingUnit,SubBureau")),
        new("/admin/webhooks", NavLinkMatch.Prefix, Icons.Material.Filled.Webhook, "Webhooks.Nav", "nav-webhooks", R("Administrator,Bureau")),
        new("/admin/jobs", NavLinkMatch.Prefix, Icons.Material.Filled.Schedule, "Jobs.Nav", "nav-jobs", R("Administrator,Bureau")),
        new("/admin/calendar", NavLinkMatch.Prefix, Icons.Material.Filled.CalendarMonth, "Nav.Calendar", "nav-calendar", R("Administrator,Bureau")),
        new("/admin/approval-catalogue", NavLinkMatch.Prefix, Icons.Material.Filled.LibraryBooks, "Catalogue.Nav", "nav-approval-catalogue", R("Administrator,Bureau")),
    ];
}
