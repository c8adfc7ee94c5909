using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Live;

/// <summary>
/// The one base of the live pages: a burst is one re-read, a reconnect or a gap re-reads everything, reads take turns
/// so an older read never overwrites a newer one, a failing re-read keeps the page, and a disposed page hears nothing.
/// </summary>
public sealed class LivePageTests : IAsyncDisposable
{
    private const int Shache = 7, Textiles = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly UserScope ShacheUser = new("shache", "莎车县", ActorRole.AttractingUnit, Shache, [], []);
    private static readonly DateTime At = new(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc);

    private readonly BunitContext _context = new();
    private readonly InMemoryLiveBus _bus = new();
    private readonly CircuitLink _circuit = new();
    private readonly LiveFeed _feed;
    // Noon in Beijing on 2 December 2026: the next Beijing midnight is 12 hours away.
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero));

    public LivePageTests()
    {
        _feed = new LiveFeed(_bus, new FixedScopeProvider(ShacheUser), _circuit, NullLogger<LiveFeed>.Instance);
        _context.Services.AddSingleton(_feed);
        _context.Services.AddSingleton<IUserScopeProvider>(new FixedScopeProvider(ShacheUser));
        _context.Services.AddLogging();
        // The base reads the clock when a turn begins (the midnight re-read is scheduled from it).
        _context.Services.AddSingleton<TimeProvider>(_clock);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _feed.DisposeAsync();
    }

    private static ChangeNotice Notice(int projectId) => new(ChangeKinds.ProjectUpdated, projectId, Shache, Textiles, 21, 1, At);

    private async Task<IRenderedComponent<ProbePage>> RenderLiveAsync()
    {
        var page = _context.Render<ProbePage>();
        using var cts = new CancellationTokenSource(Patience);
        while (_bus.SubscriberCount == 0) await Task.Delay(10, cts.Token);
        return page;
    }

    /// <summary>Waits for state that changes without a render (a read started or failed).</summary>
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (!condition()) await Task.Delay(10, cts.Token);
    }

    private async Task PublishAsync(int from, int count)
    {
        for (var i = from; i < from + count; i++) await _bus.PublishAsync(Notice(i), CancellationToken.None);
    }

    [Fact]
    public async Task A_read_that_ran_across_Beijing_midnight_is_read_again_at_once()
    {
        var page = await RenderLiveAsync();

        // The read begins at noon and the calendar turns while it runs: what it read is already yesterday's.
        await page.InvokeAsync(() => page.Instance.ReadThenFollowTheCalendarAsync(() => _clock.Advance(TimeSpan.FromHours(12.5))));

        page.WaitForAssertion(() => Assert.Contains(page.Instance.Applied, c => c.Everything), Patience);
    }

    [Fact]
    public async Task A_read_that_ended_before_midnight_is_read_again_once_the_clock_passes_it()
    {
        var page = await RenderLiveAsync();
        await page.InvokeAsync(() => page.Instance.ReadThenFollowTheCalendarAsync(() => _clock.Advance(TimeSpan.FromHours(11))));
        Assert.DoesNotContain(page.Instance.Applied, c => c.Everything);

        _clock.Advance(TimeSpan.FromHours(1.5));

        page.WaitForAssertion(() => Assert.Single(page.Instance.Applied, c => c.Everything), Patience);
    }

    [Fact]
    public async Task A_burst_of_notices_is_re_read_once_or_twice_not_once_per_notice()
    {
        var page = await RenderLiveAsync();
        Assert.Equal("on", page.Find("[data-live]").GetAttribute("data-live"));

        await PublishAsync(1, 40);

        page.WaitForAssertion(() => Assert.Equal(40, page.Instance.NoticesSeen), Patience);
        Assert.InRange(page.Instance.Applied.Count, 1, 3);
        Assert.All(page.Instance.Applied, c => Assert.False(c.Everything));
        Assert.Equal(Enumerable.Range(1, 40), page.Instance.Applied.SelectMany(c => c.ProjectIds));
    }

    [Fact]
    public async Task After_the_connection_comes_back_the_page_re_reads_everything()
    {
        var page = await RenderLiveAsync();

        await _circuit.OnConnectionDownAsync(null!, CancellationToken.None);
        await _circuit.OnConnectionUpAsync(null!, CancellationToken.None);

        page.WaitForAssertion(() => Assert.Contains(page.Instance.Applied, c => c.Everything), Patience);
    }

    [Fact]
    public async Task Notices_lost_while_the_page_fell_behind_make_it_re_read_everything()
    {
        var page = await RenderLiveAsync();
        var hold = new TaskCompletionSource();
        page.Instance.Hold = hold.Task;

        // The first re-read hangs, so the page's channel fills up and overflows: notices are lost, a gap.
        await PublishAsync(1, 1);
        await EventuallyAsync(() => page.Instance.Started == 1);
        // A witness hears the last notice (or a gap of its own): by then the feed has offered the page every notice.
        var offered = new TaskCompletionSource();
        using var witness = _feed.Subscribe(n => n.ProjectId >= 2,
            batch => { if (batch.Any(n => n.ProjectId == 701)) offered.TrySetResult(); return Task.CompletedTask; },
            () => { offered.TrySetResult(); return Task.CompletedTask; });
        await PublishAsync(2, 700);
        await offered.Task.WaitAsync(Patience);
        hold.SetResult();

        page.WaitForAssertion(() => Assert.Contains(page.Instance.Applied, c => c.Everything), Patience);
    }

    [Fact]
    public async Task A_slow_earlier_read_never_overwrites_a_later_one()
    {
        var page = await RenderLiveAsync();
        var slow = new TaskCompletionSource();

        // Read 1 starts first and is slow; read 2 starts later and is quick. Read 2's answer must be what stays.
        var first = page.InvokeAsync(() => page.Instance.ReadAsync(1, slow.Task));
        var second = page.InvokeAsync(() => page.Instance.ReadAsync(2, Task.CompletedTask));
        slow.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(2, page.Instance.Shown);
        Assert.Equal(["read 1", "read 2"], page.Instance.Log);
    }

    [Fact]
    public async Task A_live_re_read_waits_for_the_page_s_own_read_and_comes_after_it()
    {
        var page = await RenderLiveAsync();
        var slow = new TaskCompletionSource();

        var read = page.InvokeAsync(() => page.Instance.ReadAsync(1, slow.Task));
        var heard = new TaskCompletionSource();
        using var witness = _feed.Subscribe(_ => true, _ => { heard.TrySetResult(); return Task.CompletedTask; });
        await PublishAsync(5, 1);
        // The notice's batch is due now (the witness got its own), but it waits its turn behind the slow read.
        await heard.Task.WaitAsync(Patience);
        Assert.Equal(0, page.Instance.Started);
        slow.SetResult();
        await read;

        page.WaitForAssertion(() => Assert.Single(page.Instance.Applied), Patience);
        Assert.Equal(["read 1", "live 5"], page.Instance.Log);
    }

    [Fact]
    public async Task A_re_read_that_throws_is_logged_and_the_page_goes_on_with_its_last_snapshot()
    {
        var page = await RenderLiveAsync();
        page.Instance.FailNext = true;

        await PublishAsync(1, 1);
        await EventuallyAsync(() => page.Instance.Failures == 1);
        Assert.Empty(page.Instance.Applied);

        await PublishAsync(2, 1);
        page.WaitForAssertion(() => Assert.Single(page.Instance.Applied), Patience);
        Assert.Equal([2], page.Instance.Applied[0].ProjectIds);
        Assert.Equal("on", page.Find("[data-live]").GetAttribute("data-live"));
    }

    [Fact]
    public async Task A_disposed_page_unsubscribes_and_hears_nothing_more()
    {
        var page = await RenderLiveAsync();
        await PublishAsync(1, 1);
        page.WaitForAssertion(() => Assert.Single(page.Instance.Applied), Patience);
        var probe = page.Instance;

        await _context.DisposeComponentsAsync();
        Assert.True(probe.Disposed);

        // A witness hears two more notices, one after the other: a page still subscribed would have had the first by then.
        var heard = System.Threading.Channels.Channel.CreateUnbounded<int>();
        using var _ = _feed.Subscribe(_ => true, batch => { foreach (var n in batch) heard.Writer.TryWrite(n.ProjectId!.Value); return Task.CompletedTask; });
        await PublishAsync(2, 1);
        Assert.Equal(2, await heard.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        await PublishAsync(3, 1);
        Assert.Equal(3, await heard.Reader.ReadAsync().AsTask().WaitAsync(Patience));

        Assert.Single(probe.Applied);
        Assert.Equal(1, probe.NoticesSeen);
    }

    /// <summary>A live page whose reads the test controls.</summary>
    private sealed class ProbePage : LivePage
    {
        public List<LiveChanges> Applied { get; } = [];
        public List<string> Log { get; } = [];
        public int NoticesSeen => Applied.Sum(c => c.Notices.Count);
        public int Started { get; private set; }
        public int Failures { get; private set; }
        public int Shown { get; private set; }
        public bool FailNext { get; set; }
        public Task Hold { get; set; } = Task.CompletedTask;
        public bool Disposed => IsDisposed;

        protected override bool Concerns(ChangeNotice notice) => notice.ProjectId is not null;

        protected override async Task ApplyAsync(LiveChanges changes)
        {
            Started++;
            await Hold;
            if (FailNext)
            {
                FailNext = false;
                Failures++;
                throw new InvalidOperationException("The database is busy.");
            }
            Applied.Add(changes);
            Log.Add(changes.Everything ? "live all" : $"live {string.Join(',', changes.ProjectIds)}");
        }

        /// <summary>One of the page's own reads: answers <paramref name="version"/> once <paramref name="answer"/> completes.</summary>
        public Task ReadAsync(int version, Task answer)
        {
            return ReadInTurnAsync(async () =>
            {
                await answer;
                Shown = version;
                Log.Add($"read {version}");
            });
        }

        /// <summary>A read whose "overdue" moves with the calendar; <paramref name="meanwhile"/> runs while it reads.</summary>
        public Task ReadThenFollowTheCalendarAsync(Action meanwhile) => ReadInTurnAsync(() =>
        {
            meanwhile();
            RereadAtBeijingMidnight();
            return Task.CompletedTask;
        });

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "data-live", LiveState);
            builder.AddAttribute(2, "data-shown", Shown);
            builder.CloseElement();
        }
    }
}
