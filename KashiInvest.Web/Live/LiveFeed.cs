using System.Threading.Channels;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Security;

namespace KashiInvest.Web.Live;

/// <summary>
/// The live bus as one circuit sees it: a single bus subscription per circuit, filtered by the user's scope (a
/// county's screen never hears of another county's project), fanned out to the page subscriptions that asked for
/// it. Each page gets its changes in small batches (coalesced over <see cref="CoalesceWindow"/>), so a burst of
/// writes costs one re-read, and a <c>resync</c> call after the circuit's connection came back from a drop.
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
    /// Calls <paramref name="onChanges"/> (off the renderer's thread: wrap UI work in <c>InvokeAsync</c>) with every
    /// batch of in-scope notices that <paramref name="filter"/> accepts, and <paramref name="onResync"/> when the
    /// connection came back after a drop, so that the page re-reads everything. Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Func<ChangeNotice, bool> filter, Func<IReadOnlyList<ChangeNotice>, Task> onChanges, Func<Task>? onResync = null)
    {
        var subscription = new Subscription(this, filter, onChanges, onResync, logger);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            _pump ??= Task.Run(() => PumpAsync(_stop.Token));
        }
        return subscription;
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        circuit.Restored += OnRestored;
        try
        {
            var scope = await scopes.GetAsync();
            await foreach (var notice in bus.SubscribeAsync(ct))
            {
                // Meeting notices carry only the meeting id; meeting screens re-read under their own access rule.
                if (!notice.Kind.StartsWith("meeting.", StringComparison.Ordinal) && (notice.Project is not { } key || !ProjectAccess.CanSee(scope, key))) continue;
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
            circuit.Restored -= OnRestored;
        }
    }

    private void OnRestored()
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

    private sealed class Subscription : IDisposable
    {
        private static readonly ChangeNotice ResyncMarker = new("resync", null, null, null, null, 0, DateTime.MinValue);
        private readonly LiveFeed _owner;
        private readonly Func<ChangeNotice, bool> _filter;
        private readonly Func<IReadOnlyList<ChangeNotice>, Task> _onChanges;
        private readonly Func<Task>? _onResync;
        private readonly ILogger _logger;
        private readonly Channel<ChangeNotice> _queue = Channel.CreateBounded<ChangeNotice>(new BoundedChannelOptions(512)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        private readonly CancellationTokenSource _stop = new();

        public Subscription(LiveFeed owner, Func<ChangeNotice, bool> filter, Func<IReadOnlyList<ChangeNotice>, Task> onChanges, Func<Task>? onResync, ILogger logger)
        {
            _owner = owner;
            _filter = filter;
            _onChanges = onChanges;
            _onResync = onResync;
            _logger = logger;
            _ = Task.Run(() => DeliverAsync(_stop.Token));
        }

        public void Offer(ChangeNotice notice)
        {
            bool wanted;
            try { wanted = _filter(notice); }
            catch (Exception ex) { _logger.LogError(ex, "A live filter failed"); wanted = false; }
            if (wanted) _queue.Writer.TryWrite(notice);
        }

        public void Resync() => _queue.Writer.TryWrite(ResyncMarker);

        private async Task DeliverAsync(CancellationToken ct)
        {
            try
            {
                while (await _queue.Reader.WaitToReadAsync(ct))
                {
                    await Task.Delay(CoalesceWindow, ct);
                    var batch = new List<ChangeNotice>();
                    var resync = false;
                    while (_queue.Reader.TryRead(out var n))
                    {
                        if (ReferenceEquals(n, ResyncMarker)) resync = true;
                        else batch.Add(n);
                    }
                    try
                    {
                        // A resync re-reads everything, which covers the batch that came with it.
                        if (resync && _onResync is not null) await _onResync();
                        else if (resync || batch.Count > 0) await _onChanges(batch);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _logger.LogError(ex, "A page failed to apply live changes");
                    }
                }
            }
            catch (OperationCanceledException)
            {
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
