using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.BattleMaps;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>Art. 23: "a key project's overdue item shows on its health" — on the battle map and the wall, from the demo's plans.</summary>
public sealed class ApprovalHealthUseCaseTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    private sealed record Overdue(int ProjectId, bool IsKey, string Name, int Days);

    /// <summary>The demo's running items past their limit today, read on the stored calendar with the domain's clock.</summary>
    private async Task<IReadOnlyList<Overdue>> OverdueItemsAsync()
    {
        var today = BeijingTime.Today(TestClock.Default);
        return await database.QueryAsync(async db =>
        {
            var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync());
            var items = await db.PlanItems.AsNoTracking().Include(i => i.Pauses).ToListAsync();
            var keys = await db.Projects.Select(p => new { p.Id, p.IsKeyProject }).ToDictionaryAsync(p => p.Id, p => p.IsKeyProject);
            return items.Select(i => (Item: i, Reading: i.Clock(calendar, today)))
                .Where(x => x.Reading.State == ClockState.Overdue)
                .Select(x => new Overdue(x.Item.ProjectId, keys[x.Item.ProjectId], x.Item.ItemName, today.DayNumber - x.Reading.DueOn!.Value.DayNumber))
                .ToList();
        });
    }

    private async Task<IReadOnlyList<HealthReason>> ShownAsync(int projectId)
    {
        var view = await database.Services.GetRequiredService<BattleMapReader>().GetAsync(Leader, projectId);
        Assert.NotNull(view);
        var wall = new WallQuery(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(),
            database.Services.GetRequiredService<Infrastructure.Health.ProjectHealthQuery>(), new WallCardPool());
        var card = Assert.Single(await wall.GetCardsAsync(Leader, [projectId]));
        var shown = view.Health.Reasons.Where(r => r.Kind == HealthReasonKind.ApprovalOverdue).ToList();
        // The wall and the battle map read the same health.
        Assert.Equal(shown.Select(r => (r.Code, string.Join("|", r.Args))),
            card.Health.Reasons.Where(r => r.Kind == HealthReasonKind.ApprovalOverdue).Select(r => (r.Code, string.Join("|", r.Args))));
        return shown;
    }

    [Fact]
    public async Task An_overdue_item_shows_on_the_battle_map_and_wall_once_its_project_is_a_key_project()
    {
        var overdue = await OverdueItemsAsync();
        var project = overdue.GroupBy(o => o.ProjectId).FirstOrDefault(g => !g.First().IsKey);
        Assert.NotNull(project);

        // Not a key project: its overdue item is the board's business (and its alert's), not its health's.
        Assert.Empty(await ShownAsync(project.Key));

        // The same project made a key project (as a larger planned investment would): its health shows the item.
        await database.QueryAsync(db => db.Projects.Where(p => p.Id == project.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.WorkGroupLevel, WorkGroupLevel.KeyProject)));
        var reason = Assert.Single(await ShownAsync(project.Key));
        var longest = project.OrderByDescending(o => o.Days).First();
        Assert.Equal(project.Count(), reason.Args[0]);
        Assert.Equal(longest.Name, reason.Args[1]);
        Assert.Equal(longest.Days, reason.Args[3]);
        using (new UiCulture("zh-CN"))
        {
            var text = database.Services.GetRequiredService<UiText>().Health(reason);
            Assert.Contains(longest.Name, text);
            Assert.Contains("超期", text);
        }

        // Every other overdue item's project shows it exactly when it is a key project.
        foreach (var other in overdue.Where(o => o.ProjectId != project.Key).GroupBy(o => o.ProjectId))
            Assert.Equal(other.First().IsKey ? 1 : 0, (await ShownAsync(other.Key)).Count);
    }
}
