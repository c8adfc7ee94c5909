using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Persistence;

public sealed class UnitOfWorkTests
{
    private static readonly Actor Shache = new("shache", null);

    [Fact]
    public async Task A_write_based_on_a_stale_read_is_refused_and_the_first_write_stays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = w.Projects["A1"];
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        first.Actor = second.Actor = Shache;
        var p1 = await first.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == id);
        var p2 = await second.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == id);
        var version = p1.Version;

        p1.Update(MiniWorld.Details("第一次修改", w.CountyA, w.Chain1, w.Investor), WorkGroupThresholds.Default, now);
        await first.SaveChangesAsync();
        p2.Update(MiniWorld.Details("第二次修改", w.CountyA, w.Chain1, w.Investor), WorkGroupThresholds.Default, now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.CreateContext();
        var saved = await check.Projects.SingleAsync(p => p.Id == id);
        Assert.Equal("第一次修改", saved.Name);
        Assert.Equal(version + 1, saved.Version);
    }

    [Fact]
    public async Task Every_change_writes_an_audit_entry_with_who_when_before_and_after_in_the_same_save()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = w.Projects["B1"];
        database.Clock.UtcNow = new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero);

        await using (var db = database.CreateContext())
        {
            db.Actor = new Actor("zepu", w.CountyB);
            var p = await db.Projects.Include(x => x.Milestones).SingleAsync(x => x.Id == id);
            p.Update(MiniWorld.Details("改名后的项目", w.CountyB, w.Chain1, w.Investor, wan: 35_000m), WorkGroupThresholds.Default, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var entry = await read.AuditEntries.Where(a => a.EntityType == nameof(Project) && a.EntityId == id.ToString() && a.Action == AuditAction.Modified).SingleAsync();
        Assert.Equal("zepu", entry.UserName);
        Assert.Equal(w.CountyB, entry.UnitId);
        Assert.Equal(new DateTime(2026, 11, 21, 6, 30, 0, DateTimeKind.Utc), entry.AtUtc);
        Assert.Equal(DateTimeKind.Utc, entry.AtUtc.Kind);
        Assert.Contains("\"Name\":\"B1\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"改名后的项目\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"WorkGroupLevel\":\"KeyProject\"", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Code\"", entry.After, StringComparison.Ordinal);

        // Added rows are audited with the id the database gave them.
        var added = await read.AuditEntries.Where(a => a.EntityType == nameof(Project) && a.Action == AuditAction.Added).Select(a => a.EntityId).ToListAsync();
        Assert.Equal(w.Projects.Values.Select(v => v.ToString()).Order(), added.Order());
    }

    [Fact]
    public async Task Official_data_cannot_be_changed_without_an_actor_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var audits = await CountAsync(database);

        await using (var db = database.CreateContext())
        {
            var p = await db.Projects.Include(x => x.Milestones).SingleAsync(x => x.Id == w.Projects["A2"]);
            p.Update(MiniWorld.Details("无人修改", w.CountyA, w.Chain2, w.Investor), WorkGroupThresholds.Default, database.Clock.GetUtcNow().UtcDateTime);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal("A2", (await check.Projects.SingleAsync(x => x.Id == w.Projects["A2"])).Name);
        Assert.Equal(audits, await CountAsync(database));
    }

    [Fact]
    public async Task Domain_events_are_published_after_commit_and_never_for_a_rolled_back_transaction()
    {
        var dispatcher = new RecordingDispatcher();
        await using var database = await TestDatabase.CreateAsync(dispatcher: dispatcher);
        var w = await MiniWorld.CreateAsync(database);
        dispatcher.Events.Clear();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        ProjectStage? seenByOthers = null;
        dispatcher.OnDispatch = async () =>
        {
            // Another connection reads the row at the moment of dispatch: it sees the write only if it was committed.
            await using var other = database.CreateContext();
            seenByOthers = (await other.Projects.AsNoTracking().SingleAsync(x => x.Id == w.Projects["A1"])).Stage;
        };

        await using (var db = database.CreateContext())
        {
            db.Actor = Shache;
            await using var tx = await db.Database.BeginTransactionAsync();
            var p = await db.Projects.Include(x => x.StageHistory).SingleAsync(x => x.Id == w.Projects["A1"]);
            p.MoveTo(new StageTransition(ProjectStage.Triage), Shache, now);
            await db.SaveChangesAsync();
            Assert.Empty(dispatcher.Events);
            await tx.RollbackAsync();
        }
        Assert.Empty(dispatcher.Events);

        await using (var db = database.CreateContext())
        {
            db.Actor = Shache;
            var p = await db.Projects.Include(x => x.StageHistory).SingleAsync(x => x.Id == w.Projects["A1"]);
            Assert.Equal(ProjectStage.Lead, p.Stage);
            p.MoveTo(new StageTransition(ProjectStage.Triage), Shache, now);
            await db.SaveChangesAsync();
        }
        var published = Assert.Single(dispatcher.Events.OfType<ProjectStageChanged>());
        Assert.Equal(w.Projects["A1"], published.Project.Id);
        Assert.Equal(ProjectStage.Triage, published.To);
        Assert.Equal(ProjectStage.Triage, seenByOthers);
    }

    [Fact]
    public async Task Inside_a_callers_transaction_events_wait_for_its_commit_and_are_published_once()
    {
        var dispatcher = new RecordingDispatcher();
        await using var database = await TestDatabase.CreateAsync(dispatcher: dispatcher);
        var w = await MiniWorld.CreateAsync(database);
        dispatcher.Events.Clear();

        await using (var db = database.CreateContext())
        {
            db.Actor = Shache;
            await using var tx = await db.Database.BeginTransactionAsync();
            var p = await db.Projects.Include(x => x.StageHistory).SingleAsync(x => x.Id == w.Projects["B1"]);
            p.MoveTo(new StageTransition(ProjectStage.Triage), Shache, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            Assert.Empty(dispatcher.Events);
            await tx.CommitAsync();
        }

        var published = Assert.Single(dispatcher.Events);
        Assert.Equal(w.Projects["B1"], Assert.IsType<ProjectStageChanged>(published).Project.Id);
    }

    [Fact]
    public async Task Money_keeps_four_decimals_and_sorts_numerically_on_SQLite()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var amounts = new Dictionary<string, decimal> { ["A1"] = 9_999.9999m, ["A2"] = 10_000m, ["B1"] = 125_000.5m, ["B2"] = 800m };
        await using (var db = database.CreateContext())
        {
            db.Actor = Shache;
            foreach (var (key, wan) in amounts)
            {
                var p = await db.Projects.Include(x => x.Milestones).SingleAsync(x => x.Id == w.Projects[key]);
                p.Update(MiniWorld.Details(key, p.HostUnitId, p.ChainId, w.Investor, wan), WorkGroupThresholds.Default, database.Clock.GetUtcNow().UtcDateTime);
            }
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateContext();
        var sorted = await read.Projects.OrderBy(p => p.PlannedInvestmentWan).Select(p => p.PlannedInvestmentWan).ToListAsync();
        Assert.Equal([800m, 9_999.9999m, 10_000m, 125_000.5m], sorted);
        Assert.Equal(2, await read.Projects.CountAsync(p => p.PlannedInvestmentWan >= 10_000m));
    }

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    private sealed class RecordingDispatcher : IDomainEventDispatcher
    {
        public List<IDomainEvent> Events { get; } = [];
        public Func<Task>? OnDispatch { get; set; }

        public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            if (OnDispatch is not null) await OnDispatch();
        }
    }
}
