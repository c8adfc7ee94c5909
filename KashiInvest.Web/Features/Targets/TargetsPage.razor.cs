using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Targets;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Targets;

/// <summary>
/// The target-enterprise library (Art. 16): the Bureau keeps and pushes entries; each receiving unit sees its pushes
/// in the inbox and records what it has done. Kept current by the live feed (re-read under the user's scope).
/// </summary>
public partial class TargetsPage
{
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private TargetFilter _filter = new();
    private IReadOnlyList<TargetRow> _targets = [];
    private IReadOnlyList<InboxRow> _pushes = [];
    private bool _inbox;
    private bool _seesAll;
    private bool _canManage;
    private bool _canFileLead;
    private bool _loaded;

    // Bound as text: a query value that is not a number must not fail the page (see QueryValues).
    [SupplyParameterFromQuery(Name = "push")] public string? PushQuery { get; set; }

    private int? Push => QueryValues.Id(PushQuery);

    // "Find targets for this link" on a chain map opens the library filtered to the chain and link.
    [SupplyParameterFromQuery(Name = "chain")] public string? ChainQuery { get; set; }
    [SupplyParameterFromQuery(Name = "link")] public string? LinkQuery { get; set; }
    private bool _filterFromQuery;

    [Inject] private TargetLibraryQuery Query { get; set; } = default!;
    [Inject] private TargetCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await ScopeProvider.GetAsync();
        _ref ??= await Reference.GetAsync();
        _seesAll = TargetAccess.SeesAllTargets(_scope);
        _canManage = TargetAccess.CanManageTargets(_scope);
        _canFileLead = LeadAccess.CanFileLead(_scope);
        // Units that do not keep the library see their inbox at /targets.
        _inbox = !_seesAll || Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith("targets/inbox", StringComparison.OrdinalIgnoreCase);
        if (!_filterFromQuery && QueryValues.Id(ChainQuery) is { } chain)
        {
            _filterFromQuery = true;
            _filter = _filter with { ChainId = chain, LinkId = QueryValues.Id(LinkQuery) };
        }
        await LoadAsync();
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind is ChangeKinds.TargetChanged or ChangeKinds.TargetPushed or ChangeKinds.TargetStatus;

    /// <summary>An entry added or changed, a push or a follow-up re-reads the list shown (one query under the user's scope).</summary>
    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    /// <summary>Reads the list shown, in turn with the live re-reads.</summary>
    private Task LoadAsync() => ReadInTurnAsync(ReadAsync);

    private async Task ReadAsync()
    {
        if (_inbox) _pushes = await Query.InboxAsync(_scope!, _filter);
        else _targets = await Query.SearchAsync(_scope!, _filter);
        _loaded = true;
    }

    private async Task ApplyAsync(TargetFilter filter)
    {
        _filter = filter;
        await LoadAsync();
    }

    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private async Task EditAsync(TargetRow? row)
    {
        var model = row is null ? new TargetFormModel() : new TargetFormModel
        {
            Id = row.Id, Version = row.Version, Name = row.Name, CreditCode = row.CreditCode, ChainId = row.ChainId, ChainLinkId = row.LinkId,
            Region = row.Region, Tiers = row.Tiers.Split().ToList(), Notes = row.Notes,
        };
        var dialog = await Dialogs.ShowAsync<TargetDialog>(T[row is null ? "Targets.Add" : "Targets.Edit"], new DialogParameters<TargetDialog> { { d => d.Model, model }, { d => d.Ref, _ref } }, Options);
        var closed = await dialog.Result;
        if (closed is { Canceled: false, Data: WriteResult { Status: WriteStatus.Saved } })
        {
            Snackbar.Add(T["Targets.Saved"], Severity.Success);
            await LoadAsync();
        }
        else if (closed is { Data: WriteResult { Status: WriteStatus.Conflict } })
        {
            Snackbar.Add(T["Write.Conflict"], Severity.Warning);
            await LoadAsync();
        }
    }

    private async Task PushAsync(TargetRow row)
    {
        var dialog = await Dialogs.ShowAsync<PushDialog>(T["Targets.Push"], new DialogParameters<PushDialog> { { d => d.Target, row }, { d => d.Ref, _ref } }, Options);
        var closed = await dialog.Result;
        if (closed is { Canceled: false, Data: PushResult { Result.Status: WriteStatus.Saved } pushed })
        {
            Snackbar.Add(T["Targets.Pushed", pushed.Pushed], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task FollowUpAsync(InboxRow row)
    {
        var dialog = await Dialogs.ShowAsync<FollowUpDialog>(T["Targets.FollowUp"], new DialogParameters<FollowUpDialog> { { d => d.Row, row } }, Options);
        var closed = await dialog.Result;
        if (closed is { Canceled: false, Data: WriteResult written })
        {
            WriteFeedback.Of(T, written, saved: T["Targets.Recorded"]).Show(Snackbar);
            await LoadAsync();
        }
    }

    [Inject] private KashiInvest.Web.Shared.Excel.ExcelExporter Exporter { get; set; } = default!;
    [Inject] private TargetLibraryImport LibraryImport { get; set; } = default!;

    /// <summary>The library's targets as a workbook (what the library lists: the user's scope and filters).</summary>
    private Task<KashiInvest.Web.Shared.Excel.ExcelFile> ExportAsync() =>
        Task.FromResult(TargetsExcel.Export(Exporter, T, _ref!, [.. _targets], _filter));
}
