using KashiInvest.Domain.Access;
using KashiInvest.Domain.Integrity;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KashiInvest.Web.Features.Integrity;

/// <summary>
/// The integrity ledger (<c>/integrity</c>, 违约失信专项整治): cases of a government unit failing a commitment or a
/// contract, open ones first and overdue first. The Bureau opens a case (from a founded complaint — <c>?complaint=</c>
/// from the register —, an overdue commitment picked in the form, or by hand), verifies a reported rectification or
/// sends it back, and records a breach of trust (an overdue commitment also opens the form with <c>?commitment=</c>); the responsible unit enters its plan and reports it rectified; leaders
/// read; other units see nothing of it. Live: an integrity notice re-reads the ledger under the user's scope, and the
/// ledger re-reads at Beijing midnight, when cases turn overdue.
/// </summary>
public partial class IntegrityPage
{
    private UserScope? _scope;
    private IReadOnlyList<IntegrityRow> _rows = [];
    private IReadOnlyList<UnitInfo> _units = [];
    private IReadOnlyList<UnitInfo> _allUnits = [];
    private IReadOnlyList<OverdueCommitment> _overdueCommitments = [];
    private readonly Dictionary<int, RowEdit> _edits = [];
    private CaseForm _form = new();
    private IReadOnlyDictionary<string, string> _fieldErrors = new Dictionary<string, string>();
    private string? _formError;
    private bool _showForm;
    private bool _loading = true;
    private bool _busy;

    [SupplyParameterFromQuery(Name = "complaint")] public int? ComplaintQuery { get; set; }
    [SupplyParameterFromQuery(Name = "commitment")] public int? CommitmentQuery { get; set; }

    [Inject] private IntegrityQuery Query { get; set; } = default!;
    [Inject] private IntegrityCommands Commands { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IOptions<IntegritySettings> Settings { get; set; } = default!;

    private bool CanSupervise => _scope is not null && IntegrityAccess.CanSupervise(_scope);

    private int DefaultDays => Settings.Value.RectifyWithinDays;

    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        var reference = await Reference.GetAsync();
        _allUnits = reference.Units;
        _units = reference.Units.Where(u => u.Type is UnitType.County or UnitType.DevelopmentZone or UnitType.Department or UnitType.Bureau)
            .OrderBy(u => u.Type == UnitType.Department ? 1 : 0).ThenBy(u => u.Id).ToList();
        if (CanSupervise)
        {
            _overdueCommitments = await Query.OverdueCommitmentsAsync(_scope!);
            if (ComplaintQuery is { } complaintId && await Query.DraftFromComplaintAsync(_scope!, complaintId) is { } draft)
            {
                _form = CaseForm.From(draft);
                _form.ComplaintLabel = draft.Title;
                _showForm = true;
            }
            else if (CommitmentQuery is { } commitmentId && _overdueCommitments.Any(c => c.Id == commitmentId))
            {
                PickCommitment(commitmentId);
                _showForm = true;
            }
        }
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.IntegrityChanged;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _rows = await Query.ListAsync(_scope, Disposing);
        _loading = false;
        // A case turns overdue with the calendar, not with a notice.
        RereadAtBeijingMidnight();
    }

    private RowEdit EditOf(int id) => _edits.TryGetValue(id, out var e) ? e : _edits[id] = new RowEdit();

    private string UnitName(int id) => _allUnits.FirstOrDefault(u => u.Id == id)?.Display ?? $"#{id}";

    private static Color StatusColor(IntegrityCaseStatus status) => status switch
    {
        IntegrityCaseStatus.Open => Color.Warning,
        IntegrityCaseStatus.Rectifying => Color.Info,
        IntegrityCaseStatus.Reported => Color.Primary,
        IntegrityCaseStatus.Rectified => Color.Success,
        _ => Color.Error,
    };

    private bool FieldError(string field) => _fieldErrors.ContainsKey(field);

    private string? FieldText(string field) => _fieldErrors.GetValueOrDefault(field);

