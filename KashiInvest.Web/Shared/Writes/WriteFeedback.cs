using MudBlazor;

namespace KashiInvest.Web.Shared.Writes;

/// <summary>
/// The one way a form or page shows a <see cref="WriteResult"/>: field errors go next to their field; the form's
/// message says what else happened (a rule that names no field, a conflict, a vanished record, no right, or
/// "could not save, your input is kept, try again"). A feature may word its conflict or not-found message itself.
/// </summary>
public sealed record WriteFeedback(string? Message, Severity Severity, IReadOnlyDictionary<string, string> FieldErrors)
{
    public static WriteFeedback Of(UiText text, WriteResult result, string? saved = null, string? conflict = null, string? notFound = null, string? notAllowed = null)
    {
        var fields = new Dictionary<string, string>();
        foreach (var e in result.FieldErrors) fields.TryAdd(e.Field, text.Rule(e.Violation));
        return result.Status switch
        {
            WriteStatus.Saved => new(saved, Severity.Success, fields),
            // Field errors are shown next to their fields; the form's message carries the rest (if any).
            WriteStatus.Invalid => new(result.GeneralErrors is { Count: > 0 } general
                ? string.Join(" ", general.Select(e => text.Rule(e.Violation)))
                : null, Severity.Error, fields),
            WriteStatus.Conflict => new(conflict ?? text["Write.Conflict"], Severity.Warning, fields),
            WriteStatus.NotFound => new(notFound ?? text["Write.NotFound"], Severity.Warning, fields),
            WriteStatus.NotAllowed => new(notAllowed ?? text["Write.NotAllowed"], Severity.Error, fields),
            _ => new(text["Write.Unavailable"], Severity.Error, fields),
        };
    }

    /// <summary>The message and the field errors in one line, for a row of a list that has one place for an error.</summary>
    public string OneLine => string.Join(" ", FieldErrors.Values.Prepend(Message).Where(m => !string.IsNullOrEmpty(m)).Distinct());

    /// <summary>Shows the message as a snackbar (nothing when there is none).</summary>
    public void Show(ISnackbar snackbar)
    {
        if (Message is null) return;
        snackbar.Add(Message, Severity, o => { if (Severity != Severity.Success) o.VisibleStateDuration = 8000; });
    }
}
