using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Wall;

public sealed class WallQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    private WallQuery Query => new(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(), database.Services.GetRequiredService<ProjectHealthQuery>(), new WallCardPool());

    private Task<ReferenceCache.Snapshot> ReferenceAsync() => database.Services.GetRequiredService<ReferenceCache>().GetAsync();

    [Fact]
    public async Task The_wall_shows_every_project_from_negotiation_on_and_no_lead_triage_reserve_or_terminated_one()
    {
        var cards = await Query.GetCardsAsync(Leader, new WallFilter());

        var all = await database.QueryAsync(db => db.Projects.Select(p => new { p.Id, p.Stage }).ToListAsync());
        Assert.Contains(all, p => !p.Stage.HasBattleMap());
        Assert.Equal(all.Where(p => p.Stage.HasBattleMap()).Select(p => p.Id).Order(), cards.Select(c => c.Id).Order());
        Assert.All(cards, c => Assert.True(c.Stage.HasBattleMap(), $"{c.Code} is {c.Stage}"));
    }

    [Fact]
    public async Task A_county_sees_only_its_own_projects_on_the_wall()
    {
        var shache = await database.ScopeOfAsync("shache");

        var cards = await Query.GetCardsAsync(shache, new WallFilter());

        var expected = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == shache.UnitId)
            .Select(p => new { p.Id, p.Stage }).ToListAsync());
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Equal(shache.UnitId, c.HostUnitId));
        Assert.Equal(expected.Where(p => p.Stage.HasBattleMap()).Select(p => p.Id).Order(), cards.Select(c => c.Id).Order());
        // Asking for another county's projects by filter gives nothing, not that county's projects.
        var kashi = (await ReferenceAsync()).HostUnits.Single(u => u.Code == "kashi").Id;
        Assert.Empty(await Query.GetCardsAsync(shache, new WallFilter { HostUnitId = kashi }));
    }

    [Fact]
    public async Task Every_card_carries_the_health_of_the_one_shared_health_query()
    {
        var cards = await Query.GetCardsAsync(Leader, new WallFilter());

        var expected = await database.QueryAsync(db => database.Services.GetRequiredService<ProjectHealthQuery>()
            .AssessAsync(db, db.Projects.Where(p => WallQuery.BattleMapStages.Contains(p.Stage))));
        Assert.All(cards, c =>
        {
            Assert.Equal(expected[c.Id].Status, c.Status);
            Assert.Equal(expected[c.Id].Reasons.Select(r => r.Code), c.Health.Reasons.Select(r => r.Code));
        });
        // The demo data has every colour, so the wall is worth looking at.
        Assert.Contains(cards, c => c.Status == HealthStatus.Stalled);
        Assert.Contains(cards, c => c.Status == HealthStatus.AtRisk);
        Assert.Contains(cards, c => c.Status == HealthStatus.OnTrack);
        Assert.All(cards.Where(c => c.Status != HealthStatus.OnTrack), c => Assert.Equal(c.Status, c.Worst!.Level));
    }

    [Theory]
    [InlineData(WallGrouping.County)]
    [InlineData(WallGrouping.Chain)]
    public async Task Group_counts_add_up_to_the_summary_and_groups_follow_the_prefectures_order(WallGrouping grouping)
    {
        var reference = await ReferenceAsync();
        var cards = await Query.GetCardsAsync(Leader, new WallFilter());

        var board = WallBoard.Build(cards, grouping, reference);

        Assert.Equal(cards.Count, board.Summary.Counts.Total);
        Assert.Equal(cards.Count, board.Groups.Sum(g => g.Cards.Count));
        foreach (var status in Enum.GetValues<HealthStatus>())
        {
            Assert.Equal(cards.Count(c => c.Status == status), board.Summary.Counts.Of(status));
            Assert.Equal(board.Summary.Counts.Of(status), board.Groups.Sum(g => g.Counts.Of(status)));
        }
        foreach (var g in board.Groups)
        {
            Assert.Equal(g.Cards.Count, g.Counts.Total);
            Assert.All(g.Cards, c => Assert.Equal(g.Id, grouping == WallGrouping.County ? c.HostUnitId : c.ChainId));
            // Worst first inside a group.
            Assert.Equal(g.Cards.Select(c => c.Status).OrderDescending(), g.Cards.Select(c => c.Status));
        }
        var order = grouping == WallGrouping.County ? reference.HostUnits.Select(u => u.Id).ToList() : reference.Chains.Select(c => c.Id).ToList();
        Assert.Equal(board.Groups.Select(g => order.IndexOf(g.Id)).Order(), board.Groups.Select(g => order.IndexOf(g.Id)));
        Assert.Equal(cards.Sum(c => c.PlannedWan), board.Summary.PlannedWan);
        Assert.Equal(cards.Sum(c => c.FundsInPlaceWan), board.Summary.FundsInPlaceWan);
        Assert.Equal(cards.Count(c => c.IsKey), board.Summary.KeyProjects);

        // Kiosk screens hold every card once, none over the limit.
        var slides = board.Slides(12);
        Assert.Equal(cards.Select(c => c.Id).Order(), slides.SelectMany(s => s.Cards).Select(c => c.Id).Order());
        Assert.All(slides, s => Assert.InRange(s.Cards.Count, 1, 12));
    }

    [Fact]
    public async Task Filters_by_county_chain_health_stage_and_key_projects_narrow_the_wall()
    {
        var reference = await ReferenceAsync();
        var all = await Query.GetCardsAsync(Leader, new WallFilter());
        var textiles = reference.Chains.Single(c => c.Code == "textiles").Id;
        var shache = reference.HostUnits.Single(u => u.Code == "shache").Id;
        WallFilter[] filters =
        [
            new() { HostUnitId = shache },
            new() { ChainId = textiles },
            new() { Health = HealthStatus.Stalled },
            new() { Health = HealthStatus.AtRisk, KeyOnly = true },
            new() { Stage = ProjectStage.Construction },
            new() { KeyOnly = true },
            new() { ChainId = textiles, Stage = ProjectStage.Signed, Health = HealthStatus.OnTrack },
        ];

        foreach (var filter in filters)
        {
            var cards = await Query.GetCardsAsync(Leader, filter);
            var expected = all.Where(filter.Matches).Select(c => c.Id).Order().ToList();
            Assert.True(expected.Count < all.Count, $"{filter} does not narrow anything");
            Assert.Equal(expected, cards.Select(c => c.Id).Order());
        }
        Assert.NotEmpty(await Query.GetCardsAsync(Leader, new WallFilter { KeyOnly = true }));
        Assert.All(await Query.GetCardsAsync(Leader, new WallFilter { KeyOnly = true }), c => Assert.True(c.IsKey));
    }

    [Fact]
    public async Task Re_reading_named_cards_returns_only_those_still_on_the_users_wall()
    {
        var shache = await database.ScopeOfAsync("shache");
        var ids = await database.QueryAsync(async db => new
        {
            OnWall = await db.Projects.Where(p => p.HostUnitId == shache.UnitId && WallQuery.BattleMapStages.Contains(p.Stage)).Select(p => p.Id).FirstAsync(),
            NotYet = await db.Projects.Where(p => p.HostUnitId == shache.UnitId && (p.Stage == ProjectStage.Lead || p.Stage == ProjectStage.Triage)).Select(p => p.Id).FirstAsync(),
            Elsewhere = await db.Projects.Where(p => p.HostUnitId != shache.UnitId && WallQuery.BattleMapStages.Contains(p.Stage)).Select(p => p.Id).FirstAsync(),
        });

        var cards = await Query.GetCardsAsync(shache, [ids.OnWall, ids.NotYet, ids.Elsewhere, -1]);

        Assert.Equal([ids.OnWall], cards.Select(c => c.Id));
        Assert.Empty(await Query.GetCardsAsync(shache, Array.Empty<int>()));
    }
}
