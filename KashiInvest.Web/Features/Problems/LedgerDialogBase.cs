using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// What the ledger's action dialogs share: field errors in words next to their field, a write through
/// <see cref="ProblemCommands"/>, and closing with the <see cref="WriteResult"/> unless the input was refused (then
/// the dialog stays open with the reasons, as it does when the database could not save). A conflict, a vanished entry or a refusal closes it: the board re-reads
/// the card and says what happened.
/// </summary>
public abstract class LedgerDialogBase : ComponentBase
{
    private readonly Dictionary<string, string> _errors = [];

    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] protected ProblemCommands Commands { get; set; } = default!;
    [Inject] protected IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private UiText Words { get; set; } = default!;
    [Inject] private ILogger<LedgerDialogBase> Logger { get; set; } = default!;

    /// <summary>A failure that belongs to no field (the save itself failed).</summary>
    protected string? GeneralError { get; private set; }

    protected bool Busy { get; private set; }

    /// <summary>Today in Beijing, the calendar every due date is in.</summary>
    protected DateOnly Today => BeijingTime.Today(Clock);

    protected DateTime TodayDate => Today.ToDateTime(TimeOnly.MinValue);

    protected bool Has(string field) => _errors.ContainsKey(field);

    protected string? Err(string field) => _errors.GetValueOrDefault(field);

    protected void AddError(string field, RuleViolation violation) => _errors.TryAdd(field, Words.Rule(violation));

    protected void ClearErrors()
    {
        _errors.Clear();
        GeneralError = null;
    }

    protected bool HasErrors => _errors.Count > 0;

    /// <summary>A required text of at most <see cref="Problem.TextMaxLength"/> characters.</summary>
    protected void CheckText(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) AddError(field, new RuleViolation("Field.Required"));
        else if (TextRules.Check(text, Problem.TextMaxLength, multiLine: true) is { } violation) AddError(field, violation);
    }

    /// <summary>An optional due date that may not lie before today.</summary>
    protected void CheckDue(string field, DateTime? due, bool required = false)
    {
        if (due is null) { if (required) AddError(field, new RuleViolation("Field.Required")); }
        else if (DateOnly.FromDateTime(due.Value) < Today) AddError(field, new RuleViolation("Problem.DueInPast"));
    }

    /// <summary>The field a domain rule that names no field belongs next to.</summary>
    protected abstract string FieldOf(RuleViolation violation);

    /// <summary>Runs the write unless a field is in error; refused input stays in the dialog, anything else closes it.</summary>
    protected async Task WriteAsync(Func<UserScope, Task<WriteResult>> write)
    {
        if (HasErrors)
        {
            await ShowErrorsAfreshAsync();
            return;
        }
        if (Busy) return;
        Busy = true;
        try
        {
            GeneralError = null;
            var result = await SafeWrite.RunAsync(Logger, async () => await write(await ScopeProvider.GetAsync()));
            if (result.Status == WriteStatus.Invalid)
            {
                foreach (var e in result.Errors ?? []) AddError(string.IsNullOrEmpty(e.Field) ? FieldOf(e.Violation) : e.Field, e.Violation);
                return;
            }
            if (result.Status == WriteStatus.Unavailable)
            {
                // Not saved (the database was busy or failed): the dialog and its input stay, and the user may try again.
                GeneralError = WriteFeedback.Of(Words, result).Message;
                return;
            }
            Dialog.Close(DialogResult.Ok(result));
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();

    /// <summary>
    /// MudBlazor's own check hides a field's error as soon as its text changes, and the same error again is then the
    /// same parameter value, which it does not show again (a user who shortens an over-long text, but not enough, would
    /// see nothing). So a refused submit first renders the dialog without errors, then with them.
    /// </summary>
    private async Task ShowErrorsAfreshAsync()
    {
        var errors = new Dictionary<string, string>(_errors);
        _errors.Clear();
        StateHasChanged();
        await Task.Yield();
        foreach (var (field, text) in errors) _errors[field] = text;
    }
}
