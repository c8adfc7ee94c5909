using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo assist-and-proxy approvals (Art. 23): the department accounts named proxies in every service group, and a
/// service plan for the first landed and under-construction projects, with items finished fast, finished late,
/// running, due soon, overdue, waiting for a correction, and one paused for an expert review. Every date is found
/// from today (the injected clock) on the stored calendar with the items' own clock, so each item is in its intended
/// state on any day — including years without holiday data, which count weekends only.
/// </summary>
internal static class ApprovalsDemoData
{
    private enum Scenario { Planned, Preparing, DoneFast, DoneLate, Normal, DueSoon, Overdue, ExpertReview, Correction }

    private static readonly (string Code, Scenario Scenario)[][] Plans =
    [
        [("project-filing", Scenario.DoneFast), ("land-preexam-site", Scenario.DoneFast), ("land-use-planning", Scenario.DoneFast),
         ("eia-form", Scenario.DoneFast), ("engineering-planning", Scenario.Normal), ("fire-design", Scenario.DueSoon), ("construction-permit", Scenario.Planned)],
        [("project-filing", Scenario.DoneFast), ("land-preexam-site", Scenario.DoneLate), ("land-use-planning", Scenario.Overdue),
         ("eia-report", Scenario.ExpertReview), ("soil-water", Scenario.Normal)],
        [("project-filing", Scenario.DoneFast), ("land-preexam-site", Scenario.DoneFast), ("land-use-planning", Scenario.DoneFast),
         ("eia-registration", Scenario.DoneFast), ("engineering-planning", Scenario.DoneLate), ("fire-design", Scenario.DoneFast), ("construction-permit", Scenario.Overdue)],
        [("project-filing", Scenario.DoneFast), ("land-preexam-site", Scenario.Correction), ("eia-form", Scenario.Preparing), ("soil-water", Scenario.Planned)],
        [("project-filing", Scenario.DoneFast), ("land-preexam-site", Scenario.Normal), ("land-use-planning", Scenario.Planned)],
        [("project-filing", Scenario.DoneFast), ("land-preexam-site", Scenario.DoneFast), ("eia-form", Scenario.DueSoon)],
    ];

    /// <summary>The demo proxy of a department is the department's own account (its unit code).</summary>
    public static string ProxyOf(string departmentCode) => departmentCode;

