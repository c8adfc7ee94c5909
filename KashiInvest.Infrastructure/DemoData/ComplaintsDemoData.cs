using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo complaints of the investors' complaint window, in several states: filed (one past its registration limit),
/// accepted, assigned (one past its due day), answered, rated dissatisfied and reopened for follow-up (督办), closed
/// and refused. Each has a tracking number and a random secret code of which only the hash is kept; the codes are
/// never printed or logged. Run after the approvals (which seed the working-day calendar).
/// </summary>
public static class ComplaintsDemoData
{
    private sealed record Plan(string Enterprise, string First17, string Contact, string Phone, ComplaintCategory Category, string Text,
        int FiledDaysAgo, ComplaintStatus State, string? Unit, string? Reply = null, string? Comment = null, string? Refusal = null);

    private static readonly Plan[] Plans =
    [
        new("广东粤纺印染科技股份有限公司", "91440300MA5F00001", "张经理", "13809981234", ComplaintCategory.ApprovalDelay,
            "项目施工许可申请已提交二十个工作日，至今未获答复，影响开工。", 1, ComplaintStatus.Filed, null),
        new("浙江华锦新材料有限公司", "91330100MA2H00002", "李总", "0571-88001234", ComplaintCategory.CommitmentNotHonoured,
            "协议约定的标准化厂房免租政策未落实，园区仍按全额收取租金。", 9, ComplaintStatus.Filed, null),
        new("山东鲁喀农业发展有限公司", "91370200MA3C00003", "王主任", "15999812345", ComplaintCategory.ContractPerformance,
            "约定的园区道路和供水管网未按期通至项目红线。", 6, ComplaintStatus.Accepted, null),
        new("江苏苏喀电子科技有限公司", "91320500MA1N00004", "赵经理", "13700991122", ComplaintCategory.CommitmentNotHonoured,
            "设备购置补贴已提交全部材料，超过承诺期限仍未兑现。", 40, ComplaintStatus.Assigned, "dept-industry"),
        new("北京京喀物流有限公司", "91110105MA0B00005", "孙总", "13911223344", ComplaintCategory.ServiceAttitude,
            "窗口工作人员多次要求补交已提交过的材料。", 12, ComplaintStatus.Assigned, "kashi"),
        new("四川川喀食品有限公司", "91510100MA6D00006", "周经理", "18080991234", ComplaintCategory.ApprovalDelay,
            "用电报装申请超过时限未予受理。", 30, ComplaintStatus.Answered, "shufu", "经核查，用电报装已于本周完成受理，供电公司已安排现场勘查。"),
        new("上海沪喀纺织有限公司", "91310115MA1K00007", "吴总", "13601887766", ComplaintCategory.CommitmentNotHonoured,
            "贷款贴息承诺未兑现，多次催办无果。", 45, ComplaintStatus.FollowUp, "shache", "贴息资金正在走拨付流程，请耐心等待。",
            "答复未说明拨付时间和金额，已拖延三个月。"),
        new("天津津喀建材有限公司", "91120116MA0E00008", "郑经理", "13820012345", ComplaintCategory.Other,
            "希望协调办理出口退税备案。", 50, ComplaintStatus.Closed, "kedz", "已协调税务部门于两个工作日内完成备案。"),
        new("河南豫喀贸易有限公司", "91410100MA4G00009", "冯经理", "13503711234", ComplaintCategory.Other,
            "咨询内地企业入疆投资的一般政策。", 20, ComplaintStatus.Refused, null, Refusal: "属政策咨询，不属于投诉受理范围，已告知咨询电话。"),
    ];

    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Complaints.AnyAsync(ct)) return;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var settings = new ComplaintSettings();
        var today = BeijingTime.Today(clock);
        var bureau = new Actor(ReferenceData.BureauCode, units.GetValueOrDefault(ReferenceData.BureauCode));
        foreach (var plan in Plans)
        {
            var filedOn = today.AddDays(-plan.FiledDaysAgo);
            var day = filedOn;
            DateTime At(int hour) => BeijingTime.StartOfDayUtc(day).AddHours(hour);
            void Step(int days)
            {
                day = day.AddDays(days);
                if (day > today) day = today;
            }
            var input = new ComplaintInput(plan.Enterprise, CreditCode.Complete(plan.First17).Value, plan.Contact, plan.Phone, null, plan.Category, plan.Text);
            // The code is made and hashed here and forgotten: only its hash is stored, and it is never printed.
            var complaint = new Complaint(input, ComplaintCode.NewTrackingNumber(filedOn), ComplaintCode.Hash(ComplaintCode.NewCode()), calendar, settings, At(2));
            if (plan.State == ComplaintStatus.Refused)
            {
                Step(1);
                complaint.Refuse(plan.Refusal, bureau, At(3));
            }
            else if (plan.State != ComplaintStatus.Filed)
            {
                Step(1);
                complaint.Accept("已登记受理", day, bureau, At(3));
                if (plan.State != ComplaintStatus.Accepted && plan.Unit is { } code && units.TryGetValue(code, out var unitId))
                {
                    Step(1);
                    complaint.Assign(unitId, null, calendar, settings, day, bureau, At(4));
                    var unit = new Actor(code, unitId);
                    if (plan.Reply is { } reply && plan.State != ComplaintStatus.Assigned)
                    {
                        Step(10);
                        complaint.Answer(reply, day, unit, At(5));
                        if (plan.State == ComplaintStatus.Closed)
                        {
                            Step(2);
                            complaint.Rate(ComplaintRating.Satisfied, "问题已解决，感谢。", calendar, settings, day, At(6));
                        }
                        else if (plan.State == ComplaintStatus.FollowUp)
                        {
                            // Rated dissatisfied recently enough that its follow-up is still within its limit.
                            day = today.AddDays(-2);
                            complaint.Rate(ComplaintRating.Dissatisfied, plan.Comment, calendar, settings, day, At(6));
                        }
                    }
                }
            }
            db.Complaints.Add(complaint);
        }
        await db.SaveChangesAsync(ct);
    }
}
