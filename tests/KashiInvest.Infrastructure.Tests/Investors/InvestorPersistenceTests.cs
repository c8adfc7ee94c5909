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
}
