using System.Runtime.CompilerServices;
using System.Threading.Channels;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Security;

namespace KashiInvest.Web.Live;

/// <summary>
/// The live bus as one circuit sees it: a single bus subscription per circuit, filtered by the user's scope (a
/// county's screen never hears of another county's project), fanned out to the page subscriptions that asked for
/// it. Each page gets its changes in small batches (coalesced over <see cref="CoalesceWindow"/>), so a burst of
/// writes costs one re-read, and a full re-read after the circuit's connection came back from a drop or after a gap
/// (a subscriber that fell so far behind that notices were lost).
/// Pages hold a snapshot and re-read what a notice names (Aspire's "snapshot plus changes").
/// </summary>
public sealed class LiveFeed(ILiveBus bus, IUserScopeProvider scopes, CircuitLink circuit, ILogger<LiveFeed> logger) : IAsyncDisposable
{
    /// <summary>How long a page waits for more notices before it re-reads: short enough to stay well under a second.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(120);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Subscription> _subscriptions = [];
    private readonly Lock _gate = new();
    private Task? _pump;

    /// <summary>
    /// Opens one subscription (one channel) for the notices <paramref name="filter"/> accepts: read its coalesced
    /// batches with <c>await foreach</c> over <see cref="ILiveStream.ReadAllAsync"/>; dispose it to stop. It is
    /// registered at once, so nothing published after this call is missed by a read that starts after it.
    /// </summary>
    public ILiveStream Open(Func<ChangeNotice, bool> filter)
    {
        var subscription = new Subscription(this, filter, logger);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            _pump ??= Task.Run(() => PumpAsync(_stop.Token));
        }
        return subscription;
    }

    /// <summary>
    /// Calls <paramref name="onChanges"/> (off the renderer's thread: wrap UI work in <c>InvokeAsync</c>) with every
    /// batch of in-scope notices that <paramref name="filter"/> accepts, and <paramref name="onResync"/> when the
    /// connection came back after a drop or notices were lost, so that the caller re-reads everything. Dispose the
    /// result to stop. Pages use <see cref="LivePage"/> instead; this is for small widgets (badges, bells).
    /// </summary>
    public IDisposable Subscribe(Func<ChangeNotice, bool> filter, Func<IReadOnlyList<ChangeNotice>, Task> onChanges, Func<Task>? onResync = null)
    {
        var stream = Open(filter);
        _ = Task.Run(() => DeliverAsync(stream, onChanges, onResync));
        return stream;
    }

    private async Task DeliverAsync(ILiveStream stream, Func<IReadOnlyList<ChangeNotice>, Task> onChanges, Func<Task>? onResync)
    {
        try
        {
            await foreach (var batch in stream.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    // A resync re-reads everything, which covers the batch that came with it.
                    if (batch.Everything && onResync is not null) await onResync();
                    else await onChanges(batch.Notices);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "A page failed to apply live changes");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Notices that reach every circuit whatever project they name, because they carry only ids and every screen that
    /// listens to them re-reads under its own access rule: meetings and bulletins (no project), commitments (a
    /// department sees the commitments it owes on projects it does not see), chain maps (everyone reads every map) and
    /// annual targets (each unit re-reads its own share) and assessment rounds (every unit reads the year's state),
    /// complaints and integrity cases (no project scope: each screen re-reads what its unit may see), and target library
    /// entries (the maps and overview count them for everyone; a county's map lists only the targets pushed to it).
    /// </summary>
    public static bool ReadUnderOwnRule(string kind) =>
        kind.StartsWith("meeting.", StringComparison.Ordinal) || kind.StartsWith("bulletin.", StringComparison.Ordinal)
        || kind == ChangeKinds.CommitmentChanged || kind == ChangeKinds.ChainChanged || kind == ChangeKinds.AnnualTargetChanged
        || kind == ChangeKinds.AssessmentChanged || kind == ChangeKinds.ComplaintChanged || kind == ChangeKinds.IntegrityChanged
        || kind == ChangeKinds.TargetChanged;

    private async Task PumpAsync(CancellationToken ct)
    {
        circuit.Restored += ResyncAll;
        try
        {
            var scope = await scopes.GetAsync();
            // A gap in the bus (this circuit fell behind and lost notices) re-reads everything, like a reconnect.
            await foreach (var notice in bus.SubscribeAsync(ResyncAll, ct))
            {
                // Some notices pass whatever project they name (see ReadUnderOwnRule); so do approval item notices for a
                // department's proxies, who carry items of projects they do not see.
                if (!ReadUnderOwnRule(notice.Kind)
                    && !IsApprovalForDepartment(scope, notice)
                    && (notice.Project is not { } key || !ProjectAccess.CanSee(scope, key))) continue;
                Subscription[] targets;
                lock (_gate) targets = [.. _subscriptions];
                foreach (var s in targets) s.Offer(notice);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The live feed of a circuit stopped");
        }
        finally
        {
            circuit.Restored -= ResyncAll;
        }
    }

    private static bool IsApprovalForDepartment(UserScope scope, ChangeNotice notice) =>
        scope.Role == ActorRole.Department && notice.Kind == ChangeKinds.ApprovalItemChanged;

    /// <summary>After a reconnect or a gap: every page of the circuit re-reads everything.</summary>
    private void ResyncAll()
    {
        Subscription[] targets;
        lock (_gate) targets = [.. _subscriptions];
        foreach (var s in targets) s.Resync();
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions.Remove(subscription);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Subscription[] all;
        lock (_gate) { all = [.. _subscriptions]; _subscriptions.Clear(); }
        foreach (var s in all) s.Dispose();
        if (_pump is not null) await _pump.ConfigureAwait(false);
        _stop.Dispose();
    }

    private sealed class Subscription : ILiveStream
    {
        /// <summary>Wakes the reader for a resync; never delivered.</summary>
        private static readonly ChangeNotice Wake = new("resync", null, null, null, null, 0, DateTime.MinValue);
        private const int Capacity = 512;
        private readonly LiveFeed _owner;
        private readonly Func<ChangeNotice, bool> _filter;
        private readonly ILogger _logger;
        // Full means the reader fell behind: the notices that do not fit are lost, so the next batch says "everything".
        private readonly Channel<ChangeNotice> _queue = Channel.CreateBounded<ChangeNotice>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        private readonly CancellationTokenSource _stop = new();
        private int _everything;
        private int _reading;

        public Subscription(LiveFeed owner, Func<ChangeNotice, bool> filter, ILogger logger)
        {
            _owner = owner;
            _filter = filter;
            _logger = logger;
        }

        public void Offer(ChangeNotice notice)
        {
            bool wanted;
            try { wanted = _filter(notice); }
            catch (Exception ex) { _logger.LogError(ex, "A live filter failed"); wanted = false; }
            if (wanted && !_queue.Writer.TryWrite(notice)) Interlocked.Exchange(ref _everything, 1); // a gap
        }

        public void Resync()
        {
            Interlocked.Exchange(ref _everything, 1);
            _queue.Writer.TryWrite(Wake);
        }

        public async IAsyncEnumerable<LiveBatch> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _reading, 1) == 1) throw new InvalidOperationException("A live stream has one reader.");
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            var ct = linked.Token;
            while (await WaitAsync(ct))
            {
                var batch = new List<ChangeNotice>();
                while (_queue.Reader.TryRead(out var n))
                {
                    if (!ReferenceEquals(n, Wake)) batch.Add(n);
                }
                var everything = Interlocked.Exchange(ref _everything, 0) == 1;
                if (everything || batch.Count > 0) yield return new LiveBatch(batch, everything);
            }
        }

        /// <summary>Waits for a notice, then for <see cref="CoalesceWindow"/> so a burst comes as one batch; false once stopped.</summary>
        private async Task<bool> WaitAsync(CancellationToken ct)
        {
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(ct)) return false;
                await Task.Delay(CoalesceWindow, ct);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _owner.Remove(this);
            _queue.Writer.TryComplete();
            _stop.Cancel();
        }
    }
}

/// <summary>One subscription of a circuit's live feed: one channel, read by one reader.</summary>
public interface ILiveStream : IDisposable
{
    /// <summary>
    /// The coalesced batches of notices, until the stream is disposed or the token is cancelled (then it simply ends).
    /// A batch with <see cref="LiveBatch.Everything"/> set follows a reconnect or a gap (notices lost because the reader
    /// fell behind): the reader should re-read everything.
    /// </summary>
    IAsyncEnumerable<LiveBatch> ReadAllAsync(CancellationToken cancellationToken);
}

/// <summary>What arrived since the last batch; <see cref="Everything"/>: re-read everything (reconnect or gap).</summary>
public sealed record LiveBatch(IReadOnlyList<ChangeNotice> Notices, bool Everything);
