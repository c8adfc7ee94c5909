using System.Globalization;
using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Pipeline;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Pipeline;

/// <summary>
/// The pipeline board draws the first <c>Pipeline:CardsPerColumn</c> cards of each column, in column order, with
/// "show more"; the counts cover every project, and a card changed live is drawn wherever it lands.
/// </summary>
public sealed class PipelinePagingTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private const int PerColumn = 2;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly UserScope Bureau = new("bureau", "招商局", ActorRole.Bureau, null, [], []);

    [Fact]
    public async Task Each_column_draws_its_first_cards_shows_more_on_request_and_always_draws_a_card_changed_live()
    {
        var bus = new InMemoryLiveBus();
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.Configure<PipelineOptions>(o => o.CardsPerColumn = PerColumn);
        context.Services.AddSingleton<ILiveBus>(bus);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(Bureau));
        context.Services.AddLiveFeature();
        context.Services.AddSupplyValueFromQueryProvider();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/pipeline");

        var columns = PipelineBoard.Build(await context.Services.GetRequiredService<PipelineQuery>().GetCardsAsync(Bureau, new PipelineFilter()));
        var big = columns.Where(c => !c.IsSide && c.Count > 2 * PerColumn).ToList();
        Assert.True(big.Count >= 2, "the demo data should fill two main-line stages with more than four projects");

        var page = context.Render<KashiInvest.Web.Features.Pipeline.Pipeline>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".pipeline-page[data-live=on] [data-testid=pipeline-card]")), Wait);
        while (bus.SubscriberCount == 0) await Task.Delay(10);

        IReadOnlyList<int> Drawn(PipelineColumn c) => page.FindAll($"[data-testid=pipeline-column][data-stage={c.Stage}] [data-testid=pipeline-card]")
            .Select(a => int.Parse(a.GetAttribute("data-project-id")!, CultureInfo.InvariantCulture)).ToList();
        string? Hidden(PipelineColumn c) => page.FindAll($"[data-testid=pipeline-column][data-stage={c.Stage}] [data-testid=pipeline-show-more]")
            .SingleOrDefault()?.GetAttribute("data-hidden");
        string Count(PipelineColumn c) => page.Find($"[data-testid=pipeline-column][data-stage={c.Stage}] [data-testid=column-count]").TextContent.Trim();

        foreach (var column in columns.Where(c => !c.IsSide))
        {
            Assert.Equal(column.Cards.Take(PerColumn).Select(c => c.Id), Drawn(column));
            Assert.Equal(column.Count > PerColumn ? (column.Count - PerColumn).ToString(CultureInfo.InvariantCulture) : null, Hidden(column));
            // The column's count covers every project, drawn or not.
            Assert.Equal(column.Count.ToString(CultureInfo.InvariantCulture), Count(column));
        }
        Assert.Contains((big[0].Count - PerColumn).ToString(CultureInfo.InvariantCulture), page.Find($"[data-testid=pipeline-column][data-stage={big[0].Stage}] [data-testid=pipeline-show-more]").TextContent);

        // "Show more" draws the column's next cards, and only that column's.
        page.Find($"[data-testid=pipeline-column][data-stage={big[0].Stage}] [data-testid=pipeline-show-more]").Click();
        page.WaitForAssertion(() => Assert.Equal(big[0].Cards.Take(2 * PerColumn).Select(c => c.Id), Drawn(big[0])), Wait);
        Assert.Equal(big[1].Cards.Take(PerColumn).Select(c => c.Id), Drawn(big[1]));

        // A project of another column, not drawn, changes: its card is drawn (flashing) where it belongs.
        var last = big[1].Cards[^1];
        Assert.DoesNotContain(last.Id, Drawn(big[1]));
        await bus.PublishAsync(new ChangeNotice(ChangeKinds.ProjectUpdated, last.Id, last.HostUnitId, last.ChainId, last.HostUnitId, 1, TestClock.Start.UtcDateTime),
            CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal([.. big[1].Cards.Take(PerColumn).Select(c => c.Id), last.Id], Drawn(big[1])), Wait);
        page.WaitForAssertion(() => Assert.Equal((big[1].Count - PerColumn - 1).ToString(CultureInfo.InvariantCulture), Hidden(big[1])), Wait);
        Assert.Single(page.FindAll($"[data-testid=pipeline-card][data-project-id=\"{last.Id}\"] .kashi-flash"));
    }
}
