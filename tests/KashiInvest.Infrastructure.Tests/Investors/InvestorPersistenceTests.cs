using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Investors;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Investors;

public sealed class InvestorPersistenceTests : IAsyncLifetime
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
