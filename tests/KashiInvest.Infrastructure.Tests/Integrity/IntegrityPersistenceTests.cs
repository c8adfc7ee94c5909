using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Integrity;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Infrastructure.Tests.Integrity;

/// <summary>
/// Integrity cases on a real SQLite file: stored with their history and audited before/after, a stale version refused,
/// one integrity notice per committed change on the live bus, and the overdue alert raised by the scan (read from the
/// clock) and cleared once the unit reports it rectified.
/// </summary>
public sealed class IntegrityPersistenceTests
{
    private static readonly Actor Bureau = new("bureau", null);

    private sealed class NoKeys : IProjectKeys
    {
        public ProjectKey Remember(Project project) => project.Key;
        public ValueTask<ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken) => ValueTask.FromResult<ProjectKey?>(null);
    }

    private static async Task<(int Bureau, int County)> UnitsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.Actor = Bureau;
        var b = new Unit("bureau", "地区招商局", "Bureau", UnitType.Bureau);
        var c = new Unit("county-a", "甲县", "County A", UnitType.County);
        db.Units.AddRange(b, c);
        await db.SaveChangesAsync();
        return (b.Id, c.Id);
    }

    private static IntegrityCaseInput Input(int unit) =>
        new(IntegrityCaseKind.ContractNotPerformed, "园区道路未按协议通至红线", "协议约定2026年6月底前完成，至今未动工。", unit, new DateOnly(2026, 7, 1), null, null, null, null);

    [Fact]
    public async Task A_case_is_stored_with_its_history_audited_before_and_after_and_a_stale_version_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, county) = await UnitsAsync(database);
        var today = BeijingTime.Today(database.Clock);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Bureau;
            var c = new IntegrityCase(Input(county), new IntegritySettings(), today, Bureau, now);
            db.IntegrityCases.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
        }
        await using (var db = database.CreateContext())
        {
            var unit = new Actor("county-a", county);
            db.Actor = unit;
            var c = await db.IntegrityCases.SingleAsync(x => x.Id == id);
            c.EnterPlan("本月内开工，下月底完工。", unit, now);
            await db.SaveChangesAsync();
        }
        // A second writer holding the first version loses.
        await using (var stale = database.CreateContext())
        {
            stale.Actor = Bureau;
            var c = await stale.IntegrityCases.SingleAsync(x => x.Id == id);
            stale.Entry(c).Property(x => x.Version).OriginalValue = c.Version - 1;
            c.RecordBreach("拒不整改", today, Bureau, now);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        }
        await using var read = database.CreateContext();
        var stored = await read.IntegrityCases.Include(c => c.History).AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((IntegrityCaseStatus.Rectifying, today.AddDays(30), 1, 2), (stored.Status, stored.RectifyBy, stored.Version, stored.History.Count));
        var audits = await read.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(IntegrityCase) && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Contains("Rectifying", audits[1].After ?? "");
        Assert.Contains("Open", audits[1].Before ?? "");
    }

    [Fact]
    public async Task Each_committed_change_publishes_one_integrity_notice_that_carries_no_content()
    {
        var bus = new InMemoryLiveBus();
        var clock = new FakeClock();
        var dispatcher = new LiveBusEventDispatcher(bus, new NoKeys(), clock, NullLogger<LiveBusEventDispatcher>.Instance);
        await using var database = await TestDatabase.CreateAsync(clock, dispatcher);
        var (_, county) = await UnitsAsync(database);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reader = bus.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = reader.MoveNextAsync();

        await using var db = database.CreateContext();
        db.Actor = Bureau;
        var c = new IntegrityCase(Input(county), new IntegritySettings(), BeijingTime.Today(clock), Bureau, clock.GetUtcNow().UtcDateTime);
        db.IntegrityCases.Add(c);
        await db.SaveChangesAsync();

        Assert.True(await next);
        var notice = reader.Current;
        Assert.Equal((ChangeKinds.IntegrityChanged, (int?)c.Id, (int?)0, 0), (notice.Kind, notice.ItemId, notice.ProjectId, notice.Version));
        Assert.Contains(ChangeKinds.IntegrityChanged, ChangeKinds.All);
    }

    [Fact]
    public async Task The_scan_raises_an_overdue_alert_to_the_unit_after_the_deadline_and_clears_it_when_the_unit_reports_it_rectified()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (bureau, county) = await UnitsAsync(database);
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Bureau;
            var c = new IntegrityCase(Input(county) with { RectifyBy = new DateOnly(2026, 11, 30) }, new IntegritySettings(), BeijingTime.Today(database.Clock), Bureau,
                database.Clock.GetUtcNow().UtcDateTime);
            db.IntegrityCases.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
        }
        var engine = new AlertEngine(database.Factory, [new IntegrityAlertCheck()], new NoAlertNotifier(), new PlainAlertTexts(), database.Clock,
            NullLogger<AlertEngine>.Instance);
        async Task<List<Alert>> OpenAsync()
        {
            await using var db = database.CreateContext();
            return await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.IntegrityOverdue && a.OpenKey != null).ToListAsync();
        }

        // The deadline is Monday 30 November (Beijing): overdue from 1 December, the clock decides, nothing is stored.
        database.Clock.UtcNow = new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero);
        await engine.ScanAsync();
        Assert.Empty(await OpenAsync());
        database.Clock.UtcNow = new DateTimeOffset(2026, 11, 30, 16, 1, 0, TimeSpan.Zero);
        await engine.ScanAsync();
        var late = Assert.Single(await OpenAsync());
        Assert.Equal(((int?)county, (int?)county, AlertSeverity.High, "integrity:" + id), (late.UnitId, late.OwnerUnitId, late.Severity, late.Subject));
        await using (var db = database.CreateContext())
        {
            Assert.Equal([bureau], await IntegrityAlertCheck.AlsoNotifyAsync(db, late, CancellationToken.None));
        }

        // A plan alone does not clear it: the unit still owes the rectification.
        await using (var db = database.CreateContext())
        {
            var unit = new Actor("county-a", county);
            db.Actor = unit;
            var c = await db.IntegrityCases.SingleAsync(x => x.Id == id);
            c.EnterPlan("立即开工。", unit, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        await engine.ScanAsync();
        Assert.Single(await OpenAsync());

        await using (var db = database.CreateContext())
        {
            var unit = new Actor("county-a", county);
            db.Actor = unit;
            var c = await db.IntegrityCases.SingleAsync(x => x.Id == id);
            c.ReportRectified("道路已通至红线。", BeijingTime.Today(database.Clock), unit, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        await engine.ScanAsync();
        Assert.Empty(await OpenAsync());
    }
}
