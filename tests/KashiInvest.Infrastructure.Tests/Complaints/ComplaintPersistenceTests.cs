using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Infrastructure.Tests.Complaints;

/// <summary>Complaints on a real SQLite file: stored with their history, the code's hash kept out of the audit log, and the overdue alert raised and cleared by the scan.</summary>
public sealed class ComplaintPersistenceTests
{
    private static readonly Actor Bureau = new("bureau", null);
    private static readonly WorkingCalendar Weekends = WorkingCalendar.WeekendsOnly;

    private static ComplaintInput Input() => new("广东粤纺印染科技股份有限公司", CreditCode.Complete("91440300MA5F00001").Value, "张经理", "13809981234",
        null, ComplaintCategory.ApprovalDelay, "施工许可申请已超过法定时限。");

    [Fact]
    public async Task A_complaint_is_stored_with_its_history_and_its_code_hash_never_reaches_the_audit_log()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Complaint.Complainant;
            var complaint = new Complaint(Input(), "TS261120ABCDE", ComplaintCode.Hash("K7M2P9QX"), Weekends, new ComplaintSettings(), now);
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            id = complaint.Id;
        }
        await using var read = database.CreateContext();
        var stored = await read.Complaints.Include(c => c.History).AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((ComplaintStatus.Filed, new DateOnly(2026, 11, 25), "91440300MA5F00001"), (stored.Status, stored.AcceptBy, stored.CreditCode[..17]));
        Assert.True(stored.HasCode("k7m2-p9qx"));
        Assert.Single(stored.History);
        var audit = await read.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Complaint));
        Assert.DoesNotContain(stored.CodeHash, audit.After ?? "");
        Assert.Contains(AuditMaskedAttribute.Mask, audit.After ?? "");
        Assert.Contains("TS261120ABCDE", audit.After ?? "");
    }

    [Fact]
    public async Task The_scan_raises_an_overdue_alert_to_the_Bureau_then_to_the_assigned_unit_and_clears_each_when_the_step_is_taken()
    {
        await using var database = await TestDatabase.CreateAsync();
        int bureau, county, id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Bureau;
            var b = new Unit("bureau", "地区招商局", "Bureau", UnitType.Bureau);
            var c = new Unit("county-a", "甲县", "County A", UnitType.County);
            db.Units.AddRange(b, c);
            var complaint = new Complaint(Input(), "TS261120ABCDE", ComplaintCode.Hash("K7M2P9QX"), Weekends, new ComplaintSettings(), database.Clock.GetUtcNow().UtcDateTime);
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            (bureau, county, id) = (b.Id, c.Id, complaint.Id);
        }
        var engine = new AlertEngine(database.Factory, [new ComplaintAlertCheck()], new NoAlertNotifier(), new PlainAlertTexts(), database.Clock,
            NullLogger<AlertEngine>.Instance);
        async Task<List<Alert>> OpenAsync()
        {
            await using var db = database.CreateContext();
            return await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.ComplaintOverdue && a.OpenKey != null).ToListAsync();
        }

        // Filed Friday 20 November: to be registered by Wednesday 25 November.
        database.Clock.UtcNow = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        await engine.ScanAsync();
        Assert.Empty(await OpenAsync());
        database.Clock.UtcNow = new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
        await engine.ScanAsync();
        var late = Assert.Single(await OpenAsync());
        Assert.Equal(((int?)bureau, (int?)bureau, AlertSeverity.High, "complaint:" + id), (late.UnitId, late.OwnerUnitId, late.Severity, late.Subject));

        await using (var db = database.CreateContext())
        {
            db.Actor = Bureau;
            var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
            var today = BeijingTime.Today(database.Clock);
            var now = database.Clock.GetUtcNow().UtcDateTime;
            complaint.Accept(null, today, Bureau, now);
            complaint.Assign(county, null, Weekends, new ComplaintSettings(), today, Bureau, now);
            await db.SaveChangesAsync();
            Assert.Equal(new DateOnly(2026, 12, 17), complaint.DueOn);
        }
        await engine.ScanAsync();
        Assert.Empty(await OpenAsync());

        database.Clock.UtcNow = new DateTimeOffset(2026, 12, 18, 2, 0, 0, TimeSpan.Zero);
        await engine.ScanAsync();
        var unanswered = Assert.Single(await OpenAsync());
        Assert.Equal(((int?)county, (int?)county), (unanswered.UnitId, unanswered.OwnerUnitId));
    }
}
