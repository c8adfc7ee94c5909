using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Infrastructure.Tests.Leads;

public sealed class LeadsLiveNoticeTests
{
    private sealed class NoKeys : IProjectKeys
    {
        public ProjectKey Remember(Project project) => project.Key;
        public ValueTask<ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken) => ValueTask.FromResult<ProjectKey?>(null);
    }

    private static async Task<ChangeNotice> DispatchAsync(IDomainEvent e)
    {
        var bus = new InMemoryLiveBus();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reader = bus.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = reader.MoveNextAsync(); // subscribes before publishing
        await new LiveBusEventDispatcher(bus, new NoKeys(), new FakeClock(), NullLogger<LiveBusEventDispatcher>.Instance).DispatchAsync([e], cts.Token);
        Assert.True(await next);
        return reader.Current;
    }

    private static UserScope County(int unit) => new("c", "c", ActorRole.AttractingUnit, unit, [], []);

    [Fact]
    public async Task A_push_notice_reaches_the_receiving_unit_and_the_prefecture_but_not_another_county()
    {
        var push = new TargetPush(5, 10, 3, PushReason.Chain, new Actor("bureau", 1), FakeClock.DefaultNow.UtcDateTime);
        var notice = await DispatchAsync(push.DomainEvents.Single());
        Assert.Equal((ChangeKinds.TargetPushed, 0), (notice.Kind, notice.ProjectId));
        var key = notice.Project!.Value;
        Assert.True(ProjectAccess.CanSee(County(10), key));
        Assert.False(ProjectAccess.CanSee(County(11), key));
        Assert.True(ProjectAccess.CanSee(new UserScope("b", "b", ActorRole.Bureau, 1, [], []), key));
        Assert.True(ProjectAccess.CanSee(new UserScope("l", "l", ActorRole.ChainLead, 20, [3], []), key));
    }

    [Fact]
    public async Task A_weekly_report_notice_reaches_only_its_unit_among_the_units()
    {
        var actor = new Actor("shache", 10);
        var report = new WeeklyIntentionReport(10, ReportWeek.Containing(new DateOnly(2026, 11, 20)), actor, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
        report.File(true, [], [], actor, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
        var notice = await DispatchAsync(report.DomainEvents.Single());
        Assert.Equal(ChangeKinds.WeeklyReported, notice.Kind);
        Assert.True(ProjectAccess.CanSee(County(10), notice.Project!.Value));
        Assert.False(ProjectAccess.CanSee(County(11), notice.Project!.Value));
        Assert.False(ProjectAccess.CanSee(new UserScope("l", "l", ActorRole.ChainLead, 20, [3], []), notice.Project!.Value));
    }

    [Fact]
    public async Task A_missing_weekly_report_alert_notice_reaches_its_unit_and_the_prefecture_but_not_another_county()
    {
        var condition = new Domain.Alerts.AlertCondition(Domain.Alerts.AlertKind.WeeklyIntentionReportMissing, null, 10, "2026-W47",
            Domain.Alerts.AlertSeverity.Medium, "WeeklyIntentionReportMissing", ["2026-W47", "2026-11-23 12:00"], OwnerUnitId: 10);
        var alert = new Domain.Alerts.Alert(condition, null, new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc));
        var notice = await DispatchAsync(alert.DomainEvents.Single());
        Assert.Equal((ChangeKinds.AlertRaised, 0), (notice.Kind, notice.ProjectId));
        var key = notice.Project!.Value;
        Assert.True(ProjectAccess.CanSee(County(10), key));
        Assert.False(ProjectAccess.CanSee(County(11), key));
        Assert.True(ProjectAccess.CanSee(new UserScope("b", "b", ActorRole.Bureau, 1, [], []), key));
    }
}
