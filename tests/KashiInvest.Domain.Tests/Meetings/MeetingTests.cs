using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;

namespace KashiInvest.Domain.Tests.Meetings;

/// <summary>A meeting's life: the agenda is edited only while planned, the presenter's clock is kept in stored fields, an ended meeting is read-only.</summary>
public class MeetingTests
{
    internal const int Bureau = 1, Shache = 7;
    internal static readonly DateTime Nine = new(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc); // 09:00 Beijing
    internal static readonly Actor Zhang = new("bureau.zhang", Bureau);
    internal static readonly Actor Li = new("bureau.li", Bureau);

    internal static MeetingDetails Details(string title = "地区重点项目调度会") =>
        new(MeetingKind.Scheduling, title, Nine, "行署三楼会议室", "王副专员", null, [Shache, 3, 3], null, false);

    /// <summary>A meeting with three saved items (ids 11, 12, 13), as the database would hand it back.</summary>
    internal static Meeting WithItems()
    {
        var m = new Meeting(Details(), MeetingScope.Prefecture, Bureau, Zhang, Nine.AddDays(-2));
        SetId(m, 5);
        var ids = 11;
        foreach (var p in new[] { 101, 102, 103 })
            SetId(m.AddItem(AgendaItemKind.StalledProject, p, null, null, null, null, Nine.AddDays(-1), isManual: false), ids++);
        return m;
    }

    internal static void SetId(Entity e, int id) => typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(e, id);

    [Fact]
    public void Details_are_validated_field_by_field()
    {
        var errors = (Details() with { Title = " ", Chair = "", StartsAtUtc = default }).Validate();
        Assert.Equal(["Title", "Chair", "StartsAtUtc"], errors.Select(e => e.Field));
        Assert.Throws<DomainRuleException>(() => new Meeting(Details() with { Title = "" }, MeetingScope.Prefecture, Bureau, Zhang, Nine));
    }

    [Fact]
    public void Attending_units_are_kept_once_each()
    {
        var m = new Meeting(Details(), MeetingScope.Prefecture, Bureau, Zhang, Nine);
        Assert.Equal([3, Shache], m.AttendingUnitIds);
    }

    [Fact]
    public void Agenda_can_be_reordered_annotated_and_trimmed_while_planned()
    {
        var m = WithItems();
        m.MoveItem(13, -1, Nine);
        Assert.Equal([11, 13, 12], m.Items.Select(i => i.Id));
        m.SetOrder([12, 11, 13], Nine);
        Assert.Equal([12, 11, 13], m.Items.Select(i => i.Id));
        Assert.Equal([1, 2, 3], m.Items.Select(i => i.Position));
        m.Annotate(11, "请沙车县说明施工许可进展", null, Nine);
        Assert.Equal("请沙车县说明施工许可进展", m.Items.Single(i => i.Id == 11).Note);
        m.RemoveItem(12, Nine);
        Assert.Equal([11, 13], m.Items.Select(i => i.Id));
        Assert.Equal([1, 2], m.Items.Select(i => i.Position));
        Assert.Equal("Meeting.CannotMove", Assert.Throws<DomainRuleException>(() => m.MoveItem(11, -1, Nine)).Violation.Code);
        Assert.Equal("Meeting.OrderMustNameEveryItem", Assert.Throws<DomainRuleException>(() => m.SetOrder([11, 11], Nine)).Violation.Code);
    }

    [Fact]
    public void A_custom_item_needs_a_title_and_a_subject_is_not_added_twice()
    {
        var m = WithItems();
        Assert.Equal("Meeting.ItemTitleRequired",
            Assert.Throws<DomainRuleException>(() => m.AddItem(AgendaItemKind.Custom, null, null, null, " ", null, Nine)).Violation.Code);
        m.AddItem(AgendaItemKind.Custom, null, null, null, "研究2027年招商计划", null, Nine);
        Assert.Equal("Meeting.ItemAlreadyOnAgenda",
            Assert.Throws<DomainRuleException>(() => m.AddItem(AgendaItemKind.AtRiskProject, 101, null, null, null, null, Nine)).Violation.Code);
        Assert.Equal(4, m.Items.Count);
        Assert.Equal(4, m.Items[^1].Position);
    }

    [Fact]
    public void The_agenda_is_locked_once_the_meeting_starts()
    {
        var m = WithItems();
        m.Start(Zhang, "张科长", Nine);
        Assert.Equal("Meeting.AgendaLocked", Assert.Throws<DomainRuleException>(() => m.MoveItem(12, 1, Nine)).Violation.Code);
        Assert.Equal("Meeting.AgendaLocked", Assert.Throws<DomainRuleException>(() => m.Annotate(12, "x", null, Nine)).Violation.Code);
    }

