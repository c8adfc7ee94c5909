using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Approvals;

/// <summary>Approvals' reference data and a plan item's clock on a real SQLite file.</summary>
public sealed class ApprovalPersistenceTests
{
    private static readonly Actor County = new("shache", null);

    [Fact]
    public async Task Reference_data_seeds_the_confirmed_calendar_the_catalogue_and_a_group_per_host_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var seeder = new ReferenceDataSeeder(database.Factory);

        await seeder.SeedAsync();
        await seeder.SeedAsync();

        await using var db = database.CreateContext();
        var years = await db.CalendarYears.Include(y => y.Days).OrderBy(y => y.Year).ToListAsync();
        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        Assert.Equal(HolidayNotices.Year2026.Days.Count, years[1].Days.Count);
        Assert.Equal(new DateOnly(2025, 11, 4), years[1].SourcePublishedOn);
        var calendar = new WorkingCalendar(years);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 25)));

        var catalogue = await db.ApprovalCatalogue.ToListAsync();
        Assert.Equal(ApprovalReferenceSeedCount, catalogue.Count);
        var permit = catalogue.Single(c => c.Code == "construction-permit");
        Assert.Equal((7, LimitUnit.NaturalDays, 3, 2), (permit.StatutoryLimit, permit.Unit, permit.CommittedLimit, permit.LimitFor(true)));
        Assert.Equal(["engineering-planning", "fire-design"], permit.Prerequisites);
        Assert.Equal(12, catalogue.Single(c => c.Code == "soil-water").CommittedLimit);

        var groups = await db.ServiceGroups.Include(g => g.Members).ToListAsync();
        Assert.Equal(ReferenceData.ServiceGroups.Count, groups.Count);
        Assert.All(groups, g => Assert.Equal(5, g.Members.Count));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarDay)));
    }

    private const int ApprovalReferenceSeedCount = 11;

    [Fact]
    public async Task A_plan_item_keeps_its_steps_and_pauses_and_a_calendar_edit_is_audited_with_before_and_after()
    {
        await using var database = await TestDatabase.CreateAsync();
        await new ReferenceDataSeeder(database.Factory).SeedAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;  // Friday 20 November 2026 in Beijing

        int itemId;
        await using (var db = database.CreateContext())
        {
            db.Actor = County;
            var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id);
            var chain = await db.Chains.FirstAsync();
            var investor = new Investor("上海某纺织集团有限公司", null, InvestorTier.None, SourceRegionCode.YangtzeRiverDelta);
            db.Investors.Add(investor);
            await db.SaveChangesAsync();
            var project = Project.Create("KS-2026-0900", new ProjectDetails("莎车县纺纱项目", null, units["shache"], chain.Id, null, investor.Id,
                75_000m, 600, null, null, null, null, []), InvestorTier.None, units["sub-yrd"], County, now.AddDays(-60), WorkGroupThresholds.Default, ProjectStage.Evaluation);
            project.MoveTo(new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 9, 20)), County, now.AddDays(-60));
            db.Projects.Add(project);
            await db.SaveChangesAsync();

            var plan = ServicePlan.RecordApplication(project.Key, project.Stage, project.IsKeyProject, "王经理", new DateOnly(2026, 9, 21),
                ServicePhases.SigningToLanding, County, now.AddDays(-60));
            db.ServicePlans.Add(plan);
            await db.SaveChangesAsync();
            var eia = await db.ApprovalCatalogue.SingleAsync(c => c.Code == "eia-form");
            var item = plan.AddItems([eia], [], County, now.AddDays(-60)).Single();
            db.PlanItems.Add(item);
            await db.SaveChangesAsync();
            itemId = item.Id;
        }

        await using (var db = database.CreateContext())
        {
            db.Actor = new Actor("eco.li", null);
            var item = await db.PlanItems.Include(i => i.Steps).Include(i => i.Pauses).SingleAsync(i => i.Id == itemId);
            item.Claim(db.Actor, now);
            item.Submit(new DateOnly(2026, 11, 2), null, db.Actor, now);
            item.Accept(new DateOnly(2026, 11, 2), null, db.Actor, now);
            item.Pause(SpecialProcedure.ExpertReview, "组织专家评审", new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 25), db.Actor, now);
            await db.SaveChangesAsync();
            Assert.Equal(1, item.Version);
        }

        await using (var db = database.CreateContext())
        {
            var item = await db.PlanItems.AsNoTracking().Include(i => i.Steps).Include(i => i.Pauses).SingleAsync(i => i.Id == itemId);
            Assert.Equal(PlanItemStatus.Paused, item.Status);
            Assert.True(item.GreenChannel);
            Assert.Equal(10, item.Limit);
            Assert.Equal([PlanItemAction.Planned, PlanItemAction.Claimed, PlanItemAction.Submitted, PlanItemAction.Accepted, PlanItemAction.Paused],
                item.Steps.OrderBy(s => s.Id).Select(s => s.Action));
            var reading = item.Clock(new WorkingCalendar(await db.CalendarYears.Include(y => y.Days).ToListAsync()), new DateOnly(2026, 11, 20));
            Assert.Equal(ClockState.Paused, reading.State);
            Assert.Equal(8, reading.Elapsed);  // 3–10 November, natural days
            Assert.Equal(new DateOnly(2026, 11, 27), reading.DueOn);
        }

        await using (var db = database.CreateContext())
        {
            db.Actor = new Actor("bureau", null);
            var year = await db.CalendarYears.Include(y => y.Days).SingleAsync(y => y.Year == 2026);
            year.Replace(year.SourceTitle, year.SourcePublishedOn, HolidayNotices.Year2026.Days.Where(d => d.Date != new DateOnly(2026, 10, 7)), db.Actor, now);
            await db.SaveChangesAsync();

            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarDay) && a.Action == AuditAction.Deleted).SingleAsync();
            Assert.Contains("2026-10-07", audit.Before);
            Assert.Equal("bureau", audit.UserName);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarYear) && a.Action == AuditAction.Modified));
        }
    }
}
