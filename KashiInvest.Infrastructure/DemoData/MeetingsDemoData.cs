using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Meetings;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo meetings (Art. 25, 27): a prefecture scheduling meeting held two weeks ago with its decisions and action items
/// (some done, some open and now overdue), and the next one, planned for the coming days, whose agenda is built from
/// the demo data and carries the open actions over. Written through the domain like the rest of the demo data.
/// </summary>
internal static class MeetingsDemoData
{
    private static readonly string[] Decisions =
    [
        "由项目所在县市牵头，自然资源部门配合，两周内落实项目用地报批。",
        "链主单位每半月汇报一次施工进度，招商局跟踪督办。",
        "电力公司对接项目用电需求，提出接入方案。",
        "对停滞项目开展专项督导，县市主要领导包联推进。",
    ];

    private static readonly string[] Actions =
    [
        "完成项目用地报批材料上报",
        "提交项目用电接入方案",
        "组织企业座谈，协调复工时间表",
        "报送项目融资对接情况",
        "落实施工许可办理",
    ];

    public static async Task SeedAsync(KashiDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var bureauId = await db.Units.BureauIdAsync(ct);
        var hostIds = await db.Units.Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var chainLeads = await db.Units.Where(u => u.Type == UnitType.ChainLead).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var attending = chainLeads.Concat(hostIds.Take(6)).ToList();
        var bureau = new Actor(ReferenceData.BureauCode, bureauId);
        var agenda = new MeetingAgendaQuery(new ProjectHealthQuery(Options.Create(new HealthSettings()), clock));

        // 1. Two weeks ago, 10:00 Beijing: held, ended, with a record.
        var heldAt = BeijingTime.StartOfDayUtc(today.AddDays(-14)).AddHours(10);
        var past = new Meeting(new MeetingDetails(MeetingKind.Scheduling, "地区重点项目推进调度会（第21期）", heldAt, "地区行署三楼会议室",
                "王建国 地区行署副专员", null, attending, "各县市分管领导、各产业链链主单位负责同志、援疆前方指挥部", false),
            MeetingScope.Prefecture, bureauId, bureau, heldAt.AddDays(-3));
        past.RefreshAgenda((await agenda.ProposeAsync(db, past, ct)).Take(6).ToList(), heldAt.AddDays(-3));
        past.AddItem(AgendaItemKind.Custom, null, null, null, "研究冬季施工保障措施", "请住建局介绍冬季施工安排", heldAt.AddDays(-2));
        db.Meetings.Add(past);
        await db.SaveChangesAsync(ct);

        past.Start(bureau, "招商局 张科长", heldAt);
        var t = heldAt;
        var items = past.Items.ToList();
        var projectHosts = await db.Projects.Where(p => items.Select(i => i.ProjectId).Contains(p.Id)).Select(p => new { p.Id, p.HostUnitId }).ToDictionaryAsync(p => p.Id, p => p.HostUnitId, ct);
        var recorded = new List<ActionItem>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) past.Present(items[i].Id, bureau, t);
            t = t.AddMinutes(6 + i % 4 * 3);
            past.RecordDiscussion(items[i].Id, "牵头单位汇报了项目进展和存在的困难，与会单位提出了意见建议。", bureau, t.AddMinutes(-1));
            if (i < Decisions.Length) past.RecordDecision(items[i].Id, Decisions[i], bureau, t.AddMinutes(-1));
            if (i < Actions.Length)
            {
                var owner = items[i].ProjectId is { } pid && projectHosts.TryGetValue(pid, out var host) ? host : hostIds[i % hostIds.Count];
                var due = BeijingTime.DateOf(heldAt).AddDays(i % 2 == 0 ? 7 : 10 + i * 4);
                recorded.Add(ActionItem.Record(past, items[i].Id, Actions[i], owner, due, items[i].ProjectId, null, ProblemEffect.None, null, bureau, t.AddMinutes(-1)));
            }
        }
        past.End(bureau, t.AddMinutes(5));
        db.ActionItems.AddRange(recorded);
        await db.SaveChangesAsync(ct);

        // Some owners reported their actions done; the others are open (and by now some are overdue).
        foreach (var (action, n) in recorded.Select((a, n) => (a, n)).Where(x => x.n % 2 == 1))
            action.MarkDone("已按要求办结，相关材料已报招商局。", true, bureau, heldAt.AddDays(6 + n));
        await db.SaveChangesAsync(ct);

        // 2. The next meeting, in three days: agenda built from the data, open actions carried over.
        var nextAt = BeijingTime.StartOfDayUtc(today.AddDays(3)).AddHours(10);
        var next = new Meeting(new MeetingDetails(MeetingKind.Scheduling, "地区重点项目推进调度会（第22期）", nextAt, "地区行署三楼会议室",
                "王建国 地区行署副专员", null, attending, "各县市分管领导、各产业链链主单位负责同志", false),
            MeetingScope.Prefecture, bureauId, bureau, now);
        next.RefreshAgenda((await agenda.ProposeAsync(db, next, ct)).Take(14).ToList(), now);
        db.Meetings.Add(next);
        await db.SaveChangesAsync(ct);
        if (next.Items.FirstOrDefault(i => i.Kind == AgendaItemKind.StalledProject) is { } stalled)
        {
            next.Annotate(stalled.Id, "请县市主要领导说明停滞原因及复工计划", null, now);
            await db.SaveChangesAsync(ct);
        }
    }
}
