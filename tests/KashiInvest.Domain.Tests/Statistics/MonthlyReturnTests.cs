using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Statistics;

public class MonthlyReturnTests
{
    private const int Shache = 7;
    private const int Shule = 8;
    private static readonly StatMonth November = new(2026, 11);
    private static readonly DateTime Computed = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = November.DueAtUtc(5);

    private static readonly UserScope County = Scope("shache", ActorRole.AttractingUnit, Shache);
    private static readonly UserScope OtherCounty = Scope("shule", ActorRole.AttractingUnit, Shule);
    private static readonly UserScope Bureau = Scope("bureau", ActorRole.Bureau, 1);
    private static readonly UserScope Leader = Scope("leader", ActorRole.Leader, 2);
    private static readonly UserScope Wall = Scope("wall", ActorRole.Display, null);

    private static readonly FigureKey Funds = new(FigureCode.FundsMonth);
    private static readonly FigureKey Signed = new(FigureCode.SignedMonth);

    private static UserScope Scope(string user, ActorRole role, int? unit) => new(user, user, role, unit, [], []);

    private static MonthlyReturn NewReturn() => MonthlyReturn.Create(Shache, November,
        new Dictionary<FigureKey, decimal> { [Funds] = 1_000m, [Signed] = 2m, [new(FigureCode.FundsMonth, 3)] = 1_000m },
        Actor.System("statistics"), Computed);

    private static MonthlyReturn Submitted()
    {
        var r = NewReturn();
        r.Submit(County, Computed.AddHours(2), Due);
        return r;
    }

    private static MonthlyReturn Approved()
    {
        var r = Submitted();
        r.Approve(Bureau, Computed.AddHours(4));
        return r;
    }

    [Fact]
    public void A_computed_return_holds_the_computed_figures_and_who_computed_it()
    {
        var r = NewReturn();

        Assert.Equal(ReturnStatus.Computed, r.Status);
        Assert.Equal(1, r.Revision);
        Assert.Equal(1_000m, r.Value(Funds));
        Assert.Equal(November, r.Month);
        var entry = Assert.Single(r.History);
        Assert.Equal((ReturnAction.Computed, "system:statistics"), (entry.Action, entry.By));
        Assert.IsType<MonthlyReturnChanged>(Assert.Single(r.DomainEvents));
    }