    [Fact]
    public void Start_shows_the_first_item_and_names_the_presenter()
    {
        var m = WithItems();
        m.Start(Zhang, "张科长", Nine);
        Assert.Equal(MeetingStatus.InProgress, m.Status);
        Assert.Equal(11, m.CurrentItemId);
        Assert.Equal(Nine, m.CurrentItemSinceUtc);
        Assert.Equal("bureau.zhang", m.PresenterUserId);
        Assert.Equal("张科长", m.PresenterName);
        Assert.Equal("Meeting.AlreadyStarted", Assert.Throws<DomainRuleException>(() => m.Start(Zhang, "张科长", Nine)).Violation.Code);
    }

    [Fact]
    public void Present_adds_the_time_of_the_previous_item_and_the_clocks_come_from_stored_fields()
    {
        var clock = new ManualClock(Nine);
        var m = WithItems();
        m.Start(Zhang, "张科长", clock.Now);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(4), m.ItemElapsed(11, clock.Now));
        m.Present(12, Zhang, clock.Now);
        Assert.Equal(240, m.Items.Single(i => i.Id == 11).ElapsedSeconds);
        clock.Advance(TimeSpan.FromSeconds(90));
        m.Present(11, Zhang, clock.Now);
        Assert.Equal(90, m.Items.Single(i => i.Id == 12).ElapsedSeconds);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(270), m.ItemElapsed(11, clock.Now));
        Assert.Equal(TimeSpan.FromSeconds(30), m.CurrentStretch(clock.Now));
        Assert.Equal(TimeSpan.FromSeconds(360), m.Elapsed(clock.Now));
        m.End(Zhang, clock.Now);
        Assert.Equal(270, m.Items.Single(i => i.Id == 11).ElapsedSeconds);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(360), m.Elapsed(clock.Now));
        Assert.Equal(TimeSpan.FromSeconds(270), m.ItemElapsed(11, clock.Now));
    }

    [Fact]
    public void Only_the_presenter_moves_and_a_take_over_resumes_at_the_current_item()
    {
        var m = WithItems();
        m.Start(Zhang, "张科长", Nine);
        m.Present(13, Zhang, Nine.AddMinutes(1));
        Assert.Equal("Meeting.NotPresenter", Assert.Throws<DomainRuleException>(() => m.Present(12, Li, Nine.AddMinutes(2))).Violation.Code);
        m.TakeOver(Li, "李科员", Nine.AddMinutes(3));
        Assert.Equal(13, m.CurrentItemId);
        Assert.Equal(Nine.AddMinutes(1), m.CurrentItemSinceUtc);
        Assert.Equal("bureau.li", m.PresenterUserId);
        m.Present(12, Li, Nine.AddMinutes(5));
        Assert.Equal(240, m.Items.Single(i => i.Id == 13).ElapsedSeconds);
    }

    [Fact]
    public void Decisions_and_discussion_are_recorded_while_the_meeting_runs()
    {
        var m = WithItems();
        Assert.Equal("Meeting.NotStarted", Assert.Throws<DomainRuleException>(() => m.RecordDecision(null, "x", Zhang, Nine)).Violation.Code);
        m.Start(Zhang, "张科长", Nine);
        m.RecordDiscussion(11, "县里反映用地指标未落实", Zhang, Nine.AddMinutes(2));
        var d = m.RecordDecision(11, "由自然资源局牵头，两周内落实用地指标", Zhang, Nine.AddMinutes(3));
        Assert.Equal(11, d.AgendaItemId);
        Assert.Equal("bureau.zhang", d.RecordedBy);
        Assert.Equal("县里反映用地指标未落实", m.Items[0].Discussion);
        Assert.Single(m.Decisions);
        Assert.Equal("Meeting.DecisionTextRequired", Assert.Throws<DomainRuleException>(() => m.RecordDecision(null, " ", Zhang, Nine)).Violation.Code);
        Assert.Equal("Meeting.ItemNotFound", Assert.Throws<DomainRuleException>(() => m.RecordDecision(99, "x", Zhang, Nine)).Violation.Code);
    }

    [Fact]
    public void An_ended_meeting_refuses_every_change()
    {
        var m = WithItems();
        m.Start(Zhang, "张科长", Nine);
        m.End(Zhang, Nine.AddHours(1));
        Assert.True(m.IsReadOnly);
        Assert.Null(m.CurrentItemSinceUtc);
        var attempts = new Action[]
        {
            () => m.UpdateDetails(Details("改名"), Zhang, Nine),
            () => m.AddItem(AgendaItemKind.Custom, null, null, null, "x", null, Nine),
            () => m.RemoveItem(11, Nine),
            () => m.MoveItem(11, 1, Nine),
            () => m.SetOrder([13, 12, 11], Nine),
            () => m.Annotate(11, "x", null, Nine),
            () => m.RefreshAgenda([], Nine),
            () => m.Start(Zhang, "张科长", Nine),
            () => m.Present(12, Zhang, Nine),
            () => m.TakeOver(Li, "李科员", Nine),
            () => m.RecordDecision(null, "x", Zhang, Nine),
            () => m.RecordDiscussion(11, "x", Zhang, Nine),
            () => m.End(Zhang, Nine),
            () => ActionItem.Record(m, null, "x", Shache, new DateOnly(2026, 12, 31), null, null, ProblemEffect.None, null, Zhang, Nine),
        };
        foreach (var attempt in attempts)
            Assert.Equal("Meeting.Ended", Assert.Throws<DomainRuleException>(attempt).Violation.Code);
    }

    [Fact]
    public void Refreshing_keeps_annotated_and_manual_items_and_drops_proposals_that_no_longer_apply()
    {
        var m = WithItems();
        m.Annotate(12, "重点询问", null, Nine);
        SetId(m.AddItem(AgendaItemKind.Custom, null, null, null, "其他事项", null, Nine), 14);
        var (added, removed) = m.RefreshAgenda(
        [
            new(AgendaItemKind.StalledProject, 101, null, null, [AgendaItemKind.KeyProjectReport]),
            new(AgendaItemKind.AtRiskProject, 104, null, null, []),
        ], Nine);
        Assert.Equal((1, 1), (added, removed));
        Assert.Equal([101, 102, null, 104], m.Items.Select(i => i.ProjectId));
        Assert.Equal([AgendaItemKind.KeyProjectReport], m.Items[0].AlsoKinds);
    }

    [Fact]
    public void An_action_item_escalates_or_resolves_its_ledger_problem()
    {
        var m = WithItems();
        m.Start(Zhang, "张科长", Nine);
        var problem = new Problem(101, ProblemCategory.FactorSupply, FactorKind.Land, "用地指标未落实", ProblemSeverity.Blocking, Shache, new DateOnly(2026, 11, 30), Zhang, Nine.AddDays(-10));
        SetId(problem, 70);
        var action = ActionItem.Record(m, 11, "协调自治区追加用地指标", 40, new DateOnly(2026, 12, 10), 101, problem, ProblemEffect.Escalate, 40, Zhang, Nine);
        Assert.Equal(EscalationLevel.ChainLead, problem.Level);
        Assert.Equal(40, problem.OwnerUnitId);
        Assert.Equal((101, 70, Bureau), (action.ProjectId!.Value, action.ProblemId!.Value, action.AssignedByUnitId));

        ActionItem.Record(m, 11, "已落实，问题销号", Shache, new DateOnly(2026, 12, 10), null, problem, ProblemEffect.Resolve, null, Zhang, Nine);
        Assert.Equal(ProblemStatus.Resolved, problem.Status);
        Assert.Equal("Action.ProblemRequiredForEffect", Assert.Throws<DomainRuleException>(() =>
            ActionItem.Record(m, null, "x", Shache, new DateOnly(2026, 12, 10), null, null, ProblemEffect.Resolve, null, Zhang, Nine)).Violation.Code);
    }

    [Fact]
    public void An_action_is_done_by_its_owner_or_the_bureau_and_is_overdue_after_its_deadline()
    {
        var m = WithItems();
        m.Start(Zhang, "张科长", Nine);
        var action = ActionItem.Record(m, null, "报送用地报批材料", Shache, new DateOnly(2026, 12, 1), null, null, ProblemEffect.None, null, Zhang, Nine);
        Assert.False(action.IsOverdue(new DateOnly(2026, 12, 1)));
        Assert.True(action.IsOverdue(new DateOnly(2026, 12, 2)));
        Assert.Equal("Action.NotOwner", Assert.Throws<DomainRuleException>(() =>
            action.MarkDone(null, false, new Actor("kashi.investment", 8), Nine)).Violation.Code);
        action.MarkDone("已报送", false, new Actor("shache.investment", Shache), Nine.AddDays(3));
        Assert.Equal((ActionItemStatus.Done, new DateOnly(2026, 11, 28), "shache.investment"), (action.Status, action.DoneOn!.Value, action.DoneBy!));
        Assert.False(action.IsOverdue(new DateOnly(2026, 12, 9)));
        Assert.Equal("Action.AlreadyDone", Assert.Throws<DomainRuleException>(() => action.MarkDone(null, true, Zhang, Nine)).Violation.Code);
    }

    /// <summary>A fake <see cref="TimeProvider"/> the test moves by hand.</summary>
    internal sealed class ManualClock(DateTime start) : TimeProvider
    {
        private DateTimeOffset _now = new(start, TimeSpan.Zero);
        public DateTime Now => GetUtcNow().UtcDateTime;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
