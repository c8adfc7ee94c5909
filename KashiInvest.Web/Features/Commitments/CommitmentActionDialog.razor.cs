using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>What <see cref="CommitmentActionDialog"/> does.</summary>
public enum CommitmentActionMode { Step, Payment, ConfirmCondition, ClearReview }

/// <summary>
/// Takes one action on a commitment through <see cref="CommitmentCommands"/> at the version the user saw. A refused
/// input (a required reason, a payment above what is left, a day in the future) stays with its reason next to the field;
/// a conflict (someone changed the commitment meanwhile) or "could not save" is said above the form and the input is
/// kept; a saved action closes the dialog with the <see cref="WriteResult"/>.
/// </summary>
public partial class CommitmentActionDialog
{
    private const string NoteField = "Note";
    private const string AmountField = "AmountWan";
    private const string PaidOnField = "PaidOn";
    private const string ConditionField = "Condition";

    private readonly Dictionary<string, string> _errors = [];
    private string? _note;
    private decimal? _amount;
    private DateTime? _paidOn;
    private bool _inFull;
    private int? _condition;
    private string? _general;
    private Severity _generalSeverity = Severity.Error;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public CommitmentDetail Detail { get; set; } = default!;
    [Parameter, EditorRequired] public CommitmentActionMode Mode { get; set; }
    /// <summary>The step, when <see cref="Mode"/> is <see cref="CommitmentActionMode.Step"/>.</summary>
    [Parameter] public CommitmentStep? Step { get; set; }

    [Inject] private CommitmentCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<CommitmentActionDialog> Logger { get; set; } = default!;

    private DateTime TodayDate => BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue);

    /// <summary>A dispute, a termination and a settled dispute need their reason; a confirmation and a clearance their note.</summary>
    private bool NeedsText => Mode is CommitmentActionMode.ConfirmCondition or CommitmentActionMode.ClearReview
        || Step is CommitmentStep.Dispute or CommitmentStep.Terminate or CommitmentStep.SettleDispute;

    private string ReasonLabel => Step is CommitmentStep.Dispute or CommitmentStep.Terminate ? "Commitments.Action.Reason" : "Commitments.Action.RequiredNote";

    private string Title => CommitmentText.ActionTitle(T, Mode, Step);

    protected override void OnInitialized()
    {
        _paidOn = TodayDate;
        _condition = Detail.Commitment.Conditions.Where(CommitmentRights.ConfirmedByHand).OrderBy(c => c.Number).Select(c => (int?)c.Number).FirstOrDefault();
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private void Add(string field, RuleViolation violation) => _errors.TryAdd(field, T.Rule(violation));

    /// <summary>The field a domain rule (which names none) belongs next to; null: above the form.</summary>
    private static string? FieldOf(RuleViolation violation) => violation.Code switch
    {
        "Commitment.ReasonRequired" or "Commitment.NoteRequired" or "Field.TooLong" or "Field.ControlCharacters" => NoteField,
        "Commitment.PaymentAmountRequired" or "Commitment.PaymentAbovePromise" or "Commitment.AmountOutOfRange" => AmountField,
        "Commitment.PaidInFuture" => PaidOnField,
        "Commitment.NoSuchCondition" or "Commitment.ConditionAlreadyMet" or "Commitment.ConditionReadFromData" => ConditionField,
        _ => null,
    };

    private async Task SubmitAsync()
    {
        if (_busy) return;
        _errors.Clear();
        _general = null;
        if (NeedsText && string.IsNullOrWhiteSpace(_note)) Add(NoteField, new RuleViolation("Field.Required"));
        if (Mode == CommitmentActionMode.Payment && _paidOn is null) Add(PaidOnField, new RuleViolation("Field.Required"));
        if (Mode == CommitmentActionMode.Payment && Detail.Commitment.AmountWan is not null && _amount is null) Add(AmountField, new RuleViolation("Field.Required"));
        if (Mode == CommitmentActionMode.ConfirmCondition && _condition is null) Add(ConditionField, new RuleViolation("Field.Required"));
        if (_errors.Count > 0) return;

        _busy = true;
        try
        {
            var c = Detail.Commitment;
            var result = await SafeWrite.RunAsync(Logger, async () =>
            {
                var scope = await Scopes.GetAsync();
                return Mode switch
                {
                    CommitmentActionMode.Payment => await Commands.RecordPaymentAsync(scope, c.Id, c.Version, _amount, DateOnly.FromDateTime(_paidOn!.Value), _inFull, _note),
                    CommitmentActionMode.ConfirmCondition => await Commands.ConfirmConditionAsync(scope, c.Id, c.Version, _condition!.Value, _note ?? string.Empty),
                    CommitmentActionMode.ClearReview => await Commands.ClearFairCompetitionAsync(scope, c.Id, c.Version, _note ?? string.Empty),
                    _ => await Commands.StepAsync(scope, c.Id, c.Version, Step!.Value, _note),
                };
            });
            switch (result.Status)
            {
                case WriteStatus.Saved:
                    Dialog.Close(DialogResult.Ok(result));
                    return;
                case WriteStatus.Invalid:
                    foreach (var e in result.Errors ?? [])
                    {
                        var field = string.IsNullOrEmpty(e.Field) ? FieldOf(e.Violation) : e.Field;
                        if (field is null) _general = T.Rule(e.Violation);
                        else Add(field, e.Violation);
                    }
                    _generalSeverity = Severity.Error;
                    return;
                default:
                    // A conflict, a vanished commitment, no right, or the database failed: said here; what was typed stays.
                    var feedback = WriteFeedback.Of(T, result, conflict: T["Commitments.Conflict"], notFound: T["Commitments.Gone"]);
                    _general = feedback.Message;
                    _generalSeverity = feedback.Severity;
                    return;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
