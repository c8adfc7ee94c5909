using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Wall;

/// <summary>
/// The wall page draws the first <c>Wall:CardsPerGroup</c> cards of each group, worst first, with "show more"; the
/// counts cover every card, and a card changed live is drawn wherever it lands.
/// </summary>
public sealed class WallPagingTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private const int PerGroup = 2;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly UserScope Display = new("wall", "指挥大屏", ActorRole.Display, null, [], []);

    [Fact]
    public async Task Each_group_draws_its_worst_cards_first_shows_more_on_request_and_always_draws_a_card_changed_live()
    {
        var bus = new InMemoryLiveBus();
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddSingleton<ILiveBus>(bus);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(Display));
        context.Services.AddLiveFeature();
        context.Services.AddAlertsFeature();
        context.Services.AddWallFeature(new ConfigurationBuilder()
            .AddConfiguration(database.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Wall:CardsPerGroup"] = PerGroup.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build());
        context.Services.AddSupplyValueFromQueryProvider();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/wall");

        // What the wall holds, group by group, in wall order (worst health first).
        var reference = await context.Services.GetRequiredService<ReferenceCache>().GetAsync();
        var all = await context.Services.GetRequiredService<WallQuery>().GetCardsAsync(Display, WallRoute.Default.Filter);
        var board = WallBoard.Build(all, WallGrouping.County, reference);
        var big = board.Groups.Where(g => g.Cards.Count > 2 * PerGroup).ToList();
        Assert.True(big.Count >= 2, "the demo data should fill two counties with more than four cards on the wall");

        var page = context.Render<WallPage>();
        page.WaitForAssertion(() => Assert.Equal("on", page.Find(".wall-root").GetAttribute("data-live")), Wait);
        while (bus.SubscriberCount == 0) await Task.Delay(10);

        IReadOnlyList<int> Drawn(WallGroup g) => page.FindAll($"[data-testid=wall-group][data-group={g.Key}] [data-testid=wall-card]")
            .Select(a => int.Parse(a.GetAttribute("data-project-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string? Hidden(WallGroup g) => page.FindAll($"[data-testid=wall-group][data-group={g.Key}] [data-testid=wall-show-more]")
            .SingleOrDefault()?.GetAttribute("data-hidden");

        foreach (var g in board.Groups)
        {
            Assert.Equal(g.Cards.Take(PerGroup).Select(c => c.Id), Drawn(g));
            Assert.Equal(g.Cards.Count > PerGroup ? (g.Cards.Count - PerGroup).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, Hidden(g));
        }
        // The summary band and each group's header count every card, drawn or not.
        Assert.True(page.FindAll("[data-testid=wall-card]").Count < all.Count);
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=summary-total]").TextContent.Trim());
        foreach (var g in big)
        {
            var stalled = page.Find($"[data-testid=wall-group][data-group={g.Key}] [data-testid=group-count][data-health=Stalled] b").TextContent;
            Assert.Equal(g.Counts.Stalled.ToString(System.Globalization.CultureInfo.InvariantCulture), stalled);
        }

        // "Show more" draws the group's next cards, and only that group's.
        var first = big[0];
        page.Find($"[data-testid=wall-group][data-group={first.Key}] [data-testid=wall-show-more]").Click();
        page.WaitForAssertion(() => Assert.Equal(first.Cards.Take(2 * PerGroup).Select(c => c.Id), Drawn(first)), Wait);
        Assert.Equal(big[1].Cards.Take(PerGroup).Select(c => c.Id), Drawn(big[1]));

        // A project of another group, not drawn, changes: its card is drawn (flashing) where it belongs.
        var last = big[1].Cards[^1];
        Assert.DoesNotContain(last.Id, Drawn(big[1]));
        await bus.PublishAsync(new ChangeNotice(ChangeKinds.ProjectUpdated, last.Id, last.HostUnitId, last.ChainId, last.HostUnitId, 1, TestClock.Start.UtcDateTime),
            CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal([.. big[1].Cards.Take(PerGroup).Select(c => c.Id), last.Id], Drawn(big[1])), Wait);
        Assert.Contains("kashi-flash", page.Find($"[data-testid=wall-card][data-project-id=\"{last.Id}\"]").GetAttribute("class"));
        Assert.Equal((big[1].Cards.Count - PerGroup - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Hidden(big[1]));
    }
}
