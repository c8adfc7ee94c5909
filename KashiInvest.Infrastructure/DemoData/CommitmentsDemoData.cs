using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo policy commitments (政策承诺) on the signed projects: every kind and every state, some not yet due, some
/// honoured, some overdue. Each one became due on a day counted back from the clock, on the stored working-day
/// calendar, and was stepped by its responsible department, so the board, the battle map and the alerts have
/// something to show. Run after the approvals (which seed the calendar).
/// </summary>
public static class CommitmentsDemoData
{
    private static readonly CommitmentStatus[] States =
    [
        CommitmentStatus.NotYetDue, CommitmentStatus.Due, CommitmentStatus.ApplicationReceived, CommitmentStatus.UnderReview,
        CommitmentStatus.Approved, CommitmentStatus.PartlyDelivered, CommitmentStatus.Delivered, CommitmentStatus.Honoured,
        CommitmentStatus.Disputed, CommitmentStatus.Terminated, CommitmentStatus.Due, CommitmentStatus.UnderReview,
    ];

    private sealed record Promise(CommitmentKind Kind, SupplyFactor? Factor, string Document, string Text, decimal? AmountWan, string? Formula,
        string Department, int Limit, LimitUnit Unit, string Evidence);

    private static readonly Promise[] Promises =
    [
        new(CommitmentKind.Land, null, "项目投资协议书", "按工业用地最低价标准挂牌出让项目用地200亩", null, null, "dept-natres", 60, LimitUnit.NaturalDays, "用地申请、项目备案证明"),
        new(CommitmentKind.RentOrPlant, null, "喀什地区标准化厂房租赁扶持办法", "标准化厂房前三年免租金，后两年租金减半", 360m, "按实际租用面积每平方米每月5元计", "", 30, LimitUnit.WorkingDays, "厂房租赁合同、入驻证明"),
        new(CommitmentKind.Infrastructure, null, "项目投资协议书", "道路、供水、排水管网及电力线路通至项目用地红线", null, null, "dept-housing", 90, LimitUnit.NaturalDays, "开工许可"),
        new(CommitmentKind.FactorSupply, SupplyFactor.Power, "喀地发改〔2024〕35号", "保障项目用电负荷并执行优惠电价", null, null, "dept-drc", 20, LimitUnit.WorkingDays, "用电报装申请"),
        new(CommitmentKind.Subsidy, null, "喀地政发〔2024〕12号", "设备购置补贴", 500m, "按设备投资额的10%给予补助，最高500万元", "dept-industry", 20, LimitUnit.WorkingDays, "设备发票、到位资金审计报告"),
        new(CommitmentKind.Financing, null, "喀地金办〔2024〕8号", "协调银行给予项目贷款贴息", 200m, "按贷款基准利率的50%贴息，期限三年", "dept-drc", 30, LimitUnit.WorkingDays, "贷款合同、付息凭证"),
        new(CommitmentKind.Talent, null, "喀地人社〔2024〕5号", "引进的技术骨干享受人才公寓及安家补贴", 80m, null, "bureau", 30, LimitUnit.WorkingDays, "劳动合同、社保缴纳证明"),
        new(CommitmentKind.FactorSupply, SupplyFactor.Water, "项目投资协议书", "保障项目生产用水指标每年50万立方米", null, null, "dept-water", 30, LimitUnit.NaturalDays, "取水许可申请"),
        new(CommitmentKind.Other, null, "项目投资协议书", "协助企业办理出口退税备案", null, null, "bureau", 15, LimitUnit.WorkingDays, "备案申请材料"),
    ];

    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Commitments.AnyAsync(ct)) return;
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction || p.Stage == ProjectStage.Production)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.HostUnitId, p.FundsInPlaceWan, p.SignedOn }).Take(24).ToListAsync(ct);
        if (projects.Count == 0) return;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var unitCodes = units.ToDictionary(u => u.Value, u => u.Key);
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);

        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            var promise = Promises[i % Promises.Length];
            var state = States[i % States.Length];
            var responsible = promise.Department.Length == 0 ? project.HostUnitId : units.GetValueOrDefault(promise.Department, project.HostUnitId);
            var county = new Actor(unitCodes.GetValueOrDefault(project.HostUnitId, "county"), project.HostUnitId);
            var department = new Actor(unitCodes.GetValueOrDefault(responsible, "department"), responsible);
            var bureau = new Actor(ReferenceData.BureauCode, units.GetValueOrDefault(ReferenceData.BureauCode));
            // Every third one overdue: it became due longer ago than its limit.
            var dueSince = today.AddDays(-(i % 3 == 0 ? promise.Limit * 2 + 10 : 5 + i));
            if (project.SignedOn is { } signed && dueSince < signed) dueSince = signed < today ? signed.AddDays(1) : today;
            var recordedAt = BeijingTime.StartOfDayUtc(dueSince.AddDays(-20)).AddHours(3);
            var byHand = project.FundsInPlaceWan <= 0m || i % 2 == 1;
            CommitmentConditionInput condition = state == CommitmentStatus.NotYetDue
                ? new(ConditionKind.FundsInPlace, Threshold: Math.Max(project.FundsInPlaceWan, 1_000m) + 5_000m)
                : byHand ? new(ConditionKind.ByHand, Description: "项目开工建设")
                : new(ConditionKind.FundsInPlace, Threshold: Math.Max(1m, decimal.Round(project.FundsInPlaceWan / 2m)));
            var concerns = i == 4 ? FairCompetitionConcern.TaxLinkedReward : FairCompetitionConcern.None;
            var input = new CommitmentInput(promise.Kind, promise.Factor, promise.Document, $"第{i % 7 + 3}条", promise.Text, promise.AmountWan, promise.Formula,
                responsible, promise.Limit, promise.Unit, promise.Evidence, concerns,
                concerns == FairCompetitionConcern.None ? null : "奖励按企业缴纳税收地方留成部分核定，须经公平竞争审查", [condition]);
            var c = new Commitment(project.Id, project.HostUnitId, input, county, recordedAt);
            if (state != CommitmentStatus.NotYetDue)
            {
                var at = BeijingTime.StartOfDayUtc(dueSince).AddHours(2);
                if (byHand) c.ConfirmCondition(1, "经现场核实，项目已开工建设", calendar, dueSince, county, at);
                else c.Evaluate(new CommitmentFacts(Money.FromWan(project.FundsInPlaceWan), false, null, new HashSet<int>()), calendar, dueSince, county, at);
                Walk(c, state, dueSince, today, department, bureau, at);
            }
            db.Commitments.Add(c);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Steps a due commitment to <paramref name="state"/>, a few days between steps, never past today.</summary>
    private static void Walk(Commitment c, CommitmentStatus state, DateOnly dueSince, DateOnly today, Actor department, Actor bureau, DateTime at)
    {
        var day = dueSince;
        DateTime Next()
        {
            if (day < today) day = day.AddDays(1);
            return BeijingTime.StartOfDayUtc(day).AddHours(3);
        }
        if (state == CommitmentStatus.Due) return;
        if (state == CommitmentStatus.Terminated)
        {
            c.Advance(CommitmentStep.Terminate, "企业调整投资计划，书面申请放弃该项承诺", department, Next());
            return;
        }
        c.Advance(CommitmentStep.ReceiveApplication, "企业已提交兑现申请", department, Next());
        if (state == CommitmentStatus.ApplicationReceived) return;
        c.Advance(CommitmentStep.StartReview, null, department, Next());
        if (state == CommitmentStatus.UnderReview) return;
        if (state == CommitmentStatus.Disputed)
        {
            c.Advance(CommitmentStep.Dispute, "企业对核定的补助金额有异议", department, Next());
            return;
        }
        if (c.NeedsFairCompetitionReview) c.ClearFairCompetitionReview("经公平竞争审查，调整为按固定资产投资额核定", bureau, Next());
        c.Advance(CommitmentStep.Approve, null, department, Next());
        if (state == CommitmentStatus.Approved) return;
        var half = c.AmountWan is { } a ? decimal.Round(a / 2m, 2) : (decimal?)null;
        c.RecordPayment(half, day, false, "第一批", today, department, Next());
        if (state == CommitmentStatus.PartlyDelivered) return;
        c.RecordPayment(c.AmountWan is { } all ? all - c.PaidWan : null, day, true, "余款", today, department, Next());
        if (state == CommitmentStatus.Delivered) return;
        c.Advance(CommitmentStep.ConfirmHonoured, "企业书面确认已全部兑现", department, Next());
    }
}
