using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Bulletins;

public class BulletinTests
{
    private static readonly StatQuarter Q3 = new(2026, 3);
    private static readonly DateTime Now = new(2026, 10, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly UserScope Bureau = Scope("bureau", ActorRole.Bureau, 1);
    private static readonly UserScope Leader = Scope("leader", ActorRole.Leader, 2);
    private static readonly UserScope County = Scope("shache", ActorRole.AttractingUnit, 7);

    private static UserScope Scope(string user, ActorRole role, int? unit) => new(user, user, role, unit, [], []);

    private static BulletinSnapshot Snapshot(StatQuarter q) => new(q.Index, Now,
        new BulletinHeadline(1m, 2m, Growth.NoComparison, 3m, Growth.NoComparison, 1, 1m, 1, 1m, Growth.NoComparison, 0, 0), [], [], [], []);

    private static Bulletin Draft() => Bulletin.Draft(Bureau, Q3, 3, new BulletinSettings(), Snapshot(Q3), "2026年第三季度全地区招商引资工作通报", Now);

    [Fact]
    public void A_draft_carries_its_number_issuing_office_and_snapshot()
    {
        var b = Draft();

        Assert.Equal("喀招通〔2026〕3号", b.Number);
        Assert.Equal("喀什地区招商引资工作领导小组办公室", b.IssuingOffice);
        Assert.Equal(BulletinStatus.Draft, b.Status);
        Assert.Equal(Q3, b.Quarter);
        Assert.Equal(Q3.Index, b.Snapshot.QuarterIndex);
        Assert.IsType<BulletinChanged>(Assert.Single(b.DomainEvents));
    }

    [Fact]
    public void A_quarter_that_has_not_closed_in_Beijing_cannot_be_drafted()
    {
        var justBeforeClose = new DateTime(2026, 9, 30, 15, 59, 0, DateTimeKind.Utc);

        Assert.Equal("Bulletin.QuarterNotClosed", Bulletin.CheckDraft(Bureau, Q3, justBeforeClose)!.Code);
        Assert.Null(Bulletin.CheckDraft(Bureau, Q3, new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("Bulletin.BureauOnly", Bulletin.CheckDraft(County, Q3, Now)!.Code);
    }

    [Fact]
    public void Draft_submitted_approved_by_a_leader_and_published_is_read_only()
    {
        var b = Draft();
        b.EditNarrative(Bureau, "标题", "总体情况", "成效", "问题", "要求", Now.AddMinutes(1));
        b.Submit(Bureau, Now.AddMinutes(2));
        b.Approve(Leader, Now.AddMinutes(3));
        b.Publish(Bureau, Now.AddMinutes(4));

        Assert.Equal(BulletinStatus.Published, b.Status);
        Assert.True(b.IsReadOnly);
        Assert.Equal(new DateOnly(2026, 10, 10), b.PublishedOn);
        Assert.Equal("leader", b.ApprovedBy);
        Assert.Equal("Bulletin.Published", b.CheckEdit(Bureau)!.Code);
        Assert.Throws<DomainRuleException>(() => b.EditNarrative(Bureau, "x", null, null, null, null, Now.AddMinutes(5)));
        Assert.Throws<DomainRuleException>(() => b.RefreshSnapshot(Bureau, Snapshot(Q3), Now.AddMinutes(5)));
    }

    [Fact]
    public void A_second_approval_is_refused()
    {
        var b = Draft();
        b.Submit(Bureau, Now);
        b.Approve(Leader, Now);

        Assert.Equal("Bulletin.AlreadyApproved", b.CheckReview(Leader)!.Code);
        Assert.Throws<DomainRuleException>(() => b.Approve(Leader, Now));
    }

    [Fact]
    public void A_leader_returns_it_to_draft_with_a_comment_and_the_Bureau_resubmits()
    {
        var b = Draft();
        b.Submit(Bureau, Now);

        Assert.Equal("Bulletin.CommentRequired", b.CheckReturn(Leader, " ")!.Code);
        b.ReturnToDraft(Leader, "补充麦盖提县的情况", Now);
        Assert.Equal(BulletinStatus.Draft, b.Status);
        Assert.Equal("补充麦盖提县的情况", b.ReturnComment);

        b.Submit(Bureau, Now);
        Assert.Null(b.ReturnComment);
        Assert.Equal(BulletinStatus.Submitted, b.Status);
    }

    [Fact]
    public void Only_the_Bureau_edits_and_publishes_and_only_a_leader_approves()
    {
        var b = Draft();
        Assert.Equal("Bulletin.BureauOnly", b.CheckEdit(Leader)!.Code);
        Assert.Equal("Bulletin.LeadersOnly", b.CheckReview(Bureau)!.Code);
        Assert.Equal("Bulletin.NotSubmitted", b.CheckReview(Leader)!.Code);
        Assert.Equal("Bulletin.NotApproved", b.CheckPublish(Bureau)!.Code);
        b.Submit(Bureau, Now);
        Assert.Equal("Bulletin.NotDraft", b.CheckEdit(Bureau)!.Code);
    }

    [Fact]
    public void Every_narrative_text_has_its_limit()
    {
        var tooLong = new string('字', Bulletin.SectionMaxLength + 1);
        var errors = Bulletin.ValidateNarrative(" ", tooLong, "ok\nline two", "bad\u0001", new string('x', Bulletin.SectionMaxLength));

        Assert.Equal(["Title:Field.Required", "Overview:Text.TooLong", "Problems:Text.ControlCharacters"],
            errors.Select(e => $"{e.Field}:{e.Violation.Code}"));
    }

    [Fact]
    public void The_latest_closed_quarter_follows_Beijing_time()
    {
        Assert.Equal(new StatQuarter(2026, 2), StatQuarter.LatestClosed(new DateTime(2026, 9, 30, 15, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new StatQuarter(2026, 3), StatQuarter.LatestClosed(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new StatQuarter(2025, 4), StatQuarter.LatestClosed(new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal([new StatMonth(2026, 7), new StatMonth(2026, 8), new StatMonth(2026, 9)], Q3.Months());
    }

    [Fact]
    public void Settings_outside_their_ranges_are_refused_at_start()
    {
        Assert.Empty(new BulletinSettings().Validate());
        Assert.Equal(3, new BulletinSettings { NumberPrefix = " ", SupervisionBottomN = -1, RectifyWithinDays = 0 }.Validate().Count);
    }
}

public class BulletinFollowUpTests
{
    private static readonly UserScope Bureau = new("bureau", "bureau", ActorRole.Bureau, 1, [], []);
    private static readonly UserScope Leader = new("leader", "leader", ActorRole.Leader, 2, [], []);

    [Fact]
    public void Each_named_unit_gets_one_task_due_the_set_days_after_publication_in_Beijing()
    {
        var q = new StatQuarter(2026, 3);
        var growth = new Growth(GrowthKind.Percent, -10m);
        var ground = new SupervisionGround(SupervisionGroundKind.LowGrowth, growth, 13, 13, 0, 5, 0m, 3, 3);
        var snapshot = new BulletinSnapshot(q.Index, new DateTime(2026, 10, 9, 0, 0, 0, DateTimeKind.Utc),
            new BulletinHeadline(0m, 0m, Growth.NoComparison, 0m, Growth.NoComparison, 0, 0m, 0, 0m, Growth.NoComparison, 0, 0), [], [],
            [new SupervisionEntry(9, "麦盖提县", "Makit", [ground]), new SupervisionEntry(4, "疏附县", "Shufu", [ground])], []);
        var settings = new BulletinSettings { RectifyWithinDays = 15 };
        var b = Bulletin.Draft(Bureau, q, 1, settings, snapshot, "关于2026年第三季度的通报", new DateTime(2026, 10, 9, 0, 0, 0, DateTimeKind.Utc));
        Assert.Throws<InvalidOperationException>(() => BulletinFollowUp.TasksOf(b, settings));
        b.Submit(Bureau, new DateTime(2026, 10, 9, 1, 0, 0, DateTimeKind.Utc));
        b.Approve(Leader, new DateTime(2026, 10, 9, 2, 0, 0, DateTimeKind.Utc));
        b.Publish(Bureau, new DateTime(2026, 10, 9, 16, 30, 0, DateTimeKind.Utc)); // 00:30 on the 10th in Beijing

        var tasks = BulletinFollowUp.TasksOf(b, settings);

        Assert.Equal([9, 4], tasks.Select(t => t.UnitId));
        Assert.All(tasks, t => Assert.Equal(new DateOnly(2026, 10, 25), t.DueOn));
        Assert.Contains("2026年10月25日", tasks[0].Text, StringComparison.Ordinal);
        Assert.Contains("喀招通〔2026〕1号", tasks[0].Text, StringComparison.Ordinal);
    }
}
