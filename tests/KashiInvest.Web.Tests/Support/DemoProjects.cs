using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Support;

/// <summary>Makes sure a demo project has what a test needs, instead of hoping the generator made it that day.</summary>
public static class DemoProjects
{
    /// <summary>
    /// Lets <paramref name="edit"/> change the project's milestones (given with today's Beijing date on the app's
    /// clock) and saves them through the domain when it says it changed something.
    /// </summary>
    public static async Task EditMilestonesAsync(KashiAppFactory app, int projectId, Func<List<MilestoneInput>, DateOnly, bool> edit)
    {
        var thresholds = app.Services.GetRequiredService<WorkGroupThresholds>();
        await app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var p = await db.Projects.Include(x => x.Milestones).SingleAsync(x => x.Id == projectId);
            var milestones = p.Milestones.OrderBy(m => m.Order).Select(m => new MilestoneInput(m.Id, m.Name, m.PlannedOn, m.ReachedOn)).ToList();
            if (!edit(milestones, BeijingTime.DateOf(now))) return 0;
            db.Actor = new Actor("bureau", null);
            p.Update(new ProjectDetails(p.Name, p.Description, p.HostUnitId, p.ChainId, p.ChainLinkId, p.InvestorId, p.PlannedInvestmentWan,
                p.ExpectedJobs, p.PlannedStartOn, p.PlannedCompletionOn, p.ResponsibleLeader, p.LeaderInCharge, milestones), thresholds, now);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// An open milestone past its plan, right after the milestones already reached (so the timeline draws it late),
    /// unless the project has one.
    /// </summary>
    public static bool AddOverdueMilestone(List<MilestoneInput> milestones, DateOnly today)
    {
        if (milestones.Any(m => m.ReachedOn is null && m.PlannedOn < today)) return false;
        var reached = milestones.TakeWhile(m => m.ReachedOn is not null).Count();
        milestones.Insert(reached, new MilestoneInput(null, "设备安装调试", today.AddDays(-10), null));
        return true;
    }
}