    private void PickCommitment(int? id)
    {
        _form.CommitmentId = id;
        if (id is null || _overdueCommitments.FirstOrDefault(c => c.Id == id) is not { } c) return;
        var draft = IntegrityQuery.Draft(c);
        var keep = _form.ComplaintId;
        var label = _form.ComplaintLabel;
        _form = CaseForm.From(draft with { ComplaintId = keep });
        _form.ComplaintLabel = label;
    }

    private void CancelForm()
    {
        _showForm = false;
        _form = new CaseForm();
        _fieldErrors = new Dictionary<string, string>();
        _formError = null;
    }

    private async Task OpenAsync()
    {
        if (_busy || _scope is null) return;
        _busy = true;
        _formError = null;
        _fieldErrors = new Dictionary<string, string>();
        try
        {
            var result = await Commands.OpenAsync(_scope, _form.ToInput());
            if (result.Status == WriteStatus.Saved)
            {
                Snackbar.Add(T["Integrity.Opened"], Severity.Success);
                _showForm = false;
                _form = new CaseForm();
                _overdueCommitments = await Query.OverdueCommitmentsAsync(_scope);
                await RereadInTurnAsync(ReadAsync);
                return;
            }
            var feedback = WriteFeedback.Of(T, result);
            _fieldErrors = feedback.FieldErrors;
            _formError = feedback.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private Task EnterPlanAsync(IntegrityRow r) => RunAsync(r, () => Commands.EnterPlanAsync(_scope!, r.Id, r.Version, EditOf(r.Id).Plan), "Integrity.PlanSaved");

    private Task ReportAsync(IntegrityRow r) => RunAsync(r, () => Commands.ReportRectifiedAsync(_scope!, r.Id, r.Version, EditOf(r.Id).Report), "Integrity.ReportSaved");

    private Task VerifyAsync(IntegrityRow r) => RunAsync(r, () => Commands.VerifyAsync(_scope!, r.Id, r.Version), "Integrity.VerifiedSaved");

    private Task ReturnAsync(IntegrityRow r)
    {
        var edit = EditOf(r.Id);
        var by = edit.RectifyBy is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        return RunAsync(r, () => Commands.ReturnAsync(_scope!, r.Id, r.Version, edit.ReturnReason, by), "Integrity.ReturnedSaved");
    }

    private Task RecordBreachAsync(IntegrityRow r) =>
        RunAsync(r, () => Commands.RecordBreachAsync(_scope!, r.Id, r.Version, EditOf(r.Id).BreachReasons), "Integrity.BreachSaved");

    private async Task RunAsync(IntegrityRow r, Func<Task<WriteResult>> write, string savedKey)
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
        public string? Plan { get; set; }
        public string? Report { get; set; }
        public string? ReturnReason { get; set; }
        public DateTime? RectifyBy { get; set; }
        public string? BreachReasons { get; set; }
        public string? Error { get; set; }
    }

    /// <summary>The new-case form; dates as the date pickers hold them.</summary>
    private sealed class CaseForm
    {
        public IntegrityCaseKind Kind { get; set; } = IntegrityCaseKind.CommitmentNotHonoured;
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int? UnitId { get; set; }
        public DateTime? Since { get; set; }
        public DateTime? RectifyBy { get; set; }
        public int? ProjectId { get; set; }
        public int? CommitmentId { get; set; }
        public int? ComplaintId { get; set; }
        public string? ComplaintLabel { get; set; }

        public static CaseForm From(IntegrityCaseInput d) => new()
        {
            Kind = d.Kind,
            Title = d.Title,
            Description = d.Description,
            UnitId = d.UnitId > 0 ? d.UnitId : null,
            Since = d.Since?.ToDateTime(TimeOnly.MinValue),
            RectifyBy = d.RectifyBy?.ToDateTime(TimeOnly.MinValue),
            ProjectId = d.ProjectId,
            CommitmentId = d.CommitmentId,
            ComplaintId = d.ComplaintId,
        };

        public IntegrityCaseInput ToInput() => new(Kind, Title, Description, UnitId ?? 0,
            Since is { } s ? DateOnly.FromDateTime(s) : null, RectifyBy is { } r ? DateOnly.FromDateTime(r) : null, ProjectId, CommitmentId, ComplaintId);
    }
}
