using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Integrity;

namespace KashiInvest.Domain.Tests.Integrity;

public class IntegrityCaseTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly Actor County = new("shache", 7);

    /// <summary>Monday 16 November 2026, 10:00 in Beijing.</summary>
    private static readonly DateTime Now = new(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Monday = new(2026, 11, 16);

    public static IntegrityCaseInput Input(string? title = "设备购置补贴超期未兑现", DateOnly? rectifyBy = null, string? description = "承诺的设备补贴已超期三个月未兑现。") =>
        new(IntegrityCaseKind.CommitmentNotHonoured, title, description, 7, new DateOnly(2026, 8, 1), rectifyBy, 42, 5, null);

    public static IntegrityCase Opened(IntegritySettings? settings = null, DateOnly? rectifyBy = null) =>
        new(Input(rectifyBy: rectifyBy), settings ?? new IntegritySettings(), Monday, Bureau, Now);

    public static IntegrityCase At(IntegrityCaseStatus status)
    {
        var c = Opened();
        if (status == IntegrityCaseStatus.Open) return c;
        if (status == IntegrityCaseStatus.BreachOfTrust)
        {
            c.RecordBreach("逾期拒不兑现。", Monday.AddDays(40), Bureau, Now);
            return c;
        }
        c.EnterPlan("本月完成审核，下月拨付。", County, Now);
        if (status == IntegrityCaseStatus.Rectifying) return c;
        c.ReportRectified("补贴已全额拨付。", Monday.AddDays(10), County, Now);
        if (status == IntegrityCaseStatus.Reported) return c;
        c.Verify(Monday.AddDays(12), Bureau, Now);
        return c;
    }

    private static string Code(Action act) => Assert.Throws<DomainRuleException>(act).Violation.Code;

    [Fact]
    public void A_case_opens_with_the_default_deadline_of_30_days_and_a_history_line()
    {
        var c = Opened();
        Assert.Equal((IntegrityCaseStatus.Open, new DateOnly(2026, 12, 16), Monday, "bureau"), (c.Status, c.RectifyBy, c.OpenedOn, c.OpenedBy));
        var line = Assert.Single(c.History);
        Assert.Equal((IntegrityAction.Opened, IntegrityCaseStatus.Open), (line.Action, line.Status));
        Assert.IsType<IntegrityCaseChanged>(Assert.Single(c.DomainEvents));
    }

    [Fact]
    public void The_default_deadline_is_a_setting_and_the_Bureau_may_set_its_own()
    {
        Assert.Equal(Monday.AddDays(10), Opened(new IntegritySettings { RectifyWithinDays = 10 }).RectifyBy);
        Assert.Equal(new DateOnly(2026, 12, 1), Opened(rectifyBy: new DateOnly(2026, 12, 1)).RectifyBy);
        Assert.NotEmpty(new IntegritySettings { RectifyWithinDays = 0 }.Validate());
        Assert.NotEmpty(new IntegritySettings { RectifyWithinDays = 366 }.Validate());
        Assert.Empty(new IntegritySettings().Validate());
    }

    [Fact]
    public void Opening_refuses_a_missing_title_a_future_since_a_past_deadline_and_a_commitment_without_its_project()
    {
        Assert.Equal("Field.Required", Code(() => new IntegrityCase(Input(title: " "), new(), Monday, Bureau, Now)));
        Assert.Equal("Integrity.SinceInFuture", Code(() => new IntegrityCase(Input() with { Since = Monday.AddDays(1) }, new(), Monday, Bureau, Now)));
        Assert.Equal("Integrity.DeadlineNotAfterToday", Code(() => new IntegrityCase(Input(rectifyBy: Monday), new(), Monday, Bureau, Now)));
        Assert.Equal("Integrity.CommitmentNeedsProject", Code(() => new IntegrityCase(Input() with { ProjectId = null }, new(), Monday, Bureau, Now)));
        Assert.Equal("Field.Required", Code(() => new IntegrityCase(Input() with { UnitId = 0 }, new(), Monday, Bureau, Now)));
        Assert.Equal("Field.UnknownChoice", Code(() => new IntegrityCase(Input() with { Kind = (IntegrityCaseKind)99 }, new(), Monday, Bureau, Now)));
    }

    [Fact]
    public void The_unit_plans_reports_and_the_Bureau_verifies_who_and_when()
    {
        var c = At(IntegrityCaseStatus.Reported);
        Assert.Equal((IntegrityCaseStatus.Reported, Monday.AddDays(10), "补贴已全额拨付。"), (c.Status, c.ReportedOn, c.Report));
        c.Verify(Monday.AddDays(12), Bureau, Now);
        Assert.Equal((IntegrityCaseStatus.Rectified, "bureau", Monday.AddDays(12)), (c.Status, c.VerifiedBy, c.VerifiedOn));
        Assert.Equal([IntegrityAction.Opened, IntegrityAction.PlanEntered, IntegrityAction.ReportedRectified, IntegrityAction.Verified],
            c.History.Select(h => h.Action).ToArray());
    }

    [Fact]
    public void A_plan_may_be_revised_while_rectifying_and_needs_text()
    {
        var c = At(IntegrityCaseStatus.Rectifying);
        c.EnterPlan("修订：下周拨付。", County, Now);
        Assert.Equal((IntegrityCaseStatus.Rectifying, "修订：下周拨付。"), (c.Status, c.Plan));
        Assert.Equal("Integrity.PlanRequired", Code(() => Opened().EnterPlan("  ", County, Now)));
        Assert.Equal("Integrity.ReportRequired", Code(() => At(IntegrityCaseStatus.Rectifying).ReportRectified(null, Monday, County, Now)));
    }

    [Theory]
    [InlineData(IntegrityCaseStatus.Open, "report")]
    [InlineData(IntegrityCaseStatus.Open, "verify")]
    [InlineData(IntegrityCaseStatus.Open, "return")]
    [InlineData(IntegrityCaseStatus.Rectifying, "verify")]
    [InlineData(IntegrityCaseStatus.Rectifying, "return")]
    [InlineData(IntegrityCaseStatus.Reported, "plan")]
    [InlineData(IntegrityCaseStatus.Reported, "report")]
    [InlineData(IntegrityCaseStatus.Rectified, "plan")]
    [InlineData(IntegrityCaseStatus.Rectified, "report")]
    [InlineData(IntegrityCaseStatus.Rectified, "verify")]
    [InlineData(IntegrityCaseStatus.Rectified, "breach")]
    [InlineData(IntegrityCaseStatus.BreachOfTrust, "plan")]
    [InlineData(IntegrityCaseStatus.BreachOfTrust, "verify")]
    [InlineData(IntegrityCaseStatus.BreachOfTrust, "breach")]
    public void Illegal_steps_are_refused_and_change_nothing(IntegrityCaseStatus status, string step)
    {
        var c = At(status);
        var lines = c.History.Count;
        Action act = step switch
        {
            "plan" => () => c.EnterPlan("方案", County, Now),
            "report" => () => c.ReportRectified("已整改", Monday, County, Now),
            "verify" => () => c.Verify(Monday, Bureau, Now),
            "return" => () => c.Return("未整改到位", null, Monday, Bureau, Now),
            _ => () => c.RecordBreach("拒不整改", Monday, Bureau, Now),
        };
        Assert.Equal("Integrity.StepNotAllowed", Code(act));
        Assert.Equal((status, lines), (c.Status, c.History.Count));
    }

    [Fact]
    public void A_report_sent_back_returns_to_rectifying_with_the_reason_and_a_new_deadline_after_today()
    {
        var c = At(IntegrityCaseStatus.Reported);
        Assert.Equal("Integrity.ReasonRequired", Code(() => c.Return(" ", null, Monday.AddDays(40), Bureau, Now)));
        Assert.Equal("Integrity.DeadlineNotAfterToday", Code(() => c.Return("资金未到账", Monday.AddDays(40), Monday.AddDays(40), Bureau, Now)));
        c.Return("资金未到账", Monday.AddDays(60), Monday.AddDays(40), Bureau, Now);
        Assert.Equal((IntegrityCaseStatus.Rectifying, "资金未到账", Monday.AddDays(60)), (c.Status, c.Reason, c.RectifyBy));
    }

    [Theory]
    [InlineData(IntegrityCaseStatus.Open)]
    [InlineData(IntegrityCaseStatus.Rectifying)]
    [InlineData(IntegrityCaseStatus.Reported)]
    public void The_Bureau_may_record_a_breach_of_trust_before_verification_with_reasons(IntegrityCaseStatus status)
    {
        var c = At(status);
        Assert.Equal("Integrity.ReasonRequired", Code(() => c.RecordBreach("", Monday, Bureau, Now)));
        c.RecordBreach("以负责人调整为由拒不履约。", Monday.AddDays(5), Bureau, Now);
        Assert.Equal((IntegrityCaseStatus.BreachOfTrust, Monday.AddDays(5), "以负责人调整为由拒不履约。"), (c.Status, c.RecordedBreachOn, c.Reason));
        Assert.True(c.IsClosed);
    }

    [Fact]
    public void Overdue_is_read_from_the_day_asked_only_while_the_unit_owes_the_rectification()
    {
        var c = Opened();
        var due = c.RectifyBy;
        Assert.False(c.IsOverdue(due));
        Assert.Equal(new IntegrityClock(due, 0, 0, false), c.Clock(due));
        Assert.Equal(new IntegrityClock(due, 0, 3, true), c.Clock(due.AddDays(3)));
        c.EnterPlan("方案", County, Now);
        Assert.True(c.IsOverdue(due.AddDays(1)));
        c.ReportRectified("已整改", due.AddDays(1), County, Now);
        Assert.False(c.IsOverdue(due.AddDays(30)));
        Assert.False(At(IntegrityCaseStatus.BreachOfTrust).IsOverdue(due.AddDays(30)));
    }

    [Fact]
    public void An_overdue_case_raises_a_high_alert_owned_by_its_unit_until_it_is_no_longer_owed()
    {
        var facts = new IntegrityAlertFacts(3, "设备补贴超期未兑现", 42, 7, true, new DateOnly(2026, 12, 16));
        Assert.Null(IntegrityAlertRules.For(facts, new DateOnly(2026, 12, 16)));
        var alert = IntegrityAlertRules.For(facts, new DateOnly(2026, 12, 18))!;
        Assert.Equal((AlertKind.IntegrityOverdue, (int?)7, (int?)7, AlertSeverity.High, "integrity:3", "2"),
            (alert.Kind, alert.UnitId, alert.OwnerUnitId, alert.Severity, alert.Subject, alert.Args[2]));
        Assert.Null(IntegrityAlertRules.For(facts with { Owed = false }, new DateOnly(2026, 12, 18)));
    }
}
