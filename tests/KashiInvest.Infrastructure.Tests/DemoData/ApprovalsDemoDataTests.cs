using System.Globalization;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.DemoData;

/// <summary>
/// The approvals demo (Art. 23): on any day — the calendar's years, a weekend, a year-end, and 400 days on where no
/// holiday data exists — its items are in every intended state of the clock, one of them paused for an expert review.
/// </summary>
public sealed class ApprovalsDemoDataTests
{
    [Theory]
    [InlineData("2026-11-20T02:00:00Z")] // Friday 20 Nov 2026 10:00 Beijing
    [InlineData("2026-10-03T02:00:00Z")] // Saturday in the National Day holiday
    [InlineData("2027-12-25T02:00:00Z")] // 400 days on: 2027 has no holiday data
    public async Task The_demo_items_show_every_state_of_the_clock_on_any_day(string utc)
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)));
        await SeededDatabase.Seeder(database).SeedAsync();

        await using var db = database.CreateContext();
        var today = BeijingTime.Today(database.Clock);
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync());
        var items = await db.PlanItems.AsNoTracking().Include(i => i.Pauses).Include(i => i.Steps).ToListAsync();
        var states = items.Select(i => i.Clock(calendar, today).State).ToList();

        Assert.Equal(6, await db.ServicePlans.CountAsync());
        foreach (var state in new[] { ClockState.NotStarted, ClockState.AwaitingCorrection, ClockState.Paused, ClockState.Normal, ClockState.Warning,
                     ClockState.Overdue, ClockState.FinishedOnTime, ClockState.FinishedLate })
        {
            Assert.Contains(state, states);
        }
        var paused = Assert.Single(items, i => i.Status == PlanItemStatus.Paused);
        Assert.Equal(SpecialProcedure.ExpertReview, Assert.Single(paused.Pauses).Procedure);
        Assert.Contains(items, i => i.Status == PlanItemStatus.CertificateIssued);
        Assert.All(items.SelectMany(i => i.Steps), s => Assert.True(s.On <= today && s.AtUtc <= database.Clock.GetUtcNow().UtcDateTime));
        // Every item is carried by its department's proxy, named in the host's group.
        var groups = await db.ServiceGroups.AsNoTracking().Include(g => g.Proxies).ToListAsync();
        Assert.All(items.Where(i => i.Holder is not null), i => Assert.True(groups.Single(g => g.HostUnitId == i.HostUnitId).IsProxy(i.Holder!, i.DepartmentUnitId)));
    }
}
