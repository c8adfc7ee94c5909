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
public partial class TriagePage
{
    private static readonly TriageWaitingOn?[] Filters = [null, TriageWaitingOn.Bureau, TriageWaitingOn.Leader, TriageWaitingOn.LeadingGroup, TriageWaitingOn.County];

    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private List<TriageRow>? _rows;
    private TriageWaitingOn? _waiting;
    private bool _mineOnly;

    [Inject] private TriageQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IEnumerable<TriageRow> Visible => (_rows ?? []).Where(r => (_waiting is null || r.WaitingOn == _waiting) && (!_mineOnly || r.MyActions.Count > 0));

    private int Count(TriageWaitingOn? w) => (_rows ?? []).Count(r => w is null || r.WaitingOn == w);

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        var scope = _scope;
        await ReadInTurnAsync(async () =>
        {
            _rows = [.. await Query.LoadAsync(scope)];
            // Each unit lands on what waits on it.
            _mineOnly = _rows.Any(r => r.MyActions.Count > 0) && scope.Role is not (ActorRole.Administrator or ActorRole.Display);
        });
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.Kind is ChangeKinds.TriageChanged or ChangeKinds.ProjectStageChanged or ChangeKinds.ProjectCreated or ChangeKinds.ProjectUpdated;

    /// <summary>A batch re-reads the projects it names (all of them after a reconnect or a gap).</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        if (_scope is null) return;
        if (changes.Everything) _rows = [.. await Query.LoadAsync(_scope)];
        else await RereadAsync(changes.ProjectIds);
    }

    /// <summary>Re-reads the named projects after the user's own step, in turn with the live re-reads.</summary>
    private Task RefreshAsync(IReadOnlyCollection<int> ids) => ReadInTurnAsync(async () =>
    {
        await RereadAsync(ids);
        StateHasChanged();
    });

    /// <summary>Re-reads the named projects: each row is updated, added or dropped (a project that left triage).</summary>
    private async Task RereadAsync(IReadOnlyCollection<int> ids)
    {
        if (_scope is null || _rows is null || ids.Count == 0) return;
        var fresh = await Query.LoadAsync(_scope, ids);
        _rows.RemoveAll(r => ids.Contains(r.ProjectId));
        _rows.AddRange(fresh);
        _rows = [.. _rows.OrderBy(r => r.WaitingOn).ThenByDescending(r => r.AgeDays).ThenBy(r => r.Code)];
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
}
