using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KashiInvest.Infrastructure.Tests.Alerts.AlertTestKit;

namespace KashiInvest.Infrastructure.Tests.Alerts;

/// <summary>The engine on a real SQLite file: raise once, never twice, clear when the condition ends, notify once.</summary>
public sealed class AlertEngineTests
{
    private static readonly HalfMonthPeriod Nov1 = new(2026, 11, 1);
    private static readonly Actor Host = new("shufu", null);

    private static async Task SubmitNov1Async(TestDatabase database, int projectId)
    {
        await using var db = database.CreateContext();
        db.Actor = Host;
        var project = await db.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == projectId);
        db.ProgressReports.Add(ProgressReporting.Submit(project, Nov1, ReportKind.Fortnightly, null, new ReportInput("已开工", null, 0m, 0m, []),
            Host, database.Clock.GetUtcNow().UtcDateTime, 3));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_unsubmitted_report_raises_one_alert_just_past_its_deadline_and_never_a_second()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(LastHourBeforeDeadline.AddDays(-10)));
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var notifier = new RecordingNotifier();
        var engine = Engine(database, notifier);

        database.Clock.UtcNow = LastHourBeforeDeadline;
        await engine.RecheckAsync([id]);
        Assert.DoesNotContain(await AlertsAsync(database), a => a.Kind == AlertKind.ReportOverdue);

        database.Clock.UtcNow = JustPastDeadline;
        var first = await engine.ScanAsync();
        var second = await engine.ScanAsync();
        await engine.RecheckAsync([id]);

        var alert = Assert.Single(await AlertsAsync(database), a => a.Kind == AlertKind.ReportOverdue);
        Assert.Equal((id, "2026-11-H1", w.CountyA, w.Chain1), (alert.ProjectId!.Value, alert.Subject, alert.HostUnitId!.Value, alert.ChainId!.Value));
        Assert.Equal(JustPastDeadline.UtcDateTime, alert.RaisedAtUtc);
        Assert.Equal((1, 0), (first.Raised, second.Raised));
        var sent = Assert.Single(notifier.Sent);
        Assert.Equal(alert.Id, sent.AlertId);
        Assert.Equal([w.CountyA, w.LeadUnit1], sent.UnitIds);
        Assert.Equal("ReportOverdue", sent.Kind);
        Assert.Equal($"/projects/{id}/battlemap", sent.Link);
    }

    [Fact]
    public async Task Submitting_the_report_clears_its_alert_on_the_re_check_and_the_rows_are_audited()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(JustPastDeadline.AddDays(-10)));
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var notifier = new RecordingNotifier();
        var engine = Engine(database, notifier);
        database.Clock.UtcNow = JustPastDeadline;
        await engine.ScanAsync();

        database.Clock.Advance(TimeSpan.FromHours(2));
        await SubmitNov1Async(database, id);
        var result = await engine.RecheckAsync([id]);

        Assert.Equal(1, result.Cleared);
        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal((false, (string?)null), (alert.IsOpen, alert.OpenKey));
        Assert.Equal(database.Clock.UtcNow.UtcDateTime, alert.ClearedAtUtc);
        Assert.Single(notifier.Sent); // clearing is not a new alert
        await using var db = database.CreateContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Alert)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Added, AuditAction.Modified], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(AlertEngine.System.UserName, a.UserName));
    }

    [Fact]
    public async Task Two_engines_scanning_at_the_same_time_raise_each_alert_once()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(JustPastDeadline.AddDays(-10)));
        var w = await MiniWorld.CreateAsync(database);
        await SignedKeyProjectAsync(database, w);
        database.Clock.UtcNow = JustPastDeadline;
        var notifier = new RecordingNotifier();
        // Two instances: each has its own in-process gate, so only the database keeps them apart.
        var a = Engine(database, notifier);
        var b = Engine(database, notifier);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ScanAsync())));

        var open = (await AlertsAsync(database)).Where(x => x.IsOpen).ToList();
        Assert.Equal(open.Count, open.Select(x => x.OpenKey).Distinct().Count());
        Assert.Single(open, x => x.Kind == AlertKind.ReportOverdue);
        Assert.Equal(open.Count, notifier.Sent.Count);
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_alert_for_the_same_condition()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var condition = new AlertCondition(AlertKind.Stalled, w.Projects["A1"], null, "Construction", AlertSeverity.High, "Stalled", ["20", "15", "Construction"]);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = database.CreateContext())
        {
            db.Actor = AlertEngine.System;
            db.Alerts.Add(new Alert(condition, null, now));
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            db.Actor = AlertEngine.System;
            db.Alerts.Add(new Alert(condition, null, now));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        // Once cleared, the same condition may open a new alert.
        await using (var db = database.CreateContext())
        {
            db.Actor = AlertEngine.System;
            (await db.Alerts.SingleAsync()).Clear(now);
            db.Alerts.Add(new Alert(condition, null, now));
            await db.SaveChangesAsync();
        }
        Assert.Equal(2, (await AlertsAsync(database)).Count);
    }

    [Fact]
    public async Task A_submitted_report_clears_its_alert_straight_from_the_event_not_at_the_next_scan()
    {
        var clock = new FakeClock(JustPastDeadline.AddDays(-10));
        var bus = new InMemoryLiveBus();
        TestDatabase? holder = null;
        var keys = new LazyKeys(() => holder!);
        var dispatcher = new LiveBusEventDispatcher(bus, keys, clock, NullLogger<LiveBusEventDispatcher>.Instance);
        await using var database = await TestDatabase.CreateAsync(clock, dispatcher);
        holder = database;
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var engine = Engine(database);
        clock.UtcNow = JustPastDeadline;
        await engine.ScanAsync();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var rechecker = new AlertRechecker(bus, engine, Options.Create(new AlertsOptions()), NullLogger<AlertRechecker>.Instance);
        await rechecker.StartAsync(stop.Token);
        var cleared = WaitForAsync(bus, ChangeKinds.AlertCleared, stop.Token);
        while (bus.SubscriberCount < 2) await Task.Yield(); // the re-checker and the waiter are listening

        await SubmitNov1Async(database, id);
        var notice = await cleared;

        Assert.Equal(id, notice.ProjectId);
        Assert.False(Assert.Single(await AlertsAsync(database)).IsOpen);
        await rechecker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_burst_of_notices_during_a_blocked_scan_causes_at_most_one_more_scan_and_ends_in_the_right_state()
    {
        var clock = new FakeClock(JustPastDeadline.AddDays(-10));
        var bus = new InMemoryLiveBus();
        TestDatabase? holder = null;
        var keys = new LazyKeys(() => holder!);
        var dispatcher = new LiveBusEventDispatcher(bus, keys, clock, NullLogger<LiveBusEventDispatcher>.Instance);
        await using var database = await TestDatabase.CreateAsync(clock, dispatcher);
        holder = database;
        var w = await MiniWorld.CreateAsync(database);
        var id = await SignedKeyProjectAsync(database, w);
        var farBehind = new GatedUnitCheck(w.CountyA) { Behind = true };
        var engine = new AlertEngine(database.Factory,
            [new HealthAlertCheck(new KashiInvest.Infrastructure.Health.ProjectHealthQuery(Options.Create(new KashiInvest.Domain.Health.HealthSettings()), database.Clock)), farBehind],
            new KashiInvest.Infrastructure.Notifications.NoAlertNotifier(), new PlainAlertTexts(), database.Clock, NullLogger<AlertEngine>.Instance);
        clock.UtcNow = JustPastDeadline;
        await engine.ScanAsync(); // the report is overdue and county A is far behind
        Assert.Equal(2, (await AlertsAsync(database)).Count(a => a.IsOpen));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        farBehind.Arm();
        var rechecker = new AlertRechecker(bus, engine, Options.Create(new AlertsOptions()), NullLogger<AlertRechecker>.Instance);
        await rechecker.StartAsync(stop.Token);
        var bothCleared = WaitForCountAsync(bus, ChangeKinds.AlertCleared, 2, stop.Token);
        while (bus.SubscriberCount < 2) await Task.Yield();

        // One figure notice starts a far-behind scan, which stops on the gate having read the old figures.
        await bus.PublishAsync(Notice(ChangeKinds.AnnualTargetChanged, null), stop.Token);
        await farBehind.Entered.WaitAsync(stop.Token);

        // While it is blocked: county A catches up, the report is filed, and 49 more notices arrive.
        farBehind.Behind = false;
        await SubmitNov1Async(database, id);
        for (var i = 0; i < 49; i++)
        {
            var kind = (i % 3) switch { 0 => ChangeKinds.ReportSubmitted, 1 => ChangeKinds.AnnualTargetChanged, _ => ChangeKinds.WeeklyReported };
            await bus.PublishAsync(Notice(kind, kind == ChangeKinds.ReportSubmitted ? id : null), stop.Token);
        }
        while (rechecker.NoticesRead < 51) // the burst is taken in before the scan goes on (a reader stuck behind the scan fails here)
        {
            stop.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
        farBehind.Release();
        await bothCleared;

        Assert.Equal(2, farBehind.FullScans); // the blocked one and one more, not fifty
        Assert.All(await AlertsAsync(database), a => Assert.False(a.IsOpen));
        await rechecker.StopAsync(CancellationToken.None);
    }

    private static ChangeNotice Notice(string kind, int? projectId) => new(kind, projectId, null, null, null, 1, JustPastDeadline.UtcDateTime);

    private static async Task WaitForCountAsync(ILiveBus bus, string kind, int count, CancellationToken ct)
    {
        await foreach (var n in bus.SubscribeAsync(ct))
        {
            if (n.Kind == kind && --count == 0) return;
        }
        throw new OperationCanceledException();
    }

    /// <summary>A unit-level far-behind check that counts its full scans and, once armed, holds the first on a gate.</summary>
    private sealed class GatedUnitCheck(int unitId) : IAlertCheck
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _fullScans;

        public volatile bool Behind;
        public IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.AnnualTargetFarBehind];
        public Task Entered => _entered.Task;
        public int FullScans => Volatile.Read(ref _fullScans);
        public void Arm() => Volatile.Write(ref _armed, 1);
        public void Release() => _release.TrySetResult();

        public async Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken)
        {
            if (projectIds is not null) return [];
            var behind = Behind; // the figures as read when the scan starts
            if (Volatile.Read(ref _armed) == 1 && Interlocked.Increment(ref _fullScans) == 1)
            {
                _entered.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }
            return behind
                ? [new AlertCondition(AlertKind.AnnualTargetFarBehind, null, unitId, "2026", AlertSeverity.Medium, nameof(AlertKind.AnnualTargetFarBehind), ["2026"], OwnerUnitId: unitId)]
                : [];
        }
    }

    private static async Task<ChangeNotice> WaitForAsync(ILiveBus bus, string kind, CancellationToken ct)
    {
        await foreach (var n in bus.SubscribeAsync(ct))
        {
            if (n.Kind == kind) return n;
        }
        throw new OperationCanceledException();
    }

    private sealed class LazyKeys(Func<TestDatabase> database) : IProjectKeys
    {
        public Domain.Projects.ProjectKey Remember(Domain.Projects.Project project) => project.Key;

        public ValueTask<Domain.Projects.ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken) =>
            new DatabaseProjectKeys(database()).FindAsync(projectId, cancellationToken);
    }
}
