using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Features.Todo.Sources;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static KashiInvest.Web.Tests.Reports.ReportTestData;

namespace KashiInvest.Web.Tests.Todo;

/// <summary>The to-do sources for work that already exists, on the seeded demo data, with the clock moved by hand.</summary>
public sealed class TodoSourcesTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private IDbContextFactory<KashiDbContext> Factory => database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
    private UiText Text => database.Services.GetRequiredService<UiText>();
    private IOptions<HealthSettings> Settings => database.Services.GetRequiredService<IOptions<HealthSettings>>();

    [Fact]
    public async Task A_fortnightly_report_due_for_the_chain_lead_becomes_overdue_once_its_deadline_passes()
    {
        using var culture = new UiCulture("zh-CN");
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        var clock = new ManualClock(TestClock.Start);
        var source = new ReportsOwedTodoSource(Inbox(database, clock), Text, clock, Settings);
        var current = HalfMonthPeriod.Containing(BeijingTime.Today(clock));
        var href = $"/reports/{project.Id}/{current.Index}/fortnightly?return=/todo";

        var before = await source.ReadAsync(lead, CancellationToken.None);
        var item = Assert.Single(before, i => i.Href == href);
        Assert.NotEqual(TodoUrgency.Overdue, item.Urgency);
        Assert.Equal(ReportsOwedTodoSource.Kind, item.Kind);
        Assert.Equal(project.Id, item.ProjectId);
        Assert.Contains(project.Name, item.Title);
        Assert.All(before, i => Assert.StartsWith("/reports/", i.Href));

        clock.Advance(current.DueAtUtc(Settings.Value.ReportDeadlineDays) - clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));

        var after = Assert.Single(await source.ReadAsync(lead, CancellationToken.None), i => i.Href == href);
        Assert.Equal(TodoUrgency.Overdue, after.Urgency);
        Assert.Contains("已逾期", after.Detail);
    }

    [Fact]
    public async Task Reports_are_owed_by_the_chain_lead_not_by_the_Bureau_or_the_host_county()
    {
        var project = await TakeAsync(database);
        var source = database.Services.GetServices<ITodoSource>().OfType<ReportsOwedTodoSource>().Single();

        Assert.Empty(await source.ReadAsync(new UserScope("bureau", "招商局", ActorRole.Bureau, null, [], []), CancellationToken.None));
        Assert.Empty(await source.ReadAsync(await database.ScopeOfAsync(project.HostCode), CancellationToken.None));
        Assert.NotEmpty(await source.ReadAsync(await ChainLeadOfAsync(database, project), CancellationToken.None));
    }

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
