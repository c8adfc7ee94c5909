using System.Net;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// A browser judges a cookie's <c>Expires</c> by its own machine's clock, which need not be the server's: the
/// cookies that outlive a session say how long they last (<c>Max-Age</c>) instead of until when.
/// </summary>
public sealed class CookieLifetimeTests(KashiAppFactory app) : IClassFixture<KashiAppFactory>
{
    [Fact]
    public async Task A_remembered_sign_in_lasts_twelve_hours_by_max_age_and_keeps_working_when_the_clocks_disagree()
    {
        // The app runs on the suite's clock (November 2026), not on this machine's: an Expires date from it would
        // already be past for the client and the cookie dropped at once.
        using var client = app.CreateHttpClient();
        var signIn = await HttpSignIn.SignInAsync(client, "kashi", rememberMe: true);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var auth = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kashi.auth=", StringComparison.Ordinal));
        var maxAge = int.Parse(System.Text.RegularExpressions.Regex.Match(auth, "max-age=([0-9]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(maxAge, 43_200 - 60, 43_200);
        Assert.DoesNotContain("expires=", auth, StringComparison.OrdinalIgnoreCase);
        var register = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_not_remembered_stays_a_session_cookie()
    {
        using var client = app.CreateHttpClient();
        var signIn = await HttpSignIn.SignInAsync(client, "kashi");

        var auth = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kashi.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("max-age=", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_language_choice_is_remembered_for_a_year_by_max_age()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/culture/en?returnUrl=/account/login");

        var culture = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("max-age=31536000", culture, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", culture, StringComparison.OrdinalIgnoreCase);
    }
}
