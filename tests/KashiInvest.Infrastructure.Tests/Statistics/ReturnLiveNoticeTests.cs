using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Infrastructure.Tests.Statistics;

public sealed class ReturnLiveNoticeTests
{
    private sealed class NoKeys : IProjectKeys
    {
        public ProjectKey Remember(Project project) => project.Key;
        public ValueTask<ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken) => ValueTask.FromResult<ProjectKey?>(null);
    }

    [Fact]
    public async Task A_return_notice_names_the_return_and_its_month_and_reaches_its_unit_and_the_prefecture_but_not_another_county()
    {
        var month = new StatMonth(2026, 10);
        var r = MonthlyReturn.Create(10, month, new Dictionary<FigureKey, decimal> { [new(FigureCode.FundsMonth)] = 1m }, Actor.System("t"), FakeClock.DefaultNow.UtcDateTime);
        var bus = new InMemoryLiveBus();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reader = bus.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = reader.MoveNextAsync(); // subscribes before publishing

        await new LiveBusEventDispatcher(bus, new NoKeys(), new FakeClock(), NullLogger<LiveBusEventDispatcher>.Instance).DispatchAsync([r.DomainEvents.Single()], cts.Token);

        Assert.True(await next);
        var notice = reader.Current;
        Assert.Equal((ChangeKinds.ReturnChanged, 0, month.Index), (notice.Kind, notice.ProjectId!.Value, notice.PeriodIndex!.Value));
        Assert.Contains(ChangeKinds.ReturnChanged, ChangeKinds.All);
        var key = notice.Project!.Value;
        Assert.True(ProjectAccess.CanSee(new UserScope("c", "c", ActorRole.AttractingUnit, 10, [], []), key));
        Assert.False(ProjectAccess.CanSee(new UserScope("o", "o", ActorRole.AttractingUnit, 11, [], []), key));
        Assert.True(ProjectAccess.CanSee(new UserScope("b", "b", ActorRole.Bureau, 1, [], []), key));
        Assert.False(ProjectAccess.CanSee(new UserScope("l", "l", ActorRole.ChainLead, 20, [3], []), key));
    }
}
