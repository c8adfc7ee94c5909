using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Leads;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.Leads;

public sealed class LeadsPersistenceTests : IAsyncLifetime
{
    private static readonly Actor Bureau = new("bureau", null);
    private static readonly CreditCode CodeA = CreditCode.Complete("91440300MA5F00001");
    private static readonly CreditCode CodeB = CreditCode.Complete("91320500MA1X00002");
    private TestDatabase _db = default!;
    private MiniWorld _w = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _w = await MiniWorld.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private UserScope Scope(ActorRole role, int? unit) => new("u", "u", role, unit, [], []);

    private async Task<Investor> FindOrAddAsync(string name, CreditCode? code, InvestorTier tiers = InvestorTier.None)
    {
        await using var db = _db.CreateContext();
        db.Actor = Bureau;
        var investor = await InvestorDirectory.FindOrAddAsync(db, name, code, tiers, SourceRegionCode.Shandong, default);
        await db.SaveChangesAsync();
        return investor;
    }

    private async Task<int> InvestorCountAsync()
    {
        await using var db = _db.CreateContext();
        return await db.Investors.CountAsync();
    }

    [Fact]
    public async Task The_investor_library_never_stores_the_same_enterprise_twice()
    {
        var before = await InvestorCountAsync();
        var byCode = await FindOrAddAsync("改了名字的测试投资公司", CreditCode.Complete("91440300MA5TEKT01"));
        Assert.Equal(_w.Investor, byCode.Id);                      // credit code first, whatever the name says

        var first = await FindOrAddAsync("鲁锦家纺（集团）有限公司", null);
        var again = await FindOrAddAsync(" 鲁锦家纺(集团)有限公司 ", CodeA, InvestorTier.Listed);
        Assert.Equal(first.Id, again.Id);                           // then the normalized name; it learns code and tier
        var other = await FindOrAddAsync("鲁锦家纺（集团）有限公司", CodeB);
        Assert.NotEqual(first.Id, other.Id);                        // same name, another code: another legal person
        Assert.Equal(before + 2, await InvestorCountAsync());

        await using var db = _db.CreateContext();
        var stored = await db.Investors.SingleAsync(i => i.Id == first.Id);
        Assert.Equal((CodeA.Value, InvestorTier.Listed), (stored.CreditCode, stored.Tiers));
    }

    [Fact]
    public async Task One_unit_of_work_naming_a_new_enterprise_twice_adds_it_once()
    {
        var before = await InvestorCountAsync();
        await using var db = _db.CreateContext();
        db.Actor = Bureau;
        var a = await InvestorDirectory.FindOrAddAsync(db, "新疆天润果业有限公司", null, InvestorTier.None, SourceRegionCode.WithinXinjiang, default);
        var b = await InvestorDirectory.FindOrAddAsync(db, "新疆天润果业有限公司", null, InvestorTier.None, SourceRegionCode.WithinXinjiang, default);
        await db.SaveChangesAsync();
        Assert.Same(a, b);
        Assert.Equal(before + 1, await InvestorCountAsync());
    }

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

    [Fact]
    public async Task Weekly_status_counts_nothing_new_as_reported_and_lists_the_missing_units()
    {
        var now = _db.Clock.GetUtcNow().UtcDateTime;
        var week = ReportWeek.Containing(now);
        await using (var db = _db.CreateContext())
        {
            db.Actor = Bureau;
            var report = new WeeklyIntentionReport(_w.CountyA, week, new Actor("a", _w.CountyA), now);
            report.File(true, [], [], new Actor("a", _w.CountyA), now);
            db.WeeklyReports.Add(report);
            await db.SaveChangesAsync();
        }
        var query = new WeeklyStatusQuery(_db.Factory, Options.Create(new WeeklyReportSettings { LookBackWeeks = 0 }), _db.Clock);
        var rows = await query.WeekAsync(Scope(ActorRole.Bureau, null), week);
        Assert.Equal(WeeklyReportState.Filed, rows.Single(r => r.UnitId == _w.CountyA).State);
        Assert.Null(rows.Single(r => r.UnitId == _w.CountyB).ReportId);
        Assert.Equal([_w.CountyB], (await query.MissingAsync()).Select(m => m.UnitId));
        Assert.Equal([_w.CountyA], (await query.WeekAsync(Scope(ActorRole.AttractingUnit, _w.CountyA), week)).Select(r => r.UnitId));
    }

    [Fact]
    public async Task The_investor_library_combines_forms_and_intentions_under_the_readers_scope()
    {
        var now = _db.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _db.CreateContext())
        {
            db.Actor = Bureau;
            var project = await db.Projects.SingleAsync(p => p.Id == _w.Projects["B2"]);
            var input = new LeadFormInput("测试投资有限公司", null, SourceRegionCode.PearlRiverDelta, InvestorTier.Listed, "背景", null, "项目", _w.Chain2, null,
                _w.CountyB, 1000m, 10, "诉求", Feasibility.Fair, "意见", BeijingTime.DateOf(now), "甲", "乙");
            db.LeadForms.Add(LeadForm.File(input, project, _w.Investor, _w.SubBureau, Bureau, now));
            var report = new WeeklyIntentionReport(_w.CountyA, ReportWeek.Containing(now), new Actor("a", _w.CountyA), now);
            report.File(false, [new IntentionInput("测试投资有限公司", null, _w.Chain1, "意向", 500m, 5, ContactStage.Talks, null)], [_w.Investor], new Actor("a", _w.CountyA), now);
            db.WeeklyReports.Add(report);
            await db.SaveChangesAsync();
        }
        var query = new InvestorLibraryQuery(_db.Factory);
        var all = (await query.SearchAsync(Scope(ActorRole.Bureau, null), new(Text: "测试投资"))).Single();
        Assert.Equal((1, 1), (all.Leads.Count, all.Intentions.Count));
        var countyA = (await query.SearchAsync(Scope(ActorRole.AttractingUnit, _w.CountyA), new())).Single();
        Assert.Equal((0, 1), (countyA.Leads.Count, countyA.Intentions.Count)); // B2 is county B's project
        Assert.Empty(await query.SearchAsync(Scope(ActorRole.Bureau, null), new(ChainId: _w.Chain1, UnitId: _w.CountyB)));
    }
}
