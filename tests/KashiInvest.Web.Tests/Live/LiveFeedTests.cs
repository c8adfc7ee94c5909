using System.Threading.Channels;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Live;

public class LiveFeedTests
{
    private const int Shache = 7, Shule = 8, Textiles = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly UserScope ShacheUser = new("shache", "莎车县", ActorRole.AttractingUnit, Shache, [], []);

    private static ChangeNotice Notice(int projectId, int host, string kind = ChangeKinds.ProjectUpdated) =>
        new(kind, projectId, host, Textiles, 21, 1, TestClock.Default.UtcNow);

    private static (LiveFeed Feed, InMemoryLiveBus Bus, CircuitLink Circuit) NewFeed(UserScope scope)
    {
        var bus = new InMemoryLiveBus();
        var circuit = new CircuitLink();
        return (new LiveFeed(bus, new FixedScopeProvider(scope), circuit, NullLogger<LiveFeed>.Instance), bus, circuit);
    }

    /// <summary>Collects every notice a subscription delivers, in order, for the test to await.</summary>
    private sealed class Received
    {
        private readonly Channel<ChangeNotice> _notices = Channel.CreateUnbounded<ChangeNotice>();
        private readonly Channel<bool> _resyncs = Channel.CreateUnbounded<bool>();

        public Task OnChanges(IReadOnlyList<ChangeNotice> batch)
        {
            foreach (var n in batch) _notices.Writer.TryWrite(n);
            return Task.CompletedTask;
        }

        public Task OnResync()
        {
            _resyncs.Writer.TryWrite(true);
            return Task.CompletedTask;
        }

        public async Task<ChangeNotice> NextAsync()
        {
            using var cts = new CancellationTokenSource(Patience);
            return await _notices.Reader.ReadAsync(cts.Token);
        }

        public async Task ResyncAsync()
        {
            using var cts = new CancellationTokenSource(Patience);
            await _resyncs.Reader.ReadAsync(cts.Token);
        }

        public bool HasMore => _notices.Reader.TryPeek(out _);
    }

