using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Live;

/// <summary>
/// The live hub through a real SignalR client over WebSockets against the real server, with writes made through
/// the real write path (unit of work, notices after commit).
/// </summary>
public sealed class LiveHubTests(KashiAppFactory app) : IClassFixture<KashiAppFactory>
{
    [Fact]
    public async Task A_county_on_the_wall_receives_its_own_projects_and_never_another_countys()
    {
        var own = await ProjectOfAsync("kashi");
        var foreign = await ProjectOfAsync("shache");
        // Signed in with the web app's cookie, as a page of the app would be.
        await using var connection = await ConnectWithCookieAsync("kashi");
        var inbox = new LiveInbox(connection);
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", "wall"));

        // The foreign write is published first: had it been pushed, it would arrive before the own one.
        var foreignVersion = await RecordFundsAsync(foreign.Id);
        var ownVersion = await RecordFundsAsync(own.Id);

        var received = await inbox.WaitForAsync(e => e.ProjectId == own.Id && e.Version == ownVersion);
        Assert.Equal(ChangeKinds.ProjectUpdated, received.Kind);
        Assert.True(received.Sequence > 0);
        Assert.DoesNotContain(inbox.Events, e => e.ProjectId == foreign.Id);
        Assert.True(foreignVersion > 0);
    }

    [Fact]
    public async Task A_county_receives_a_problem_raised_on_its_own_project_with_ids_only()
    {
        var own = await ProjectOfAsync("shufu");
        await using var connection = await ConnectWithTokenAsync("shufu");
        var inbox = new LiveInbox(connection);
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", $"unit:{own.HostUnitId}"));

        var problemId = await RaiseProblemAsync(own.Id, own.HostUnitId);

        var received = await inbox.WaitForAsync(e => e.Kind == ChangeKinds.ProblemRaised && e.ItemId == problemId);
        Assert.Equal(own.Id, received.ProjectId);
    }

    [Fact]
    public async Task Subscribing_to_another_countys_project_is_refused_and_joins_nothing()
    {
        var own = await ProjectOfAsync("shule");
        var foreign = await ProjectOfAsync("bachu");
        await using var connection = await ConnectWithTokenAsync("shule");
        var inbox = new LiveInbox(connection);

        Assert.False(await connection.InvokeAsync<bool>("Subscribe", $"project:{foreign.Id}"));
        Assert.False(await connection.InvokeAsync<bool>("Subscribe", $"unit:{foreign.HostUnitId}"));
        Assert.False(await connection.InvokeAsync<bool>("Subscribe", $"chain:{foreign.ChainId}"));
        Assert.False(await connection.InvokeAsync<bool>("Subscribe", "project:99999999"));
        Assert.False(await connection.InvokeAsync<bool>("Subscribe", "everything"));
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", $"project:{own.Id}"));

        await RecordFundsAsync(foreign.Id);
        var ownVersion = await RecordFundsAsync(own.Id);
        await inbox.WaitForAsync(e => e.ProjectId == own.Id && e.Version == ownVersion);
        Assert.DoesNotContain(inbox.Events, e => e.ProjectId == foreign.Id);

        // Unsubscribing stops the pushes: a later own write is not received, an own write after re-subscribing is.
        // Notices are pushed after commit, off the writer's path: a second connection still on the project proves the
        // silent write's push has gone out (one send to all its groups) before this one joins the wall again.
        await using var observer = await ConnectWithTokenAsync("shule");
        var observed = new LiveInbox(observer);
        Assert.True(await observer.InvokeAsync<bool>("Subscribe", $"project:{own.Id}"));
        await connection.InvokeAsync("Unsubscribe", $"project:{own.Id}");
        var silent = await RecordFundsAsync(own.Id);
        await observed.WaitForAsync(e => e.ProjectId == own.Id && e.Version == silent);
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", "wall"));
        var heard = await RecordFundsAsync(own.Id);
        await inbox.WaitForAsync(e => e.ProjectId == own.Id && e.Version == heard);
        Assert.DoesNotContain(inbox.Events, e => e.ProjectId == own.Id && e.Version == silent);
    }

