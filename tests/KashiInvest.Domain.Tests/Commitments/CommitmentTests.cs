using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Tests.Approvals;

namespace KashiInvest.Domain.Tests.Commitments;

public class CommitmentTests
{
    public static readonly Actor County = new("shache", 7);
    public static readonly Actor Finance = new("dept-finance", 35);
    public static readonly DateTime Now = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 10);
    private static readonly WorkingCalendar China = Calendars.China;

    public static CommitmentInput Input(params CommitmentConditionInput[] conditions) => new(
        CommitmentKind.Subsidy, null, "喀地政发〔2024〕12号", "第五条", "设备购置补贴，按设备投资额的10%给予补助", 500m, null, 35, 20,
        LimitUnit.WorkingDays, "设备发票、到位资金审计报告", FairCompetitionConcern.None, null, conditions);

    public static readonly CommitmentConditionInput Funds5000 = new(ConditionKind.FundsInPlace, Threshold: 5_000m);

    public static Commitment Recorded(CommitmentInput? input = null) => new(42, 7, input ?? Input(Funds5000), County, Now);

    private static CommitmentFacts Funds(decimal wan) => CommitmentFacts.None with { FundsInPlace = Money.FromWan(wan) };

    /// <summary>A commitment that became due on <paramref name="on"/> and was stepped to <paramref name="until"/>.</summary>
    public static Commitment At(CommitmentStatus until, DateOnly? on = null)
    {
        var c = Recorded();
        c.Evaluate(Funds(5_000m), China, on ?? Today, County, Now);
        if (until == CommitmentStatus.Due) return c;
        c.Advance(CommitmentStep.ReceiveApplication, null, Finance, Now);
        if (until == CommitmentStatus.ApplicationReceived) return c;
        c.Advance(CommitmentStep.StartReview, null, Finance, Now);
        if (until == CommitmentStatus.UnderReview) return c;
        c.Advance(CommitmentStep.Approve, null, Finance, Now);
        if (until == CommitmentStatus.Approved) return c;
        if (until == CommitmentStatus.PartlyDelivered)
        {
            c.RecordPayment(200m, Today, false, null, Today, Finance, Now);
            return c;
        }
        c.RecordPayment(500m, Today, false, null, Today, Finance, Now);
        if (until == CommitmentStatus.Delivered) return c;
        c.Advance(CommitmentStep.ConfirmHonoured, "企业确认已收到", Finance, Now);
        return c;
    }

    private static string Code(Action act) => Assert.Throws<DomainRuleException>(act).Violation.Code;

    [Fact]
    public void A_recorded_commitment_is_not_yet_due_and_has_no_clock()
    {
        var c = Recorded();
        Assert.Equal(CommitmentStatus.NotYetDue, c.Status);
        Assert.Null(c.DueOn);
        Assert.False(c.IsOverdue(Today.AddYears(1)));
        Assert.Equal(CommitmentAction.Recorded, Assert.Single(c.History).Action);
    }

    [Theory]
    [InlineData(4_999.99, false)]
    [InlineData(5_000, true)]
    [InlineData(8_000, true)]
    public void Funds_in_place_meet_the_condition_from_the_threshold_on(decimal funds, bool due)
    {
        var c = Recorded();
        c.Evaluate(Funds(funds), China, Today, County, Now);
        Assert.Equal(due ? CommitmentStatus.Due : CommitmentStatus.NotYetDue, c.Status);
        Assert.Equal(due ? Today : null, c.DueSince);
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    public void Jobs_meet_the_condition_at_the_threshold_and_a_missing_figure_never_does(int jobs, bool met)
    {
        var c = Recorded(Input(new CommitmentConditionInput(ConditionKind.Jobs, Threshold: 100)));
        c.Evaluate(CommitmentFacts.None, China, Today, County, Now);
        Assert.False(c.Conditions[0].IsMet);
        c.Evaluate(CommitmentFacts.None with { JobsCreated = jobs }, China, Today, County, Now);
        Assert.Equal(met, c.Conditions[0].IsMet);
    }

    [Fact]
    public void Production_and_a_milestone_are_read_from_the_facts_and_all_conditions_must_be_met()
    {
        var c = Recorded(Input(new CommitmentConditionInput(ConditionKind.InProduction), new CommitmentConditionInput(ConditionKind.Milestone, MilestoneId: 9)));
        c.Evaluate(CommitmentFacts.None with { InProduction = true, MilestonesReached = new HashSet<int> { 8 } }, China, Today, County, Now);
        Assert.Equal(CommitmentStatus.NotYetDue, c.Status);
        Assert.True(c.Conditions[0].IsMet);
        Assert.False(c.Conditions[1].IsMet);
        c.Evaluate(CommitmentFacts.None with { MilestonesReached = new HashSet<int> { 9 } }, China, Today.AddDays(3), County, Now);
        Assert.Equal(CommitmentStatus.Due, c.Status);
        Assert.Equal(Today.AddDays(3), c.DueSince);
        Assert.True(c.Conditions[0].IsMet); // once met, stays met
    }

    [Fact]
    public void A_by_hand_condition_is_never_read_from_data_and_is_confirmed_with_a_note()
    {
        var c = Recorded(Input(Funds5000, new CommitmentConditionInput(ConditionKind.ByHand, Description: "通过竣工验收")));
        c.Evaluate(Funds(1_000m), China, Today, County, Now);
        Assert.Equal("Commitment.NoteRequired", Code(() => c.ConfirmCondition(2, " ", China, Today, County, Now)));
        Assert.Equal("Commitment.ConditionReadFromData", Code(() => c.ConfirmCondition(1, "已到位", China, Today, County, Now)));
        Assert.Equal("Commitment.NoSuchCondition", Code(() => c.ConfirmCondition(3, "x", China, Today, County, Now)));
        c.Evaluate(Funds(9_000m), China, Today, County, Now);
        Assert.Equal(CommitmentStatus.NotYetDue, c.Status);
        Assert.False(c.Conditions[1].IsMet);
        c.ConfirmCondition(2, "竣工验收备案表已上传", China, Today.AddDays(1), County, Now);
        Assert.Equal(CommitmentStatus.Due, c.Status);
        Assert.Equal(Today.AddDays(1), c.DueSince);
        Assert.Equal("竣工验收备案表已上传", c.Conditions[1].Note);
        Assert.Equal("shache", c.Conditions[1].MetBy);
    }

    [Fact]
    public void A_commitment_without_conditions_is_due_the_first_time_it_is_evaluated()
    {
        var c = Recorded(Input());
        Assert.True(c.Evaluate(CommitmentFacts.None, China, Today, County, Now));
        Assert.Equal(CommitmentStatus.Due, c.Status);
    }

    [Fact]
    public void The_working_day_clock_jumps_the_National_Day_week_and_counts_the_make_up_Saturday()
    {
        // Due on Tue 29 Sep 2026: 30 Sep is day 1, 1–7 Oct are off, 8 Oct day 2, 9 Oct day 3, Sat 10 Oct (调休) day 4, Mon 12 Oct day 5.
        var c = Recorded(Input(Funds5000) with { TimeLimit = 5 });
        c.Evaluate(Funds(5_000m), China, new DateOnly(2026, 9, 29), County, Now);
        Assert.Equal(new DateOnly(2026, 10, 12), c.DueOn);
    }

    [Fact]
    public void A_natural_day_limit_that_ends_in_a_holiday_ends_on_the_next_working_day()
    {
        var c = Recorded(Input(Funds5000) with { TimeLimit = 5, TimeLimitUnit = LimitUnit.NaturalDays });
        c.Evaluate(Funds(5_000m), China, new DateOnly(2026, 9, 29), County, Now);
        Assert.Equal(new DateOnly(2026, 10, 8), c.DueOn);
    }

    [Fact]
    public void A_natural_day_limit_counts_every_day()
    {
        var c = Recorded(Input(Funds5000) with { TimeLimit = 30, TimeLimitUnit = LimitUnit.NaturalDays });
        c.Evaluate(Funds(5_000m), China, Today, County, Now);
        Assert.Equal(new DateOnly(2026, 12, 10), c.DueOn);
    }

    [Fact]
    public void It_is_overdue_the_day_after_its_due_day_on_the_clock_it_is_given()
    {
        var c = At(CommitmentStatus.UnderReview);
        var due = c.DueOn!.Value; // 20 working days after Tue 10 Nov 2026: Tue 8 Dec
        Assert.Equal(new DateOnly(2026, 12, 8), due);
        Assert.False(c.IsOverdue(due));
        Assert.Equal(new CommitmentClock(Today, due, 0, 0, false), c.Clock(due));
        Assert.True(c.IsOverdue(due.AddDays(1)));
        Assert.Equal(3, c.Clock(due.AddDays(3)).DaysOverdue);
    }

    [Fact]
    public void A_dispute_does_not_stop_the_clock_but_delivery_in_full_does()
    {
        var disputed = At(CommitmentStatus.Approved);
        disputed.Advance(CommitmentStep.Dispute, "企业对补助金额有异议", Finance, Now);
        Assert.True(disputed.IsOverdue(new DateOnly(2026, 12, 9)));
        var delivered = At(CommitmentStatus.Delivered);
        Assert.False(delivered.IsOverdue(new DateOnly(2027, 6, 1)));
        Assert.False(delivered.DeliveredLate);
    }

    [Fact]
    public void Each_step_moves_to_the_next_status_and_leaves_a_line_in_the_history()
    {
        var c = At(CommitmentStatus.Honoured);
        Assert.Equal(CommitmentStatus.Honoured, c.Status);
        Assert.Equal(
            [CommitmentAction.Recorded, CommitmentAction.ConditionMet, CommitmentAction.BecameDue, CommitmentAction.ApplicationReceived,
             CommitmentAction.ReviewStarted, CommitmentAction.Approved, CommitmentAction.PaymentRecorded, CommitmentAction.Honoured],
            c.History.Select(h => h.Action));
        Assert.Equal("dept-finance", c.History[^1].UserName);
        Assert.Equal("企业确认已收到", c.History[^1].Note);
    }

    public static TheoryData<CommitmentStatus, CommitmentStep> IllegalSteps() => new()
    {
        { CommitmentStatus.NotYetDue, CommitmentStep.ReceiveApplication },
        { CommitmentStatus.NotYetDue, CommitmentStep.Dispute },
        { CommitmentStatus.Due, CommitmentStep.StartReview },
        { CommitmentStatus.Due, CommitmentStep.Approve },
        { CommitmentStatus.ApplicationReceived, CommitmentStep.Approve },
        { CommitmentStatus.UnderReview, CommitmentStep.ConfirmHonoured },
        { CommitmentStatus.Approved, CommitmentStep.ConfirmHonoured },
        { CommitmentStatus.PartlyDelivered, CommitmentStep.ConfirmHonoured },
        { CommitmentStatus.Due, CommitmentStep.SettleDispute },
        { CommitmentStatus.Honoured, CommitmentStep.Terminate },
        { CommitmentStatus.Honoured, CommitmentStep.Dispute },
    };

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void A_step_out_of_order_is_refused_and_changes_nothing(CommitmentStatus at, CommitmentStep step)
    {
        var c = at == CommitmentStatus.NotYetDue ? Recorded() : At(at);
        var lines = c.History.Count;
        Assert.Equal("Commitment.StepNotAllowed", Code(() => c.Advance(step, "理由", Finance, Now)));
        Assert.Equal(at, c.Status);
        Assert.Equal(lines, c.History.Count);
    }

    [Fact]
    public void A_payment_before_approval_is_refused()
    {
        Assert.Equal("Commitment.NotApproved", Code(() => At(CommitmentStatus.UnderReview).RecordPayment(100m, Today, false, null, Today, Finance, Now)));
        Assert.Equal("Commitment.NotApproved", Code(() => At(CommitmentStatus.Delivered).RecordPayment(100m, Today, false, null, Today, Finance, Now)));
    }

    [Fact]
    public void Partial_payments_sum_up_to_the_promise_and_the_last_one_delivers_it_in_full()
    {
        var c = At(CommitmentStatus.Approved);
        c.RecordPayment(200m, new DateOnly(2026, 11, 20), false, "第一笔", new DateOnly(2026, 11, 20), Finance, Now);
        Assert.Equal(CommitmentStatus.PartlyDelivered, c.Status);
        c.RecordPayment(150.5m, new DateOnly(2026, 12, 1), false, null, new DateOnly(2026, 12, 1), Finance, Now);
        Assert.Equal(CommitmentStatus.PartlyDelivered, c.Status);
        Assert.Equal(350.5m, c.PaidWan);
        Assert.Equal("Commitment.PaymentAbovePromise", Code(() => c.RecordPayment(150m, new DateOnly(2026, 12, 9), false, null, new DateOnly(2026, 12, 9), Finance, Now)));
        c.RecordPayment(149.5m, new DateOnly(2026, 12, 9), false, null, new DateOnly(2026, 12, 9), Finance, Now);
        Assert.Equal(CommitmentStatus.Delivered, c.Status);
        Assert.Equal(500m, c.PaidWan);
        Assert.Equal(3, c.Payments.Count);
        Assert.Equal(new DateOnly(2026, 12, 9), c.DeliveredOn);
        Assert.True(c.DeliveredLate); // due Tue 8 Dec
    }

    [Fact]
    public void A_payment_needs_an_amount_when_one_was_promised_and_cannot_be_dated_in_the_future()
    {
        var c = At(CommitmentStatus.Approved);
        Assert.Equal("Commitment.PaymentAmountRequired", Code(() => c.RecordPayment(null, Today, true, null, Today, Finance, Now)));
        Assert.Equal("Commitment.PaidInFuture", Code(() => c.RecordPayment(100m, Today.AddDays(1), false, null, Today, Finance, Now)));
        Assert.Equal("Commitment.AmountOutOfRange", Code(() => c.RecordPayment(0m, Today, false, null, Today, Finance, Now)));
        Assert.Empty(c.Payments);
    }

    [Fact]
    public void A_delivery_in_kind_is_delivered_in_full_when_the_department_says_so()
    {
        var c = Recorded(Input(Funds5000) with { Kind = CommitmentKind.Infrastructure, AmountWan = null, Promise = "道路、供水管网通至项目红线" });
        c.Evaluate(Funds(5_000m), China, Today, County, Now);
        c.Advance(CommitmentStep.ReceiveApplication, null, Finance, Now);
        c.Advance(CommitmentStep.StartReview, null, Finance, Now);
        c.Advance(CommitmentStep.Approve, null, Finance, Now);
        c.RecordPayment(null, Today, false, "道路已通", Today, Finance, Now);
        Assert.Equal(CommitmentStatus.PartlyDelivered, c.Status);
        c.RecordPayment(null, Today, true, "供水管网已通", Today, Finance, Now);
        Assert.Equal(CommitmentStatus.Delivered, c.Status);
    }

    [Fact]
    public void A_dispute_needs_a_reason_and_settling_it_resumes_where_it_stood()
    {
        var c = At(CommitmentStatus.UnderReview);
        Assert.Equal("Commitment.ReasonRequired", Code(() => c.Advance(CommitmentStep.Dispute, null, Finance, Now)));
        c.Advance(CommitmentStep.Dispute, "申报材料与协议约定不符", Finance, Now);
        Assert.Equal(CommitmentStatus.Disputed, c.Status);
        Assert.Equal("Commitment.StepNotAllowed", Code(() => c.Advance(CommitmentStep.Approve, null, Finance, Now)));
        c.Advance(CommitmentStep.SettleDispute, "补充材料后一致", Finance, Now);
        Assert.Equal(CommitmentStatus.UnderReview, c.Status);
        Assert.Null(c.StatusBeforeDispute);
    }

    [Fact]
    public void Termination_needs_a_reason_and_stops_the_clock()
    {
        var c = At(CommitmentStatus.Due);
        Assert.Equal("Commitment.ReasonRequired", Code(() => c.Advance(CommitmentStep.Terminate, "  ", Finance, Now)));
        c.Advance(CommitmentStep.Terminate, "企业主动放弃", Finance, Now);
        Assert.Equal(CommitmentStatus.Terminated, c.Status);
        Assert.Equal("企业主动放弃", c.TerminationReason);
        Assert.False(c.IsOverdue(Today.AddYears(1)));
    }

    [Fact]
    public void A_due_commitment_cannot_be_edited_so_nothing_can_move_its_due_date()
    {
        var c = At(CommitmentStatus.Due);
        var due = c.DueOn;
        Assert.Equal("Commitment.FixedOnceDue", Code(() => c.Edit(Input(Funds5000) with { TimeLimit = 200 }, County, Now)));
        Assert.False(c.Evaluate(Funds(9_000m), China, Today.AddDays(30), County, Now));
        Assert.Equal(due, c.DueOn);
        Assert.Equal(Today, c.DueSince);
    }

    [Fact]
    public void Editing_a_not_yet_due_commitment_keeps_a_condition_confirmed_by_hand()
    {
        var byHand = new CommitmentConditionInput(ConditionKind.ByHand, Description: "通过竣工验收");
        var c = Recorded(Input(byHand, Funds5000));
        c.ConfirmCondition(1, "已验收", China, Today, County, Now);
        c.Edit(Input(new CommitmentConditionInput(ConditionKind.FundsInPlace, Threshold: 6_000m), byHand) with { AmountWan = 600m }, County, Now);
        Assert.Equal(600m, c.AmountWan);
        Assert.False(c.Conditions[0].IsMet);
        Assert.True(c.Conditions[1].IsMet);
        Assert.Equal(2, c.Conditions[1].Number);
        Assert.Equal(CommitmentAction.Edited, c.History[^1].Action);
    }

    [Fact]
    public void A_tax_linked_reward_is_flagged_for_the_fair_competition_review_and_cannot_be_approved_before_it()
    {
        var input = Input(Funds5000) with { Concerns = FairCompetitionConcern.TaxLinkedReward };
        Assert.Contains(Commitment.Validate(input), e => e.Field == nameof(CommitmentInput.FairCompetitionReason) && e.Violation.Code == "Field.Required");
        var c = Recorded(input with { FairCompetitionReason = "按企业缴纳增值税地方留成部分奖励" });
        Assert.True(c.NeedsFairCompetitionReview);
        c.Evaluate(Funds(5_000m), China, Today, County, Now);
        c.Advance(CommitmentStep.ReceiveApplication, null, Finance, Now);
        c.Advance(CommitmentStep.StartReview, null, Finance, Now);
        Assert.Equal("Commitment.FairCompetitionReviewPending", Code(() => c.Advance(CommitmentStep.Approve, null, Finance, Now)));
        c.ClearFairCompetitionReview("经公平竞争审查，调整为按固定资产投资额补助", new Actor("bureau", 1), Now);
        c.Advance(CommitmentStep.Approve, null, Finance, Now);
        Assert.Equal(CommitmentStatus.Approved, c.Status);
    }

    [Fact]
    public void The_input_is_checked_field_by_field()
    {
        var bad = Input(new CommitmentConditionInput(ConditionKind.FundsInPlace), new CommitmentConditionInput(ConditionKind.Milestone),
            new CommitmentConditionInput(ConditionKind.ByHand), new CommitmentConditionInput(ConditionKind.Jobs, Threshold: 1.5m)) with
        {
            Kind = CommitmentKind.FactorSupply, DocumentNumber = " ", Promise = null, EvidenceRequired = "", ResponsibleUnitId = null,
            TimeLimit = 0, AmountWan = -1m,
        };
        var errors = Commitment.Validate(bad).Select(e => $"{e.Field}:{e.Violation.Code}").ToList();
        Assert.Equal(
            ["Factor:Commitment.FactorRequired", "DocumentNumber:Field.Required", "Promise:Field.Required", "EvidenceRequired:Field.Required",
             "AmountWan:Commitment.AmountOutOfRange", "ResponsibleUnitId:Field.Required", "TimeLimit:Commitment.TimeLimitOutOfRange",
             "Conditions:Commitment.FundsThresholdOutOfRange", "Conditions:Commitment.MilestoneRequired", "Conditions:Commitment.ConditionTextRequired",
             "Conditions:Commitment.JobsThresholdOutOfRange"],
            errors);
        Assert.Equal("Field.UnknownChoice", Code(() => Recorded(Input() with { Kind = (CommitmentKind)99 })));
    }
}
