using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using KashiInvest.Domain.Meetings;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.Security;

/// <summary>The real app on Kestrel, with every log line kept, for the hostile-input sweep over HTTP and the live hub.</summary>
public sealed class HostileApp : IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new();

    public KashiAppFactory App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new KashiAppFactory { LoggerProvider = Logs };
        _ = App.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The error-level lines logged since <paramref name="from"/> (a count of <see cref="CapturedLogs.Lines"/>).</summary>
    public IEnumerable<string> ErrorsSince(int from) =>
        Logs.Lines.Skip(from).Where(l => l.Contains(" Error:", StringComparison.Ordinal) || l.Contains(" Critical:", StringComparison.Ordinal));
}

/// <summary>
/// The hostile-input sweep over HTTP (the token endpoint, the minutes download, the language switch, the pages'
/// route and query values, bearer tokens) and over a real SignalR connection to the live hub: no 5xx, no error
/// logged, no redirect off the site, refusals of the token endpoint as problem answers in the request's language,
/// and a hub connection that keeps working after hostile topics.
/// </summary>
public sealed class HostileInputEndpointTests(HostileApp fx, ITestOutputHelper output) : IClassFixture<HostileApp>
{
    private static readonly string Resources = Path.Combine(Repo.Root, "KashiInvest.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    /// <summary>Query and route text a script can send (already URL-encoded where it has to be).</summary>
    private static readonly (string Name, string Value)[] QueryValues =
    [
        ("script", Uri.EscapeDataString("<script>alert(1)</script>")),
        ("NUL and controls", "%00%01%1F%7F"),
        ("invalid UTF-8", "%FF%FE%ED%A0%80"),
        ("2 KB", new string('x', 2048)),
        ("negative", "-1"),
        ("beyond int", "99999999999"),
        ("RTL override and formula", Uri.EscapeDataString("\u202E=cmd|' /C calc'!A0")),
        ("path traversal", Uri.EscapeDataString("../../etc/passwd")),
    ];

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = fx.App.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(client, user)).StatusCode);
        return client;
    }

    private sealed class Tally(ITestOutputHelper output, HostileApp fx)
    {
        public int Count { get; private set; }
        public List<string> Failures { get; } = [];

        /// <summary>Sends one request and judges it: below 500, nothing logged at error level, never a redirect off the site.</summary>
        public async Task<HttpResponseMessage?> SendAsync(string name, HttpClient client, Func<HttpRequestMessage> request)
        {
            Count++;
            var logs = fx.Logs.Lines.Count;
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request());
            }
            catch (HttpRequestException ex)
            {
                Failures.Add($"{name}: connection failed: {ex.Message} {ex.InnerException?.Message}"
                    + string.Concat(fx.Logs.Lines.Skip(logs).Select(l => " | " + (l.Length > 300 ? l[..300] : l))));
                return null;
            }
            if ((int)response.StatusCode >= 500) Failures.Add($"{name}: {(int)response.StatusCode}");
            if (response.Headers.Location is { } location && !IsLocal(location, fx.App.BaseAddress)) Failures.Add($"{name}: redirects off the site to {location}");
            foreach (var line in fx.ErrorsSince(logs)) Failures.Add($"{name}: logged {(line.Length > 300 ? line[..300] : line)}");
            return response;
        }

        public void Report(string title)
        {
            var text = $"{title}: {Count} cases, {Failures.Count} failures" + string.Concat(Failures.Take(100).Select(f => "\n  FAIL " + f));
            output.WriteLine(text);
            var artifacts = Path.Combine(Repo.Root, "artifacts");
            Directory.CreateDirectory(artifacts);
            File.WriteAllText(Path.Combine(artifacts, $"hostile-input-{title.Split(' ')[0].ToLowerInvariant()}.txt"), text + "\n");
            Assert.True(Failures.Count == 0, text);
        }
    }

    /// <summary>A path on this site (the sign-in challenge redirects to the app's own absolute address).</summary>
    private static bool IsLocal(Uri location, Uri site)
    {
        if (location.IsAbsoluteUri) return Uri.Compare(location, site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        var s = location.OriginalString;
        return s.StartsWith('/') && !s.StartsWith("//", StringComparison.Ordinal) && !s.StartsWith("/\\", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_endpoints_and_pages_answer_hostile_values_without_a_server_error()
    {
        var tally = new Tally(output, fx);
        var zh = Load("Strings.zh-CN.resx");
        var en = Load("Strings.resx");
        using var anonymous = fx.App.CreateHttpClient();

        // POST /api/token: bodies a script can send. Every refusal is a problem answer titled in the request's language.
        var bodies = new (string Name, string? Json, string ContentType)[]
        {
            ("empty", "", "application/json"),
            ("not JSON", "userName=bureau&password=x", "application/json"),
            ("form post", "userName=bureau&password=x", "application/x-www-form-urlencoded"),
            ("text/plain", "{\"userName\":\"bureau\",\"password\":\"x\"}", "text/plain"),
            ("null", "null", "application/json"),
            ("array", "[1,2,3]", "application/json"),
            ("numbers", "{\"userName\":123,\"password\":456}", "application/json"),
            ("nested 64 deep", string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64), "application/json"),
            ("truncated", "{\"userName\":\"bure", "application/json"),
            ("5 KB user name", JsonSerializer.Serialize(new { userName = new string('a', 5 * 1024), password = "x" }), "application/json"),
            ("200 KB password", JsonSerializer.Serialize(new { userName = "bureau", password = new string('p', 200 * 1024) }), "application/json"),
            ("control characters", "{\"userName\":\"bur\\u0000eau\\u0001\",\"password\":\"\\u0007\"}", "application/json"),
            ("lone surrogate", "{\"userName\":\"\\ud800\",\"password\":\"\\udc00\"}", "application/json"),
            ("invalid UTF-8", "{\"userName\":\"\xFF\xFE\",\"password\":\"x\"}", "application/json"),
            ("script", JsonSerializer.Serialize(new { userName = "<script>alert(1)</script>", password = "x" }), "application/json"),
            ("SQL", JsonSerializer.Serialize(new { userName = "' OR 1=1 --", password = "' OR 1=1 --" }), "application/json"),
            ("whitespace", JsonSerializer.Serialize(new { userName = " \t ", password = " " }), "application/json"),
            ("duplicate keys", "{\"userName\":\"bureau\",\"userName\":\"admin\",\"password\":\"x\"}", "application/json"),
            ("RTL override", JsonSerializer.Serialize(new { userName = "\u202Eueruab", password = "x" }), "application/json"),
            ("wrong password", JsonSerializer.Serialize(new { userName = "shache", password = "not-the-password" }), "application/json"),
        };
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var (name, json, type) in bodies)
            {
                var response = await tally.SendAsync($"POST /api/token ({culture}) {name}", anonymous, () =>
                    // Expect: 100-continue, as a careful client sends a large body: the server refuses it before it is uploaded
                    // (without it the refusal races the upload and the client may see the connection close instead).
                    new HttpRequestMessage(HttpMethod.Post, $"/api/token?culture={culture}")
                    {
                        Content = new StringContent(json ?? "", Encoding.Latin1, type) { Headers = { ContentType = new(type) } },
                        Headers = { ExpectContinue = true },
                    });
                if (response is null) continue;
                if (response.IsSuccessStatusCode) { tally.Failures.Add($"POST /api/token {name}: {(int)response.StatusCode}, must be refused"); continue; }
                var body = await response.Content.ReadAsStringAsync();
                var title = body.Length > 0 && body.TrimStart().StartsWith('{') ? JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null : null;
                var words = culture == "en" ? en : zh;
                if (title is null || !words.Where(kv => kv.Key.StartsWith("Api.", StringComparison.Ordinal)).Any(kv => kv.Value == title))
                    tally.Failures.Add($"POST /api/token ({culture}) {name}: {(int)response.StatusCode} titled \"{title}\", not a localized message");
            }
        }

        // The language switch with hostile cultures and return addresses.
        foreach (var (name, value) in QueryValues.Append(("protocol-relative", "%2F%2Fevil.example")).Append(("tab trick", "%2F%09%2Fevil.example"))
            .Append(("backslash", "%2F%5Cevil.example")).Append(("javascript", "javascript:alert(1)")).Append(("absolute", "https%3A%2F%2Fevil.example%2F")))
        {
            await tally.SendAsync($"GET /culture/en?returnUrl={name}", anonymous, () => new HttpRequestMessage(HttpMethod.Get, $"/culture/en?returnUrl={value}"));
            await tally.SendAsync($"GET /culture/{name}", anonymous, () => new HttpRequestMessage(HttpMethod.Get, $"/culture/{value}?returnUrl=/"));
            await tally.SendAsync($"GET /account/login?returnUrl={name}", anonymous, () => new HttpRequestMessage(HttpMethod.Get, $"/account/login?returnUrl={value}"));
        }

        // Garbage bearer tokens and cookies.
        foreach (var (name, value) in new[] { ("junk", "junk"), ("8 KB", new string('A', 8 * 1024)), ("base64 of nothing", "AAAA"), ("dots", "a.b.c"), ("control", "x\u0001y") })
        {
            await tally.SendAsync($"negotiate with bearer {name}", anonymous, () =>
            {
                var r = new HttpRequestMessage(HttpMethod.Post, "/hubs/live/negotiate?negotiateVersion=1");
                r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + value);
                return r;
            });
            await tally.SendAsync($"minutes.docx with bearer {name}", anonymous, () =>
            {
                var r = new HttpRequestMessage(HttpMethod.Get, "/meetings/1/minutes.docx");
                r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + value);
                return r;
            });
            await tally.SendAsync($"page with culture cookie {name}", anonymous, () =>
            {
                var r = new HttpRequestMessage(HttpMethod.Get, "/account/login");
                r.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString("c=" + value + "|uic=" + value));
                return r;
            });
            await tally.SendAsync($"page with sign-in cookie {name}", anonymous, () =>
            {
                var r = new HttpRequestMessage(HttpMethod.Get, "/projects");
                r.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Identity.Application=" + Uri.EscapeDataString(value));
                return r;
            });
        }

        // Pages: hostile query values as a county and as the Bureau, and route values (wrong and other units' ids).
        using var county = await SignedInAsync("shache");
        using var bureau = await SignedInAsync("bureau");
        var queries = new[] { "/ledger?county=", "/ledger?chain=", "/ledger?category=", "/ledger?severity=", "/ledger?level=", "/ledger?overdue=", "/ledger?project=",
            "/ledger?q=", "/ledger?resolved=", "/ledger?coord=", "/ledger?new=", "/alerts?county=", "/alerts?chain=", "/alerts?type=", "/alerts?severity=", "/alerts?state=",
            "/alerts?project=", "/wall?group=", "/wall?county=", "/wall?chain=", "/wall?health=", "/wall?stage=", "/wall?key=", "/wall?kiosk=", "/wall?rotate=",
            "/evaluations/new?project=", "/leads/new?chain=", "/targets?push=", "/targets/inbox?push=" };
        foreach (var query in queries)
        foreach (var (name, value) in QueryValues)
            await tally.SendAsync($"GET {query}{name}", query.StartsWith("/evaluations", StringComparison.Ordinal) ? bureau : county,
                () => new HttpRequestMessage(HttpMethod.Get, query + value));

        var others = await fx.App.QueryAsync(async db => new
        {
            Project = await db.Projects.Where(p => p.HostUnitId != db.Units.Where(u => u.Code == "shache").Select(u => u.Id).First()).Select(p => p.Id).FirstAsync(),
            Meeting = await db.Meetings.Select(m => m.Id).FirstAsync(),
            Lead = await db.LeadForms.Select(f => f.Id).FirstAsync(),
        });
        var ids = new[] { "0", "-1", "2147483647", "2147483648", "99999999999999999999", "abc", "%00", "1.5" };
        var routes = new[] { "/projects/{0}", "/projects/{0}/edit", "/projects/{0}/battlemap", "/projects/{0}/signing", "/projects/{0}/workgroup", "/meetings/{0}",
            "/meetings/{0}/minutes", "/meetings/{0}/present", "/meetings/{0}/screen", "/meetings/{0}/edit", "/meetings/{0}/minutes.docx", "/leads/{0}", "/evaluations/{0}" };
        foreach (var route in routes)
        {
            foreach (var id in ids) await tally.SendAsync($"GET {route} id {id}", county, () => new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id)));
            var other = route.StartsWith("/projects", StringComparison.Ordinal) ? others.Project : route.StartsWith("/meetings", StringComparison.Ordinal) ? others.Meeting : others.Lead;
            await tally.SendAsync($"GET {route} another unit's id", county, () => new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, other)));
        }
        foreach (var period in new[] { "-1", "0", "2147483647", "-2147483648", "48620", "99999999999" })
        foreach (var kind in new[] { "Fortnightly", "Update", "999", "-1", "%3Cscript%3E" })
            await tally.SendAsync($"GET /reports/project/{period}/{kind}", bureau, () => new HttpRequestMessage(HttpMethod.Get, $"/reports/{others.Project}/{period}/{kind}"));

        // Hostile text already in the database (written before the rules, or by another program): the minutes page
        // shows it encoded and the .docx download still works.
        const string script = "<script>alert('kashi')</script>";
        var meeting = others.Meeting;
        await fx.App.QueryAsync(async db =>
        {
            var table = db.Model.FindEntityType(typeof(Meeting))!;
            var title = table.FindProperty(nameof(Meeting.Title))!.GetColumnName();
            var attendees = table.FindProperty(nameof(Meeting.Attendees))!.GetColumnName();
#pragma warning disable EF1002 // table and column names come from the model, the values are parameters
            return await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table.GetTableName()}\" SET \"{title}\" = {{0}}, \"{attendees}\" = {{1}} WHERE \"Id\" = {{2}}",
                script + "\u0001\u0008\u000B\u001F\uFFFE", "=cmd|' /C calc'!A0\u202E\u0000\t\r\n", meeting);
