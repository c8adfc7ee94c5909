using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Wall;

public sealed class WallRotationTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Display = new("wall", "指挥大屏", ActorRole.Display, null, [], []);

    [Fact]
    public void The_rotation_steps_once_per_interval_of_the_injected_clock_and_wraps_around()
    {
        var clock = new ManualClock(TestClock.Start);
        var ticks = 0;
        using var rotation = new WallRotation(clock, () =>
        {
            ticks++;
            return Task.CompletedTask;
        });

        rotation.Start(TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, ticks);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, ticks);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(4, ticks);

        Assert.Equal(1, rotation.Advance(3));
        Assert.Equal(2, rotation.Advance(3));
        Assert.Equal(0, rotation.Advance(3));
        Assert.Equal(1, rotation.MoveTo(7, 2));

        // Restarting with another interval replaces the timer; stopping leaves none behind.
        rotation.Start(TimeSpan.FromSeconds(5));
        Assert.Equal(1, clock.ActiveTimers);
        rotation.Stop();
        Assert.Equal(0, clock.ActiveTimers);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(4, ticks);
    }

    [Fact]
    public async Task The_kiosk_page_moves_to_the_next_group_when_the_clock_passes_the_interval_and_leaves_no_timer_behind()
    {
        var clock = new ManualClock(TestClock.Start);
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddSingleton<TimeProvider>(clock);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(Display));
        context.Services.AddLiveFeature();
        context.Services.AddWallFeature(database.Configuration);
        context.Services.AddSupplyValueFromQueryProvider();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/wall?kiosk=1&rotate=10");

        var page = context.Render<WallPage>();

        page.WaitForAssertion(() => Assert.Equal("on", page.Find(".wall-root").GetAttribute("data-live")), TimeSpan.FromSeconds(10));
        string Slide() => page.Find("[data-testid=kiosk-slide]").GetAttribute("data-slide")!;
        var tabs = page.FindAll("[data-testid=kiosk-tab]").Count;
        Assert.True(tabs > 2, "the demo data should fill more than two counties");
        var first = Slide();
        Assert.Equal("county-", first[..7]);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(first, Slide());
        clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.NotEqual(first, Slide()));
        var second = Slide();
        clock.Advance(TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.NotEqual(second, Slide()));

        // Round the whole wall and come back to the first screen.
        var seen = new List<string> { first, second, Slide() };
        for (var i = 0; i < 100 && Slide() != first; i++)
        {
            var before = Slide();
            clock.Advance(TimeSpan.FromSeconds(10));
            page.WaitForAssertion(() => Assert.NotEqual(before, Slide()));
            seen.Add(Slide());
        }
        Assert.Equal(first, Slide());
        Assert.True(seen.Distinct().Count() >= tabs, "every group was shown");

        // The clock and the rotation each hold one timer; closing the page disposes both.
        Assert.Equal(2, clock.ActiveTimers);
        await context.DisposeAsync();
        Assert.Equal(0, clock.ActiveTimers);
    }
}
