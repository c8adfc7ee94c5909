using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// <c>POST /api/token</c> and its bearer tokens: one answer (in one time) whoever asks, a small body, a lifetime of
/// an hour and no refresh token, and a token that dies with a lockout or a change of the account.
/// </summary>
public sealed class TokenHardeningTests(KashiAppFactory app) : IClassFixture<KashiAppFactory>
{
    [Fact]
    public async Task A_token_lives_an_hour_and_comes_without_a_refresh_token()
    {
        using var client = app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/token", new { userName = "wall", password = HttpSignIn.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3600, body.RootElement.GetProperty("expiresIn").GetInt64());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("accessToken").GetString()));
        Assert.False(body.RootElement.TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task A_body_over_4_KB_is_refused_with_413()
    {
        using var client = app.CreateHttpClient();
        var json = JsonSerializer.Serialize(new { userName = "wall", password = new string('x', 5000) });
        var response = await client.PostAsync("/api/token", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_out_get_the_same_answer_from_the_api_and_the_form()
    {
        await WithUserAsync("hotan-locked-probe", async (users, user) => await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        using var client = app.CreateHttpClient();

        var unknown = await client.PostAsJsonAsync("/api/token", new { userName = "no-such-user", password = HttpSignIn.DemoPassword });
        var wrong = await client.PostAsJsonAsync("/api/token", new { userName = "kashi", password = "not-the-password" });
        var locked = await client.PostAsJsonAsync("/api/token", new { userName = "hotan-locked-probe", password = HttpSignIn.DemoPassword });
        Assert.All([unknown, wrong, locked], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var titles = new List<string>();
        foreach (var r in new[] { unknown, wrong, locked }) titles.Add(Title(await r.Content.ReadAsStringAsync()));
        Assert.Equal(titles[0], titles[1]);
        Assert.Equal(titles[0], titles[2]);

        var formUnknown = await FormErrorAsync("no-such-user", HttpSignIn.DemoPassword);
        var formWrong = await FormErrorAsync("kashi", "not-the-password");
        var formLocked = await FormErrorAsync("hotan-locked-probe", HttpSignIn.DemoPassword);
        Assert.Contains("用户名或密码不正确", formUnknown, StringComparison.Ordinal);
        Assert.Equal(formUnknown, formWrong);
        Assert.Equal(formUnknown, formLocked);
    }

    [Fact]
    public async Task An_unknown_user_costs_the_server_a_password_hash_as_a_real_one_does()
    {
        using var client = app.CreateHttpClient();
        await TimeAsync(client, "no-such-user-warmup", "x"); // JIT and the dummy hash
        await TimeAsync(client, "shache", "not-the-password");
        var unknown = new List<double>();
        var known = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            unknown.Add(await TimeAsync(client, $"no-such-user-{i}", "not-the-password"));
            known.Add(await TimeAsync(client, "shache", "not-the-password"));
        }
        // A PBKDF2 hash takes tens of milliseconds; skipping it answers in about one. Half is a wide margin for a busy machine.
        Assert.True(Median(unknown) >= 0.5 * Median(known), $"unknown user {Median(unknown):F1} ms, known user {Median(known):F1} ms");
    }

    [Fact]
    public async Task A_token_is_refused_once_the_account_is_locked_out_or_its_stamp_moves()
    {
        using var client = app.CreateHttpClient();
        var token = await TokenAsync(client, "yecheng");
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(client, token)).StatusCode);

        await WithUserAsync("yecheng", (users, user) => users.UpdateSecurityStampAsync(user));
        Assert.Equal(HttpStatusCode.Unauthorized, (await NegotiateAsync(client, token)).StatusCode);

        var second = await TokenAsync(client, "yecheng");
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(client, second)).StatusCode);
        await WithUserAsync("yecheng", (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Assert.Equal(HttpStatusCode.Unauthorized, (await NegotiateAsync(client, second)).StatusCode);
    }

    [Fact]
    public async Task A_change_of_role_or_unit_ends_the_tokens_issued_before_it()
    {
        using var client = app.CreateHttpClient();
        var beforeRole = await TokenAsync(client, "shufu");
        await WithUserAsync("shufu", async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            Assert.True((await users.AddToRoleAsync(user, AppRoles.All.First(r => !current.Contains(r)))).Succeeded);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await NegotiateAsync(client, beforeRole)).StatusCode);

        var beforeUnit = await TokenAsync(client, "shufu");
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(client, beforeUnit)).StatusCode);
        await WithUserAsync("shufu", (users, user) => ((KashiUserManager)users).ChangeUnitAsync(user, user.UnitId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await NegotiateAsync(client, beforeUnit)).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_with_a_cookie_is_refused_once_the_stamp_has_moved()
    {
        var cookies = new CookieContainer();
        using (var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(client, "zepu")).StatusCode);
        }
        // The cookie itself is still accepted until its next stamp check (Authentication:RevalidationSeconds); the hub checks at once.
        await WithUserAsync("zepu", (users, user) => users.UpdateSecurityStampAsync(user));
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, LiveHub.Path), o => { o.Cookies = cookies; o.Transports = HttpTransportType.WebSockets; })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        try
        {
            await connection.StartAsync();
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
        }
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    private static string Title(string problemJson) => JsonDocument.Parse(problemJson).RootElement.GetProperty("title").GetString()!;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<double> TimeAsync(HttpClient client, string userName, string password)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsJsonAsync("/api/token", new { userName, password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private async Task<string> FormErrorAsync(string userName, string password)
    {
        using var client = app.CreateHttpClient();
        var response = await HttpSignIn.SignInAsync(client, userName, password);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var start = body.IndexOf("data-testid=\"login-error\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the form shows no error");
        start = body.IndexOf('>', start) + 1;
        return body[start..body.IndexOf('<', start)];
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync("/api/token", new { userName, password = HttpSignIn.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LiveHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private async Task WithUserAsync(string userName, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            var like = await users.FindByNameAsync("kashi") ?? throw new InvalidOperationException("no demo user kashi");
            user = new AppUser { UserName = userName, DisplayName = userName, UnitId = like.UnitId, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, HttpSignIn.DemoPassword)).Succeeded);
        }
        await change(users, user);
    }
}
