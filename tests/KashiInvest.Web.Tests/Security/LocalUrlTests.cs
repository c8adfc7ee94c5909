using KashiInvest.Web.Security;

namespace KashiInvest.Web.Tests.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/projects", true)]
    [InlineData("/projects/12?tab=history", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/projects\\..\\x", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("projects", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_same_site_paths_are_redirect_targets(string? url, bool local)
    {
        Assert.Equal(local, LocalUrls.IsLocal(url));
        Assert.Equal(local ? url : "/fallback", LocalUrls.OrDefault(url, "/fallback"));
    }

    /// <summary>
    /// Browsers remove tabs and line breaks from a URL before they read it, and treat a backslash as a slash: each of
    /// these would leave the site (<c>?returnUrl=/%09/evil.example</c> arrives as "/\t/evil.example", read as "//evil.example").
    /// </summary>
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\t\t/evil.example/path")]
    [InlineData("/\u0000/evil.example")]
    [InlineData("/\u001f/evil.example")]
    [InlineData("/\u007f/evil.example")]
    [InlineData("/\u0085/evil.example")]
    [InlineData("/\u2028/evil.example")]
    [InlineData("/projects\t")]
    [InlineData("\t//evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/projects/\\\\evil.example")]
    [InlineData("///evil.example")]
    [InlineData("//evil.example/%2F..")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" /projects")]
    public void Hostile_return_urls_are_refused(string url)
    {
        Assert.False(LocalUrls.IsLocal(url));
        Assert.Equal("/fallback", LocalUrls.OrDefault(url, "/fallback"));
    }

    [Fact]
    public async Task The_language_switch_does_not_follow_a_return_url_with_a_tab_off_the_site()
    {
        using var app = new Support.KashiAppFactory();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/culture/en?returnUrl=/%09/evil.example");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
