using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Tests.Approvals;

namespace KashiInvest.Domain.Tests.Complaints;

public class ComplaintTests
{
    private static readonly Actor Bureau = new("bureau", 1);
    private static readonly Actor County = new("shache", 7);
    private static readonly WorkingCalendar China = Calendars.China;
    private static readonly ComplaintSettings Settings = new();

    /// <summary>Monday 16 November 2026, 10:00 in Beijing.</summary>
    private static readonly DateTime Now = new(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Monday = new(2026, 11, 16);

    public static ComplaintInput Input(string? description = "承诺的设备补贴已超期三个月未兑现。") => new(
        "广东粤纺印染科技股份有限公司", CreditCode.Complete("91440300MA5F00001").Value, "张经理", "138 0998 1234",
        "年产2万吨纺织印染项目", ComplaintCategory.CommitmentNotHonoured, description);

    private static Complaint Filed(DateTime? at = null) => new(Input(), "TS261116ABCDE", ComplaintCode.Hash("K7M2P9QX"), China, Settings, at ?? Now);

    private static Complaint Assigned()
    {
        var c = Filed();
        c.Accept(null, Monday.AddDays(1), Bureau, Now);
        c.Assign(7, null, China, Settings, Monday.AddDays(3), Bureau, Now);
        return c;
    }

    private static string Code(Action act) => Assert.Throws<DomainRuleException>(act).Violation.Code;

    [Fact]
    public void A_filed_complaint_must_be_registered_within_3_working_days()
    {
        var c = Filed();
        Assert.Equal((ComplaintStatus.Filed, Monday, new DateOnly(2026, 11, 19)), (c.Status, c.FiledOn, c.AcceptBy));
        Assert.Equal(new DateOnly(2026, 11, 19), c.Deadline);
        Assert.False(c.IsOverdue(new DateOnly(2026, 11, 19)));
        Assert.True(c.IsOverdue(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void The_registration_clock_skips_the_National_Day_holidays_and_counts_the_make_up_Saturday()
    {
        // Filed on Wednesday 30 September 2026: 1–7 October are off, 10 October (Saturday) is a working day.
        var c = Filed(new DateTime(2026, 9, 30, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateOnly(2026, 10, 10), c.AcceptBy);
    }

    [Fact]
    public void The_time_limits_are_settings()
    {
        var c = new Complaint(Input(), "TS1", ComplaintCode.Hash("X"), China, new ComplaintSettings { AcceptWithinWorkingDays = 1, AnswerWithinWorkingDays = 2 }, Now);
        Assert.Equal(new DateOnly(2026, 11, 17), c.AcceptBy);
        c.Accept(null, Monday, Bureau, Now);
        c.Assign(7, null, China, new ComplaintSettings { AnswerWithinWorkingDays = 2 }, Monday, Bureau, Now);
        Assert.Equal(new DateOnly(2026, 11, 18), c.DueOn);
        Assert.NotEmpty(new ComplaintSettings { AcceptWithinWorkingDays = 0 }.Validate());
        Assert.NotEmpty(new ComplaintSettings { FollowUpWithinWorkingDays = 366 }.Validate());
        Assert.Empty(new ComplaintSettings().Validate());
    }

    [Fact]
    public void Filing_checks_the_credit_code_the_phone_and_the_sizes()
    {
        Assert.Contains(Complaint.Validate(Input() with { CreditCode = "91440300MA5F000010" }), v => v.Field == "CreditCode");
        Assert.Contains(Complaint.Validate(Input() with { Phone = "call me" }), v => v is { Field: "Phone", Violation.Code: "Complaint.BadPhone" });
        Assert.Contains(Complaint.Validate(Input(new string('长', Complaint.DescriptionMaxLength + 1))), v => v is { Field: "Description", Violation.Code: TextRules.TooLong });
        Assert.Contains(Complaint.Validate(Input(" ")), v => v is { Field: "Description", Violation.Code: "Field.Required" });
        Assert.Contains(Complaint.Validate(Input() with { Category = (ComplaintCategory)99 }), v => v.Field == "Category");
        Assert.Empty(Complaint.Validate(Input() with { ProjectName = null, Phone = "+86 (0998) 282-1234" }));
        Assert.Equal("Field.Required", Code(() => new Complaint(Input() with { EnterpriseName = "" }, "TS1", "h", China, Settings, Now)));
    }

    [Fact]
    public void Only_a_hash_of_the_secret_code_is_kept_and_it_checks_the_code()
    {
        var code = ComplaintCode.NewCode();
        var c = new Complaint(Input(), "TS1", ComplaintCode.Hash(code), China, Settings, Now);
        Assert.DoesNotContain(code, c.CodeHash);
        Assert.True(c.HasCode(code));
        Assert.True(c.HasCode(" " + code.ToLowerInvariant() + " "));
        Assert.False(c.HasCode(code[..^1] + (code[^1] == 'A' ? 'B' : 'A')));
        Assert.False(c.HasCode(null));
        Assert.NotEqual(ComplaintCode.Hash(code), ComplaintCode.Hash(code));
    }

    [Fact]
    public void The_Bureau_refuses_with_a_reason_and_the_complaint_is_closed()
    {
        var c = Filed();
        Assert.Equal("Complaint.ReasonRequired", Code(() => c.Refuse(" ", Bureau, Now)));
        c.Refuse("不属于营商环境投诉受理范围，请向法院起诉。", Bureau, Now);
        Assert.Equal((ComplaintStatus.Refused, true, (DateOnly?)null), (c.Status, c.IsClosed, c.Deadline));
        Assert.False(c.IsOverdue(Monday.AddDays(30)));
        Assert.Equal("Complaint.StepNotAllowed", Code(() => c.Accept(null, Monday, Bureau, Now)));
    }

    [Fact]
    public void An_assigned_complaint_is_due_15_working_days_after_assignment_and_the_unit_owes_it()
    {
        var c = Filed();
        Assert.Equal("Complaint.StepNotAllowed", Code(() => c.Assign(7, null, China, Settings, Monday, Bureau, Now)));
        c.Accept(null, Monday, Bureau, Now);
        Assert.Equal((ComplaintStatus.Accepted, (DateOnly?)new DateOnly(2026, 11, 19), (int?)1), (c.Status, c.Deadline, c.OwingUnitId(1)));
        c.Assign(7, null, China, Settings, new DateOnly(2026, 11, 19), Bureau, Now);
        Assert.Equal((ComplaintStatus.Assigned, (DateOnly?)new DateOnly(2026, 12, 10), (int?)7), (c.Status, c.DueOn, c.OwingUnitId(1)));
        var clock = c.Clock(new DateOnly(2026, 12, 14));
        Assert.Equal((true, 4, 0), (clock.IsOverdue, clock.DaysOverdue, clock.DaysLeft));
        Assert.Equal((false, 1), (c.Clock(new DateOnly(2026, 12, 9)).IsOverdue, c.Clock(new DateOnly(2026, 12, 9)).DaysLeft));
    }

    [Fact]
    public void The_Bureau_may_set_another_due_day_but_not_today_or_before()
    {
        var c = Filed();
        c.Accept(null, Monday, Bureau, Now);
        Assert.Equal("Complaint.DueNotAfterToday", Code(() => c.Assign(7, Monday, China, Settings, Monday, Bureau, Now)));
        c.Assign(7, new DateOnly(2026, 11, 30), China, Settings, Monday, Bureau, Now);
        Assert.Equal(new DateOnly(2026, 11, 30), c.DueOn);
        c.Assign(9, null, China, Settings, Monday.AddDays(1), Bureau, Now);
        Assert.Equal((ComplaintStatus.Assigned, (int?)9), (c.Status, c.AssignedUnitId));
    }

    [Fact]
    public void A_satisfied_rating_closes_the_answered_complaint()
    {
        var c = Assigned();
        Assert.Equal("Complaint.StepNotAllowed", Code(() => c.Rate(ComplaintRating.Satisfied, null, China, Settings, Monday, Now)));
        Assert.Equal("Complaint.ReplyRequired", Code(() => c.Answer("", Monday, County, Now)));
        c.Answer("补贴已于12月1日拨付到企业账户。", new DateOnly(2026, 12, 1), County, Now);
        Assert.Equal((ComplaintStatus.Answered, (DateOnly?)null), (c.Status, c.Deadline));
        c.Rate(ComplaintRating.Satisfied, null, China, Settings, new DateOnly(2026, 12, 2), Now);
        Assert.Equal((ComplaintStatus.Closed, (ComplaintRating?)ComplaintRating.Satisfied, 0), (c.Status, c.Rating, c.FollowUps));
        Assert.Equal(
            [ComplaintAction.Filed, ComplaintAction.Accepted, ComplaintAction.Assigned, ComplaintAction.Answered, ComplaintAction.RatedSatisfied],
            c.History.Select(h => h.Action));
    }

    [Fact]
    public void A_dissatisfied_rating_needs_a_comment_and_reopens_it_for_follow_up_with_a_new_clock()
    {
        var c = Assigned();
        c.Answer("正在研究。", new DateOnly(2026, 12, 10), County, Now);
        Assert.Equal("Complaint.CommentRequired", Code(() => c.Rate(ComplaintRating.Dissatisfied, " ", China, Settings, new DateOnly(2026, 12, 11), Now)));
        c.Rate(ComplaintRating.Dissatisfied, "答复没有说明何时兑现。", China, Settings, new DateOnly(2026, 12, 11), Now);
        Assert.Equal((ComplaintStatus.FollowUp, 1, (DateOnly?)new DateOnly(2026, 12, 25), (int?)7), (c.Status, c.FollowUps, c.Deadline, c.OwingUnitId(1)));
        Assert.True(c.IsOverdue(new DateOnly(2026, 12, 28)));
        c.Answer("补贴将于12月20日前拨付。", new DateOnly(2026, 12, 15), County, Now);
        Assert.Equal((ComplaintStatus.Answered, "补贴将于12月20日前拨付。", (ComplaintRating?)null), (c.Status, c.Reply, c.Rating));
    }

    [Fact]
    public void A_complaint_links_to_a_commitment_only_with_its_project()
    {
        var c = Filed();
        Assert.Equal("Complaint.CommitmentNeedsProject", Code(() => c.Link(null, 5, Bureau, Now)));
        c.Link(42, 5, Bureau, Now);
        Assert.Equal(((int?)42, (int?)5), (c.ProjectId, c.CommitmentId));
    }

    [Fact]
    public void An_overdue_complaint_raises_an_alert_to_the_unit_that_owes_it_without_the_complainants_words()
    {
        var c = Assigned();
        var facts = new ComplaintAlertFacts(3, c.TrackingNumber, null, c.Deadline, c.OwingUnitId(1));
        Assert.Null(ComplaintAlertRules.For(facts, new DateOnly(2026, 12, 10)));
        var alert = ComplaintAlertRules.For(facts, new DateOnly(2026, 12, 12))!;
        Assert.Equal((AlertKind.ComplaintOverdue, (int?)7, (int?)7, AlertSeverity.High, "complaint:3"), (alert.Kind, alert.UnitId, alert.OwnerUnitId, alert.Severity, alert.Subject));
        Assert.Equal(["TS261116ABCDE", "2026-12-10", "2"], alert.Args);
        Assert.Null(ComplaintAlertRules.For(facts with { Deadline = null, OwingUnitId = null }, new DateOnly(2026, 12, 12)));
        var filed = Filed();
        var late = ComplaintAlertRules.For(new ComplaintAlertFacts(4, filed.TrackingNumber, null, filed.Deadline, filed.OwingUnitId(1)), new DateOnly(2026, 11, 20))!;
        Assert.Equal((int?)1, late.UnitId);
    }

    [Fact]
    public void A_phone_number_has_a_limit_and_no_control_characters()
    {
        Assert.Null(Complaint.Validate(Input() with { Phone = "138" + new string(' ', Complaint.PhoneMaxLength - 6) + "123" }).FirstOrDefault(v => v.Field == "Phone"));
        Assert.Equal(TextRules.TooLong, Complaint.Validate(Input() with { Phone = new string('9', Complaint.PhoneMaxLength + 1) }).Single(v => v.Field == "Phone").Violation.Code);
        Assert.Equal(TextRules.TooLong, Complaint.Validate(Input() with { Phone = new string('9', 200 * 1024) }).Single(v => v.Field == "Phone").Violation.Code);
        Assert.Equal(TextRules.ControlCharacters, Complaint.Validate(Input() with { Phone = "138\u00001234" }).Single(v => v.Field == "Phone").Violation.Code);
        Assert.Equal("Complaint.BadPhone", Complaint.Validate(Input() with { Phone = "１３８００" }).Single(v => v.Field == "Phone").Violation.Code);
    }
}
