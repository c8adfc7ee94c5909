using KashiInvest.Domain.Access;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>
/// The commitments board (<c>/commitments</c>): every policy commitment the user may see, overdue first, with the
/// totals promised, due, honoured and overdue; filtered by county, responsible department and state. Live: a
/// commitment notice re-reads the board (the notice only says that something changed; the rows come from the query
/// under the user's scope).
/// </summary>
public partial class CommitmentsPage
{
    private const string OverdueFilter = "overdue";

    private UserScope? _scope;
    private ReferenceCache.Snapshot? _units;
    private IReadOnlyList<CommitmentRow> _rows = [];
    private List<CommitmentRow> _shown = [];
    private CommitmentTotals _totals = CommitmentTotals.Of([]);
    private IReadOnlyList<UnitInfo> _counties = [];
    private IReadOnlyList<UnitInfo> _departments = [];
    private bool _loading = true;
    private int? _county;
    private int? _department;
    private string? _state;
    private IReadOnlyList<RecordableProject> _recordable = [];

    [Inject] private CommitmentBoardQuery Query { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private CommitmentDetailQuery Details { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;


    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        _units = await Reference.GetAsync();
        _counties = _units.HostUnits.ToList();
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.CommitmentChanged;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _rows = await Query.ListAsync(_scope, ct: Disposing);
        _recordable = await Details.RecordableAsync(_scope, ct: Disposing);
        var responsible = _rows.Select(r => r.ResponsibleUnitId).ToHashSet();
        _departments = _units?.Units.Where(u => responsible.Contains(u.Id)).OrderBy(u => u.Type == UnitType.Department ? 0 : 1).ThenBy(u => u.Id).ToList() ?? [];
        Filter();
        _loading = false;
        // A commitment turns overdue with the calendar, not with a notice.
        RereadAtBeijingMidnight();
    }


    /// <summary>Records a commitment on one of the signed projects the user may record on.</summary>
    private async Task RecordAsync()
    {
        if (_units is null) return;
        var parameters = new DialogParameters<CommitmentDialog> { { d => d.Projects, _recordable }, { d => d.Units, CommitmentUnits.Of(_units) } };
        var dialog = await Dialogs.ShowAsync<CommitmentDialog>(T["Commitments.Record"], parameters, CommitmentDetailDialog.Options);
        if (await dialog.Result is not { Canceled: false, Data: WriteResult result }) return;
        WriteFeedback.Of(T, result, saved: T["Commitments.Recorded"]).Show(Snackbar);
        if (result.Id is { } id) await OpenAsync(id);
    }

    /// <summary>Opens a commitment: its facts, history and the buttons the user's role allows; re-reads after a saved action.</summary>
    private async Task OpenAsync(int id)
    {
        var parameters = new DialogParameters<CommitmentDetailDialog> { { d => d.CommitmentId, id } };
        var dialog = await Dialogs.ShowAsync<CommitmentDetailDialog>(T["Commitments.Detail"], parameters, CommitmentDetailDialog.WideOptions);
        if (await dialog.Result is { Canceled: false, Data: true }) await RereadInTurnAsync(ReadAsync);
    }

    private void Filter()
    {
        IEnumerable<CommitmentRow> rows = _rows;
        if (_county is { } county) rows = rows.Where(r => r.HostUnitId == county);
        if (_department is { } department) rows = rows.Where(r => r.ResponsibleUnitId == department);
        if (_state == OverdueFilter) rows = rows.Where(r => r.IsOverdue);
        else if (Enum.TryParse<Domain.Commitments.CommitmentStatus>(_state, out var status)) rows = rows.Where(r => r.Status == status);
        _shown = rows.ToList();
        _totals = CommitmentTotals.Of(_shown);
    }
}
