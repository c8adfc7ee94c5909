using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Web.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Security;

/// <summary>The application on a clock the test moves by hand, with the default one-hour bearer token.</summary>
public sealed class ManualClockApp : IDisposable
{
    public ManualClock Clock { get; } = new(TestClock.Start);

    public KashiAppFactory App { get; }

    public ManualClockApp() => App = new KashiAppFactory { Clock = Clock };

    public void Dispose() => App.Dispose();
}

/// <summary>
/// A bearer token ends after its lifetime, on the application's clock, and so does a hub connection opened with it; a
/// sign-in cookie notices a moved security stamp within <c>Authentication:RevalidationSeconds</c>.
/// </summary>
public sealed class TokenExpiryTests(ManualClockApp fixture) : IClassFixture<ManualClockApp>
{
    [Fact]
    public async Task A_hub_connection_closes_and_the_token_is_refused_when_the_token_expires()
    {
        var app = fixture.App;
        using var client = app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/token", new { userName = "wall", password = HttpSignIn.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString()!;

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, LiveHub.Path), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", "wall"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(client, token)).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NegotiateAsync(client, token)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_is_refused_within_the_revalidation_interval_once_the_stamp_has_moved()
    {
        var app = fixture.App;
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(client, "jiashi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/projects")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("jiashi"))!);
        }
        // Authentication:RevalidationSeconds defaults to 120 s (Identity's own default would be 30 minutes).
        fixture.Clock.Advance(TimeSpan.FromSeconds(121));
        var after = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LiveHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