    public static async Task SeedAsync(KashiDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ServicePlans.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Type, u.ParentUnitId }).ToListAsync(ct);
        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);

        // 1. Each department's account is its proxy in every group.
        var groups = await db.ServiceGroups.Include(g => g.Members).Include(g => g.Proxies).OrderBy(g => g.Id).ToListAsync(ct);
        foreach (var group in groups)
        {
            foreach (var member in group.Members) group.NameProxy(ProxyOf(codeOf[member.DepartmentUnitId]), member.DepartmentUnitId);
        }
        await db.SaveChangesAsync(ct);

        // 2. Service plans for the first landed and under-construction projects.
        var catalogue = await db.ApprovalCatalogue.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
            .OrderBy(p => p.Id).Take(Plans.Length).ToListAsync(ct);
        var poorGiven = false;
        for (var k = 0; k < projects.Count; k++)
        {
            var project = projects[k];
            var county = new Actor(codeOf[project.HostUnitId], project.HostUnitId);
            var groupUnit = units.First(u => u.Type == UnitType.ServiceGroup && u.ParentUnitId == project.HostUnitId);
            var leader = new Actor(groupUnit.Code, groupUnit.Id);
            var appliedOn = today.AddDays(-120 + 2 * k);
            var plan = ServicePlan.RecordApplication(project.Key, project.Stage, project.IsKeyProject, $"{project.Name}项目负责人",
                appliedOn, ServicePhases.SigningToLanding | ServicePhases.LandingToProduction, county, At(appliedOn, now));
            db.ServicePlans.Add(plan);
            await db.SaveChangesAsync(ct);

            var wanted = Plans[k];
            var items = plan.AddItems(wanted.Select(w => catalogue[w.Code]).ToArray(), [], leader, At(appliedOn.AddDays(2), now));
            for (var i = 0; i < items.Count; i++)
            {
                var proxy = new Actor(ProxyOf(codeOf[items[i].DepartmentUnitId]), items[i].DepartmentUnitId);
                Advance(items[i], wanted[i].Scenario, proxy, calendar, today, now, i);
                if (k < 2) Rate(items[i], wanted[i].Scenario, county, now, ref poorGiven);
            }
            db.PlanItems.AddRange(items);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Walks an item to its scenario: claimed, prepared and submitted before its acceptance day, then as the scenario says.</summary>
    private static void Advance(PlanItem item, Scenario scenario, Actor proxy, WorkingCalendar calendar, DateOnly today, DateTime now, int index)
    {
        if (scenario == Scenario.Planned) return;
        DateOnly? accepted = scenario switch
        {
            Scenario.Preparing => null,
            Scenario.DoneFast => today.AddDays(-80 + 3 * index),
            Scenario.DoneLate => today.AddDays(-78 + 3 * index),
            Scenario.Normal => Find(item, calendar, today, 2, r => r.State == ClockState.Normal && r.Elapsed >= 1),
            Scenario.DueSoon => Find(item, calendar, today, 1, r => r.State == ClockState.Warning),
            Scenario.Overdue => Find(item, calendar, today, 1, r => r.State == ClockState.Overdue && today.DayNumber - r.DueOn!.Value.DayNumber >= 3),
            Scenario.ExpertReview or Scenario.Correction => today.AddDays(-12),
            _ => null,
        };
        var start = (accepted ?? today).AddDays(-10);
        item.Claim(proxy, At(start, now));
        item.StartPreparing(start.AddDays(1), "指导企业准备申报材料", proxy, At(start.AddDays(1), now));
        if (accepted is not { } on) return;
        item.Submit(on.AddDays(-1), null, proxy, At(on.AddDays(-1), now));
        item.Accept(on, "材料齐全，予以受理", proxy, At(on, now));
        switch (scenario)
        {
            case Scenario.DoneFast:
            {
                var decided = LastDay(item, calendar, on, Math.Max(1, item.Limit / 2));
                item.Decide(true, decided, null, proxy, At(decided, now));
                item.IssueCertificate(decided, $"{item.ItemCode.ToUpperInvariant()}-{on:yyyyMMdd}-{item.ServicePlanId:D3}", proxy, At(decided, now));
                break;
            }
            case Scenario.DoneLate:
            {
                var due = ApprovalClock.Read(item.ClockFacts, calendar, on).DueOn!.Value;
                var decided = calendar.AddWorkingDays(due, 3);
                item.Decide(true, decided, "现场核查后予以批准", proxy, At(decided, now));
                break;
            }
            case Scenario.ExpertReview:
                item.Pause(SpecialProcedure.ExpertReview, "组织专家技术评审", on.AddDays(2), today.AddDays(12), proxy, At(on.AddDays(2), now));
                break;
            case Scenario.Correction:
                item.RequestCorrection(on.AddDays(2), "缺少项目用地红线图，请补正", proxy, At(on.AddDays(2), now));
                break;
        }
    }

    /// <summary>
    /// The investor's word on the first two plans' finished items, as their county recorded it: 好评 for the fast ones,
    /// one 差评 (its follow-up left open for the group leader) for the first late one.
    /// </summary>
    private static void Rate(PlanItem item, Scenario scenario, Actor county, DateTime now, ref bool poorGiven)
    {
        if (item.Status is not (PlanItemStatus.Approved or PlanItemStatus.CertificateIssued)) return;
        if (scenario == Scenario.DoneFast) item.RateService(Satisfaction.Good, "代办员全程帮办，材料一次通过", null, county, now);
        else if (scenario == Scenario.DoneLate && !poorGiven)
        {
            item.RateService(Satisfaction.Poor, "超过承诺时限，材料被要求多次补充", null, county, now);
            poorGiven = true;
        }
    }

    /// <summary>The latest acceptance day (going back from today) whose clock reads as <paramref name="wanted"/> today.</summary>
    private static DateOnly? Find(PlanItem item, WorkingCalendar calendar, DateOnly today, int minBack, Func<ClockReading, bool> wanted)
    {
        for (var back = minBack; back <= 60; back++)
        {
            var start = today.AddDays(-back);
            if (wanted(ApprovalClock.Read(new ClockFacts(start, item.Limit, item.Unit, []), calendar, today))) return start;
        }
        return null;
    }

    /// <summary>The day <paramref name="days"/> counted days after <paramref name="start"/>, in the item's unit.</summary>
    private static DateOnly LastDay(PlanItem item, WorkingCalendar calendar, DateOnly start, int days) =>
        item.Unit == LimitUnit.WorkingDays ? calendar.AddWorkingDays(start, days) : start.AddDays(days);

    /// <summary>10:00 Beijing on <paramref name="day"/>, or now when that is later than now (a step recorded today).</summary>
    private static DateTime At(DateOnly day, DateTime now)
    {
        var at = BeijingTime.StartOfDayUtc(day).AddHours(10);
        return at > now ? now : at;
    }
}
