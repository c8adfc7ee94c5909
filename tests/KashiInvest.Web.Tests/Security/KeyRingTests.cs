using System.Net;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// The Data Protection key ring is kept with the data, under one application name: a restart (or a second instance on
/// the same data) reads the same keys, so a sign-in cookie issued before still opens the wall after.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_restart_on_the_same_data_keeps_the_sign_in_cookie_valid()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));
        string cookie;
        Guid keyId;
        await using (var first = new KashiAppFactory { DataDir = dataDir, DeleteDataDirOnDispose = false })
        {
            using var client = first.CreateHttpClient();
            var signIn = await HttpSignIn.SignInAsync(client, "bureau");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            cookie = AuthCookieOf(signIn);
            Assert.Equal(HttpStatusCode.OK, (await GetWallAsync(first, cookie)).StatusCode);

            Assert.Equal("KashiInvest", first.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
            keyId = Assert.Single(first.Services.GetRequiredService<IKeyManager>().GetAllKeys()).KeyId;
        }

        // The key ring is a file in the data folder, not in the user's profile or in memory.
        var keyFile = Assert.Single(Directory.GetFiles(Path.Combine(dataDir, "keys"), "key-*.xml"));
        Assert.Contains(keyId.ToString(), Path.GetFileName(keyFile), StringComparison.OrdinalIgnoreCase);

        await using var second = new KashiAppFactory { DataDir = dataDir };
        var wall = await GetWallAsync(second, cookie);
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        Assert.Contains(second.Services.GetRequiredService<IKeyManager>().GetAllKeys(), k => k.KeyId == keyId);
    }

    /// <summary>The sign-in cookie the server set (every chunk of it), as a Cookie header value.</summary>
    private static string AuthCookieOf(HttpResponseMessage signIn)
    {
        var parts = signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("kashi.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(parts);
        return string.Join("; ", parts);
    }

    /// <summary>GET /wall with only the given cookie, never following a redirect (a redirect would be to sign-in).</summary>
    private static async Task<HttpResponseMessage> GetWallAsync(KashiAppFactory app, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wall");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
