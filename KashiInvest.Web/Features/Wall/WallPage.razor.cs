using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// 挂图作战总览: every project with a battle map the user may see, as cards coloured by health, grouped by county or
/// chain, filtered by the address. Holds a snapshot of cards and applies live notices to it: a batch re-reads only
/// the cards it names, adds or removes cards whose stage moved onto or off the wall, and flashes what changed.
/// No polling; after a dropped connection or a gap in the bus, <see cref="LivePage"/> asks for a full re-read.
/// </summary>
public sealed partial class WallPage
{
    private readonly Dictionary<int, WallCard> _cards = [];
    private readonly LiveFlash<int> _flash = new();
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private WallRoute _route = WallRoute.Default;
    private WallBoard _board = WallBoard.Empty;
    private IReadOnlyList<WallSlide> _slides = [];
    private WallRotation? _rotation;
    private DateTime? _updatedAtUtc;
    private bool _loaded;
    /// <summary>The kiosk's card grid, fitted to the projector once the browser has said its size.</summary>
    private KioskGrid _grid = KioskGrid.Default;
    private bool _measured;
    /// <summary>How long the window must keep its size after a resize before the grid is picked again.</summary>
    private const int ResizeSettleMs = 300;
    private IJSObjectReference? _kioskModule;
    private IJSObjectReference? _resizeWatch;
    private DotNetObjectReference<WallPage>? _self;

    [SupplyParameterFromQuery(Name = "group")] public string? Group { get; set; }
    [SupplyParameterFromQuery(Name = "county")] public string? County { get; set; }
    [SupplyParameterFromQuery(Name = "chain")] public string? Chain { get; set; }
    [SupplyParameterFromQuery(Name = "health")] public string? Health { get; set; }
    [SupplyParameterFromQuery(Name = "stage")] public string? Stage { get; set; }
    [SupplyParameterFromQuery(Name = "key")] public string? Key { get; set; }
    [SupplyParameterFromQuery(Name = "kiosk")] public string? Kiosk { get; set; }
    [SupplyParameterFromQuery(Name = "rotate")] public string? Rotate { get; set; }

    [Inject] private WallQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IOptions<WallOptions> Options { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private string KioskHref => Navigation.GetUriWithQueryParameters((_route with { Kiosk = true }).ToQuery(_ref!));

    private string ExitKioskHref => Navigation.GetUriWithQueryParameters((_route with { Kiosk = false, RotateSeconds = null }).ToQuery(_ref!));

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        // The prerendered pass only paints the first snapshot; the interactive one follows changes (LivePage) and rotates.
        _rotation = new WallRotation(Clock, OnRotationTickAsync);
    }

    /// <summary>Every in-scope notice about a project may move a card; the feed already drops what this user may not see.</summary>
    protected override bool Concerns(ChangeNotice notice) => notice.ProjectId is not null;

    protected override async Task OnParametersSetAsync()
    {
        var route = WallRoute.Parse(new WallQueryString(Group, County, Chain, Health, Stage, Key, Kiosk, Rotate), _ref!);
        var reload = !_loaded || route.Filter != _route.Filter;
        if (route.Filter != _route.Filter || route.Grouping != _route.Grouping) _more.Reset();
        _route = route;
        // The prerender paints the frame only: the wall reads every card of the scope (at a prefecture's size most of
        // what opening it costs), and the interactive pass reads it again at once, a few hundred ms later.
        if (reload && RendererInfo.IsInteractive) await ReadInTurnAsync(() => LoadAsync(flashChanges: false));
        else Rebuild();
        if (RendererInfo.IsInteractive && _route.RotationInterval(Options.Value) is { } interval) _rotation!.Start(interval);
        else _rotation!.Stop();
    }

    private int PerGroup => Options.Value.CardsPerGroup;

    /// <summary>
    /// The cards a group draws: its first ones in wall order (worst health first; <see cref="WallOptions.CardsPerGroup"/>,
    /// more after "show more"; reset by a new filter or grouping), and always the cards changed live while the page is
    /// open, so a project that just stalled is seen wherever it lands.
    /// </summary>
    private readonly ShowMore<string> _more = new();

    private IReadOnlyList<WallCard> Shown(WallGroup group) => _more.Shown(group.Key, group.Cards, PerGroup, c => _flash.ContainsKey(c.Id));

    private void ShowMore(WallGroup group) => _more.More(group.Key, PerGroup);