    [Fact]
    public async Task An_unauthenticated_connection_is_refused_with_401()
    {
        var connection = new HubConnectionBuilder().WithUrl(HubUrl).Build();
        await using (connection)
        {
            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        }

        using var client = app.CreateHttpClient();
        var negotiate = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        var bogus = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1&access_token=not-a-token", null);
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_gives_a_working_token_for_good_credentials_and_a_401_problem_for_bad_ones()
    {
        using var client = app.CreateHttpClient();
        var good = await client.PostAsJsonAsync("/api/token", new { userName = "wall", password = HttpSignIn.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        using var body = JsonDocument.Parse(await good.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("tokenType").GetString());
        var token = body.RootElement.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.RootElement.GetProperty("expiresIn").GetInt64() > 0);

        await using (var connection = Connect(token!))
        {
            await connection.StartAsync();
            Assert.True(await connection.InvokeAsync<bool>("Subscribe", "wall"));
        }

        foreach (var bad in new object[]
                 {
                     new { userName = "tashi", password = "not-the-password" },
                     new { userName = "nobody-here", password = HttpSignIn.DemoPassword },
                     new { userName = "", password = "" },
                 })
        {
            var refused = await client.PostAsJsonAsync("/api/token", bad);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
            Assert.False(problem.RootElement.TryGetProperty("accessToken", out _));
        }
    }

    [Fact]
    public async Task A_leader_receives_every_county_once_even_when_several_subscriptions_match()
    {
        var first = await ProjectOfAsync("yecheng");
        var second = await ProjectOfAsync("jiashi");
        await using var connection = await ConnectWithTokenAsync("leader");
        var inbox = new LiveInbox(connection);
        foreach (var topic in new[] { "wall", $"project:{first.Id}", $"chain:{first.ChainId}", $"unit:{first.HostUnitId}" })
            Assert.True(await connection.InvokeAsync<bool>("Subscribe", topic));

        var firstVersion = await RecordFundsAsync(first.Id);
        var problemId = await RaiseProblemAsync(first.Id, first.HostUnitId);
        var secondVersion = await RecordFundsAsync(second.Id);
        await inbox.WaitForAsync(e => e.ProjectId == first.Id && e.Version == firstVersion);
        await inbox.WaitForAsync(e => e.ItemId == problemId && e.Kind == ChangeKinds.ProblemRaised);
        await inbox.WaitForAsync(e => e.ProjectId == second.Id && e.Version == secondVersion);
        // A duplicate would have been written in the same send, before the next notice: the last write is a fence.
        var fence = await RecordFundsAsync(second.Id);
        await inbox.WaitForAsync(e => e.ProjectId == second.Id && e.Version == fence);

        var events = inbox.Events.Where(e => e.ProjectId == first.Id || e.ProjectId == second.Id).ToList();
        Assert.Equal(4, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        Assert.Single(events, e => e.ProjectId == first.Id && e.Kind == ChangeKinds.ProjectUpdated);
        Assert.Single(events, e => e.ItemId == problemId);
    }

    [Fact]
    public async Task A_connection_holds_at_most_the_configured_number_of_topics_and_a_refused_one_joins_nothing()
    {
        _ = app.BaseAddress;
        var cap = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KashiInvest.Web.Shared.LimitsOptions>>().Value.HubTopicsPerConnection;
        var ids = await app.QueryAsync(db => db.Projects.OrderByDescending(p => p.Id).Select(p => p.Id).Take(cap + 1).ToListAsync());
        Assert.Equal(cap + 1, ids.Count);
        var (held, over) = (ids.Take(cap).ToList(), ids[cap]);
        await using var connection = await ConnectWithTokenAsync("leader");
        var inbox = new LiveInbox(connection);

        foreach (var id in held) Assert.True(await connection.InvokeAsync<bool>("Subscribe", $"project:{id}"));
        Assert.False(await connection.InvokeAsync<bool>("Subscribe", $"project:{over}"));
        Assert.False(await connection.InvokeAsync<bool>("Subscribe", "wall"));
        // A topic the connection holds already is still "subscribed": it adds nothing.
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", $"project:{held[0]}"));

        // Nothing was joined for the refused topic: its write is not pushed, a held topic's later write is.
        var silent = await RecordFundsAsync(over);
        var heard = await RecordFundsAsync(held[^1]);
        await inbox.WaitForAsync(e => e.ProjectId == held[^1] && e.Version == heard);
        Assert.DoesNotContain(inbox.Events, e => e.ProjectId == over && e.Version == silent);

        // The cap counts what is held: after an unsubscribe there is room again.
        await connection.InvokeAsync("Unsubscribe", $"project:{held[0]}");
        Assert.True(await connection.InvokeAsync<bool>("Subscribe", $"project:{over}"));
        var now = await RecordFundsAsync(over);
        await inbox.WaitForAsync(e => e.ProjectId == over && e.Version == now);
    }

    private Uri HubUrl => new(app.BaseAddress, LiveHub.Path);

    private HubConnection Connect(string token) => new HubConnectionBuilder()
        .WithUrl(HubUrl, o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            o.Transports = HttpTransportType.WebSockets;
        })
        .Build();

    private async Task<HubConnection> ConnectWithTokenAsync(string userName)
    {
        using var client = app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/token", new { userName, password = HttpSignIn.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var connection = Connect(body.RootElement.GetProperty("accessToken").GetString()!);
        await connection.StartAsync();
        return connection;
    }

    private async Task<HubConnection> ConnectWithCookieAsync(string userName)
    {
        var cookies = new CookieContainer();
        using (var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress })
        {
            var signIn = await HttpSignIn.SignInAsync(client, userName);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var connection = new HubConnectionBuilder()
            .WithUrl(HubUrl, o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A write through the real path: a context from the app's factory, an actor, SaveChanges (notice after commit).</summary>
    private async Task<int> RecordFundsAsync(int projectId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Actor = new Actor("bureau", null);
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        project.RecordFundsInPlace(project.FundsInPlaceWan + 1m, project.OutOfRegionFundsInPlaceWan, TestClock.Default.UtcNow);
        await db.SaveChangesAsync();
        return project.Version;
    }

    private async Task<int> RaiseProblemAsync(int projectId, int ownerUnitId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Actor = new Actor("bureau", null);
        var problem = new Problem(projectId, ProblemCategory.Approvals, null, "用地预审意见尚未出具", ProblemSeverity.Medium, ownerUnitId,
            DateOnly.FromDateTime(TestClock.Default.UtcNow.AddDays(14)), db.Actor, TestClock.Default.UtcNow);
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        return problem.Id;
    }

    private IDbContextFactory<KashiDbContext> Factory
    {
        get
        {
            _ = app.BaseAddress;
            return app.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        }
    }

    private sealed record ProjectRef(int Id, int HostUnitId, int ChainId);

    private Task<ProjectRef> ProjectOfAsync(string unitCode) => app.QueryAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        return await db.Projects.Where(p => p.HostUnitId == unitId).OrderBy(p => p.Id)
            .Select(p => new ProjectRef(p.Id, p.HostUnitId, p.ChainId)).FirstAsync();
    });
}
