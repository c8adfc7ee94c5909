using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Tests;
using KashiInvest.Infrastructure.Tests.Persistence;
using KashiInvest.Web.Features.Investors;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Tests.Investors;

public sealed class InvestorLibraryQueryTests : IAsyncLifetime
{
    private static readonly Actor Bureau = new("bureau", null);
    private TestDatabase _db = default!;
    private MiniWorld _w = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _w = await MiniWorld.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private UserScope Scope(ActorRole role, int? unit) => new("u", "u", role, unit, [], []);

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
