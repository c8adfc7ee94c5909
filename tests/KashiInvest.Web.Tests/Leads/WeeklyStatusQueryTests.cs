using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Tests;
using KashiInvest.Infrastructure.Tests.Persistence;
using KashiInvest.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Leads;

public sealed class WeeklyStatusQueryTests : IAsyncLifetime
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
}
