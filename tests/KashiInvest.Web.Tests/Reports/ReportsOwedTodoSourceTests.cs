using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static KashiInvest.Web.Tests.Reports.ReportTestData;

namespace KashiInvest.Web.Tests.Reports;

/// <summary>The to-do source of owed fortnightly reports, on the seeded demo data, with the clock moved by hand.</summary>
public sealed class ReportsOwedTodoSourceTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
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
}