    private Task NavigateAsync(WallRoute route)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(route.ToQuery(_ref!)));
        return Task.CompletedTask;
    }

    /// <summary>Reads the whole wall under the current filter. Runs on the renderer's thread, in turn with the live re-reads.</summary>
    private async Task LoadAsync(bool flashChanges)
    {
        var filter = _route.Filter;
        var cards = await Query.GetCardsAsync(_scope!, filter);
        if (IsDisposed || filter != _route.Filter) return;
        var previous = flashChanges ? new Dictionary<int, WallCard>(_cards) : null;
        _cards.Clear();
        _flash.Clear();
        foreach (var card in cards)
        {
            _cards[card.Id] = card;
            if (previous is not null && (!previous.TryGetValue(card.Id, out var old) || card.LooksDifferentFrom(old))) _flash.Mark(card.Id);
        }
        _loaded = true;
        _updatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        Rebuild();
    }

    /// <summary>A batch re-reads the cards it names (everything after a reconnect or a gap).</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        if (changes.Everything)
        {
            await LoadAsync(flashChanges: true);
            return;
        }
        var ids = changes.ProjectIds;
        if (ids.Count == 0) return;
        Apply(ids, await Query.GetCardsAsync(_scope!, ids), flash: true);
    }

    /// <summary>Puts the re-read cards in place: a card the wall no longer shows (stage, scope or filter) goes.</summary>
    private void Apply(IReadOnlyCollection<int> ids, IReadOnlyList<WallCard> fresh, bool flash)
    {
        var byId = fresh.ToDictionary(c => c.Id);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var card) && _route.Filter.Matches(card))
            {
                _cards[id] = card;
                if (flash) _flash.Mark(id);
            }
            else
            {
                _cards.Remove(id);
                _flash.Remove(id);
            }
        }
        _updatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        Rebuild();
    }

    /// <summary>Groups, counts and kiosk screens from the card set; the kiosk stays on the screen it was showing.</summary>
    private void Rebuild()
    {
        var current = _slides.Count > 0 && _rotation is not null ? _slides[Math.Clamp(_rotation.Index, 0, _slides.Count - 1)].Key : null;
        _board = WallBoard.Build(_cards.Values, _route.Grouping, _ref!);
        // Screens are the kiosk's alone: the desktop wall draws groups and keeps none.
        _slides = _route.Kiosk ? _board.Slides(Math.Min(Options.Value.KioskCardsPerScreen, _grid.Cards)) : [];
        if (_rotation is null) return;
        var index = current is null ? 0 : IndexOf(current);
        _rotation.MoveTo(index < 0 ? _rotation.Index : index, _slides.Count);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_measured || !_route.Kiosk || !_loaded || !RendererInfo.IsInteractive) return;
        _measured = true;
        try
        {
            _kioskModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
            // From now on the grid follows the window: a browser moved onto the projector, full screen, a new resolution.
            // The watch goes first and the size is read after it, so a resize between the two is not lost.
            _self = DotNetObjectReference.Create(this);
            _resizeWatch = await _kioskModule.InvokeAsync<IJSObjectReference>("watch", _self, ResizeSettleMs);
            var size = await _kioskModule.InvokeAsync<int[]>("viewport");
            if (size is [var width, var height]) ViewportChanged(width, height);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
        {
        }
    }

    /// <summary>The browser's viewport, at load and after every resize: re-picks the kiosk grid if the size calls for another.</summary>
    [JSInvokable]
    public void ViewportChanged(int width, int height) => _ = InvokeAsync(() =>
    {
        if (IsDisposed) return;
        var grid = KioskGrid.For(width, height);
        if (grid == _grid) return;
        _grid = grid;
        Rebuild();
        StateHasChanged();
    });

    private int IndexOf(string slideKey)
    {
        for (var i = 0; i < _slides.Count; i++) if (_slides[i].Key == slideKey) return i;
        return -1;
    }

    private Task OnRotationTickAsync() => InvokeAsync(() =>
    {
        if (IsDisposed || _rotation is null || _slides.Count < 2) return;
        _rotation.Advance(_slides.Count);
        StateHasChanged();
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _rotation?.Dispose();
        _ = ReleaseKioskAsync();
    }

    /// <summary>Stops listening to resizes; a circuit already gone has nothing left to release.</summary>
    private async Task ReleaseKioskAsync()
    {
        try
        {
            if (_resizeWatch is not null)
            {
                await _resizeWatch.InvokeVoidAsync("dispose");
                await _resizeWatch.DisposeAsync();
            }
            if (_kioskModule is not null) await _kioskModule.DisposeAsync();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _self?.Dispose();
        }
    }
}
