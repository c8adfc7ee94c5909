using KashiInvest.Domain.Access;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>
/// The complaint register (<c>/complaints</c>): the Bureau accepts or refuses each filed complaint (a reason is needed)
/// and assigns a unit with a due day; a unit sees the complaints assigned to it and answers; open ones first, overdue
/// first. Live: a complaint notice (filed, registered, assigned, answered, rated) or an integrity notice (a complaint turned
/// into a case, the case stepped) re-reads the register under the user's scope; it also re-reads at Beijing midnight, when
/// complaints turn overdue. A founded complaint (accepted and not refused) turns into an integrity case from here.
/// </summary>
public partial class ComplaintsPage
{
    private UserScope? _scope;
    private IReadOnlyList<ComplaintRow> _rows = [];
    private IReadOnlyList<UnitInfo> _assignable = [];
    private IReadOnlyList<UnitInfo> _units = [];
    private readonly Dictionary<int, RowEdit> _edits = [];
    private bool _loading = true;
    private bool _busy;

    [Inject] private ComplaintListQuery Query { get; set; } = default!;
    [Inject] private ComplaintCommands Commands { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool CanRegister => _scope is not null && ComplaintAccess.CanRegister(_scope);

    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        var reference = await Reference.GetAsync();
        _units = reference.Units;
        _assignable = reference.Units.Where(u => u.Type is UnitType.County or UnitType.DevelopmentZone or UnitType.Department or UnitType.Bureau)
            .OrderBy(u => u.Type == UnitType.Department ? 1 : 0).ThenBy(u => u.Id).ToList();
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind is ChangeKinds.ComplaintChanged or ChangeKinds.IntegrityChanged;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _rows = await Query.ListAsync(_scope, Disposing);
        _loading = false;
        RereadAtBeijingMidnight();
    }

    private RowEdit EditOf(int id) => _edits.TryGetValue(id, out var e) ? e : _edits[id] = new RowEdit();

    private string? UnitName(int? id) => id is { } u ? _units.FirstOrDefault(x => x.Id == u)?.Display : null;

    private Task AcceptAsync(ComplaintRow r) => RunAsync(r, () => Commands.AcceptAsync(_scope!, r.Id, r.Version, null), "Complaints.Accepted");

    private Task RefuseAsync(ComplaintRow r) => RunAsync(r, () => Commands.RefuseAsync(_scope!, r.Id, r.Version, EditOf(r.Id).Reason), "Complaints.Refused");

    private Task AssignAsync(ComplaintRow r)
    {
        var edit = EditOf(r.Id);
        if (edit.UnitId is not { } unit)
        {
            edit.Error = T["Rule.Field.Required"];
            return Task.CompletedTask;
        }
        var due = edit.DueOn is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        return RunAsync(r, () => Commands.AssignAsync(_scope!, r.Id, r.Version, unit, due), "Complaints.Assigned");
    }

    private Task AnswerAsync(ComplaintRow r) => RunAsync(r, () => Commands.AnswerAsync(_scope!, r.Id, r.Version, EditOf(r.Id).Reply), "Complaints.Answered");

    private async Task RunAsync(ComplaintRow r, Func<Task<WriteResult>> write, string savedKey)
    {
        if (_busy || _scope is null) return;
        _busy = true;
        try
        {
            await RowWriteAsync(T, write, e => EditOf(r.Id).Error = e, () => { _edits.Remove(r.Id); Snackbar.Add(T[savedKey], Severity.Success); }, ReadAsync);
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class RowEdit
    {
        public string? Reason { get; set; }
        public string? Reply { get; set; }
        public int? UnitId { get; set; }
        public DateTime? DueOn { get; set; }
        public string? Error { get; set; }
    }
}
