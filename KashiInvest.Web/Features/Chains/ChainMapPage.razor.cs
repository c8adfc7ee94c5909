using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Targets;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KashiInvest.Web.Features.Chains;

/// <summary>
/// One chain's map (产业链图谱): the links in three columns with their flows, and the panel of the link clicked. The chain
/// lead edits, the Bureau comments (on the map or on a link) and pushes a link's targets with the library's own push
/// dialog, everyone reads; <c>?kiosk=1</c> draws it large for the projector. Re-read on a change of this map and on
/// project or target changes on this chain.
/// </summary>
public partial class ChainMapPage
{
    private UserScope? _scope;
    private ChainMapView? _map;
    private int? _selected;
    private bool _loaded;
    private bool _canEdit;
    private bool _canComment;
    private bool _canPush;

    [Parameter] public int Id { get; set; }

    [SupplyParameterFromQuery(Name = "kiosk")] public string? KioskQuery { get; set; }

    [SupplyParameterFromQuery(Name = "link")] public string? LinkQuery { get; set; }

    [Inject] private ChainMapQuery Query { get; set; } = default!;
    [Inject] private ChainCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IOptions<ChainMapOptions> Options { get; set; } = default!;
    [Inject] private TargetLibraryQuery Targets { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private bool IsKiosk => KioskQuery is "1" or "true";

    private ChainLink? SelectedLink => _selected is { } id ? _map?.Chain.FindLink(id) : null;

    /// <summary>
    /// Map notices (ItemId = chain id) and the project and target notices of a chain (their ChainId) concern a map page;
    /// <paramref name="chainId"/> null: any chain (the overview).
    /// </summary>
    public static bool ConcernsMaps(ChangeNotice notice, int? chainId) =>
        notice.Kind switch
        {
            ChangeKinds.ChainChanged => chainId is null || notice.ItemId == chainId,
            ChangeKinds.ProjectCreated or ChangeKinds.ProjectUpdated or ChangeKinds.ProjectStageChanged or ChangeKinds.TriageChanged
                or ChangeKinds.EvaluationRecorded => chainId is null || notice.ChainId == chainId,
            // Target notices carry the target's chain (a library entry added or changed, or a push and its follow-up); an
            // entry or a project moved to another chain is sent once per chain, so the map it left re-reads too.
            ChangeKinds.TargetChanged or ChangeKinds.TargetPushed or ChangeKinds.TargetStatus => chainId is null || notice.ChainId == chainId,
            _ => false,
        };

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await ScopeProvider.GetAsync();
        if (_selected is null && int.TryParse(LinkQuery, out var link)) _selected = link;
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => ConcernsMaps(notice, Id);

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        _map = await Query.MapAsync(_scope!, Id);
        _canEdit = _map is not null && ChainAccess.CanEditMap(_scope!, _map.Chain.LeadUnitId);
        _canComment = _map is not null && ChainAccess.CanComment(_scope!, _map.Chain.LeadUnitId);
        _canPush = TargetAccess.CanManageTargets(_scope!);
        if (_selected is { } s && _map?.Chain.FindLink(s) is null) _selected = null;
        _loaded = true;
    }

    private Task SelectAsync(int linkId)
    {
        _selected = _selected == linkId ? null : linkId;
        return Task.CompletedTask;
    }

    private async Task WrittenAsync(WriteResult result)
    {
        WriteFeedback.Of(T, result, saved: T["Chains.Saved"]).Show(Snackbar);
        await ReadInTurnAsync(ReadAsync);
    }

    private async Task AddLinkAsync(AddLinkForm.Model model)
    {
        var result = await Commands.AddLinkAsync(_scope!, Id, _map!.Chain.Version, model.Name, model.NameEn, model.Segment, model.Status);
        await WrittenAsync(result);
    }

    private async Task<WriteResult> CommentAsync(int? linkId, string? text)
    {
        var result = await Commands.CommentAsync(_scope!, Id, _map!.Chain.Version, linkId, text);
        await WrittenAsync(result);
        return result;
    }

    private static readonly DialogOptions PushOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>
    /// Pushes one of the link's targets with the target library's dialog and command (recipients by chain and by region,
    /// a unit receives a target once); the map re-reads to show the new follow-up state.
    /// </summary>
    private async Task PushAsync(int targetId)
    {
        var linkId = _selected;
        var row = (await Targets.SearchAsync(_scope!, new TargetFilter(ChainId: Id, LinkId: linkId))).FirstOrDefault(t => t.Id == targetId);
        if (row is null)
        {
            // Moved to another link or removed since the map was read.
            Snackbar.Add(T["Write.NotFound"], Severity.Warning);
            await ReadInTurnAsync(ReadAsync);
            return;
        }
        var reference = await Reference.GetAsync();
        var dialog = await Dialogs.ShowAsync<PushDialog>(T["Targets.Push"], new DialogParameters<PushDialog> { { d => d.Target, row }, { d => d.Ref, reference } }, PushOptions);
        var closed = await dialog.Result;
        if (closed is { Canceled: false, Data: PushResult pushed })
        {
            if (pushed.Result.Status == WriteStatus.Saved) Snackbar.Add(T["Targets.Pushed", pushed.Pushed], Severity.Success);
            else WriteFeedback.Of(T, pushed.Result).Show(Snackbar);
            await ReadInTurnAsync(ReadAsync);
        }
    }
}
