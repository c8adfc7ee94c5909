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
}