    private static async Task WaitForSubscriberAsync(InMemoryLiveBus bus)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (bus.SubscriberCount == 0) await Task.Delay(10, cts.Token);
    }

    [Fact]
    public async Task A_county_screen_hears_of_its_own_projects_and_never_of_another_countys()
    {
        var (feed, bus, _) = NewFeed(ShacheUser);
        await using var _ = feed;
        var received = new Received();
        using var subscription = feed.Subscribe(_ => true, received.OnChanges);
        await WaitForSubscriberAsync(bus);

        // The foreign notice goes first: if it were delivered, it would arrive before the county's own.
        await bus.PublishAsync(Notice(2, Shule), CancellationToken.None);
        await bus.PublishAsync(Notice(1, Shache), CancellationToken.None);

        var first = await received.NextAsync();
        Assert.Equal(1, first.ProjectId);
        Assert.False(received.HasMore);
    }

    [Fact]
    public async Task A_department_proxy_hears_of_approval_items_of_projects_it_does_not_see_and_of_nothing_else_there()
    {
        var proxy = new UserScope("dept-natres", "自然资源局", ActorRole.Department, 40, [], []);
        var (feed, bus, _) = NewFeed(proxy);
        await using var _ = feed;
        var received = new Received();
        using var subscription = feed.Subscribe(_ => true, received.OnChanges);
        await WaitForSubscriberAsync(bus);

        // The project's other notices go first: if they were delivered, they would arrive before the item's.
        await bus.PublishAsync(Notice(2, Shule), CancellationToken.None);
        await bus.PublishAsync(Notice(2, Shule, ChangeKinds.ApprovalPlanChanged), CancellationToken.None);
        await bus.PublishAsync(Notice(2, Shule, ChangeKinds.ApprovalItemChanged), CancellationToken.None);

        Assert.Equal(ChangeKinds.ApprovalItemChanged, (await received.NextAsync()).Kind);
        Assert.False(received.HasMore);
    }

    [Fact]
    public async Task A_page_gets_only_the_notices_its_filter_asks_for()
    {
        var leader = new UserScope("leader", "领导", ActorRole.Leader, 2, [], []);
        var (feed, bus, _) = NewFeed(leader);
        await using var _ = feed;
        var projectPage = new Received();
        var wall = new Received();
        using var a = feed.Subscribe(n => n.ProjectId == 5, projectPage.OnChanges);
        using var b = feed.Subscribe(_ => true, wall.OnChanges);
        await WaitForSubscriberAsync(bus);

        await bus.PublishAsync(Notice(4, Shule), CancellationToken.None);
        await bus.PublishAsync(Notice(5, Shache, ChangeKinds.ReportSubmitted), CancellationToken.None);

        Assert.Equal(5, (await projectPage.NextAsync()).ProjectId);
        Assert.Equal(4, (await wall.NextAsync()).ProjectId);
        Assert.Equal(5, (await wall.NextAsync()).ProjectId);
        Assert.False(projectPage.HasMore);
    }

    [Fact]
    public async Task When_the_connection_comes_back_after_a_drop_every_page_is_told_to_re_read()
    {
        var (feed, bus, circuit) = NewFeed(ShacheUser);
        await using var _ = feed;
        var received = new Received();
        using var subscription = feed.Subscribe(_ => true, received.OnChanges, received.OnResync);
        await WaitForSubscriberAsync(bus);

        await circuit.OnConnectionDownAsync(null!, CancellationToken.None);
        Assert.False(circuit.IsConnected);
        await circuit.OnConnectionUpAsync(null!, CancellationToken.None);

        await received.ResyncAsync();
        Assert.True(circuit.IsConnected);
    }

    [Fact]
    public async Task When_the_bus_lost_notices_for_the_circuit_every_page_is_told_to_re_read()
    {
        var bus = new GapBus();
        await using var feed = new LiveFeed(bus, new FixedScopeProvider(ShacheUser), new CircuitLink(), NullLogger<LiveFeed>.Instance);
        var received = new Received();
        using var subscription = feed.Subscribe(_ => true, received.OnChanges, received.OnResync);
        var onGap = await bus.Subscribed.Task.WaitAsync(Patience);

        onGap();

        await received.ResyncAsync();
    }

    /// <summary>A bus whose only subscriber the test tells of a gap.</summary>
    private sealed class GapBus : ILiveBus
    {
        public TaskCompletionSource<Action> Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public IAsyncEnumerable<ChangeNotice> SubscribeAsync(CancellationToken cancellationToken) => SubscribeAsync(() => { }, cancellationToken);

        public async IAsyncEnumerable<ChangeNotice> SubscribeAsync(Action onGap, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Subscribed.TrySetResult(onGap);
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            yield break;
        }
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more_and_the_circuit_leaves_the_bus()
    {
        var (feed, bus, _) = NewFeed(ShacheUser);
        var kept = new Received();
        var dropped = new Received();
        using var keep = feed.Subscribe(_ => true, kept.OnChanges);
        var drop = feed.Subscribe(_ => true, dropped.OnChanges);
        await WaitForSubscriberAsync(bus);

        drop.Dispose();
        await bus.PublishAsync(Notice(1, Shache), CancellationToken.None);

        Assert.Equal(1, (await kept.NextAsync()).ProjectId);
        Assert.False(dropped.HasMore);

        await feed.DisposeAsync();
        Assert.Equal(0, bus.SubscriberCount);
    }

    [Theory]
    [InlineData(ChangeKinds.CommitmentChanged, true)]
    [InlineData(ChangeKinds.ChainChanged, true)]
    [InlineData(ChangeKinds.MeetingChanged, true)]
    [InlineData(ChangeKinds.BulletinChanged, true)]
    [InlineData(ChangeKinds.ComplaintChanged, true)]
    [InlineData(ChangeKinds.IntegrityChanged, true)]
    [InlineData(ChangeKinds.TargetChanged, true)]
    [InlineData(ChangeKinds.ReportSubmitted, false)]
    [InlineData(ChangeKinds.ProjectUpdated, false)]
    [InlineData(ChangeKinds.TargetPushed, false)]
    public void Notices_whose_screens_re_read_under_their_own_rule_pass_whatever_project_they_name(string kind, bool passes) =>
        Assert.Equal(passes, LiveFeed.ReadUnderOwnRule(kind));
}
