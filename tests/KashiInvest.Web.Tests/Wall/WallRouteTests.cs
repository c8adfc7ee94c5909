using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Wall;

public sealed class WallRouteTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly WallOptions Defaults = new();

    [Fact]
    public async Task The_address_names_units_and_chains_by_code_and_reads_back_the_same_view()
    {
        var reference = await database.Services.GetRequiredService<ReferenceCache>().GetAsync();

        var route = WallRoute.Parse(new WallQueryString("chain", "SHACHE", "textiles", "stalled", "Construction", "1", "1", "45"), reference);

        Assert.Equal(WallGrouping.Chain, route.Grouping);
        Assert.Equal(reference.HostUnits.Single(u => u.Code == "shache").Id, route.Filter.HostUnitId);
        Assert.Equal(reference.Chains.Single(c => c.Code == "textiles").Id, route.Filter.ChainId);
        Assert.Equal(HealthStatus.Stalled, route.Filter.Health);
        Assert.Equal(ProjectStage.Construction, route.Filter.Stage);
        Assert.True(route.Filter.KeyOnly);
        Assert.True(route.Kiosk);
        Assert.Equal(TimeSpan.FromSeconds(45), route.RotationInterval(Defaults));

        var query = route.ToQuery(reference);
        Assert.Equal("chain", query["group"]);
        Assert.Equal("shache", query["county"]);
        Assert.Equal("textiles", query["chain"]);
        Assert.Equal("Stalled", query["health"]);
        Assert.Equal(route, WallRoute.Parse(new WallQueryString((string?)query["group"], (string?)query["county"], (string?)query["chain"],
            (string?)query["health"], (string?)query["stage"], (string?)query["key"], (string?)query["kiosk"], (string?)query["rotate"]), reference));
    }

    [Fact]
    public async Task Unknown_values_in_a_bookmark_are_ignored_not_errors()
    {
        var reference = await database.Services.GetRequiredService<ReferenceCache>().GetAsync();

        // "bureau" hosts no projects; Lead has no battle map; "green" is no health status.
        var route = WallRoute.Parse(new WallQueryString("planet", "bureau", "nope", "green", "Lead", "yes", "0", "soon"), reference);

        Assert.Equal(WallRoute.Default, route);
        Assert.Null(route.RotationInterval(Defaults));
        Assert.All(WallRoute.Default.ToQuery(reference).Values, Assert.Null);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData("30", 30)]
    [InlineData("1", WallOptions.MinRotateSeconds)]
    [InlineData("100000", WallOptions.MaxRotateSeconds)]
    [InlineData("0", null)]
    [InlineData("off", null)]
    public void The_kiosk_rotates_at_the_configured_interval_unless_the_address_says_otherwise(string? rotate, int? seconds)
    {
        var kiosk = WallRoute.Default with { Kiosk = true };
        var route = WallRoute.Parse(new WallQueryString(Kiosk: "1", Rotate: rotate), new ReferenceCache.Snapshot([], []));

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, route.RotationInterval(Defaults));
        Assert.Null((route with { Kiosk = false }).RotationInterval(Defaults));
        Assert.Equal(TimeSpan.FromSeconds(20), kiosk.RotationInterval(Defaults));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("601")]
    public void A_rotation_setting_outside_5_to_600_seconds_stops_the_app_at_start(string seconds)
    {
        var services = new ServiceCollection();
        services.AddWallFeature(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Wall:RotateSeconds"] = seconds }).Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WallOptions>>().Value);
        Assert.Contains("Wall:RotateSeconds", error.Message);
    }

    [Fact]
    public void The_rotation_setting_is_bound_from_the_Wall_section()
    {
        var services = new ServiceCollection();
        services.AddWallFeature(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Wall:RotateSeconds"] = "45" }).Build());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(45, provider.GetRequiredService<IOptions<WallOptions>>().Value.RotateSeconds);
        Assert.Equal(20, new WallOptions().RotateSeconds);
    }
}
