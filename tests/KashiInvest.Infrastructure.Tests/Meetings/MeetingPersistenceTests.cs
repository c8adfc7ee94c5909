using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Meetings;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.Meetings;

/// <summary>
/// Everything recorded in a meeting is saved as it happens: a new context (the presenter's dropped circuit) finds the
/// current item, the timers, decisions and action items, and another user takes over where it stopped.
/// </summary>
public sealed class MeetingPersistenceTests
{
    private static readonly Actor Zhang = new("bureau.zhang", null);
    private static readonly Actor Li = new("bureau.li", null);

    private static async Task<(TestDatabase Db, MiniWorld World, int Bureau)> SetUpAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var world = await MiniWorld.CreateAsync(database);
        await using var db = database.CreateContext();
        db.Actor = MiniWorld.Setup;
        var bureau = new Unit("bureau", "地区招商局", "Bureau", UnitType.Bureau);
        db.Units.Add(bureau);
        await db.SaveChangesAsync();
        return (database, world, bureau.Id);
    }

    private static MeetingDetails Details(DateTime startsAt, params int[] units) =>
        new(MeetingKind.Scheduling, "地区重点项目调度会", startsAt, "行署三楼会议室", "王副专员", null, units, "各县市分管领导", false);

    private static async Task<int> CreateWithItemsAsync(TestDatabase database, MiniWorld w, int bureau)
    {
        await using var db = database.CreateContext();
        db.Actor = Zhang;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var m = new Meeting(Details(now, w.CountyA, w.CountyB), MeetingScope.Prefecture, bureau, Zhang, now);
        m.AddItem(AgendaItemKind.KeyProjectReport, w.Projects["A1"], null, null, null, "请链主单位汇报", now);
        m.AddItem(AgendaItemKind.StalledProject, w.Projects["B2"], null, null, null, null, now);
        m.AddItem(AgendaItemKind.Custom, null, null, null, "研究冬季施工保障", null, now);
        db.Meetings.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    private static Task<Meeting> LoadAsync(KashiDbContext db, int id) =>
        db.Meetings.Include(m => m.Items).Include(m => m.Decisions).SingleAsync(m => m.Id == id);

    [Fact]
    public async Task A_meeting_with_decisions_and_actions_survives_a_new_context_and_another_user_takes_over_at_the_current_item()
    {
        var (database, w, bureau) = await SetUpAsync();
        await using var _ = database;
        var id = await CreateWithItemsAsync(database, w, bureau);
        var clock = database.Clock;
        int second;

        // The presenter starts, moves to the second item after 5 minutes, records a decision and an action item.
        await using (var db = database.CreateContext())
        {
            db.Actor = Zhang;
            var m = await LoadAsync(db, id);
            Assert.Equal([1, 2, 3], m.Items.Select(i => i.Position));
            m.Start(Zhang, "张科长", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            clock.Advance(TimeSpan.FromMinutes(5));
            second = m.Items[1].Id;
            m.Present(second, Zhang, clock.GetUtcNow().UtcDateTime);
            m.RecordDiscussion(second, "用地报批材料已报自治区", Zhang, clock.GetUtcNow().UtcDateTime);
            m.RecordDecision(second, "由自然资源局牵头，12月10日前落实用地指标", Zhang, clock.GetUtcNow().UtcDateTime);
            db.ActionItems.Add(ActionItem.Record(m, second, "落实用地指标", w.CountyB, new DateOnly(2026, 12, 10), w.Projects["B2"], null,
                ProblemEffect.None, null, Zhang, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        // The presenter's connection drops; three minutes later another Bureau user opens the meeting afresh.
        clock.Advance(TimeSpan.FromMinutes(3));
        await using (var db = database.CreateContext())
        {
            db.Actor = Li;
            var m = await LoadAsync(db, id);
            var now = clock.GetUtcNow().UtcDateTime;
            Assert.Equal(MeetingStatus.InProgress, m.Status);
            Assert.Equal(second, m.CurrentItemId);
            Assert.Equal(TimeSpan.FromMinutes(8), m.Elapsed(now));
            Assert.Equal(TimeSpan.FromMinutes(5), m.ItemElapsed(m.Items[0].Id, now));
            Assert.Equal(TimeSpan.FromMinutes(3), m.ItemElapsed(second, now));
            Assert.Equal("用地报批材料已报自治区", m.Items[1].Discussion);
            Assert.Equal("由自然资源局牵头，12月10日前落实用地指标", Assert.Single(m.Decisions).Text);
            var action = Assert.Single(await db.ActionItems.Where(a => a.MeetingId == id).ToListAsync());
            Assert.Equal((w.CountyB, new DateOnly(2026, 12, 10), second, bureau), (action.OwnerUnitId, action.DueOn, action.AgendaItemId!.Value, action.AssignedByUnitId));

            Assert.Throws<DomainRuleException>(() => m.Present(m.Items[2].Id, Li, now));
            m.TakeOver(Li, "李科员", now);
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await using (var db = database.CreateContext())
        {
            db.Actor = Li;
            var m = await LoadAsync(db, id);
            Assert.Equal(("bureau.li", second), (m.PresenterUserId!, m.CurrentItemId!.Value));
            m.Present(m.Items[2].Id, Li, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var m = await LoadAsync(db, id);
            Assert.Equal(300, m.Items[1].ElapsedSeconds); // 3 minutes before the drop, 2 after the take-over
            Assert.Equal(m.Items[2].Id, m.CurrentItemId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MeetingDecision)));
        }
    }

    [Fact]
    public async Task Open_actions_of_an_ended_meeting_come_back_on_the_next_agenda_and_done_ones_do_not()
    {
        var (database, w, bureau) = await SetUpAsync();
        await using var _ = database;
        var id = await CreateWithItemsAsync(database, w, bureau);
        var clock = database.Clock;
        int open, done;
        await using (var db = database.CreateContext())
        {
            db.Actor = Zhang;
            var m = await LoadAsync(db, id);
            var now = clock.GetUtcNow().UtcDateTime;
            m.Start(Zhang, "张科长", now);
            var a1 = ActionItem.Record(m, null, "报送冬季施工方案", w.CountyA, BeijingTime.DateOf(now).AddDays(3), null, null, ProblemEffect.None, null, Zhang, now);
            var a2 = ActionItem.Record(m, null, "协调电力接入", w.CountyB, BeijingTime.DateOf(now).AddDays(3), null, null, ProblemEffect.None, null, Zhang, now);
            db.ActionItems.AddRange(a1, a2);
            m.End(Zhang, now.AddHours(1));
            await db.SaveChangesAsync();
            (open, done) = (a1.Id, a2.Id);
        }
        clock.Advance(TimeSpan.FromDays(1));
        await using (var db = database.CreateContext())
        {
            db.Actor = new("county-b.staff", w.CountyB);
            var a = await db.ActionItems.SingleAsync(x => x.Id == done);
            a.MarkDone("已接入", false, db.Actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(14));
        await using (var db = database.CreateContext())
        {
            db.Actor = Zhang;
            var now = clock.GetUtcNow().UtcDateTime;
            var next = new Meeting(Details(now), MeetingScope.Prefecture, bureau, Zhang, now);
            var query = new MeetingAgendaQuery(new ProjectHealthQuery(Options.Create(new Domain.Health.HealthSettings()), clock));
            next.RefreshAgenda(await query.ProposeAsync(db, next), now);
            var followUp = Assert.Single(next.Items);
            Assert.Equal((AgendaItemKind.ActionFollowUp, open), (followUp.Kind, followUp.ActionItemId!.Value));
            db.Meetings.Add(next);
            await db.SaveChangesAsync();
        }
    }
}
