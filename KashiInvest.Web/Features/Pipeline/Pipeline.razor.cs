using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KashiInvest.Web.Features.Pipeline;

/// <summary>
/// 项目全周期看板: every project the user may see, as cards in columns by stage (the main line, then Reserve and
/// Terminated, folded). Filters live in the address. A card moves by drag and drop or by its "move to…" menu, both
/// through <see cref="StageMoveFlow"/> (the rules, the dialog, the command); a refused or cancelled move leaves the card
/// where it was. Holds a snapshot of cards and applies live notices to it, flashing what changed. No polling.
/// </summary>
public sealed partial class Pipeline
{
    private readonly Dictionary<int, PipelineCard> _cards = [];
    private readonly LiveFlash<int> _flash = new();
    private readonly HashSet<ProjectStage> _expanded = [];
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private PipelineFilter _filter = new();
    private IReadOnlyList<PipelineColumn> _columns = [];
    /// <summary>
    /// The cards the board draws (<see cref="_more"/>): the drop container's items. One list, refilled in place: the
    /// container's <c>Refresh</c> (in <see cref="Rebuild"/>) re-reads it before the next render hands it over again.
    /// </summary>
    private readonly List<PipelineCard> _shown = [];
    /// <summary>Cards of each column not drawn.</summary>
    private readonly Dictionary<ProjectStage, int> _hidden = [];
    /// <summary>
    /// Each column draws its first cards (<see cref="PipelineOptions.CardsPerColumn"/>, more after "show more"; reset by a
    /// new filter), and always the cards changed live while the board is open, so a card that moves is seen where it lands.
    /// </summary>
    private readonly ShowMore<ProjectStage> _more = new();
    private MudDropContainer<PipelineCard>? _container;
    private DateTime? _updatedAtUtc;
    private bool _loaded;
    private bool _busy;

    [SupplyParameterFromQuery(Name = PipelineFilter.Keys.County)] public string? County { get; set; }
    [SupplyParameterFromQuery(Name = PipelineFilter.Keys.Chain)] public string? Chain { get; set; }
    [SupplyParameterFromQuery(Name = PipelineFilter.Keys.Tier)] public string? Tier { get; set; }
    [SupplyParameterFromQuery(Name = PipelineFilter.Keys.Region)] public string? Region { get; set; }
    [SupplyParameterFromQuery(Name = PipelineFilter.Keys.Text)] public string? Text { get; set; }

    [Inject] private PipelineQuery Query { get; set; } = default!;
    [Inject] private StageMoveFlow Mover { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<Pipeline> Logger { get; set; } = default!;
    [Inject] private IOptions<PipelineOptions> Settings { get; set; } = default!;

    private int PerColumn => Settings.Value.CardsPerColumn;

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
    }

    /// <summary>Any in-scope notice about a project may move, add or change a card; the feed drops what this user may not see.</summary>
    protected override bool Concerns(ChangeNotice notice) => notice.ProjectId is not null;

    protected override async Task OnParametersSetAsync()
    {
        var filter = PipelineFilter.FromQuery(_ref!, County, Chain, Tier, Region, Text);
        if (_loaded && filter == _filter) return;
        if (filter != _filter) _more.Reset();
        _filter = filter;
        await ReadInTurnAsync(() => LoadAsync(flashChanges: false));
    }

