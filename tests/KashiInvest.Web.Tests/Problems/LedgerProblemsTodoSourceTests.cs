using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Problems;

/// <summary>The to-do source of open ledger problems, on the seeded demo data, with the clock moved by hand.</summary>
public sealed class LedgerProblemsTodoSourceTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private IDbContextFactory<KashiDbContext> Factory => database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
    private UiText Text => database.Services.GetRequiredService<UiText>();

    [Fact]
    public async Task An_open_ledger_problem_of_the_unit_goes_from_normal_to_soon_to_overdue_as_its_due_date_nears_and_passes()
    {
        using var culture = new UiCulture("zh-CN");
        var problem = await database.QueryAsync(db => (from x in db.Problems
                                                       join p in db.Projects on x.ProjectId equals p.Id
                                                       join u in db.Units on p.HostUnitId equals u.Id
                                                       where x.Status != ProblemStatus.Resolved && x.OwnerUnitId == p.HostUnitId
                                                       orderby x.Id
                                                       select new { x.Id, x.ProjectId, x.DueOn, x.OwnerUnitId, u.Code }).FirstAsync());
        var county = await database.ScopeOfAsync(problem.Code);
        var clock = new ManualClock(new DateTimeOffset(BeijingTime.StartOfDayUtc(problem.DueOn.AddDays(-10)).AddHours(3), TimeSpan.Zero));
        var source = new LedgerProblemsTodoSource(new LedgerQuery(Factory, clock), Text, clock);

        var items = await source.ReadAsync(county, CancellationToken.None);
        var expected = await database.QueryAsync(db => db.Problems.CountAsync(x => x.Status != ProblemStatus.Resolved && x.OwnerUnitId == county.UnitId
            && db.Projects.Any(p => p.Id == x.ProjectId && p.HostUnitId == county.UnitId)));
        Assert.Equal(expected, items.Count);
        Assert.All(items, i => Assert.Equal(LedgerProblemsTodoSource.Kind, i.Kind));
        Assert.Equal(TodoUrgency.Normal, Mine(items).Urgency);
        Assert.Equal($"/ledger?project={problem.ProjectId}", Mine(items).Href);

        clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(TodoUrgency.Soon, Mine(await source.ReadAsync(county, CancellationToken.None)).Urgency);

        clock.Advance(TimeSpan.FromDays(4));
        var late = Mine(await source.ReadAsync(county, CancellationToken.None));
        Assert.Equal(TodoUrgency.Overdue, late.Urgency);
        Assert.Contains("已逾期 2 天", late.Detail);

        TodoItem Mine(IReadOnlyList<TodoItem> list) =>
            list.Where(i => i.ProjectId == problem.ProjectId && i.DueUtc == BeijingTime.EndOfDayUtc(problem.DueOn)).OrderBy(i => i.Urgency).First();
    }

    [Fact]
    public async Task Problems_owned_by_another_unit_are_not_the_users_to_do()
    {
        var owners = await database.QueryAsync(db => db.Problems.Where(x => x.Status != ProblemStatus.Resolved).Select(x => x.OwnerUnitId).Distinct().ToListAsync());
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var source = database.Services.GetServices<ITodoSource>().OfType<LedgerProblemsTodoSource>().Single();

        var items = await source.ReadAsync(bureau, CancellationToken.None);

        var expected = await database.QueryAsync(db => db.Problems.CountAsync(x => x.Status != ProblemStatus.Resolved && x.OwnerUnitId == bureau.UnitId));
        Assert.Equal(expected, items.Count);
        Assert.True(owners.Any(o => o != bureau.UnitId), "the demo data has problems owned by other units");
    }
}
