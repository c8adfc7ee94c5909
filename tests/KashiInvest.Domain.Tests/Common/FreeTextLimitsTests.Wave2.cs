using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Tests.Approvals;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the approvals and the monthly statistics: the same rule, read the same way.</summary>
public partial class FreeTextLimitsTests
{
    private const int Natres = 31;
    private static readonly Actor ApprovalProxy = new("natres.li", Natres);
    private static readonly DateTime ApprovalsEarly = new(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ApprovalsLate = new(2026, 12, 20, 2, 0, 0, DateTimeKind.Utc);

    private static DateOnly Sep(int day) => new(2026, 9, day);

    private static ServicePlan ApplicationBy(string applicant) =>
        ServicePlan.RecordApplication(new ProjectKey(42, 7, 3, 21), ProjectStage.Landing, false, applicant, Sep(1),
            ServicePhases.SigningToLanding, new Actor("shache", 7), ApprovalsEarly).WithId(5);

    private static PlanItem Planned() =>
        ApplicationBy("王经理").AddItems([new CatalogueItem(CatalogueItemTests.Input()).WithId(9)], [], new Actor("group-shache", 40), ApprovalsEarly)[0];

    /// <summary>An item walked to <paramref name="until"/> by the department's proxy.</summary>
    private static PlanItem ItemAt(PlanItemStatus until)
    {
        var item = Planned();
        item.Claim(ApprovalProxy, ApprovalsEarly);
        if (until == PlanItemStatus.Claimed) return item;
        item.StartPreparing(Sep(2), null, ApprovalProxy, ApprovalsLate);
        if (until == PlanItemStatus.PreparingMaterials) return item;
        item.Submit(Sep(3), null, ApprovalProxy, ApprovalsLate);
        if (until == PlanItemStatus.Submitted) return item;
        item.Accept(Sep(4), null, ApprovalProxy, ApprovalsLate);
        if (until == PlanItemStatus.Accepted) return item;
        if (until == PlanItemStatus.AwaitingCorrection)
        {
            item.RequestCorrection(Sep(7), "缺少用地红线图", ApprovalProxy, ApprovalsLate);
            return item;
        }
        if (until == PlanItemStatus.Paused)
        {
            item.Pause(SpecialProcedure.ExpertReview, "专家评审", Sep(7), Sep(21), ApprovalProxy, ApprovalsLate);
            return item;
        }
        item.Decide(true, Sep(8), null, ApprovalProxy, ApprovalsLate);
        return item;
    }

    private static readonly Actor ApprovalCounty = new("shache", 7);

    /// <summary>A decided item the county has rated.</summary>
    private static PlanItem Rated(Satisfaction rating)
    {
        var item = ItemAt(PlanItemStatus.Approved);
        item.RateService(rating, "办理慢，跑了三趟", null, ApprovalCounty, ApprovalsLate);
        return item;
    }

    private static CatalogueItemInput Catalogue0 => CatalogueItemTests.Input();

    private static Probe[] ApprovalProbes() =>
    [
        new("CalendarYear.ctor(sourceTitle)", CalendarYear.SourceMaxLength, false, v => Thrown(() => _ = new CalendarYear(2026, v, null, [], new Actor("bureau", 1), ApprovalsEarly))),
        new("CalendarYear.Replace(sourceTitle)", CalendarYear.SourceMaxLength, false, v => Thrown(() =>
            new CalendarYear(2026, "国务院办公厅通知", null, [], new Actor("bureau", 1), ApprovalsEarly).Replace(v, null, [], new Actor("bureau", 1), ApprovalsEarly))),
        new("CatalogueItemInput.Code", CatalogueItem.CodeMaxLength, false, v => FieldOf(CatalogueItem.Validate(Catalogue0 with { Code = v }), "Code")),
        new("CatalogueItemInput.Name", CatalogueItem.NameMaxLength, false, v => FieldOf(CatalogueItem.Validate(Catalogue0 with { Name = v }), "Name")),
        new("CatalogueItemInput.NameEn", CatalogueItem.NameMaxLength, false, v => FieldOf(CatalogueItem.Validate(Catalogue0 with { NameEn = v }), "NameEn")),
        new("CatalogueItemInput.LegalSource", CatalogueItem.SourceMaxLength, true, v => FieldOf(CatalogueItem.Validate(Catalogue0 with { LegalSource = v }), "LegalSource")),
        new("ServicePlan.RecordApplication(applicantName)", ServicePlan.TextMaxLength, false, v => Thrown(() => ApplicationBy(v))),
        new("ServiceGroup.NameProxy(userName)", ServiceGroup.UserNameMaxLength, false, v => Thrown(() => new ServiceGroup(40, 7, leadUnitId: 50, [Natres]).NameProxy(v, Natres))),
        new("PlanItem.Assign(proxyUserName)", ServiceGroup.UserNameMaxLength, false, v => Thrown(() => Planned().Assign(v, null, new Actor("group-shache", 40), ApprovalsLate))),
        new("PlanItem.Assign(note)", PlanItem.TextMaxLength, true, v => Thrown(() => Planned().Assign("natres.li", v, new Actor("group-shache", 40), ApprovalsLate))),
        new("PlanItem.StartPreparing(note)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Claimed).StartPreparing(Sep(2), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.Submit(note)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.PreparingMaterials).Submit(Sep(3), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.Accept(note)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Submitted).Accept(Sep(4), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.RequestCorrection(reason)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Accepted).RequestCorrection(Sep(7), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.CompleteMaterials(note)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.AwaitingCorrection).CompleteMaterials(Sep(9), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.Pause(reason)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Accepted).Pause(SpecialProcedure.ExpertReview, v, Sep(7), Sep(21), ApprovalProxy, ApprovalsLate))),
        new("PlanItem.Resume(note)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Paused).Resume(Sep(21), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.Decide(reason)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Accepted).Decide(false, Sep(8), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.IssueCertificate(certificateNumber)", PlanItem.TextMaxLength, false, v => Thrown(() => ItemAt(PlanItemStatus.Approved).IssueCertificate(Sep(9), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.Withdraw(reason)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Accepted).Withdraw(Sep(8), v, ApprovalProxy, ApprovalsLate))),
        new("PlanItem.RateService(comment)", PlanItem.TextMaxLength, true, v => Thrown(() => ItemAt(PlanItemStatus.Approved).RateService(Satisfaction.Poor, v, null, ApprovalCounty, ApprovalsLate))),
        new("PlanItem.RateService(reason)", PlanItem.TextMaxLength, true, v => Thrown(() => Rated(Satisfaction.Good).RateService(Satisfaction.Poor, "办理慢", v, ApprovalCounty, ApprovalsLate))),
        new("PlanItem.RecordFollowUp(text)", PlanItem.TextMaxLength, true, v => Thrown(() => Rated(Satisfaction.Poor).RecordFollowUp(v, new Actor("group-shache", 40), ApprovalsLate))),
    ];

    private static readonly StatMonth November2026 = new(2026, 11);
    private static readonly DateTime ReturnComputed = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly FigureKey FundsFigure = new(FigureCode.FundsMonth);
    private static readonly UserScope ShacheScope = new("shache", "shache", ActorRole.AttractingUnit, 7, [], []);
    private static readonly UserScope BureauScope = new("bureau", "bureau", ActorRole.Bureau, 1, [], []);

    private static MonthlyReturn ReturnAt(ReturnStatus until)
    {
        var r = MonthlyReturn.Create(7, November2026, new Dictionary<FigureKey, decimal> { [FundsFigure] = 1_000m }, Actor.System("statistics"), ReturnComputed);
        if (until == ReturnStatus.Computed) return r;
        r.Submit(ShacheScope, ReturnComputed.AddHours(2), November2026.DueAtUtc(5));
        if (until == ReturnStatus.Submitted) return r;
        r.Approve(BureauScope, ReturnComputed.AddHours(4));
        return r;
    }

    private static Probe[] StatisticsProbes() =>
    [
        new("MonthlyReturn.CheckCorrect(reason)", MonthlyReturn.ReasonMaxLength, true, v => ReturnAt(ReturnStatus.Computed).CheckCorrect(ShacheScope, FundsFigure, 900m, v)),
        new("MonthlyReturn.Correct(reason)", MonthlyReturn.ReasonMaxLength, true, v => Thrown(() => ReturnAt(ReturnStatus.Computed).Correct(ShacheScope, FundsFigure, 900m, v, ReturnComputed.AddHours(1)))),
        new("MonthlyReturn.CheckReturn(comment)", MonthlyReturn.CommentMaxLength, true, v => ReturnAt(ReturnStatus.Submitted).CheckReturn(BureauScope, v)),
        new("MonthlyReturn.ReturnToUnit(comment)", MonthlyReturn.CommentMaxLength, true, v => Thrown(() => ReturnAt(ReturnStatus.Submitted).ReturnToUnit(BureauScope, v, ReturnComputed.AddHours(3)))),
        new("MonthlyReturn.CheckOpenRevision(reason)", MonthlyReturn.ReasonMaxLength, true, v => ReturnAt(ReturnStatus.Approved).CheckOpenRevision(ShacheScope, v)),
        new("MonthlyReturn.OpenRevision(reason)", MonthlyReturn.ReasonMaxLength, true, v => Thrown(() => ReturnAt(ReturnStatus.Approved).OpenRevision(ShacheScope, v, ReturnComputed.AddHours(5)))),
    ];
}