    private Task NavigateAsync(PipelineFilter filter)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filter.ToQuery(_ref!)));
        return Task.CompletedTask;
    }

    private async Task LoadAsync(bool flashChanges)
    {
        var filter = _filter;
        var cards = await Query.GetCardsAsync(_scope!, filter);
        if (IsDisposed || filter != _filter) return;
        var previous = flashChanges ? new Dictionary<int, PipelineCard>(_cards) : null;
        _cards.Clear();
        foreach (var card in cards)
        {
            _cards[card.Id] = card;
            if (previous is not null && (!previous.TryGetValue(card.Id, out var old) || card.LooksDifferentFrom(old))) _flash.Mark(card.Id);
        }
        _loaded = true;
        Rebuild();
    }

    /// <summary>A batch re-reads the cards it names (everything after a reconnect or a gap, flashing what differs).</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        if (changes.Everything)
        {
            await LoadAsync(flashChanges: true);
            return;
        }
        var ids = changes.ProjectIds;
        if (ids.Count > 0) Apply(ids, await Query.GetCardsAsync(_scope!, ids));
    }

    /// <summary>Puts re-read cards in place and flashes them; a card that left the scope or the filter goes.</summary>
    private void Apply(IReadOnlyCollection<int> ids, IReadOnlyList<PipelineCard> fresh)
    {
        var byId = fresh.ToDictionary(c => c.Id);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var card) && _filter.Matches(card))
            {
                _cards[id] = card;
                _flash.Mark(id);
            }
            else
            {
                _cards.Remove(id);
                _flash.Remove(id);
            }
        }
        Rebuild();
    }

    private void Rebuild()
    {
        _columns = PipelineBoard.Build(_cards.Values);
        _shown.Clear();
        _hidden.Clear();
        foreach (var column in _columns)
        {
            var shown = _more.Shown(column.Stage, column.Cards, PerColumn, c => _flash.Of(c.Id) > 0);
            _shown.AddRange(shown);
            if (shown.Count < column.Count) _hidden[column.Stage] = column.Count - shown.Count;
        }
        _updatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        _container?.Refresh();
    }

    private int FlashOf(int id) => _flash.Of(id);

    private void ShowMore(ProjectStage stage)
    {
        _more.More(stage, PerColumn);
        Rebuild();
    }

    private bool IsCollapsed(PipelineColumn column) => column.IsSide && !_expanded.Contains(column.Stage);

    private void Toggle(ProjectStage stage)
    {
        if (!_expanded.Add(stage)) _expanded.Remove(stage);
        _container?.Refresh();
    }

    /// <summary>A card shows in its stage's zone, unless that column is folded (the folded zone still takes drops).</summary>
    private bool InZone(PipelineCard card, string zone) =>
        card.Stage.ToString() == zone && !(card.Stage is ProjectStage.Reserve or ProjectStage.Terminated && !_expanded.Contains(card.Stage));

    private Task OnDroppedAsync(MudItemDropInfo<PipelineCard> drop)
    {
        if (drop.Item is not { } card || !Enum.TryParse<ProjectStage>(drop.DropzoneIdentifier, out var to) || to == card.Stage)
        {
            _container?.Refresh();
            return Task.CompletedTask;
        }
        // Let the drag finish first: the move may wait on a dialog for as long as the user takes.
        _ = MoveFromDropAsync(card, to);
        return Task.CompletedTask;
    }

    private async Task MoveFromDropAsync(PipelineCard card, ProjectStage to)
    {
        try
        {
            await Task.Yield();
            await MoveAsync(card, to);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Moving project {ProjectId} to {Stage} failed", card.Id, to);
        }
    }

    private async Task MoveAsync(PipelineCard card, ProjectStage to)
    {
        if (_busy || IsDisposed) return;
        _busy = true;
        try
        {
            var outcome = await Mover.MoveAsync(_scope!, new StageMoveSubject(card.Id, card.Version, card.Name, card.Stage, card.Coordination), to);
            StageMoveFlow.Report(Snackbar, outcome);
            if (outcome.Status is StageMoveStatus.Saved or StageMoveStatus.Conflict)
            {
                // Our own write: show it at once rather than waiting for the live notice (which flashes it again, harmlessly).
                Apply([card.Id], await Query.GetCardsAsync(_scope!, [card.Id]));
            }
        }
        finally
        {
            _busy = false;
            // A refused or cancelled move leaves the card where its stage says.
            _container?.Refresh();
            StateHasChanged();
        }
    }

    [Inject] private KashiInvest.Web.Shared.Excel.ExcelExporter Exporter { get; set; } = default!;

    /// <summary>The board's cards as a workbook (what the board shows: the user's scope and filters).</summary>
    private Task<KashiInvest.Web.Shared.Excel.ExcelFile> ExportAsync() =>
        Task.FromResult(PipelineExcel.Export(Exporter, T, _ref!, [.. _cards.Values], _filter));
}
