using KashiInvest.Domain.Access;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// The problem ledger's triage board (问题台账, Art. 27–28): a snapshot of the user's entries by status, kept current by
/// the live feed (only the cards a notice names are re-read, then moved and highlighted).
/// </summary>
public partial class Ledger
{
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private LedgerFilter _filter = new();
    private List<LedgerCard> _cards = [];
    /// <summary>When each card was last changed live; part of its key, so its highlight replays on every change.</summary>
    private readonly LiveFlash<int> _flash = new();
    private string? _projectName;
    private bool _loaded;
    private bool _openRaise;

    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.County)] public string? County { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Chain)] public string? Chain { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Category)] public string? Category { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Severity)] public string? Severity { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Level)] public string? Level { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Overdue)] public string? Overdue { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Project)] public string? Project { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.Text)] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.AllResolved)] public string? Resolved { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.AwaitingPrefecture)] public string? Coord { get; set; }
    [SupplyParameterFromQuery(Name = LedgerFilter.Keys.New)] public string? New { get; set; }
    /// <summary>The entry a robot message links to (<c>?problem=N</c>): highlighted and brought into view.</summary>
    [SupplyParameterFromQuery(Name = "problem")] public string? Problem { get; set; }

    [Inject] private LedgerQuery Query { get; set; } = default!;
    [Inject] private ProblemCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<Ledger> Logger { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IOptions<LedgerOptions> Settings { get; set; } = default!;
    [Inject] private ProblemLedgerImport LedgerImport { get; set; } = default!;

    private int? _focus;
    private bool _revealed;
    /// <summary>
    /// The cards a column draws: its first ones in board order (<see cref="LedgerOptions.CardsPerColumn"/>, more after
    /// "show more"; reset by a new filter), and always the entry a link names and the entries changed live while the
    /// page is open, so a card that moves is seen where it lands.
    /// </summary>
    private readonly ShowMore<ProblemStatus> _more = new();

    private int PerColumn => Settings.Value.CardsPerColumn;

    private IReadOnlyList<LedgerCard> Shown(ProblemStatus status, List<LedgerCard> cards) =>
        _more.Shown(status, cards, PerColumn, c => c.Id == _focus || _flash.Of(c.Id) > 0);

    private void ShowMore(ProblemStatus status) => _more.More(status, PerColumn);

    private bool CanRaise => _scope is { Role: not (ActorRole.Display or ActorRole.Department) };

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await ScopeProvider.GetAsync();
        _ref ??= await Reference.GetAsync();
        var filter = LedgerFilter.FromQuery(_ref, County, Chain, Category, Severity, Level, Overdue, QueryValues.Id(Project), Text, Resolved, Coord);
        if (_scope.HostIsFixed) filter = filter with { HostUnitId = null };
        _openRaise = New is "1" or "true";
        var focus = QueryValues.Id(Problem);
        if (focus != _focus) (_focus, _revealed) = (focus, false);
        if (!_loaded || filter != _filter)
        {
            await ReadInTurnAsync(() => LoadAsync(filter));
        }
    }

    /// <summary>
    /// Filter, chips and cards change together: nothing renders a new filter over old cards. Loads take turns
    /// (<see cref="LivePage.ReadInTurnAsync"/>), so a newer filter's load is always applied after an older one's.
    /// </summary>
    private async Task LoadAsync(LedgerFilter filter)
    {
        var projectName = filter.ProjectId == _filter.ProjectId && _loaded ? _projectName
            : filter.ProjectId is { } id ? await Query.ProjectNameAsync(_scope!, id) : null;
        var cards = await Query.LoadAsync(_scope!, filter);
        (_filter, _cards, _projectName, _loaded) = (filter, [.. cards], projectName, true);
        _flash.Clear();
        _more.Reset();
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.Kind is ChangeKinds.ProblemRaised or ChangeKinds.ProblemChanged or ChangeKinds.ProjectUpdated;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focus is { } focus && !_revealed && _loaded && RendererInfo.IsInteractive)
        {
            _revealed = true;
            try
            {
                await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/reveal.js");
                await module.InvokeAsync<bool>("reveal", $"[data-testid=ledger-card][data-problem-id='{focus}']");
            }
            catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
            {
            }
        }
        if (_openRaise)
        {
            // "/ledger?project={id}&new=1" (from the battle map): open the form, then drop "new" so a refresh does not reopen it.
            // (Only once the form is closed: the dialog provider closes every dialog when the address changes.)
            _openRaise = false;
            if (CanRaise) await RaiseAsync(_filter.ProjectId);
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(LedgerFilter.Keys.New, (string?)null), replace: true);
        }
    }

    /// <summary>A batch re-reads the entries it names (everything after a reconnect or a gap).</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        if (changes.Everything)
        {
            await ReloadAsync();
            return;
        }
        var notices = changes.Notices;
        var ids = notices.Where(n => n.Kind != ChangeKinds.ProjectUpdated && n.ItemId is not null).Select(n => n.ItemId!.Value).ToHashSet();
        // A renamed or moved project changes its cards' texts: re-read the cards of that project on the board.
        var projects = notices.Where(n => n.Kind == ChangeKinds.ProjectUpdated).Select(n => n.ProjectId).ToHashSet();
        ids.UnionWith(_cards.Where(c => projects.Contains(c.ProjectId)).Select(c => c.Id));
        if (ids.Count > 0) await RereadAsync(ids);
    }

    /// <summary>Re-reads the named entries after the user's own action, in turn with the live re-reads.</summary>
    private Task RefreshAsync(IReadOnlyCollection<int> ids) => ReadInTurnAsync(() => RereadAsync(ids));

    /// <summary>Re-reads the named entries under the current filter: each one is updated, added, moved or dropped, and highlighted.</summary>
    private async Task RereadAsync(IReadOnlyCollection<int> ids)
    {
        if (_scope is null) return;
        var filter = _filter;
        var fresh = await Query.LoadAsync(_scope, filter, ids);
        if (filter != _filter) return; // the filter changed meanwhile: the full load that came with it is newer
        var freshById = fresh.ToDictionary(c => c.Id);
        _cards.RemoveAll(c => ids.Contains(c.Id) && !freshById.ContainsKey(c.Id));
        foreach (var card in fresh)
        {
            var at = _cards.FindIndex(c => c.Id == card.Id);
            if (at >= 0 && _cards[at] == card) continue; // nothing changed (a notice for what we already show)
            if (at >= 0) _cards[at] = card; else _cards.Add(card);
            _flash.Mark(card.Id);
        }
        _cards.Sort(BoardOrder.Instance);
    }

    /// <summary>After the live connection came back or a gap in the bus: everything may have changed.</summary>
    private async Task ReloadAsync()
    {
        if (_scope is null) return;
        var filter = _filter;
        var cards = await Query.LoadAsync(_scope, filter);
        if (filter == _filter) _cards = [.. cards];
    }

    private Task ApplyFilterAsync(LedgerFilter filter)
    {
        var query = new Dictionary<string, object?>(filter.ToQuery(_ref!)) { [LedgerFilter.Keys.New] = null };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: true);
        return Task.CompletedTask;
    }

    private Task ToggleAwaitingPrefecture() => ApplyFilterAsync(_filter with { AwaitingPrefecture = !_filter.AwaitingPrefecture });

    private Task ToggleAllResolvedAsync() => ApplyFilterAsync(_filter with { AllResolved = !_filter.AllResolved });

    private async Task ActAsync((LedgerCard Card, ProblemAction Action) request)
    {
        var (card, action) = request;
        WriteResult? result;
        if (action == ProblemAction.Started)
        {
            result = await SafeWrite.RunAsync(Logger, () => Commands.StartAsync(_scope!, card.Id, card.Version));
        }
        else
        {
            var parameters = new DialogParameters();
            parameters.Add("Card", card);
            IDialogReference dialog;
            switch (action)
            {
                case ProblemAction.Assigned:
                    parameters.Add("Units", OwnerUnits);
                    dialog = await Dialogs.ShowAsync<AssignProblemDialog>(T["Ledger.Action.Assign"], parameters, Options);
                    break;
                case ProblemAction.Escalated:
                    parameters.Add("NewOwnerName", _ref!.UnitName(NextOwnerUnitId(card)));
                    dialog = await Dialogs.ShowAsync<EscalateProblemDialog>(T["Ledger.Action.Escalate"], parameters, Options);
                    break;
                default:
                    parameters.Add("Action", action);
                    dialog = await Dialogs.ShowAsync<ProblemNoteDialog>(T[action == ProblemAction.Resolved ? "Ledger.Action.Resolve" : "Ledger.Action.Reopen"], parameters, Options);
                    break;
            }
            var closed = await dialog.Result;
            if (closed is null || closed.Canceled || closed.Data is not WriteResult written) return;
            result = written;
        }
        Report(result, action);
        await RefreshSafelyAsync(card.Id);
    }

    /// <summary>
    /// What became of an action, as a snackbar. A conflict means someone acted on the entry meanwhile: nothing was
    /// overwritten, and the card is re-read to show what they did.
    /// </summary>
    private void Report(WriteResult result, ProblemAction action)
    {
        var feedback = WriteFeedback.Of(T, result, saved: T[$"Ledger.Done.{action}"], conflict: T["Ledger.Conflict"], notFound: T["Ledger.Gone"]);
        if (feedback.Message is null && result.Errors is [var first, ..]) feedback = feedback with { Message = T.Rule(first.Violation) };
        feedback.Show(Snackbar);
    }

    /// <summary>Re-reads one card after a write; if that read fails, the board stays as it is (the live feed catches up).</summary>
    private async Task RefreshSafelyAsync(int id)
    {
        try { await RefreshAsync([id]); }
        catch (Exception ex) { Logger.LogWarning(ex, "Re-reading ledger entry {ProblemId} failed", id); }
    }

    private async Task RaiseAsync(int? projectId)
    {
        var parameters = new DialogParameters<RaiseProblemDialog>
        {
            { x => x.ProjectId, projectId },
            { x => x.Units, OwnerUnits },
            { x => x.Ref, _ref },
        };
        var dialog = await Dialogs.ShowAsync<RaiseProblemDialog>(T["Ledger.Raise"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var closed = await dialog.Result;
        if (closed is null || closed.Canceled || closed.Data is not WriteResult { Status: WriteStatus.Saved, Id: { } id }) return;
        Snackbar.Add(T["Ledger.Done.Raised"], MudBlazor.Severity.Success);
        await RefreshSafelyAsync(id);
    }

    private Task ShowHistoryAsync(LedgerCard card) =>
        Dialogs.ShowAsync<ProblemHistoryDialog>(T["Ledger.History.Title"],
            new DialogParameters<ProblemHistoryDialog> { { x => x.Card, card }, { x => x.Ref, _ref } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });

    private static DialogOptions Options => new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    /// <summary>Units that can own an entry: everyone but the leaders' office, the Bureau and the hosts first.</summary>
    private IReadOnlyList<UnitInfo> OwnerUnits => _ref!.Units.Where(u => u.Type != UnitType.LeadersOffice).OrderBy(u => u.Type).ThenBy(u => u.Id).ToList();

    /// <summary>Who owns the entry one level up, as <see cref="ProblemCommands.EscalateAsync"/> decides it.</summary>
    private int? NextOwnerUnitId(LedgerCard card) => card.Level == EscalationLevel.County
        ? _ref!.Chain(card.ChainId)?.LeadUnitId
        : _ref!.Units.Where(u => u.Type == UnitType.Bureau).OrderBy(u => u.Id).FirstOrDefault()?.Id;

    [Inject] private KashiInvest.Web.Shared.Excel.ExcelExporter Exporter { get; set; } = default!;

    /// <summary>The ledger's entries as a workbook (what the ledger lists: the user's scope and filters).</summary>
    private Task<KashiInvest.Web.Shared.Excel.ExcelFile> ExportAsync() =>
        Task.FromResult(LedgerExcel.Export(Exporter, T, _ref!, [.. _cards], _filter, _projectName));
}
