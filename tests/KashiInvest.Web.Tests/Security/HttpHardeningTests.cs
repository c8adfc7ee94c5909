using System.Net;
using System.Text.RegularExpressions;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Security;

/// <summary>Every response carries the Content-Security-Policy and its companions (the app as developers run it).</summary>
public sealed class SecurityHeaderTests(KashiAppFactory app) : IClassFixture<KashiAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_response_forbids_framing_by_other_sites_inline_scripts_and_sniffing(string path)
    {
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_signed_in_page_has_no_inline_script_the_policy_would_block()
    {
        using var client = app.CreateHttpClient();
        await HttpSignIn.SignInAsync(client, "bureau");

        foreach (var path in new[] { "/account/login", "/projects", "/leads" })
        {
            var html = await client.GetStringAsync(path);
            foreach (Match script in Regex.Matches(html, "<script(?<attrs>[^>]*)>"))
                Assert.Contains("src=", script.Groups["attrs"].Value, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex(@"\son(click|load|error|submit|change)\s*=", RegexOptions.IgnoreCase), html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task In_development_the_cookies_work_over_plain_http()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/culture/en?returnUrl=/");

        var culture = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", culture, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_failed_sign_in_logs_neither_the_typed_user_name_nor_a_password_typed_into_it()
    {
        var logs = new CapturedLogs();
        using var logged = new KashiAppFactory { LoggerProvider = logs };
        using var client = logged.CreateHttpClient();
        const string typed = "KashiDemo#2026-typed-into-the-user-name";

        await HttpSignIn.SignInAsync(client, typed, "wrong password");

        var line = Assert.Single(logs.Lines, l => l.Contains("Failed sign-in", StringComparison.Ordinal));
        Assert.DoesNotContain(typed, line, StringComparison.Ordinal);
        Assert.DoesNotContain("KashiDemo", line, StringComparison.Ordinal);
        Assert.Contains(LoggedUserName.For(typed), line, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(typed, StringComparison.Ordinal));
    }
}

/// <summary>
/// The app as deployed (Production, no demo data) behind a reverse proxy that ends TLS: cookies only over HTTPS, HSTS,
/// forwarded headers believed only from the configured proxy, requests for other host names refused.
/// </summary>
public sealed class ProductionDeploymentTests : IDisposable
{
    private const string Host = "kashi.example";
    private const string Password = "Ops#Password-2026";

    private readonly KashiAppFactory _app = new()
    {
        EnvironmentName = "Production",
        Settings = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Alerts:ScanOnStart"] = "false",
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["AllowedHosts"] = Host,
        },
    };

    public void Dispose() => _app.Dispose();

    private static HttpRequestMessage Get(string path, bool viaTls = true, string host = Host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        if (viaTls) request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    /// <summary>A client that keeps no cookies: a cookie marked Secure is not sent back over http, so the test does it.</summary>
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress };

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task Behind_the_proxy_every_cookie_is_Secure_and_HSTS_is_sent()
    {
        var created = await AdminCommand.RunAsync(_app.Services, ["create-admin", "ops"], new StringReader(Password + "\n"), interactive: false,
            TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, created);
        using var client = Client();

        var form = await client.SendAsync(Get("/account/login"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgery = Assert.Single(SetCookies(form), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var html = await form.Content.ReadAsStringAsync();
        var token = Regex.Match(Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value, "value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "ops", ["Input.Password"] = Password, ["Input.RememberMe"] = "false",
            }),
        };
        post.Headers.Host = Host;
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = Assert.Single(SetCookies(signIn), c => c.StartsWith("kashi.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);

        var culture = await client.SendAsync(Get("/culture/en?returnUrl=/"));
        Assert.Contains("; secure", Assert.Single(SetCookies(culture), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_cookies_are_Secure_even_when_a_request_arrives_over_plain_http()
    {
        using var client = Client();

        var response = await client.SendAsync(Get("/culture/en?returnUrl=/", viaTls: false));

        Assert.Contains("; secure", Assert.Single(SetCookies(response), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
        Assert.Contains("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        using var client = Client();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Get("/account/login", host: "evil.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/account/login"))).StatusCode);
    }
}

/// <summary>Without configured proxies nobody's X-Forwarded-* headers are believed: no client can pass for HTTPS or another address.</summary>
public sealed class UntrustedForwardedHeadersTests : IDisposable
{
    private static readonly CapturedLogs _logs = new();
    private readonly KashiAppFactory _app = new()
    {
        EnvironmentName = "Production",
        LoggerProvider = _logs,
        Settings = new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Alerts:ScanOnStart"] = "false" },
    };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_forwarded_https_from_an_unconfigured_address_is_ignored()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "kashi.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", _logs.Lines));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "the request was seen as https: a forwarded header was believed");
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "proxy.example", "ReverseProxy")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0/99", "ReverseProxy")]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_up(string key, string value, string named)
    {
        using var bad = new KashiAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string?> { ["Demo:Enabled"] = "false", [key] = value },
        };
        var error = await Record.ExceptionAsync(() => Task.FromResult(bad.BaseAddress));
        Assert.NotNull(error);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
