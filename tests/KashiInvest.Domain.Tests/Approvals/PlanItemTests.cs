using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;
using static KashiInvest.Domain.Tests.Approvals.Calendars;

namespace KashiInvest.Domain.Tests.Approvals;

public class PlanItemTests
{
    private const int Department = 31;
    private static readonly Actor County = new("shache", 7);
    private static readonly Actor Leader = new("group-shache", 40);
    private static readonly Actor Proxy = new("natres.li", Department);

    /// <summary>2026-12-20 10:00 Beijing: late enough for every step in these tests.</summary>
    private static readonly DateTime Late = new(2026, 12, 20, 2, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime Early = new(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc);

    private static ServicePlan Plan(bool key = false) =>
        ServicePlan.RecordApplication(new ProjectKey(42, 7, 3, 21), ProjectStage.Landing, key, "莎车县棉纺织有限公司 王经理",
            D(2026, 8, 28), ServicePhases.SigningToLanding | ServicePhases.LandingToProduction, County, Early).WithId(5);

    private static PlanItem NewItem(int statutory = 20, LimitUnit unit = LimitUnit.WorkingDays, int? green = null, bool key = false) =>
        Assert.Single(Plan(key).AddItems([new CatalogueItem(CatalogueItemTests.Input(statutory, unit, green)).WithId(9)], [], Leader, Early));

    private static PlanItem Accepted(DateOnly on, int statutory = 20, LimitUnit unit = LimitUnit.WorkingDays)
    {
        var item = NewItem(statutory, unit);
        item.Claim(Proxy, Early);
        item.StartPreparing(D(2026, 9, 2), null, Proxy, Late);
        item.Submit(on, null, Proxy, Late);
        item.Accept(on, "材料齐全", Proxy, Late);
        return item;
    }

    [Fact]
    public void Planning_takes_the_items_limit_and_the_key_projects_green_channel()
    {
        var normal = NewItem(20, green: 5);
        Assert.Equal(10, normal.Limit);
        Assert.False(normal.GreenChannel);
        Assert.Equal(PlanItemStatus.Planned, normal.Status);
        Assert.Equal(Department, normal.DepartmentUnitId);
        Assert.Equal(42, normal.ProjectId);
        Assert.Equal(5, normal.ServicePlanId);

        var key = NewItem(20, green: 5, key: true);
        Assert.Equal(5, key.Limit);
        Assert.True(key.GreenChannel);
    }

    [Fact]
    public void An_application_needs_a_signed_project_an_applicant_and_a_phase()
    {
        var project = new ProjectKey(42, 7, 3, 21);
        Rules.Refused("Approvals.ProjectNotSigned", () => ServicePlan.RecordApplication(project, ProjectStage.Negotiating, false, "王经理", D(2026, 8, 28), ServicePhases.SigningToLanding, County, Early));
        Rules.Refused("Approvals.ProjectNotSigned", () => ServicePlan.RecordApplication(project, ProjectStage.Production, false, "王经理", D(2026, 8, 28), ServicePhases.SigningToLanding, County, Early));
        Rules.Refused("Approvals.ApplicantRequired", () => ServicePlan.RecordApplication(project, ProjectStage.Signed, false, " ", D(2026, 8, 28), ServicePhases.SigningToLanding, County, Early));
        Rules.Refused("Approvals.PhasesRequired", () => ServicePlan.RecordApplication(project, ProjectStage.Signed, false, "王经理", D(2026, 8, 28), ServicePhases.None, County, Early));
        Rules.Refused("Approvals.DateInFuture", () => ServicePlan.RecordApplication(project, ProjectStage.Signed, false, "王经理", D(2026, 9, 2), ServicePhases.SigningToLanding, County, Early));
    }

    [Fact]
    public void An_item_is_planned_once_and_only_from_the_active_catalogue()
    {
        var plan = Plan();
        var item = new CatalogueItem(CatalogueItemTests.Input()).WithId(9);
        Rules.Refused("Approvals.ItemAlreadyPlanned", () => plan.AddItems([item], [9], Leader, Early));
        Rules.Refused("Approvals.ItemAlreadyPlanned", () => plan.AddItems([item, item], [], Leader, Early));
        item.Deactivate();
        Rules.Refused("Approvals.ItemInactive", () => plan.AddItems([item], [], Leader, Early));
        Assert.Equal(ServicePlanStatus.Applied, plan.Status);
    }

    [Fact]
    public void The_clock_starts_at_acceptance_and_every_step_records_who_when_and_why()
    {
        var item = Accepted(D(2026, 9, 25));

        Assert.Equal(PlanItemStatus.Accepted, item.Status);
        Assert.Equal(D(2026, 9, 25), item.AcceptedOn);
        Assert.Equal(D(2026, 10, 15), item.Clock(China, D(2026, 10, 9)).DueOn);
        Assert.Equal([PlanItemAction.Planned, PlanItemAction.Claimed, PlanItemAction.PreparingMaterials, PlanItemAction.Submitted, PlanItemAction.Accepted],
            item.Steps.Select(s => s.Action));
        var accepted = item.Steps[^1];
        Assert.Equal(("natres.li", Department, D(2026, 9, 25), Late, "材料齐全", PlanItemStatus.Accepted),
            (accepted.UserName, accepted.UnitId, accepted.On, accepted.AtUtc, accepted.Note, accepted.StatusAfter));
    }

    [Fact]
    public void A_correction_restarts_the_clock_the_day_after_complete_materials_arrive()
    {
        var item = Accepted(D(2026, 11, 2), statutory: 10);  // limit 5 working days: due Monday 9 November
        Assert.Equal(D(2026, 11, 9), item.Clock(China, D(2026, 11, 3)).DueOn);

        item.RequestCorrection(D(2026, 11, 4), "缺少土地权属证明", Proxy, Late);
        Assert.Equal(ClockState.AwaitingCorrection, item.Clock(China, D(2026, 11, 20)).State);

        item.CompleteMaterials(D(2026, 11, 10), null, Proxy, Late);
        var reading = item.Clock(China, D(2026, 11, 11));
        Assert.Equal(1, reading.Elapsed);
        Assert.Equal(D(2026, 11, 17), reading.DueOn);
        Assert.Equal(D(2026, 11, 2), item.AcceptedOn);
        Assert.Equal(D(2026, 11, 10), item.ClockStartOn);
    }

    [Fact]
    public void A_special_procedure_pauses_the_clock_with_a_reason_and_an_expected_end()
    {
        var item = Accepted(D(2026, 11, 23));

        item.Pause(SpecialProcedure.ExpertReview, "组织专家评审", D(2026, 11, 25), D(2026, 12, 4), Proxy, Late);
        Assert.Equal(PlanItemStatus.Paused, item.Status);
        Assert.Equal(ClockState.Paused, item.Clock(China, D(2026, 12, 1)).State);

        item.Resume(D(2026, 12, 4), "专家评审通过", Proxy, Late);
        var pause = Assert.Single(item.Pauses);
        Assert.Equal((SpecialProcedure.ExpertReview, "组织专家评审", D(2026, 11, 25), D(2026, 12, 4), (DateOnly?)D(2026, 12, 4)),
            (pause.Procedure, pause.Reason, pause.StartedOn, pause.ExpectedEndOn, pause.EndedOn));
        Assert.Equal(D(2026, 12, 16), item.Clock(China, D(2026, 12, 8)).DueOn);
        Rules.Refused("Approvals.ReasonRequired", () => item.Pause(SpecialProcedure.Hearing, " ", D(2026, 12, 8), null, Proxy, Late));
        Rules.Refused("Approvals.ExpectedEndBeforeStart", () => item.Pause(SpecialProcedure.Hearing, "听证", D(2026, 12, 8), D(2026, 12, 8), Proxy, Late));
    }

    [Fact]
    public void A_decision_stops_the_clock_and_a_refusal_says_why()
    {
        var approved = Accepted(D(2026, 9, 25));
        approved.Decide(true, D(2026, 10, 14), null, Proxy, Late);
        Assert.Equal(ClockState.FinishedOnTime, approved.Clock(China, D(2026, 12, 1)).State);
        Assert.True(approved.IsComplete);
        approved.IssueCertificate(D(2026, 10, 15), "建字第652900202600123号", Proxy, Late);
        Assert.Equal(PlanItemStatus.CertificateIssued, approved.Status);
        Assert.Equal("建字第652900202600123号", approved.CertificateNumber);
        Rules.Refused("Approvals.ItemComplete", () => approved.Withdraw(D(2026, 10, 16), "不再需要", Proxy, Late));

        var refused = Accepted(D(2026, 9, 25));
        Rules.Refused("Approvals.ReasonRequired", () => refused.Decide(false, D(2026, 10, 14), null, Proxy, Late));
        refused.Decide(false, D(2026, 10, 16), "选址不符合国土空间规划", Proxy, Late);
        Assert.Equal(PlanItemStatus.Refused, refused.Status);
        Assert.Equal("选址不符合国土空间规划", refused.Reason);
        Assert.Equal(ClockState.FinishedLate, refused.Clock(China, D(2026, 12, 1)).State);
        Rules.Refused("Approvals.ItemComplete", () => refused.IssueCertificate(D(2026, 10, 17), null, Proxy, Late));
    }

    [Fact]
    public void Steps_follow_their_order()
    {
        var item = NewItem();
        Rules.Refused("Approvals.StepNotAllowed", () => item.Accept(D(2026, 9, 2), null, Proxy, Late));
        item.Claim(Proxy, Early);
        Rules.Refused("Approvals.StepNotAllowed", () => item.Claim(Proxy, Early));
        Rules.Refused("Approvals.StepNotAllowed", () => item.Decide(true, D(2026, 9, 2), null, Proxy, Late));
        Rules.Refused("Approvals.StepNotAllowed", () => item.Resume(D(2026, 9, 2), null, Proxy, Late));
    }

    [Fact]
    public void A_step_is_never_dated_in_the_future_nor_before_the_previous_step()
    {
        var item = Accepted(D(2026, 9, 25));
        Rules.Refused("Approvals.DateInFuture", () => item.Decide(true, D(2026, 12, 21), null, Proxy, Late));
        Rules.Refused("Approvals.DateBeforePreviousStep", () => item.Decide(true, D(2026, 9, 24), null, Proxy, Late));
        Assert.Equal(PlanItemStatus.Accepted, item.Status);
    }

    [Fact]
    public void The_group_leader_assigns_and_a_reassignment_says_why()
    {
        var item = NewItem();
        item.Assign("natres.li", null, Leader, Early);
        Rules.Refused("Approvals.AssignedToAnother", () => item.Claim(new Actor("natres.wang", Department), Early));
        item.Claim(Proxy, Early);
        Assert.Equal(PlanItemStatus.Claimed, item.Status);

        Rules.Refused("Approvals.ReasonRequired", () => item.Assign("natres.wang", null, Leader, Early));
        item.Assign("natres.wang", "李某借调", Leader, Early);
        Assert.Equal("natres.wang", item.Holder);
        Assert.Equal(PlanItemStatus.Claimed, item.Status);
    }

    [Fact]
    public void A_withdrawn_item_says_why_and_ends_a_running_pause()
    {
        var item = Accepted(D(2026, 11, 23));
        item.Pause(SpecialProcedure.PublicNotice, "批前公示", D(2026, 11, 25), D(2026, 12, 2), Proxy, Late);

        item.Withdraw(D(2026, 11, 30), "企业调整建设方案，撤回申请", Proxy, Late);

        Assert.Equal(PlanItemStatus.Withdrawn, item.Status);
        Assert.Equal("企业调整建设方案，撤回申请", item.Reason);
        Assert.Equal(D(2026, 11, 30), Assert.Single(item.Pauses).EndedOn);
        Assert.True(item.IsComplete);
        Assert.False(item.Clock(China, D(2026, 12, 20)).IsAlerting);
    }

    [Fact]
    public void A_seven_day_natural_day_permit_is_due_in_three_days_committed()
    {
        var item = Accepted(D(2026, 11, 19), statutory: 7, unit: LimitUnit.NaturalDays);
        Assert.Equal(3, item.Limit);
        Assert.Equal(D(2026, 11, 23), item.Clock(China, D(2026, 11, 20)).DueOn);  // 22 November is a Sunday → Monday
    }

    private static PlanItem Decided()
    {
        var item = Accepted(D(2026, 11, 23));
        item.Decide(true, D(2026, 11, 30), null, Proxy, Late);
        return item;
    }

    [Fact]
    public void Only_a_decided_item_takes_the_investors_word()
    {
        var item = Accepted(D(2026, 11, 23));
        Rules.Refused("Approvals.RatingNotFinished", () => item.RateService(Satisfaction.Good, null, null, County, Late));
        item.Withdraw(D(2026, 11, 30), "企业撤回", Proxy, Late);
        Rules.Refused("Approvals.RatingNotFinished", () => item.RateService(Satisfaction.Good, null, null, County, Late));

        var decided = Decided();
        decided.RateService(Satisfaction.Good, null, null, County, Late);
        Assert.Equal(Satisfaction.Good, decided.Satisfaction);
        Assert.Equal("shache", decided.SatisfactionBy);
        Assert.False(decided.FollowUpOpen);
    }

    [Fact]
    public void A_poor_rating_needs_a_comment_and_opens_a_follow_up_that_the_leaders_note_closes()
    {
        var item = Decided();
        Rules.Refused("Approvals.RatingCommentRequired", () => item.RateService(Satisfaction.Poor, "  ", null, County, Late));
        Rules.Refused("Approvals.NoFollowUpOpen", () => item.RecordFollowUp("已约谈", Leader, Late));

        item.RateService(Satisfaction.Poor, "材料反复退回", null, County, Late);
        Assert.True(item.FollowUpOpen);
        Rules.Refused("Approvals.FollowUpRequired", () => item.RecordFollowUp(" ", Leader, Late));

        item.RecordFollowUp("已约谈自然资源局代办员，一次性告知清单", Leader, Late);
        Assert.False(item.FollowUpOpen);
        Assert.Equal("group-shache", item.FollowUpBy);
        Rules.Refused("Approvals.NoFollowUpOpen", () => item.RecordFollowUp("再次回访", Leader, Late));
    }

    [Fact]
    public void A_rating_is_recorded_once_and_changed_only_with_a_reason()
    {
        var item = Decided();
        item.RateService(Satisfaction.Good, null, null, County, Late);

        Rules.Refused("Approvals.ReasonRequired", () => item.RateService(Satisfaction.Poor, "证书晚发", null, County, Late));
        Rules.Refused("Approvals.NothingChanged", () => item.RateService(Satisfaction.Good, null, "再确认", County, Late));

        item.RateService(Satisfaction.Poor, "证书晚发", "投资方补充意见", County, Late);
        Assert.Equal(Satisfaction.Poor, item.Satisfaction);
        Assert.True(item.FollowUpOpen);

        item.RateService(Satisfaction.Good, "问题已解决", "回访后改评", County, Late);
        Assert.False(item.FollowUpOpen);
        Assert.Null(item.FollowUp);
    }
}