#pragma warning restore EF1002
        });
        var page = await tally.SendAsync("GET minutes page with hostile stored text", bureau, () => new HttpRequestMessage(HttpMethod.Get, $"/meetings/{meeting}/minutes"));
        if (page is not null)
        {
            var html = await page.Content.ReadAsStringAsync();
            if (html.Contains(script, StringComparison.Ordinal)) tally.Failures.Add("minutes page: the stored <script> is in the page unencoded");
            if (!html.Contains("&lt;script&gt;", StringComparison.Ordinal)) tally.Failures.Add("minutes page: the stored <script> is not shown encoded");
        }
        var docx = await tally.SendAsync("GET minutes.docx with hostile stored text", bureau, () => new HttpRequestMessage(HttpMethod.Get, $"/meetings/{meeting}/minutes.docx"));
        if (docx is not null)
        {
            var bytes = await docx.Content.ReadAsByteArrayAsync();
            if (docx.StatusCode != HttpStatusCode.OK || bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
                tally.Failures.Add($"minutes.docx with hostile stored text: {(int)docx.StatusCode}, not a .docx");
        }

        tally.Report("HTTP sweep");
        Assert.True(tally.Count >= 400, $"only {tally.Count} HTTP cases");
    }

    [Fact]
    public async Task The_live_hub_survives_hostile_topics_and_keeps_the_connection_usable()
    {
        var cookies = new CookieContainer();
        using (var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fx.App.BaseAddress })
            Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(client, "bureau")).StatusCode);
        HubConnection Build() => new HubConnectionBuilder()
            .WithUrl(new Uri(fx.App.BaseAddress, LiveHub.Path), o => { o.Cookies = cookies; o.Transports = HttpTransportType.WebSockets; })
            .Build();
        await using var connection = Build();
        await connection.StartAsync();
        var logs = fx.Logs.Lines.Count;
        var count = 0;
        var failures = new List<string>();

        var topics = new List<(string Name, string? Topic)>
        {
            ("null", null), ("empty", ""), ("spaces", "   "), ("NUL", "wall\0"), ("controls", "\u0001\u0002wall\u001F"), ("no id", "project:"), ("id 0", "project:0"),
            ("negative id", "project:-1"), ("beyond int", "project:99999999999"), ("exponent", "project:1e3"), ("plus", "project:+1"), ("inner space", "project: 1"),
            ("upper case", "PROJECT:1"), ("letters", "unit:abc"), ("script", "chain:<script>alert(1)</script>"), ("RTL override", "\u202Ellaw"),
            ("full-width digits", "project:１"), ("two colons", "project:1:2"), ("internal term", "ScopeHost:1"), ("everything", "everything"), ("all", "all"),
            ("lone surrogate", "project:\uD800"), ("non-character", "wall\uFFFE"), ("formula", "=cmd|' /C calc'!A0"), ("1 KB", new string('w', 1024)),
            ("16 KB", "project:" + new string('9', 16 * 1024)), ("30 KB", new string('x', 30 * 1024)),
        };
        foreach (var (name, topic) in topics)
        {
            count += 2;
            try
            {
                if (await connection.InvokeAsync<bool>("Subscribe", topic)) failures.Add($"Subscribe {name}: accepted");
                await connection.InvokeAsync("Unsubscribe", topic);
            }
            catch (Exception ex)
            {
                failures.Add($"Subscribe/Unsubscribe {name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        // Many topics on one connection (the Bureau may see every project): none fails (past the per-connection cap a
        // subscription is just refused), and once they are dropped the connection subscribes again.
        var ids = await fx.App.QueryAsync(db => db.Projects.Select(p => p.Id).Take(300).ToListAsync());
        var joined = new List<string>();
        foreach (var id in ids.Concat(Enumerable.Range(1_000_000, 200)))
        {
            count++;
            try { if (await connection.InvokeAsync<bool>("Subscribe", $"project:{id}")) joined.Add($"project:{id}"); }
            catch (Exception ex) { failures.Add($"Subscribe project:{id}: {ex.GetType().Name}: {ex.Message}"); break; }
        }
        foreach (var topic in joined) await connection.InvokeAsync("Unsubscribe", topic);
        count++;
        if (connection.State != HubConnectionState.Connected || !await connection.InvokeAsync<bool>("Subscribe", "wall"))
            failures.Add("after the hostile topics the connection no longer subscribes to the wall");

        // A 200 KB topic is past the hub's message limit: the server may drop that connection, but must log no error,
        // and a new connection works at once.
        count++;
        await using (var big = Build())
        {
            await big.StartAsync();
            try { await big.InvokeAsync<bool>("Subscribe", new string('x', 200 * 1024)); }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException or OperationCanceledException) { }
        }
        await using (var again = Build())
        {
            await again.StartAsync();
            if (!await again.InvokeAsync<bool>("Subscribe", "wall")) failures.Add("a new connection after the 200 KB topic does not subscribe");
        }
        if (connection.State != HubConnectionState.Connected || !await connection.InvokeAsync<bool>("Subscribe", "unit:1"))
            failures.Add("another connection's 200 KB topic broke this one");

        failures.AddRange(fx.ErrorsSince(logs).Select(l => "logged " + (l.Length > 300 ? l[..300] : l)));
        var text = $"Hub sweep: {count} cases, {failures.Count} failures" + string.Concat(failures.Take(100).Select(f => "\n  FAIL " + f));
        output.WriteLine(text);
        Directory.CreateDirectory(Path.Combine(Repo.Root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(Repo.Root, "artifacts", "hostile-input-hub.txt"), text + "\n");
        Assert.True(failures.Count == 0, text);
    }
}
