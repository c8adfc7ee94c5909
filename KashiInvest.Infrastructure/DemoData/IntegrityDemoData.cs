using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Integrity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo integrity cases (违约失信专项整治) in each state: open (one past its rectification deadline), rectifying (one past
/// it), reported rectified, rectified and verified, recorded as a breach of trust. Most come from the overdue demo
/// commitments (the unit that owes the commitment owes the case); one from the complaint sent to follow-up. Run after
/// the commitments and the complaints.
/// </summary>
public static class IntegrityDemoData
{
    private sealed record Plan(IntegrityCaseStatus State, int OpenedDaysAgo, int RectifyDays);

    private static readonly Plan[] Plans =
    [
        new(IntegrityCaseStatus.Open, 3, 30),
        new(IntegrityCaseStatus.Open, 40, 30),
        new(IntegrityCaseStatus.Rectifying, 20, 30),
        new(IntegrityCaseStatus.Rectifying, 50, 30),
        new(IntegrityCaseStatus.Reported, 25, 45),
        new(IntegrityCaseStatus.Rectified, 60, 30),
        new(IntegrityCaseStatus.BreachOfTrust, 90, 30),
    ];

    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.IntegrityCases.AnyAsync(ct)) return;
        var today = BeijingTime.Today(clock);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var codes = units.ToDictionary(u => u.Value, u => u.Key);
        var bureau = new Actor(ReferenceData.BureauCode, units.GetValueOrDefault(ReferenceData.BureauCode));
        var running = await db.Commitments.AsNoTracking().Where(Commitment.Running).OrderBy(c => c.Id).ToListAsync(ct);
        var overdue = running.Where(c => c.IsOverdue(today)).Concat(running.Where(c => !c.IsOverdue(today))).ToList();
        var settings = new IntegritySettings();
        var cases = new List<IntegrityCase>();

        for (var i = 0; i < Plans.Length && i < overdue.Count; i++)
        {
            var plan = Plans[i];
            var c = overdue[i];
            var opened = today.AddDays(-plan.OpenedDaysAgo);
            var since = c.DueOn is { } due && due < opened ? due.AddDays(1) : opened.AddDays(-10);
            var input = new IntegrityCaseInput(IntegrityCaseKind.CommitmentNotHonoured, Shorten($"{c.DocumentNumber}：{c.Promise}"),
                $"该项政策承诺已于{DueText(c)}到期，责任单位未按期兑现，企业多次反映。", c.ResponsibleUnitId, since, opened.AddDays(plan.RectifyDays),
                c.ProjectId, c.Id, null);
            cases.Add(Walk(new IntegrityCase(input, settings, opened, bureau, At(opened, 3)), plan, opened, today, Unit(c.ResponsibleUnitId), bureau));
        }

        var followUp = await db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.FollowUp && c.AssignedUnitId != null)
            .OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (followUp is not null)
        {
            var opened = today.AddDays(-1);
            var input = new IntegrityCaseInput(IntegrityCaseKind.CommitmentNotHonoured, $"投诉查实：{followUp.EnterpriseName}贷款贴息承诺未兑现",
                followUp.Description, followUp.AssignedUnitId!.Value, followUp.FiledOn, null, followUp.ProjectId, null, followUp.Id);
            cases.Add(new IntegrityCase(input, settings, opened, bureau, At(opened, 4)));
        }
        db.IntegrityCases.AddRange(cases);
        await db.SaveChangesAsync(ct);

        Actor Unit(int id) => new(codes.GetValueOrDefault(id, "unit"), id);
        static string DueText(Commitment c) => c.DueOn is { } d ? $"{d:yyyy年M月d日}" : "约定期限";
    }

    private static string Shorten(string text) => text.Length <= IntegrityCase.TitleMaxLength ? text : text[..IntegrityCase.TitleMaxLength];

    private static DateTime At(DateOnly day, int hour) => BeijingTime.StartOfDayUtc(day).AddHours(hour);

    private static IntegrityCase Walk(IntegrityCase c, Plan plan, DateOnly opened, DateOnly today, Actor unit, Actor bureau)
    {
        var day = opened;
        DateOnly After(int days) => day = Min(day.AddDays(days), today);
        if (plan.State == IntegrityCaseStatus.Open) return c;
        if (plan.State == IntegrityCaseStatus.BreachOfTrust)
        {
            c.RecordBreach("逾期未提交整改方案，经两次督办仍未兑现承诺，且以主要负责人调整为由拒绝履约。", After(plan.RectifyDays + 10), bureau, At(day, 5));
            return c;
        }
        After(3);
        c.EnterPlan("一、本月内完成资金审核；二、报本级政府常务会研究；三、下月底前拨付到位并书面告知企业。", unit, At(day, 5));
        if (plan.State == IntegrityCaseStatus.Rectifying) return c;
        c.ReportRectified("承诺事项已全部兑现，企业已书面确认。", After(10), unit, At(day, 6));
        if (plan.State == IntegrityCaseStatus.Reported) return c;
        c.Verify(After(2), bureau, At(day, 7));
        return c;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
