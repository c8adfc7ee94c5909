using System.Net;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Tests.Security;

/// <summary>Scope is enforced on the server: what a unit may not see never leaves the server, even by URL.</summary>
public sealed class AccessTests(KashiAppFactory app) : IClassFixture<KashiAppFactory>
{
    [Fact]
    public async Task An_anonymous_request_for_the_register_is_sent_to_sign_in()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Fprojects", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_cannot_read_another_countys_project_by_url_but_reads_its_own()
    {
        var (otherId, otherName) = await ProjectOfAsync("shache");
        var (ownId, ownName) = await ProjectOfAsync("kashi");
        using var client = app.CreateHttpClient();
        var signIn = await HttpSignIn.SignInAsync(client, "kashi");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var other = await client.GetAsync($"/projects/{otherId}");
        var otherBody = WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(otherName, otherBody, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"not-found\"", otherBody, StringComparison.Ordinal);

        var own = await client.GetAsync($"/projects/{ownId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(ownName, WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bureau_reads_every_countys_project()
    {
        var (id, name) = await ProjectOfAsync("shache");
        using var client = app.CreateHttpClient();
        await HttpSignIn.SignInAsync(client, "bureau");
        var response = await client.GetAsync($"/projects/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_Chinese()
    {
        using var client = app.CreateHttpClient();
        var response = await HttpSignIn.SignInAsync(client, "shache", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("用户名或密码不正确", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("kashi.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Health_reports_healthy_with_a_migrated_database()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private Task<(int Id, string Name)> ProjectOfAsync(string unitCode) => app.QueryAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var p = await db.Projects.Where(p => p.HostUnitId == unitId).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync();
        return (p.Id, p.Name);
    });
}
