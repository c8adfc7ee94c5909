using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Security;

/// <summary>An app whose sign-in limit is small (3 per user name, 8 per address) and whose window outlasts the tests.</summary>
public sealed class RateLimitedApp() : IDisposable
{
    public KashiAppFactory App { get; } = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PermitsPerUserName"] = "3",
            ["RateLimits:SignIn:PermitsPerAddress"] = "8",
            ["RateLimits:SignIn:WindowSeconds"] = "3600",
        },
    };

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Sign-in attempts are limited per client address and per user name (the form and the token endpoint alike), so that
/// nobody can keep an account locked out or spray passwords across accounts. Each test uses its own loopback source
/// address (127.0.0.x) and user names, so the partitions of one test do not touch another's.
/// </summary>
public sealed class SignInRateLimitTests(RateLimitedApp fixture) : IClassFixture<RateLimitedApp>
{
    private KashiAppFactory App => fixture.App;

    [Fact]
    public async Task The_token_endpoint_answers_429_with_Retry_After_once_a_user_name_has_used_its_attempts()
    {
        using var client = ClientFrom("127.0.0.3");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "spray-a")).StatusCode);

        var refused = await TokenAsync(client, "spray-a");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);

        // The user name is limited from any address; another user name from the same address is not.
        using var elsewhere = ClientFrom("127.0.0.4");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(elsewhere, "SPRAY-A ")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "spray-b")).StatusCode);
    }

    [Fact]
    public async Task One_address_trying_many_user_names_is_stopped_and_another_address_is_not()
    {
        using var client = ClientFrom("127.0.0.5");
        for (var i = 0; i < 8; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, $"many-{i}")).StatusCode);
        var refused = await TokenAsync(client, "many-8");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        using var other = ClientFrom("127.0.0.6");
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(other, "many-9")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_says_how_long_to_wait_in_Chinese_and_in_English()
    {
        using var client = ClientFrom("127.0.0.7");
        for (var i = 0; i < 3; i++)
        {
            var failed = await HttpSignIn.SignInAsync(client, "form-a", "not-the-password");
            Assert.Contains("用户名或密码不正确", WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var refused = await HttpSignIn.SignInAsync(client, "form-a", "not-the-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        var body = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"尝试次数过多，请等待 {seconds} 秒后再试", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"login-error\"", body, StringComparison.Ordinal);

        // Even the right password waits: the limit comes before the password is looked at.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpSignIn.SignInAsync(client, "form-a")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/culture/en?returnUrl=/account/login")).StatusCode);
        var english = await HttpSignIn.SignInAsync(client, "form-a", "not-the-password");
        Assert.Contains("Too many attempts: wait", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_user_still_signs_in_from_another_address_while_one_address_is_stopped()
    {
        using var client = ClientFrom("127.0.0.8");
        for (var i = 0; i < 8; i++) await TokenAsync(client, $"noise-{i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(client, "shache", HttpSignIn.DemoPassword)).StatusCode);

        using var other = ClientFrom("127.0.0.9");
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(other, "shache")).StatusCode);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password = "not-the-password") =>
        client.PostAsJsonAsync("/api/token", new { userName, password });

    /// <summary>A client whose connections come from the given loopback address (all of 127.0.0.0/8 is loopback on Linux).</summary>
    private HttpClient ClientFrom(string sourceAddress)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = App.BaseAddress };
    }
}
