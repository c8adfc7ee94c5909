using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// Records one step of an item through <see cref="ApprovalCommands.StepAsync"/>. Field errors (required reason, a day in
/// the future or before the previous step, an expected end before the start) stay in the dialog next to their field;
/// anything else (saved, a conflict, a vanished item, no right) closes it with the <see cref="WriteResult"/>.
/// </summary>
public partial class ItemStepDialog
{
    private const string OnField = "On";
    private const string NoteField = "Note";
    private const string ProcedureField = "Procedure";
    private const string ExpectedEndField = "ExpectedEnd";
    private const string CertificateField = "Certificate";

    private readonly Dictionary<string, string> _errors = [];
    private DateTime? _on;
    private string? _note;
    private SpecialProcedure? _procedure;
    private DateTime? _expectedEnd;
    private string? _certificate;
    private string? _general;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public MyApprovalItem Item { get; set; } = default!;
    [Parameter, EditorRequired] public ItemStepKind Kind { get; set; }

    [Inject] private ApprovalCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<ItemStepDialog> Logger { get; set; } = default!;

    private DateTime TodayDate => BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue);

    protected override void OnInitialized() => _on = TodayDate;

    private void Add(string field, RuleViolation violation) => _errors.TryAdd(field, T.Rule(violation));

    /// <summary>The field a domain rule that names none belongs next to (null: above the form).</summary>
    private static string? FieldOf(RuleViolation violation) => violation.Code switch
    {
        "Approvals.DateInFuture" or "Approvals.DateBeforePreviousStep" => OnField,
        "Approvals.ExpectedEndBeforeStart" => ExpectedEndField,
        "Approvals.ProcedureRequired" => ProcedureField,
        "Approvals.ReasonRequired" or "Field.TooLong" => NoteField,
        _ => null,
    };

    private async Task SubmitAsync()
    {
        if (_busy) return;
        _errors.Clear();
        _general = null;
        if (_on is null) Add(OnField, new RuleViolation("Field.Required"));
        if (ItemSteps.NeedsReason(Kind) && string.IsNullOrWhiteSpace(_note)) Add(NoteField, new RuleViolation("Field.Required"));
        if (Kind == ItemStepKind.Pause && _procedure is null) Add(ProcedureField, new RuleViolation("Field.Required"));
        if (_errors.Count > 0) return;

        _busy = true;
        try
        {
            var step = new ItemStep(Kind, DateOnly.FromDateTime(_on!.Value), Kind == ItemStepKind.IssueCertificate ? null : _note,
                Kind == ItemStepKind.Pause ? _procedure : null,
                Kind == ItemStepKind.Pause && _expectedEnd is { } end ? DateOnly.FromDateTime(end) : null,
                Kind == ItemStepKind.IssueCertificate ? _certificate : null);
            var result = await SafeWrite.RunAsync(Logger, async () => await Commands.StepAsync(await Scopes.GetAsync(), Item.Id, Item.Version, step));
            if (result.Status == WriteStatus.Invalid)
            {
                foreach (var e in result.Errors ?? [])
                {
                    var field = string.IsNullOrEmpty(e.Field) ? FieldOf(e.Violation) : e.Field;
                    if (field is null) _general = T.Rule(e.Violation);
                    else Add(Kind == ItemStepKind.IssueCertificate && field == NoteField ? CertificateField : field, e.Violation);
                }
                return;
            }
            if (result.Status == WriteStatus.Unavailable)
            {
                _general = WriteFeedback.Of(T, result).Message;
                return;
            }
            Dialog.Close(DialogResult.Ok(result));
        }
        finally
        {
            _busy = false;
        }
    }
}
