using KashiInvest.Web.Components.Layout;
using Xunit;

namespace KashiInvest.Web.Tests.Shared;

/// <summary>The side menu lights one link: the most specific one matching the path.</summary>
public sealed class NavEntryTests
{
    [Theory]
    [InlineData("/targets/annual", "/targets/annual")]
    [InlineData("/targets/annual/2026", "/targets/annual")]
    [InlineData("/targets", "/targets")]
    [InlineData("/targets/inbox", "/targets")]
    [InlineData("/statistics", "/statistics")]
    [InlineData("/statistics/returns/3", "/statistics/returns")]
    [InlineData("/approvals", "/approvals")]
    [InlineData("/approvals/board", "/approvals/board")]
    [InlineData("/projects/new", "/projects/new")]
    [InlineData("/integrity", "/integrity")]
    [InlineData("/import/projects", "/import")]
    public void The_most_specific_matching_link_is_lit(string path, string expected) =>
        Assert.Equal(expected, NavEntry.ActiveFor(path)?.Href);

    [Theory]
    [InlineData("/projects/12")] // the register matches its own path only
    [InlineData("/statisticsx")]
    [InlineData("/")]
    public void A_path_no_link_claims_lights_none(string path) => Assert.Null(NavEntry.ActiveFor(path));

    [Fact]
    public void Each_link_appears_once() =>
        Assert.Equal(NavEntry.All.Count, NavEntry.All.Select(l => l.Href).Distinct(StringComparer.OrdinalIgnoreCase).Count());
}