    [Fact]
    public void The_unit_corrects_a_figure_with_a_reason_and_the_computed_figure_stays_beside_it()
    {
        var r = NewReturn();

        r.Correct(County, Funds, 1_250m, "  到位资金漏报一笔  ", Computed.AddHours(1));

        var figure = r.Figure(Funds)!;
        Assert.Equal(1_000m, figure.ComputedValue);
        Assert.Equal(1_250m, figure.CorrectedValue);
        Assert.Equal(1_250m, figure.Value);
        Assert.Equal("到位资金漏报一笔", figure.CorrectionReason);
        Assert.Equal("shache", figure.CorrectedBy);
        var entry = r.History[^1];
        Assert.Equal((ReturnAction.Corrected, 1_000m, 1_250m, "到位资金漏报一笔"), (entry.Action, entry.OldValue!.Value, entry.NewValue!.Value, entry.Text));
        Assert.Equal(FigureCode.FundsMonth, entry.FigureCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_correction_without_a_reason_is_refused(string? reason)
    {
        var r = NewReturn();

        Rules.Refused("Return.CorrectionReasonRequired", () => r.Correct(County, Funds, 1_250m, reason!, Computed));

        Assert.Null(r.Figure(Funds)!.CorrectedValue);
        Assert.Single(r.History);
    }

    [Fact]
    public void A_correction_with_an_overlong_reason_is_refused()
    {
        Rules.Refused("Text.TooLong", () => NewReturn().Correct(County, Funds, 1m, new string('因', MonthlyReturn.ReasonMaxLength + 1), Computed));
    }

    [Fact]
    public void A_count_cannot_be_corrected_to_a_fraction_nor_any_figure_below_zero()
    {
        var r = NewReturn();

        Rules.Refused("Return.CountMustBeWhole", () => r.Correct(County, Signed, 2.5m, "理由", Computed));
        Rules.Refused("Number.MustNotBeNegative", () => r.Correct(County, Funds, -1m, "理由", Computed));
        r.Correct(County, Funds, 12.3456m, "理由", Computed);
        Rules.Refused("Money.TooPrecise", () => r.Correct(County, Funds, 12.34567m, "理由", Computed));
    }

    [Fact]
    public void A_chain_figure_the_platform_did_not_compute_can_be_added_by_correction()
    {
        var r = NewReturn();

        r.Correct(County, new FigureKey(FigureCode.FundsMonth, 9), 300m, "该链项目未录入平台", Computed);

        Assert.Equal(0m, r.Figure(new FigureKey(FigureCode.FundsMonth, 9))!.ComputedValue);
        Assert.Equal(300m, r.Value(new FigureKey(FigureCode.FundsMonth, 9)));
        Rules.Refused("Return.UnknownFigure", () => r.Correct(County, new FigureKey(FigureCode.NewLeads, 9), 1m, "理由", Computed));
    }

    [Fact]
    public void Only_the_unit_itself_corrects_and_submits_its_return()
    {
        var r = NewReturn();

        foreach (var other in new[] { OtherCounty, Bureau, Leader, Wall })
        {
            Rules.Refused("Return.NotYours", () => r.Correct(other, Funds, 1m, "理由", Computed));
            Rules.Refused("Return.NotYours", () => r.Submit(other, Computed, Due));
        }
        Assert.Equal(ReturnStatus.Computed, r.Status);
    }

    [Fact]
    public void Submitting_before_the_deadline_is_on_time_and_recorded()
    {
        var r = NewReturn();

        r.Submit(County, Due.AddTicks(-1), Due);

        Assert.Equal(ReturnStatus.Submitted, r.Status);
        Assert.False(r.SubmittedLate);
        Assert.Equal(("shache", Due.AddTicks(-1)), (r.SubmittedBy!, r.SubmittedAtUtc!.Value));
        Assert.Equal(ReturnAction.Submitted, r.History[^1].Action);
    }

    [Fact]
    public void Submitting_at_the_deadline_is_late()
    {
        var r = NewReturn();

        r.Submit(County, Due, Due);

        Assert.True(r.SubmittedLate);
    }

    [Fact]
    public void A_submitted_return_cannot_be_corrected_refreshed_or_submitted_again()
    {
        var r = Submitted();

        Rules.Refused("Return.UnderReview", () => r.Correct(County, Funds, 1m, "理由", Computed));
        Rules.Refused("Return.UnderReview", () => r.Refresh(new Dictionary<FigureKey, decimal>(), Actor.System("t"), Computed));
        Rules.Refused("Return.AlreadySubmitted", () => r.Submit(County, Computed, Due));
    }

    [Fact]
    public void The_Bureau_returns_a_submitted_return_with_a_comment()
    {
        var r = Submitted();

        r.ReturnToUnit(Bureau, "  签约额与台账不符，请核实 ", Computed.AddHours(3));

        Assert.Equal(ReturnStatus.Returned, r.Status);
        Assert.Equal("签约额与台账不符，请核实", r.ReturnComment);
        Assert.Equal((ReturnAction.Returned, "bureau", "签约额与台账不符，请核实"), (r.History[^1].Action, r.History[^1].By, r.History[^1].Text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Returning_without_a_comment_is_refused(string? comment)
    {
        var r = Submitted();

        Rules.Refused("Return.CommentRequired", () => r.ReturnToUnit(Bureau, comment!, Computed));
        Assert.Equal(ReturnStatus.Submitted, r.Status);
    }

    [Fact]
    public void Only_reviewers_return_or_approve()
    {
        var r = Submitted();

        foreach (var other in new[] { County, OtherCounty, Leader, Wall })
        {
            Rules.Refused("Return.ReviewersOnly", () => r.ReturnToUnit(other, "意见", Computed));
            Rules.Refused("Return.ReviewersOnly", () => r.Approve(other, Computed));
        }
        Assert.Equal(ReturnStatus.Submitted, r.Status);
        r.Approve(Scope("admin", ActorRole.Administrator, null), Computed);
        Assert.Equal(ReturnStatus.Approved, r.Status);
    }

    [Fact]
    public void A_return_not_yet_submitted_cannot_be_returned_or_approved()
    {
        var r = NewReturn();

        Rules.Refused("Return.NotSubmitted", () => r.ReturnToUnit(Bureau, "意见", Computed));
        Rules.Refused("Return.NotSubmitted", () => r.Approve(Bureau, Computed));
    }

    [Fact]
    public void A_returned_return_is_corrected_and_resubmitted_and_the_comment_is_cleared()
    {
        var r = Submitted();
        r.ReturnToUnit(Bureau, "请核实", Computed.AddHours(3));

        r.Correct(County, Signed, 3m, "补录一个签约项目", Computed.AddHours(4));
        r.Submit(County, Due.AddDays(1), Due);

        Assert.Equal(ReturnStatus.Submitted, r.Status);
        Assert.Null(r.ReturnComment);
        Assert.False(r.SubmittedLate); // lateness is fixed by the first submission
        Assert.Equal(ReturnAction.Resubmitted, r.History[^1].Action);
        Assert.Equal(3m, r.Value(Signed));
    }

    [Fact]
    public void Approval_locks_the_return_and_fixes_its_approved_figures()
    {
        var r = NewReturn();
        r.Correct(County, Funds, 1_100m, "理由", Computed);
        r.Submit(County, Computed, Due);

        r.Approve(Bureau, Computed.AddHours(5));

        Assert.True(r.IsLocked);
        Assert.Equal(1, r.ApprovedRevision);
        Assert.Equal(("bureau", Computed.AddHours(5)), (r.ApprovedBy!, r.ApprovedAtUtc!.Value));
        Assert.Equal(1_100m, r.Figure(Funds)!.ApprovedValue);
        Assert.Equal(2m, r.Figure(Signed)!.ApprovedValue);
    }

    [Fact]
    public void A_change_after_locking_without_a_revision_is_refused()
    {
        var r = Approved();

        Rules.Refused("Return.Locked", () => r.Correct(County, Funds, 1m, "理由", Computed));
        Rules.Refused("Return.Locked", () => r.Refresh(new Dictionary<FigureKey, decimal>(), Actor.System("t"), Computed));
        Rules.Refused("Return.Locked", () => r.Submit(County, Computed, Due));
        Rules.Refused("Return.Locked", () => r.ReturnToUnit(Bureau, "意见", Computed));
        Rules.Refused("Return.Locked", () => r.Approve(Bureau, Computed));
    }

    [Fact]
    public void A_revision_after_locking_needs_a_reason_and_is_approved_again()
    {
        var r = Approved();
        Rules.Refused("Return.RevisionReasonRequired", () => r.OpenRevision(County, " ", Computed));

        r.OpenRevision(County, "项目到位资金统计口径调整", Computed.AddDays(10));
        Assert.Equal((ReturnStatus.Computed, 2, 1), (r.Status, r.Revision, r.ApprovedRevision!.Value));
        r.Correct(County, Funds, 1_500m, "口径调整", Computed.AddDays(10));
        Assert.Equal(1_000m, r.Figure(Funds)!.ApprovedValue); // the tables keep the approved figure meanwhile
        r.Submit(County, Computed.AddDays(10), Due);
        r.Approve(Bureau, Computed.AddDays(11));

        Assert.Equal((ReturnStatus.Approved, 2, 2), (r.Status, r.Revision, r.ApprovedRevision!.Value));
        Assert.Equal(1_500m, r.Figure(Funds)!.ApprovedValue);
        Assert.Equal(
            [ReturnAction.Computed, ReturnAction.Submitted, ReturnAction.Approved, ReturnAction.RevisionOpened, ReturnAction.Corrected, ReturnAction.Submitted, ReturnAction.Approved],
            r.History.Select(h => h.Action));
        Assert.Equal([1, 1, 1, 2, 2, 2, 2], r.History.Select(h => h.Revision));
    }

    [Fact]
    public void Only_an_approved_return_can_be_revised_and_only_by_its_unit_or_a_reviewer()
    {
        Rules.Refused("Return.NotApproved", () => NewReturn().OpenRevision(County, "理由", Computed));
        Rules.Refused("Return.NotApproved", () => Submitted().OpenRevision(Bureau, "理由", Computed));
        var r = Approved();
        foreach (var other in new[] { OtherCounty, Leader, Wall })
            Rules.Refused("Return.NotYours", () => r.OpenRevision(other, "理由", Computed));

        r.OpenRevision(Bureau, "地区统计口径调整", Computed);
        Assert.Equal(ReturnStatus.Computed, r.Status);
    }

    [Fact]
    public void Refreshing_recomputes_the_figures_and_keeps_the_corrections_beside_them()
    {
        var r = NewReturn();
        r.Correct(County, Funds, 1_250m, "漏报", Computed);

        r.Refresh(new Dictionary<FigureKey, decimal> { [Funds] = 1_100m, [new(FigureCode.NewLeads)] = 4m }, new Actor("shache", Shache), Computed.AddHours(1));

        Assert.Equal(1_100m, r.Figure(Funds)!.ComputedValue);
        Assert.Equal(1_250m, r.Value(Funds));
        Assert.Equal(0m, r.Value(Signed)); // no longer computed
        Assert.Equal(4m, r.Value(new(FigureCode.NewLeads)));
        Assert.Equal((ReturnAction.Refreshed, "shache"), (r.History[^1].Action, r.History[^1].By));
        Assert.Equal("shache", r.ComputedBy);
    }

    [Fact]
    public void A_returned_return_can_be_refreshed()
    {
        var r = Submitted();
        r.ReturnToUnit(Bureau, "请按最新数据重算", Computed);

        r.Refresh(new Dictionary<FigureKey, decimal> { [Funds] = 2_000m }, new Actor("shache", Shache), Computed.AddHours(1));

        Assert.Equal(ReturnStatus.Returned, r.Status);
        Assert.Equal(2_000m, r.Value(Funds));
    }

    [Fact]
    public void Access_a_unit_reads_its_own_the_Bureau_all_leaders_and_the_wall_approved_figures_only()
    {
        Assert.True(MonthlyReturnAccess.CanReadWorking(County, Shache));
        Assert.False(MonthlyReturnAccess.CanReadWorking(OtherCounty, Shache));
        Assert.False(MonthlyReturnAccess.CanReadApproved(OtherCounty, Shache));
        Assert.True(MonthlyReturnAccess.CanReadWorking(Bureau, Shache));
        Assert.False(MonthlyReturnAccess.CanReadWorking(Leader, Shache));
        Assert.True(MonthlyReturnAccess.CanReadApproved(Leader, Shache));
        Assert.True(MonthlyReturnAccess.CanReadApproved(Wall, Shache));
        Assert.False(MonthlyReturnAccess.CanCompute(Leader, Shache));
    }
}

public class ReturnDeadlineTests
{
    private static readonly StatMonth November = new(2026, 11);
    private static readonly StatisticsSettings Settings = new();
    private static readonly DateTime Due = new(2026, 12, 5, 16, 0, 0, DateTimeKind.Utc); // 6 Dec 00:00 Beijing

    [Fact]
    public void Nothing_is_missing_before_the_deadline()
    {
        Assert.False(ReturnDeadlines.IsMissing(November, null, false, Due.AddTicks(-1), Settings));
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData(ReturnStatus.Computed, false, true)]
    [InlineData(ReturnStatus.Returned, true, true)]
    [InlineData(ReturnStatus.Submitted, true, false)]
    [InlineData(ReturnStatus.Approved, true, false)]
    [InlineData(ReturnStatus.Computed, true, false)] // a revision open on an approved return
    public void After_the_deadline_a_return_never_submitted_or_returned_and_not_resubmitted_is_missing(ReturnStatus? status, bool everSubmitted, bool missing)
    {
        Assert.Equal(missing, ReturnDeadlines.IsMissing(November, status, everSubmitted, Due, Settings));
    }

    [Fact]
    public void The_deadline_day_is_a_setting()
    {
        var settings = new StatisticsSettings { ReturnDueDay = 10 };

        Assert.False(ReturnDeadlines.IsMissing(November, null, false, Due, settings));
        Assert.Equal(new DateTime(2026, 12, 10, 16, 0, 0, DateTimeKind.Utc), ReturnDeadlines.DueAtUtc(November, settings));
    }

    [Fact]
    public void Settings_are_validated()
    {
        Assert.Empty(new StatisticsSettings().Validate());
        Assert.Equal(3, new StatisticsSettings { ReturnDueDay = 0, LargeProjectWan = 0m, MajorProjectWan = -1m }.Validate().Count);
    }
}
