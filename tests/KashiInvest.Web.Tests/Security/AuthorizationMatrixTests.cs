using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// Who may open what: every page route, every HTTP endpoint and every live-hub method, as every kind of user, compared
/// with the matrices below, which are written from the product's rules (README "Demo accounts" and "Routes", the
/// domain guide): every attracting unit (county, KEDZ) sees and edits its own projects; sub-bureaus and the front
/// command see the projects they brought in; chain leads see their chain's projects; the Bureau, leaders and the
/// wall see everything; leaders and the wall change nothing; admin pages are for the administrator and the Bureau.
/// <para>
/// Cells: <c>A</c> the page renders (2xx, or a redirect within the app) — what a user may then change is checked by
/// each command; <c>D</c> denied: 403, 404 (the "not found" page, which is also what a unit sees for another unit's
/// item: absent and forbidden look the same), or the page's own "not allowed / not found" panel; <c>R</c> sent to
/// the sign-in page (anonymous users, and signed-in users without the role a page's <c>[Authorize]</c> requires).
/// </para>
/// <para>
/// Route parameters are real demo ids, chosen per user from the data (not from the app's access code): <c>own</c> is
/// an item of the user's own unit (hosted by the county, brought in by the sub-bureau or front command, on the chain
/// lead's chain; for the Bureau, leader, wall, administrator and anonymous: the <c>shache</c> county's), <c>other</c>
/// an item of a unit the user has nothing to do with. Meetings: <c>own</c> is the user's county meeting (counties),
/// otherwise a prefecture meeting (attended by the Bureau, <c>sub-prd</c>, <c>front</c> and <c>chain-textiles</c>);
/// <c>other</c> is a county meeting of <c>kashi</c>.
/// </para>
/// A route the app serves that a matrix does not list fails <see cref="Every_route_of_the_app_is_in_a_matrix"/>:
/// a new page or endpoint must be given its row here.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fx, ITestOutputHelper output)
    : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    /// <summary>The columns of every matrix: anonymous, then the demo accounts.</summary>
    public static readonly string[] Users = ["anon", "shache", "kedz", "sub-prd", "front", "chain-textiles", "bureau", "leader", "wall", "admin"];

    // anon shache kedz sub-prd front chain bureau leader wall admin
    private const string PageMatrix = """
        route                                           case   anon shache kedz sub  front chain bureau leader wall admin
        /                                               -      R    A      A    A    A     A     A      A      A    A
        /account/login                                  -      A    A      A    A    A     A     A      A      A    A
        /complain                                       -      A    A      A    A    A     A     A      A      A    A
        /complain/status                                -      A    A      A    A    A     A     A      A      A    A
        /error                                          -      A    A      A    A    A     A     A      A      A    A
        /not-found                                      -      A    A      A    A    A     A     A      A      A    A
        /projects                                       -      R    A      A    A    A     A     A      A      A    A
        /projects/new                                   -      R    A      A    A    D     D     A      D      D    A
        /import                                         -      R    A      A    A    A     A     A      A      A    A
        /import/projects                                -      R    A      A    A    D     D     A      D      D    A
        /import/targets                                 -      R    D      D    D    D     D     A      D      D    A
        /import/problems                                -      R    A      A    A    A     A     A      D      D    A
        /import/annual-targets                          -      R    D      D    D    D     D     A      D      D    A
        /projects/{Id:int}                              own    R    A      A    A    A     A     A      A      A    A
        /projects/{Id:int}                              other  R    D      D    D    D     D     A      A      A    A
        /projects/{Id:int}/edit                         own    R    A      A    A    D     D     A      D      D    A
        /projects/{Id:int}/edit                         other  R    D      D    D    D     D     A      D      D    A
        /projects/{Id:int}/battlemap                    own    R    A      A    A    A     A     A      A      A    A
        /projects/{Id:int}/battlemap                    other  R    D      D    D    D     D     A      A      A    A
        /projects/{Id:int}/signing                      own    R    A      A    A    A     A     A      A      A    A
        /projects/{Id:int}/signing                      other  R    D      D    D    D     D     A      A      A    A
        /projects/{Id:int}/workgroup                    own    R    A      A    A    A     A     A      A      A    A
        /projects/{Id:int}/workgroup                    other  R    D      D    D    D     D     A      A      A    A
        /reports                                        -      R    A      A    A    A     A     A      A      A    A
        /reports/{ProjectId:int}/{PeriodIndex:int}/{Kind} own  R    A      A    A    A     A     A      A      A    A
        /reports/{ProjectId:int}/{PeriodIndex:int}/{Kind} other R   D      D    D    D     D     A      A      A    A
        /wall                                           -      R    A      A    A    A     A     A      A      A    A
        /pipeline                                       -      R    A      A    A    A     A     A      A      A    A
        /todo                                           -      R    A      A    A    A     A     A      A      A    A
        /ledger                                         -      R    A      A    A    A     A     A      A      A    A
        /alerts                                         -      R    A      A    A    A     A     A      A      A    A
        /triage                                         -      R    A      A    A    A     A     A      A      A    A
        /evaluations                                    -      R    A      A    A    A     A     A      A      A    A
        /evaluations/new                                -      R    A      A    A    A     A     A      A      A    A
        /evaluations/{Id:int}                           own    R    A      A    A    A     A     A      A      A    A
        /evaluations/{Id:int}                           other  R    D      D    D    D     D     A      A      A    A
        /targets                                        -      R    A      A    A    A     A     A      A      A    A
        /targets/inbox                                  -      R    A      A    A    A     A     A      A      A    A
        /targets/annual                                 -      R    A      A    A    A     A     A      A      A    A
        /leads                                          -      R    A      A    A    A     A     A      A      A    A
        /leads/new                                      -      R    D      D    A    A     D     A      D      D    A
        /leads/{Id:int}                                 own    R    A      A    A    A     A     A      A      A    A
        /leads/{Id:int}                                 other  R    D      D    D    D     D     A      A      A    A
        /leads/weekly                                   -      R    A      A    A    A     A     A      A      A    A
        /leads/investors                                -      R    A      A    A    A     A     A      A      A    A
        /meetings                                       -      R    A      A    A    A     A     A      A      A    A
        /meetings/new                                   -      R    A      A    D    D     D     A      A      D    A
        /meetings/{Id:int}                              own    R    A      A    A    A     A     A      A      A    A
        /meetings/{Id:int}                              other  R    D      D    D    D     D     A      A      A    A
        /meetings/{Id:int}/edit                         own    R    A      A    D    D     D     A      A      D    A
        /meetings/{Id:int}/edit                         other  R    D      D    D    D     D     A      D      D    A
        /meetings/{Id:int}/present                      own    R    A      A    D    D     D     A      A      D    A
        /meetings/{Id:int}/present                      other  R    D      D    D    D     D     A      D      D    A
        /meetings/{Id:int}/screen                       own    R    A      A    A    A     A     A      A      A    A
        /meetings/{Id:int}/screen                       other  R    D      D    D    D     D     A      A      A    A
        /meetings/{Id:int}/minutes                      own    R    A      A    A    A     A     A      A      A    A
        /meetings/{Id:int}/minutes                      other  R    D      D    D    D     D     A      A      A    A
        /statistics                                     -      R    A      A    D    D     D     A      A      A    A
        /statistics/returns                             -      R    A      A    D    D     D     A      A      A    A
        /statistics/returns/{UnitId:int}/{MonthText}    own    R    A      A    D    D     D     A      A      A    A
        /statistics/returns/{UnitId:int}/{MonthText}    other  R    D      D    D    D     D     A      A      A    A
        /approvals                                      -      R    A      A    A    A     A     A      A      A    A
        /approvals/board                                -      R    R      R    R    R     R     A      A      R    A
        /approvals/speed                                -      R    R      R    R    R     R     A      A      A    A
        /bulletins                                      -      R    A      A    A    A     A     A      A      A    A
        /commitments                                    -      R    A      A    A    A     A     A      A      A    A
        /complaints                                     -      R    A      A    A    A     A     A      A      A    A
        /integrity                                      -      R    A      A    A    A     A     A      A      A    A
        /bulletins/{Id:int}                             own    R    A      A    A    A     A     A      A      A    A
        /bulletins/{Id:int}                             other  R    D      D    D    D     D     A      A      D    A
        /assessment                                     -      R    A      A    A    A     A     A      A      A    A
        /assessment/{Year:int}                          -      R    A      A    A    A     A     A      A      A    A
        /assessment/{Year:int}/{UnitId:int}             -      R    A      A    A    A     A     A      A      A    A
        /assessment/{Year:int}/results                  -      R    A      A    A    A     A     A      A      A    A
        /chains                                         -      R    A      A    A    A     A     A      A      A    A
        /chains/{Id:int}                                own    R    A      A    A    A     A     A      A      A    A
        /chains/{Id:int}                                other  R    A      A    A    A     A     A      A      A    A
        /admin/jobs                                     -      R    R      R    R    R     R     A      R      R    A
        /admin/calendar                                 -      R    R      R    R    R     R     A      R      R    A
        /admin/approval-catalogue                       -      R    R      R    R    R     R     A      R      R    A
        /admin/webhooks                                 -      R    R      R    R    R     R     A      R      R    A
        """;

    /// <summary>HTTP endpoints that are not pages. <c>POST /api/token</c> is asked with the user's own credentials (anonymous: none).</summary>
    private const string EndpointMatrix = """
        endpoint                                        case   anon shache kedz sub  front chain bureau leader wall admin
        GET  /health                                    -      A    A      A    A    A     A     A      A      A    A
        GET  /culture/{culture}                         -      A    A      A    A    A     A     A      A      A    A
        POST /account/logout                            -      D    D      D    D    D     D     D      D      D    D
        POST /api/token                                 -      D    A      A    A    A     A     A      A      A    A
        GET  /meetings/{id:int}/minutes.docx            own    R    A      A    A    A     A     A      A      A    A
        GET  /meetings/{id:int}/minutes.docx            other  R    D      D    D    D     D     A      A      A    A
        GET  /statistics/table/{month}.xlsx             -      R    D      D    D    D     D     A      A      A    A
        GET  /export/projects.xlsx                      -      R    A      A    A    A     A     A      A      A    A
        GET  /import/templates/projects.xlsx            -      R    A      A    A    D     D     A      D      D    A
        GET  /import/templates/targets.xlsx             -      R    D      D    D    D     D     A      D      D    A
        GET  /import/templates/problems.xlsx            -      R    A      A    A    A     A     A      D      D    A
        GET  /import/templates/annual-targets.xlsx      -      R    D      D    D    D     D     A      D      D    A
        GET  /bulletins/{id:int}.docx                   own    R    A      A    A    A     A     A      A      A    A
        GET  /bulletins/{id:int}.docx                   other  R    D      D    D    D     D     A      A      D    A
        GET  /assessment/{year:int}/results.docx        -      R    A      A    A    A     A     A      A      A    A
        POST /hubs/live/negotiate                       -      D    A      A    A    A     A     A      A      A    A
        """;

    /// <summary>Live-hub methods over a real SignalR connection with the user's sign-in cookie. Anonymous cannot connect.</summary>
    private const string HubMatrix = """
        method        topic                             case   anon shache kedz sub  front chain bureau leader wall admin
        Subscribe     wall                              -      D    A      A    A    A     A     A      A      A    A
        Subscribe     project                           own    D    A      A    A    A     A     A      A      A    A
        Subscribe     project                           other  D    D      D    D    D     D     A      A      A    A
        Subscribe     unit                              own    D    A      A    A    A     A     A      A      A    A
        Subscribe     unit                              other  D    D      D    D    D     D     A      A      A    A
        Subscribe     chain                             own    D    D      D    D    D     A     A      A      A    A
        Subscribe     chain                             other  D    D      D    D    D     D     A      A      A    A
        Subscribe     everything                        -      D    D      D    D    D     D     D      D      D    D
        Unsubscribe   wall                              -      D    A      A    A    A     A     A      A      A    A
        """;

    /// <summary>Blazor's and the framework's own endpoints: not features, not walked, but listed so that nothing is served unseen.</summary>
    private static readonly string[] FrameworkEndpoints =
        ["/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/", "/_framework/opaque-redirect", "/{**path:file}"];

    /// <summary>What a page shows instead of its content when the user may not use it (besides a 404).</summary>
    private static readonly string[] DenialMarkers =
        ["data-testid=\"denied\"", "data-testid=\"present-not-allowed\"", "data-testid=\"meeting-missing\"", "data-testid=\"minutes-missing\""];

    public static TheoryData<string, string> PageRows() => Rows(PageMatrix, 2);
    public static TheoryData<string, string> EndpointRows() => Rows(EndpointMatrix, 3);
    public static TheoryData<string, string> HubRows() => Rows(HubMatrix, 3);

    [Theory]
    [MemberData(nameof(PageRows))]
    public async Task Each_page_opens_exactly_for_the_users_its_row_allows(string route, string variant)
    {
        var expected = Row(PageMatrix, 2, route + " " + variant);
        var observed = await Task.WhenAll(Users.Select(user => JudgePageAsync(user, route, variant)));
        AssertRow(route + " " + variant, expected, observed);
    }

    [Theory]
    [MemberData(nameof(EndpointRows))]
    public async Task Each_endpoint_answers_exactly_the_users_its_row_allows(string endpoint, string variant)
    {
        var expected = Row(EndpointMatrix, 3, endpoint + " " + variant);
        var observed = await Task.WhenAll(Users.Select(user => JudgeEndpointAsync(user, endpoint, variant)));
        AssertRow(endpoint + " " + variant, expected, observed);
    }

    [Theory]
    [MemberData(nameof(HubRows))]
    public async Task Each_hub_method_accepts_exactly_the_users_its_row_allows(string call, string variant)
    {
        var expected = Row(HubMatrix, 3, call + " " + variant);
        var observed = await Task.WhenAll(Users.Select(user => JudgeHubAsync(user, call, variant)));
        AssertRow(call + " " + variant, expected, observed);
    }

    [Fact]
    public void Every_route_of_the_app_is_in_a_matrix()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(a => a.Template))
            .ToHashSet(StringComparer.Ordinal);
        var listedPages = Keys(PageMatrix, 1).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(pages.Except(listedPages).Order());
        Assert.Empty(listedPages.Except(pages).Order());

        var endpoints = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name is "StaticAssetDescriptor" or "ComponentTypeMetadata"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (Method: m, Route: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => !FrameworkEndpoints.Contains(e.Route))
            .ToList();
        var listedEndpoints = Keys(EndpointMatrix, 2).ToHashSet(StringComparer.Ordinal);
        // The hub's own route is covered by its negotiate row and the hub matrix.
        var listedRoutes = listedEndpoints.Select(k => k.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var unlisted = endpoints
            .Where(e => !listedEndpoints.Contains(e.Method + " " + e.Route) && !(e.Method == "*" && listedRoutes.Contains(e.Route)) && e.Route != LiveHub.Path)
            .Select(e => e.Method + " " + e.Route).Distinct().Order().ToList();
        Assert.True(unlisted.Count == 0, "routes the matrix does not list: " + string.Join(", ", unlisted));

        var hubMethods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(LiveHub.OnConnectedAsync) or nameof(LiveHub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(hubMethods.Order(), Keys(HubMatrix, 1).ToHashSet(StringComparer.Ordinal).Order());
    }

    // ---- judging one cell -------------------------------------------------------------------------------------

    private async Task<char> JudgePageAsync(string user, string route, string variant)
    {
        var path = fx.Fill(user, route, variant);
        var client = fx.Client(user);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var cell = Judge(response, body);
        if (cell == 'D' && variant == "other" && fx.OtherProjectCode(user) is { } code && WebUtility.HtmlDecode(body).Contains(code, StringComparison.Ordinal))
            return 'L'; // denied, but the other unit's project code is on the page: a leak
        if (cell is not ('A' or 'D' or 'R')) output.WriteLine($"{user} GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return cell;
    }

    private async Task<char> JudgeEndpointAsync(string user, string endpoint, string variant)
    {
        var (method, route) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var client = fx.Client(user);
        switch (route)
        {
            case "/api/token":
            {
                // Anonymous asks without credentials; a user with its own.
                object body = user == "anon" ? new { userName = "", password = "" } : new { userName = user, password = HttpSignIn.DemoPassword };
                using var fresh = fx.App.CreateHttpClient();
                using var response = await fresh.PostAsJsonAsync(route, body);
                return Judge(response, "");
            }
            case "/account/logout":
            {
                // Without the form's antiforgery token (a cross-site post): refused, and the user stays signed in. On a
                // sign-in of its own, so that a logout that went through could not sign the shared client out.
                using var own = fx.App.CreateHttpClient();
                if (user != "anon") Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(own, user)).StatusCode);
                using var response = await own.PostAsync(route, new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
                var cell = Judge(response, "");
                if (user != "anon")
                {
                    using var still = await own.GetAsync("/projects");
                    if (still.StatusCode != HttpStatusCode.OK) return 'X';
                }
                return cell;
            }
            case "/hubs/live/negotiate":
            {
                using var response = await client.PostAsync(route + "?negotiateVersion=1", null);
                return Judge(response, "");
            }
            default:
            {
                var path = fx.Fill(user, route.Replace("{culture}", "zh-CN", StringComparison.Ordinal), variant);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                using var response = await client.SendAsync(request);
                return Judge(response, await response.Content.ReadAsStringAsync());
            }
        }
    }

    private async Task<char> JudgeHubAsync(string user, string call, string variant)
    {
        if (user == "anon")
        {
            // Anonymous never gets a connection to call anything on.
            await using var anonymous = new HubConnectionBuilder().WithUrl(new Uri(fx.App.BaseAddress, LiveHub.Path), o => o.Transports = HttpTransportType.WebSockets).Build();
            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
            return ex.StatusCode == HttpStatusCode.Unauthorized ? 'D' : 'X';
        }
        var (method, topic) = (call.Split(' ')[0], call.Split(' ')[1]);
        var ids = fx.Ids(user);
        var name = (topic, variant) switch
        {
            ("project", "own") => $"project:{ids.OwnProject}",
            ("project", _) => $"project:{ids.OtherProject}",
            ("unit", "own") => $"unit:{ids.OwnUnit}",
            ("unit", _) => $"unit:{ids.OtherUnit}",
            ("chain", "own") => $"chain:{ids.OwnChain}",
            ("chain", _) => $"chain:{ids.OtherChain}",
            _ => topic,
        };
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fx.App.BaseAddress, LiveHub.Path), o =>
            {
                o.Cookies = fx.Cookies(user);
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await connection.StartAsync();
        if (method == nameof(LiveHub.Unsubscribe))
        {
            await connection.InvokeAsync(method, name);
            return 'A';
        }
        return await connection.InvokeAsync<bool>(method, name) ? 'A' : 'D';
    }

    private static char Judge(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
            return response.Headers.Location?.OriginalString.TrimStart('/').StartsWith("account/login", StringComparison.OrdinalIgnoreCase) == true
                || response.Headers.Location?.AbsolutePathOrSelf().StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) == true
                ? 'R' : 'A';
        if (status is 401 or 403 or 404 or 400) return 'D';
        if (status is >= 200 and < 300) return DenialMarkers.Any(m => body.Contains(m, StringComparison.Ordinal)) ? 'D' : 'A';
        return 'X';
    }

    private void AssertRow(string key, string[] expected, char[] observed)
    {
        var mismatches = Users.Select((user, i) => (user, want: expected[i], got: observed[i].ToString()))
            .Where(c => c.want != c.got).Select(c => $"{c.user}: expected {c.want}, was {c.got}").ToList();
        output.WriteLine($"{key}: {string.Join(' ', observed)}");
        Assert.True(mismatches.Count == 0, $"{key}: {string.Join("; ", mismatches)}");
    }

    // ---- the matrices -----------------------------------------------------------------------------------------

    private static IEnumerable<string[]> Lines(string matrix) => matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The row's key (the first <paramref name="keyWords"/> words but the case) and its case.</summary>
    private static TheoryData<string, string> Rows(string matrix, int keyWords)
    {
        var data = new TheoryData<string, string>();
        foreach (var words in Lines(matrix)) data.Add(string.Join(' ', words.Take(keyWords - 1)), words[keyWords - 1]);
        return data;
    }

    private static IEnumerable<string> Keys(string matrix, int keyWords) => Lines(matrix).Select(w => string.Join(' ', w.Take(keyWords)));

    private static string[] Row(string matrix, int keyWords, string key)
    {
        var words = Lines(matrix).Single(w => string.Join(' ', w.Take(keyWords)) == key);
        Assert.Equal(Users.Length, words.Length - keyWords);
        return words[keyWords..];
    }

    // ---- one app, each user signed in once, demo ids per user -------------------------------------------------

    public sealed record UserIds(int OwnProject, int OtherProject, int OwnEvaluation, int OtherEvaluation, int OwnLead, int OtherLead,
        int OwnMeeting, int OtherMeeting, int OwnUnit, int OtherUnit, int OwnChain, int OtherChain, string OtherProjectCode);

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly Dictionary<string, (HttpClient Client, CookieContainer Cookies)> _clients = [];
        private readonly Dictionary<string, UserIds> _ids = [];

        public KashiAppFactory App { get; } = new();

        /// <summary>A half-month period that has started (any project that is not terminated may get an update report for it).</summary>
        public int PeriodIndex { get; private set; }

        /// <summary>The demo's published bulletin and its draft one.</summary>
        public int PublishedBulletin { get; private set; }
        public int DraftBulletin { get; private set; }
        public int TextilesChain { get; private set; }
        public int OtherChain { get; private set; }

        public HttpClient Client(string user) => _clients[user].Client;
        public CookieContainer Cookies(string user) => _clients[user].Cookies;
        public UserIds Ids(string user) => _ids[user];
        public string? OtherProjectCode(string user) => _ids[user].OtherProjectCode;

        public string Fill(string user, string route, string variant)
        {
            var ids = _ids[user];
            var own = variant != "other";
            var id = route switch
            {
                _ when route.StartsWith("/evaluations/", StringComparison.Ordinal) => own ? ids.OwnEvaluation : ids.OtherEvaluation,
                _ when route.StartsWith("/leads/", StringComparison.Ordinal) => own ? ids.OwnLead : ids.OtherLead,
                _ when route.StartsWith("/meetings/", StringComparison.Ordinal) => own ? ids.OwnMeeting : ids.OtherMeeting,
                // Bulletins: "own" is the demo's published bulletin (everyone signed in reads it), "other" its draft (the Bureau and leaders only).
                _ when route.StartsWith("/bulletins/", StringComparison.Ordinal) => own ? PublishedBulletin : DraftBulletin,
                // A unit's monthly return for the month before the latest closed one (approved in the demo data).
                _ when route.StartsWith("/statistics/returns/", StringComparison.Ordinal) => own ? ids.OwnUnit : ids.OtherUnit,
                // Chain maps are read by everyone signed in: "own" is the textiles chain (chain-textiles leads it), "other" another chain.
                _ when route.StartsWith("/chains/", StringComparison.Ordinal) => own ? TextilesChain : OtherChain,
                // The assessment: last year's final round (published to every unit); the unit is the user's own (shache for the prefecture's users).
                _ when route.StartsWith("/assessment/", StringComparison.Ordinal) => own ? ids.OwnUnit : ids.OtherUnit,
                _ => own ? ids.OwnProject : ids.OtherProject,
            };
            var lastYear = (BeijingTime.DateOf(TestClock.Default.UtcNow).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return route
                .Replace("{Year:int}", lastYear, StringComparison.Ordinal)
                .Replace("{year:int}", lastYear, StringComparison.Ordinal)
                .Replace("{ProjectId:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{PeriodIndex:int}", PeriodIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{Kind}", "update", StringComparison.Ordinal)
                .Replace("{UnitId:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{MonthText}", KashiInvest.Domain.Statistics.StatMonth.Containing(TestClock.Default.UtcNow).Previous().Previous().ToString(), StringComparison.Ordinal)
                .Replace("{month}", KashiInvest.Domain.Statistics.StatMonth.Containing(TestClock.Default.UtcNow).Previous().Previous().ToString(), StringComparison.Ordinal)
                .Replace("{Id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        public async Task InitializeAsync()
        {
            var today = BeijingTime.DateOf(TestClock.Default.UtcNow);
            PeriodIndex = today.Year * 24 + (today.Month - 1) * 2 + (today.Day <= 15 ? 0 : 1);
            await App.QueryAsync(async db =>
            {
                var users = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.UnitId }).ToDictionaryAsync(u => u.UserName!, u => u.UnitId);
                int UnitOf(string account) => users[account] ?? throw new InvalidOperationException($"{account} has no unit");
                var chains = await db.Chains.AsNoTracking().Select(c => new { c.Id, c.LeadUnitId, c.Code }).ToListAsync();
                TextilesChain = chains.Single(c => c.Code == "textiles").Id;
                OtherChain = chains.First(c => c.Code != "textiles").Id;
                var projects = (await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Code, p.HostUnitId, p.ChainId, p.SourceUnitId, p.Stage }).ToListAsync())
                    .Where(p => p.Stage != ProjectStage.Terminated).OrderBy(p => p.Id).ToList();
                var evaluations = await db.Evaluations.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.ProjectId }).ToListAsync();
                var investorId = await db.Investors.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
                PublishedBulletin = await db.Bulletins.Where(b => b.Status == KashiInvest.Domain.Bulletins.BulletinStatus.Published).Select(b => b.Id).FirstAsync();
                DraftBulletin = await db.Bulletins.Where(b => b.Status == KashiInvest.Domain.Bulletins.BulletinStatus.Draft).Select(b => b.Id).FirstAsync();
                var now = TestClock.Default.UtcNow;
                var bureau = new Actor("bureau", UnitOf("bureau"));
                db.Actor = bureau;

                // Per account: the unit, the chains it leads, and which projects are its own or none of its business.
                var accounts = Users.ToDictionary(u => u, u => u is "anon" or "bureau" or "leader" or "wall" or "admin" ? "shache" : u);
                var facts = accounts.Values.Distinct().ToDictionary(a => a, a =>
                {
                    var unit = UnitOf(a);
                    var led = chains.Where(c => c.LeadUnitId == unit).Select(c => c.Id).ToHashSet();
                    bool Owns(int host, int chain, int source) => a switch
                    {
                        "sub-prd" or "front" => source == unit,
                        "chain-textiles" => led.Contains(chain),
                        _ => host == unit,
                    };
                    bool Unrelated(int host, int chain, int source) => host != unit && source != unit && !led.Contains(chain);
                    // A sub-bureau edits its projects only while they are leads or in triage: its own project is one of those.
                    var own = projects.Where(p => Owns(p.HostUnitId, p.ChainId, p.SourceUnitId))
                        .OrderBy(p => a == "sub-prd" && p.Stage is not (ProjectStage.Lead or ProjectStage.Triage) ? 1 : 0).First();
                    var other = projects.First(p => Unrelated(p.HostUnitId, p.ChainId, p.SourceUnitId));
                    return (Unit: unit, Led: led, Own: own.Id, OwnChain: own.ChainId, Other: other.Id, OtherCode: other.Code,
                        Unrelated: (Func<int, int, int, bool>)Unrelated);
                });
                var byId = projects.ToDictionary(p => p.Id);

                // A registration form (Art. 18) on each account's own project: the demo data has none for some units.
                var ownLeads = new Dictionary<string, LeadForm>();
                foreach (var (account, f) in facts)
                {
                    var project = await db.Projects.SingleAsync(p => p.Id == f.Own);
                    var input = new LeadFormInput("权限测试投资有限公司", null, SourceRegionCode.PearlRiverDelta, InvestorTier.Listed, "背景", null, project.Name,
                        project.ChainId, null, project.HostUnitId, 1000m, 10, "诉求", Feasibility.Fair, "意见", BeijingTime.DateOf(now), "甲", "乙");
                    ownLeads[account] = LeadForm.File(input, project, investorId, UnitOf("bureau"), bureau, now);
                }
                db.LeadForms.AddRange(ownLeads.Values);

                // Meetings whose readers are known: each county's own, and a prefecture meeting the other units attend.
                Meeting County(string code) => new(new MeetingDetails(MeetingKind.Progress, $"{code} 项目推进会", now.AddDays(2), null, "县领导", null, [UnitOf(code)], null, false),
                    MeetingScope.County(UnitOf(code)), UnitOf(code), new Actor(code, UnitOf(code)), now);
                var attending = new[] { "bureau", "sub-prd", "front", "chain-textiles" }.Select(UnitOf).ToList();
                var prefecture = new Meeting(new MeetingDetails(MeetingKind.Scheduling, "地区调度会（权限测试）", now.AddDays(2), null, "地区领导", null, attending, null, false),
                    MeetingScope.Prefecture, UnitOf("bureau"), bureau, now);
                var meetings = new Dictionary<string, Meeting> { ["shache"] = County("shache"), ["kedz"] = County("kedz"), ["kashi"] = County("kashi"), ["*"] = prefecture };
                db.Meetings.AddRange(meetings.Values);
                await db.SaveChangesAsync();

                var leads = await db.LeadForms.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.ProjectId }).ToListAsync();
                foreach (var user in Users)
                {
                    var f = facts[accounts[user]];
                    int Other<T>(IEnumerable<T> items, Func<T, int> project, Func<T, int> id) =>
                        items.Where(i => byId.TryGetValue(project(i), out var p) && f.Unrelated(p.HostUnitId, p.ChainId, p.SourceUnitId)).Select(id).First();
                    int OwnEvaluation() => evaluations.Where(e => byId.TryGetValue(e.ProjectId, out var p) && p.Id == f.Own).Select(e => e.Id)
                        .Concat(evaluations.Where(e => byId.TryGetValue(e.ProjectId, out var p) && !f.Unrelated(p.HostUnitId, p.ChainId, p.SourceUnitId)).Select(e => e.Id))
                        .DefaultIfEmpty(-1).First();
                    var ownChain = accounts[user] == "chain-textiles" ? f.Led.Min() : f.OwnChain;
                    var otherChain = chains.Select(c => c.Id).First(c => !f.Led.Contains(c) && c != ownChain);
                    var otherUnit = UnitOf("kashi") == f.Unit ? UnitOf("shufu") : UnitOf("kashi");
                    _ids[user] = new UserIds(f.Own, f.Other,
                        OwnEvaluation(), Other(evaluations, e => e.ProjectId, e => e.Id),
                        ownLeads[accounts[user]].Id, Other(leads, l => l.ProjectId, l => l.Id),
                        (meetings.TryGetValue(user, out var m) ? m : prefecture).Id, meetings["kashi"].Id,
                        f.Unit, otherUnit, ownChain, otherChain, f.OtherCode);
                }
                return 0;
            });

            foreach (var user in Users)
            {
                var cookies = new CookieContainer();
                var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = App.BaseAddress };
                if (user != "anon")
                {
                    using var signIn = await HttpSignIn.SignInAsync(client, user);
                    Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                }
                _clients[user] = (client, cookies);
            }
        }

        public Task DisposeAsync()
        {
            foreach (var (client, _) in _clients.Values) client.Dispose();
            App.Dispose();
            return Task.CompletedTask;
        }
    }
}

internal static class UriPaths
{
    public static string AbsolutePathOrSelf(this Uri uri) => uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
}
