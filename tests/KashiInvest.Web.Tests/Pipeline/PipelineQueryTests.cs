using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Pipeline;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Pipeline;

/// <summary>The pipeline board's read on the seeded demo database: columns, their counts and amounts, filters and scope.</summary>
public sealed class PipelineQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Bureau = new("bureau", "招商局", ActorRole.Bureau, null, [], []);

    private PipelineQuery Query => database.Services.GetRequiredService<PipelineQuery>();

    [Fact]
    public async Task Every_stage_is_a_column_with_the_count_and_total_planned_investment_of_its_projects()
    {
        var expected = await database.QueryAsync(db => db.Projects.GroupBy(p => p.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Total = g.Sum(p => p.PlannedInvestmentWan) }).ToListAsync());

        var columns = PipelineBoard.Build(await Query.GetCardsAsync(Bureau, new PipelineFilter()));

        Assert.Equal([.. ProjectLifecycle.MainLine, ProjectStage.Reserve, ProjectStage.Terminated], columns.Select(c => c.Stage));
        Assert.Equal([ProjectStage.Reserve, ProjectStage.Terminated], columns.Where(c => c.IsSide).Select(c => c.Stage));
        foreach (var column in columns)
        {
            var e = expected.SingleOrDefault(x => x.Stage == column.Stage);
            Assert.Equal(e?.Count ?? 0, column.Count);
            Assert.Equal(e?.Total ?? 0m, column.TotalWan);
            Assert.All(column.Cards, c => Assert.Equal(column.Stage, c.Stage));
        }
        Assert.True(columns.Count(c => c.Count > 0) >= 8, "the demo data fills most stages");
    }

    [Fact]
    public async Task A_county_sees_only_the_projects_it_hosts_and_may_move_them()
    {
        var county = await database.ScopeOfAsync("shache");
        var own = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == county.UnitId).Select(p => p.Id).OrderBy(i => i).ToListAsync());

        var cards = await Query.GetCardsAsync(county, new PipelineFilter());

        Assert.NotEmpty(cards);
        Assert.Equal(own, cards.Select(c => c.Id).OrderBy(i => i));
        Assert.All(cards, c => Assert.True(c.CanEdit));
        // A card of another county, asked for by id (a live notice), is not answered.
        var other = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId != county.UnitId).Select(p => p.Id).FirstAsync());
        Assert.Empty(await Query.GetCardsAsync(county, [other]));
    }

    [Fact]
    public async Task A_leader_sees_everything_and_moves_nothing()
    {
        var leader = new UserScope("leader", "地区分管领导", ActorRole.Leader, null, [], []);
        var cards = await Query.GetCardsAsync(leader, new PipelineFilter());
        Assert.Equal(await database.QueryAsync(db => db.Projects.CountAsync()), cards.Count);
        Assert.All(cards, c => Assert.False(c.CanEdit));
    }

    [Fact]
    public async Task Filters_by_host_chain_tier_region_and_text_agree_with_the_database()
    {
        var sample = await database.QueryAsync(db => (from p in db.Projects
                                                      join i in db.Investors on p.InvestorId equals i.Id
                                                      where i.Tiers != InvestorTier.None
                                                      orderby p.Id
                                                      select new { p.HostUnitId, p.ChainId, i.Tiers, i.Region, p.Name }).FirstAsync());
        var tier = sample.Tiers.Split().First();

        async Task Check(PipelineFilter filter, Func<PipelineCard, bool> expected)
        {
            var all = await Query.GetCardsAsync(Bureau, new PipelineFilter());
            var filtered = await Query.GetCardsAsync(Bureau, filter);
            Assert.NotEmpty(filtered);
            Assert.True(filtered.Count < all.Count, $"{filter} filters nothing out");
            Assert.Equal(all.Where(expected).Select(c => c.Id).Order(), filtered.Select(c => c.Id).Order());
            Assert.All(filtered, c => Assert.True(filter.Matches(c)));
        }

        await Check(new PipelineFilter { HostUnitId = sample.HostUnitId }, c => c.HostUnitId == sample.HostUnitId);
        await Check(new PipelineFilter { ChainId = sample.ChainId }, c => c.ChainId == sample.ChainId);
        await Check(new PipelineFilter { Tier = tier }, c => c.Tiers.HasFlag(tier));
        await Check(new PipelineFilter { Region = sample.Region }, c => c.Region == sample.Region);
        await Check(new PipelineFilter { Text = sample.Name }, c => c.Name.Contains(sample.Name) || c.InvestorName.Contains(sample.Name));
        await Check(new PipelineFilter { HostUnitId = sample.HostUnitId, ChainId = sample.ChainId },
            c => c.HostUnitId == sample.HostUnitId && c.ChainId == sample.ChainId);
    }

    [Fact]
    public async Task The_filter_round_trips_through_the_address_by_unit_and_chain_codes()
    {
        var reference = await database.Services.GetRequiredService<KashiInvest.Web.Shared.ReferenceCache>().GetAsync();
        var host = reference.HostUnits.Last();
        var chain = reference.Chains.First();
        var filter = new PipelineFilter { HostUnitId = host.Id, ChainId = chain.Id, Tier = InvestorTier.Listed, Region = SourceRegionCode.Shandong, Text = "纺织" };

        var query = filter.ToQuery(reference);
        var back = PipelineFilter.FromQuery(reference, (string?)query["county"], (string?)query["chain"], (string?)query["tier"], (string?)query["region"], (string?)query["q"]);

        Assert.Equal(host.Code, query["county"]);
        Assert.Equal(filter, back);
        Assert.Equal(new PipelineFilter(), PipelineFilter.FromQuery(reference, "nowhere", "nochain", "Gold", "Mars", "  "));
    }
}
