using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace KashiInvest.Web.Features.Alerts;

/// <summary>
/// The alert centre (预警中心): the alerts the user may see, filtered from the URL, kept current by the live feed
/// (a raised, cleared or acknowledged alert re-reads the list; the rows that changed are highlighted).
/// </summary>
public partial class AlertsPage
{
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private AlertFilter _filter = new();
    private List<AlertRow> _rows = [];
    private HashSet<int> _flash = [];
    private bool _loaded;

    [SupplyParameterFromQuery(Name = AlertFilter.Keys.County)] public string? County { get; set; }
    [SupplyParameterFromQuery(Name = AlertFilter.Keys.Chain)] public string? Chain { get; set; }
    [SupplyParameterFromQuery(Name = AlertFilter.Keys.Type)] public string? Type { get; set; }
    [SupplyParameterFromQuery(Name = AlertFilter.Keys.Severity)] public string? Severity { get; set; }
    [SupplyParameterFromQuery(Name = AlertFilter.Keys.State)] public string? State { get; set; }
    [SupplyParameterFromQuery(Name = AlertFilter.Keys.Project)] public string? Project { get; set; }
    /// <summary>The alert a robot message links to (<c>?alert=N</c>): marked and brought into view.</summary>
    [SupplyParameterFromQuery(Name = "alert")] public string? Alert { get; set; }

    [Inject] private AlertsQuery Query { get; set; } = default!;
    [Inject] private AlertWords Words { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private int? _focus;
    private bool _revealed;

    private bool CanAcknowledge => _scope is { Role: not ActorRole.Display };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focus is not { } focus || _revealed || !_loaded || !RendererInfo.IsInteractive) return;
        _revealed = true;
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/reveal.js");
            await module.InvokeAsync<bool>("reveal", $"[data-testid=alert-row][data-alert-id='{focus}']");
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
        {
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await ScopeProvider.GetAsync();
        _ref ??= await Reference.GetAsync();
        var filter = AlertFilter.FromQuery(_ref, County, Chain, Type, Severity, State, QueryValues.Id(Project));
        var focus = QueryValues.Id(Alert);
        if (focus != _focus) (_focus, _revealed) = (focus, false);
        if (!_loaded || filter != _filter)
        {
            await ReadInTurnAsync(async () =>
            {
                var rows = await Query.LoadAsync(_scope, filter);
                (_filter, _rows, _loaded) = (filter, [.. rows], true);
                _flash = [];
            });
        }
    }

    protected override bool Concerns(ChangeNotice notice) => IsAlertNotice(notice);

    /// <summary>Any alert notice re-reads the list (it is one query); the alerts the batch names flash.</summary>
    protected override Task ApplyAsync(LiveChanges changes) => ReadListAsync(changes.Notices);

    public static bool IsAlertNotice(ChangeNotice n) => n.Kind is ChangeKinds.AlertRaised or ChangeKinds.AlertCleared or ChangeKinds.AlertAcknowledged;

    private Task ReloadAsync(IReadOnlyList<ChangeNotice> notices) => ReadInTurnAsync(async () =>
    {
        await ReadListAsync(notices);
        StateHasChanged();
    });

    private async Task ReadListAsync(IReadOnlyList<ChangeNotice> notices)
    {
        if (_scope is null) return;
        var filter = _filter;
        var rows = await Query.LoadAsync(_scope, filter);
        if (filter != _filter) return;
        _rows = [.. rows];
        _flash = notices.Where(n => n.ItemId is not null).Select(n => n.ItemId!.Value).ToHashSet();
    }

    private Task SetAsync(AlertFilter filter)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filter.ToQuery(_ref!)), replace: true);
        return Task.CompletedTask;
    }

    private async Task AcknowledgeAsync(AlertRow row)
    {
        var parameters = new DialogParameters<AcknowledgeAlertDialog> { { d => d.Row, row } };
        var dialog = await Dialogs.ShowAsync<AcknowledgeAlertDialog>(T["Alerts.Ack"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled) return;
        Snackbar.Add(T["Alerts.Ack.Done"], MudBlazor.Severity.Success);
        await ReloadAsync([]);
    }

    [Inject] private KashiInvest.Web.Shared.Excel.ExcelExporter Exporter { get; set; } = default!;

    /// <summary>The listed alerts as a workbook (the user's scope and filters).</summary>
    private Task<KashiInvest.Web.Shared.Excel.ExcelFile> ExportAsync() =>
        Task.FromResult(AlertsExcel.Export(Exporter, T, Words, _ref!, [.. _rows], _filter));
}
