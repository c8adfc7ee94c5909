using KashiInvest.Domain.Access;
using KashiInvest.Domain.Triage;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Triage;

/// <summary>The triage queue (Art. 19): leads in Lead and Triage, who they wait on, and the steps open to the user; kept live.</summary>
public partial class TriagePage : IDisposable
{
    private static readonly TriageWaitingOn?[] Filters = [null, TriageWaitingOn.Bureau, TriageWaitingOn.Leader, TriageWaitingOn.LeadingGroup, TriageWaitingOn.County];

    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private List<TriageRow>? _rows;
    private TriageWaitingOn? _waiting;
    private bool _mineOnly;
    private IDisposable? _live;
    private bool _liveOn;

    [Inject] private TriageQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private LiveFeed Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IEnumerable<TriageRow> Visible => (_rows ?? []).Where(r => (_waiting is null || r.WaitingOn == _waiting) && (!_mineOnly || r.MyActions.Count > 0));

    private int Count(TriageWaitingOn? w) => (_rows ?? []).Count(r => w is null || r.WaitingOn == w);

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        _rows = [.. await Query.LoadAsync(_scope)];
        // Each unit lands on what waits on it.
        _mineOnly = _rows.Any(r => r.MyActions.Count > 0) && _scope.Role is not (ActorRole.Administrator or ActorRole.Display);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _live = Live.Subscribe(
            n => n.Kind is ChangeKinds.TriageChanged or ChangeKinds.ProjectStageChanged or ChangeKinds.ProjectCreated or ChangeKinds.ProjectUpdated,
            notices => InvokeAsync(() => RefreshAsync(notices.Select(n => n.ProjectId!.Value).ToHashSet())),
            () => InvokeAsync(ReloadAsync));
        _liveOn = true;
        StateHasChanged();
    }

    /// <summary>Re-reads the named projects: each row is updated, added or dropped (a project that left triage).</summary>
    private async Task RefreshAsync(IReadOnlyCollection<int> ids)
    {
        if (_scope is null || _rows is null) return;
        var fresh = await Query.LoadAsync(_scope, ids);
        _rows.RemoveAll(r => ids.Contains(r.ProjectId));
        _rows.AddRange(fresh);
        _rows = [.. _rows.OrderBy(r => r.WaitingOn).ThenByDescending(r => r.AgeDays).ThenBy(r => r.Code)];
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        if (_scope is null) return;
        _rows = [.. await Query.LoadAsync(_scope)];
        StateHasChanged();
    }

    private async Task OpenAsync(TriageRow row, TriageAction action)
    {
        var parameters = new DialogParameters<TriageDialog> { { x => x.Row, row }, { x => x.Action, action } };
        var dialog = await Dialogs.ShowAsync<TriageDialog>(T[$"Triage.Do.{action}"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled) return;
        Snackbar.Add(T["Triage.Done", T.Enum(action)], Severity.Success);
        await RefreshAsync([row.ProjectId]);
    }

    private static Color WaitingColor(TriageWaitingOn w) => w switch
    {
        TriageWaitingOn.Bureau => Color.Primary,
        TriageWaitingOn.Leader => Color.Warning,
        TriageWaitingOn.LeadingGroup => Color.Error,
        TriageWaitingOn.County => Color.Info,
        _ => Color.Default,
    };

    public void Dispose() => _live?.Dispose();
}
