using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Live;

/// <summary>
/// The one base of every live page (Aspire's "snapshot plus changes"): the page holds a snapshot and this base keeps it
/// current. It subscribes once, in <see cref="OnInitialized"/> and only on an interactive render, before the page's
/// first read, so nothing committed after that read is missed. It consumes the circuit's coalesced batches with
/// <c>await foreach</c> (a burst of notices is one re-read) and hands each to <see cref="ApplyAsync"/> on the
/// renderer's thread: the page re-reads what the notices name under its own scope, or everything when
/// <see cref="LiveChanges.Everything"/> is set (after a reconnect or a gap in the bus) or when it prefers to.
/// <para>
/// Reads take turns: <see cref="ApplyAsync"/> and every read the page starts through <see cref="ReadInTurnAsync"/>
/// run one at a time and are applied in the order they started, so a slow older read never overwrites a newer one.
/// A re-read that throws is logged and the page keeps its last snapshot (the circuit lives on). Disposing cancels
/// the loop and unsubscribes; nothing is applied after that.
/// </para>
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private ILiveStream? _stream;

    [Inject] private LiveFeed Feed { get; set; } = default!;
    [Inject] private ILogger<LivePage> Logger { get; set; } = default!;
    [Inject] private TimeProvider TurnClock { get; set; } = default!;

    /// <summary>When the running turn (a read of the page's own, or a live batch) began: what it read was true then.</summary>
    private DateTime _turnStartedUtc;

    /// <summary>The page follows live changes (the interactive pass has subscribed).</summary>
    protected bool IsLive => _stream is not null;

    /// <summary>"on" once the page follows live changes, for the <c>data-live</c> attribute tests and diagnostics read.</summary>
    protected string LiveState => IsLive ? "on" : "off";

    /// <summary>The page has been disposed: apply nothing any more.</summary>
    protected bool IsDisposed { get; private set; }

    private ITimer? _midnight;

    /// <summary>Cancelled when the page is disposed.</summary>
    protected CancellationToken Disposing => _stop.Token;

    /// <summary>Whether a notice (already limited to the user's scope by the feed) may change what the page shows.
    /// Called off the renderer's thread: read only parameters and immutable fields here.</summary>
    protected abstract bool Concerns(ChangeNotice notice);

    /// <summary>
    /// Re-reads what <paramref name="changes"/> names (everything when <see cref="LiveChanges.Everything"/>) and
    /// applies it to the snapshot, flashing what changed. Runs on the renderer's thread, in turn with every other read;
    /// the base renders afterwards.
    /// </summary>
    protected abstract Task ApplyAsync(LiveChanges changes);

    /// <summary>Subscribes on the interactive pass; sealed so that every live page subscribes in the same place.</summary>
    protected sealed override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive || _stream is not null) return;
        _stream = Feed.Open(Concerns);
        _ = FollowAsync(_stream, _stop.Token);
    }

    /// <summary>
    /// Runs one of the page's own reads (a first load, a filter change, a re-read after its own write) in turn with the
    /// live re-reads. Turns are not re-entrant: never call it from <see cref="ApplyAsync"/> or from inside another turn.
    /// </summary>
    /// <summary>
    /// A re-read after the user's own action (a save, another year): if it fails the page keeps what it shows and logs
    /// it, and the live feed or the user's next action catches up; the circuit lives on.
    /// </summary>
    protected async Task RereadInTurnAsync(Func<Task> read)
    {
        try
        {
            await ReadInTurnAsync(read);
        }
        catch (Exception ex)
        {
            if (!IsDisposed) Logger.LogError(ex, "{Page} failed to re-read; it keeps showing its last snapshot", GetType().Name);
        }
    }

    /// <summary>
    /// A write started from one row of a live list: <paramref name="showError"/> is cleared, the write runs; once saved,
    /// <paramref name="onSaved"/> (drop the row's input, say so) and a re-read in turn follow; otherwise the row gets its
    /// localized error in one line (the user's input is kept) and, after a concurrent change, the page re-reads so the
    /// row shows the newer version. Returns whether it was saved.
    /// </summary>
    protected async Task<bool> RowWriteAsync(UiText text, Func<Task<WriteResult>> write, Action<string?> showError, Action onSaved, Func<Task> read)
    {
        showError(null);
        var result = await write();
        if (result.Status == WriteStatus.Saved)
        {
            onSaved();
            // The write went through SafeWrite; a failing re-read is logged and the list stays as it is.
            await RereadInTurnAsync(read);
            return true;
        }
        showError(WriteFeedback.Of(text, result).OneLine);
        if (result.Status == WriteStatus.Conflict) await RereadInTurnAsync(read);
        return false;
    }

    protected async Task ReadInTurnAsync(Func<Task> read)
    {
        await _turn.WaitAsync();
        try
        {
            _turnStartedUtc = TurnClock.GetUtcNow().UtcDateTime;
            if (!IsDisposed) await read();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Applies one batch as the feed would (for a page's own "re-read now", e.g. a date change): logged, never thrown.</summary>
    protected Task RefreshAsync(LiveChanges changes) => InvokeAsync(() => ApplySafelyAsync(changes));

    private async Task FollowAsync(ILiveStream stream, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in stream.ReadAllAsync(ct))
            {
                if (IsDisposed) break;
                await InvokeAsync(() => ApplySafelyAsync(batch.Everything ? LiveChanges.All : new LiveChanges(batch.Notices, false)));
            }
        }
        catch (Exception ex) when (!IsDisposed)
        {
            Logger.LogError(ex, "The live changes of {Page} stopped", GetType().Name);
        }
        catch (Exception)
        {
            // The page went while a batch was handed over (e.g. the renderer is gone): nothing to apply.
        }
    }

    private async Task ApplySafelyAsync(LiveChanges changes)
    {
        try
        {
            await _turn.WaitAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        _turnStartedUtc = TurnClock.GetUtcNow().UtcDateTime;
        try
        {
            if (IsDisposed) return;
            await ApplyAsync(changes);
            if (!IsDisposed) StateHasChanged();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !IsDisposed)
        {
            // Keep the last snapshot: the next notice or reconnect tries again.
            Logger.LogError(ex, "{Page} failed to apply live changes; it keeps showing its last snapshot", GetType().Name);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Re-reads everything once when the Beijing date changes, for pages whose "overdue" and "days left" move with the
    /// calendar rather than with a notice. Call it at the end of each read (inside its turn): the re-read calls it
    /// again for the next midnight.
    /// </summary>
    /// <remarks>
    /// Scheduled from the turn's start, not the read's end: a read that began before midnight and ended after it showed
    /// the old day, and is re-read at once (the pending timer it replaces may not have fired yet).
    /// </remarks>
    protected void RereadAtBeijingMidnight()
    {
        if (!RendererInfo.IsInteractive || IsDisposed) return;
        var due = MidnightRereadDelay(_turnStartedUtc, TurnClock.GetUtcNow().UtcDateTime);
        _midnight?.Dispose();
        // Re-read as a live batch would (in turn with the others; a failure is logged and the page stays).
        _midnight = TurnClock.CreateTimer(_ => _ = RefreshAsync(LiveChanges.All), null, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How long until a page read at <paramref name="readStartedUtc"/> must be read again: one second past the next Beijing midnight, or now if that has passed.</summary>
    public static TimeSpan MidnightRereadDelay(DateTime readStartedUtc, DateTime nowUtc)
    {
        var due = BeijingTime.StartOfDayUtc(BeijingTime.DateOf(readStartedUtc).AddDays(1)) + TimeSpan.FromSeconds(1) - nowUtc;
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops following changes; a page that holds more (timers, JS modules) overrides it and calls the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (IsDisposed || !disposing) return;
        IsDisposed = true;
        _stop.Cancel();
        _stream?.Dispose();
        _midnight?.Dispose();
    }
}

/// <summary>What a batch of live notices asks a page to re-read.</summary>
/// <param name="Notices">The notices of the batch, in arrival order (empty when <paramref name="Everything"/>).</param>
/// <param name="Everything">Re-read everything: the circuit reconnected or notices were lost.</param>
public sealed record LiveChanges(IReadOnlyList<ChangeNotice> Notices, bool Everything)
{
    /// <summary>Re-read everything.</summary>
    public static readonly LiveChanges All = new([], true);

    /// <summary>The distinct projects the notices name.</summary>
    public IReadOnlyList<int> ProjectIds => [.. Notices.Where(n => n.ProjectId is not null).Select(n => n.ProjectId!.Value).Distinct()];

    /// <summary>The distinct items (problem, alert, push…) the notices name.</summary>
    public IReadOnlyList<int> ItemIds => [.. Notices.Where(n => n.ItemId is not null).Select(n => n.ItemId!.Value).Distinct()];
}

/// <summary>
/// Which parts of a page flash because a live change touched them: each mark gets a newer tick, so a component
/// keyed or parameterised on it replays its highlight on every change. 0: never changed since the last clear.
/// </summary>
public sealed class LiveFlash<TKey> : IReadOnlyDictionary<TKey, int> where TKey : notnull
{
    private readonly Dictionary<TKey, int> _ticks = [];
    private int _generation;

    public void Mark(TKey key) => _ticks[key] = ++_generation;

    public int Of(TKey key) => _ticks.GetValueOrDefault(key);

    public void Remove(TKey key) => _ticks.Remove(key);

    public void Clear() => _ticks.Clear();

    public int this[TKey key] => _ticks[key];

    public IEnumerable<TKey> Keys => _ticks.Keys;

    public IEnumerable<int> Values => _ticks.Values;

    public int Count => _ticks.Count;

    public bool ContainsKey(TKey key) => _ticks.ContainsKey(key);

    public bool TryGetValue(TKey key, out int value) => _ticks.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, int>> GetEnumerator() => _ticks.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
