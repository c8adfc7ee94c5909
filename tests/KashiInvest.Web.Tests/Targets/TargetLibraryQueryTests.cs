using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Tests;
using KashiInvest.Infrastructure.Tests.Persistence;
using KashiInvest.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Tests.Targets;

public sealed class TargetLibraryQueryTests : IAsyncLifetime
{
    private static readonly Actor Bureau = new("bureau", null);
    private static readonly CreditCode CodeA = CreditCode.Complete("91440300MA5F00001");
    private TestDatabase _db = default!;
    private MiniWorld _w = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _w = await MiniWorld.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private UserScope Scope(ActorRole role, int? unit) => new("u", "u", role, unit, [], []);

    private async Task<(int Textiles, int Energy)> SeedTargetsAsync()
    {
        await using var db = _db.CreateContext();
        db.Actor = Bureau;
        var now = _db.Clock.GetUtcNow().UtcDateTime;
        var t1 = TargetEnterprise.Create(new TargetInput("广东粤纺印染科技股份有限公司", CodeA.Value, _w.Chain1, null, SourceRegionCode.PearlRiverDelta, InvestorTier.Listed, null), Bureau, now);
        var t2 = TargetEnterprise.Create(new TargetInput("河南中原新能源有限公司", null, _w.Chain2, null, SourceRegionCode.OtherDomestic, InvestorTier.Unicorn, null), Bureau, now);
        db.TargetEnterprises.AddRange(t1, t2);
        await db.SaveChangesAsync();
        db.TargetPushes.Add(new TargetPush(t1.Id, _w.CountyA, _w.Chain1, PushReason.Chain, Bureau, now));
        db.TargetPushes.Add(new TargetPush(t2.Id, _w.CountyB, _w.Chain2, PushReason.Chain, Bureau, now));
        await db.SaveChangesAsync();
        return (t1.Id, t2.Id);
    }

    [Fact]
    public async Task The_target_library_filters_by_chain_region_priority_tier_and_text()
    {
        var (textiles, energy) = await SeedTargetsAsync();
        var query = new TargetLibraryQuery(_db.Factory);
        var bureau = Scope(ActorRole.Bureau, null);
        async Task<int[]> Ids(TargetFilter f) => [.. (await query.SearchAsync(bureau, f)).Select(r => r.Id)];

        Assert.Equal([textiles, energy], await Ids(new()));                   // first priority first
        Assert.Equal([energy], await Ids(new(ChainId: _w.Chain2)));
        Assert.Equal([textiles], await Ids(new(Region: SourceRegionCode.PearlRiverDelta)));
        Assert.Equal([energy], await Ids(new(Priority: 2)));
        Assert.Equal([energy], await Ids(new(Tier: InvestorTier.Unicorn)));
        Assert.Equal([textiles], await Ids(new(Text: "粤纺 印染")));
        Assert.Equal([textiles], await Ids(new(Text: CodeA.Value[..10].ToLowerInvariant())));
        Assert.Empty(await query.SearchAsync(Scope(ActorRole.AttractingUnit, _w.CountyA), new()));
    }

    [Fact]
    public async Task A_unit_sees_only_the_pushes_it_received()
    {
        var (textiles, _) = await SeedTargetsAsync();
        var query = new TargetLibraryQuery(_db.Factory);
        var inbox = await query.InboxAsync(Scope(ActorRole.AttractingUnit, _w.CountyA), new());
        Assert.Equal([textiles], inbox.Select(r => r.TargetId));
        Assert.Equal(2, (await query.InboxAsync(Scope(ActorRole.Bureau, null), new())).Count);
        Assert.Empty(await query.HistoryAsync(Scope(ActorRole.AttractingUnit, _w.CountyB), inbox[0].PushId));
        Assert.Single(await query.HistoryAsync(Scope(ActorRole.AttractingUnit, _w.CountyA), inbox[0].PushId));
    }
}
