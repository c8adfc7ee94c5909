using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Tests.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KashiInvest.Infrastructure.Tests.Alerts.AlertTestKit;

namespace KashiInvest.Infrastructure.Tests.Approvals;

/// <summary>The two approval alerts (Art. 23) through the engine on a real SQLite file, on the seeded 2026 calendar.</summary>
public sealed class ApprovalAlertCheckTests
{
    // Friday 20 November 2026, 10:00 Beijing.
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static AlertEngine EngineWith(TestDatabase database, int warningPercent = 20, IAlertNotifier? notifier = null) =>
        new(database.Factory, [new ApprovalAlertCheck(Options.Create(new ApprovalsOptions { WarningPercent = warningPercent }))],
            notifier ?? new NoAlertNotifier(), new PlainAlertTexts(), database.Clock, NullLogger<AlertEngine>.Instance);

    [Fact]
    public async Task Outside_the_app_the_department_county_and_group_hear_of_it_and_the_Bureau_once_it_is_overdue()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(Friday));
        await ApprovalWorld.SeedAsync(database);
        var (_, itemId) = await ApprovalWorld.PlannedItemAsync(database, "land-use-planning");
        await ApprovalWorld.AcceptAsync(database, itemId, new DateOnly(2026, 11, 6));  // due today
        var units = await QueryAsync(database, db => db.Units.ToDictionaryAsync(u => u.Code, u => u.Id));
        var notifier = new RecordingNotifier();
        var engine = EngineWith(database, notifier: notifier);

        await engine.ScanAsync();
        database.Clock.Advance(TimeSpan.FromDays(1));
        await engine.ScanAsync();

        var sent = notifier.Sent.ToArray();
        Assert.Equal(["ApprovalDueSoon", "ApprovalOverdue"], sent.Select(s => s.Kind));
        int[] county = [units["shache"], units["dept-natres"], units["svc-shache"]];
        Assert.All(county, u => Assert.Contains(u, sent[0].UnitIds));
        Assert.DoesNotContain(units["bureau"], sent[0].UnitIds);
        Assert.All(county, u => Assert.Contains(u, sent[1].UnitIds));
        Assert.Contains(units["bureau"], sent[1].UnitIds);
    }

    [Fact]
    public async Task An_item_on_its_last_day_is_due_soon_then_overdue_and_its_decision_clears_the_alert()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(Friday));
        await ApprovalWorld.SeedAsync(database);
        var (projectId, itemId) = await ApprovalWorld.PlannedItemAsync(database, "land-use-planning");  // 20 working days → 10 committed
        await ApprovalWorld.AcceptAsync(database, itemId, new DateOnly(2026, 11, 6));                  // due Friday 20 November
        var natres = await QueryAsync(database, db => db.Units.Where(u => u.Code == "dept-natres").Select(u => u.Id).SingleAsync());
        var engine = EngineWith(database);

        await engine.ScanAsync();
        var soon = Assert.Single(await AlertsAsync(database));
        Assert.Equal((AlertKind.ApprovalDueSoon, (int?)projectId, AlertSeverity.Medium, (int?)natres, ApprovalAlertRules.SubjectOf(itemId)),
            (soon.Kind, soon.ProjectId, soon.Severity, soon.OwnerUnitId, soon.Subject));
        Assert.Equal(["建设用地规划许可证", "2026-11-20", "0", "10", ""], soon.Args);

        database.Clock.Advance(TimeSpan.FromDays(1));  // Saturday 21 November: past the due day
        await engine.ScanAsync();
        var alerts = await AlertsAsync(database);
        Assert.False(alerts.Single(a => a.Kind == AlertKind.ApprovalDueSoon).IsOpen);
        var overdue = alerts.Single(a => a.Kind == AlertKind.ApprovalOverdue);
        Assert.True(overdue.IsOpen);
        Assert.Equal(AlertSeverity.High, overdue.Severity);
        Assert.Equal("1", overdue.Args[2]);

        await ApprovalWorld.StepAsync(database, itemId, (item, now) => item.Decide(true, new DateOnly(2026, 11, 21), null, ApprovalWorld.Proxy, now));
        var result = await engine.RecheckAsync([projectId]);
        Assert.Equal(1, result.Cleared);
        Assert.All(await AlertsAsync(database), a => Assert.False(a.IsOpen));
    }

    [Fact]
    public async Task Items_not_accepted_paused_in_time_or_with_time_left_raise_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(Friday));
        await ApprovalWorld.SeedAsync(database);
        await ApprovalWorld.PlannedItemAsync(database, "fire-design", code: "KS-2026-0901");
        var (_, fresh) = await ApprovalWorld.PlannedItemAsync(database, "land-use-planning", code: "KS-2026-0902");
        await ApprovalWorld.AcceptAsync(database, fresh, new DateOnly(2026, 11, 18));  // 2 of 10 days used
        var (_, paused) = await ApprovalWorld.PlannedItemAsync(database, "soil-water", code: "KS-2026-0903");  // 12 committed
        await ApprovalWorld.AcceptAsync(database, paused, new DateOnly(2026, 11, 2));
        await ApprovalWorld.StepAsync(database, paused, (item, now) =>
            item.Pause(SpecialProcedure.ExpertReview, "专家评审", new DateOnly(2026, 11, 4), new DateOnly(2026, 12, 4), ApprovalWorld.Proxy, now));

        await EngineWith(database).ScanAsync();

        Assert.Empty(await AlertsAsync(database));
    }

    [Fact]
    public async Task The_warning_share_is_a_setting()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(Friday));
        await ApprovalWorld.SeedAsync(database);
        var (_, itemId) = await ApprovalWorld.PlannedItemAsync(database, "land-use-planning");
        await ApprovalWorld.AcceptAsync(database, itemId, new DateOnly(2026, 11, 12));  // 6 of 10 used, 4 left

        await EngineWith(database, warningPercent: 20).ScanAsync();
        Assert.Empty(await AlertsAsync(database));
        await EngineWith(database, warningPercent: 50).ScanAsync();
        Assert.Equal(AlertKind.ApprovalDueSoon, Assert.Single(await AlertsAsync(database)).Kind);
    }

    private static async Task<T> QueryAsync<T>(TestDatabase database, Func<KashiInvest.Infrastructure.Persistence.KashiDbContext, Task<T>> query)
    {
        await using var db = database.CreateContext();
        return await query(db);
    }
}
