using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Shared.Writes;

/// <summary>
/// The outcome of a write from a form: done, refused with reasons, lost a race, or could not be saved (the database
/// was busy or failed; the user's input is kept and they may try again).
/// </summary>
public enum WriteStatus { Saved, Invalid, Conflict, NotFound, NotAllowed, Unavailable }

/// <summary>What every command returns; <see cref="WriteFeedback"/> turns it into what the user sees.</summary>
public sealed record WriteResult(WriteStatus Status, int? Id = null, IReadOnlyList<FieldViolation>? Errors = null)
{
    public static WriteResult Saved(int id) => new(WriteStatus.Saved, id);
    public static WriteResult Invalid(IReadOnlyList<FieldViolation> errors) => new(WriteStatus.Invalid, Errors: errors);
    public static WriteResult Invalid(string field, RuleViolation violation) => new(WriteStatus.Invalid, Errors: [new(field, violation)]);
    public static readonly WriteResult Conflict = new(WriteStatus.Conflict);
    public static readonly WriteResult NotFound = new(WriteStatus.NotFound);
    public static readonly WriteResult NotAllowed = new(WriteStatus.NotAllowed);

    /// <summary>Not saved because the database was busy or failed (nothing was changed; the input is kept).</summary>
    public static readonly WriteResult Unavailable = new(WriteStatus.Unavailable);

    /// <summary>The errors that belong to a field, by field name (first one per field).</summary>
    public IReadOnlyList<FieldViolation> FieldErrors => (Errors ?? []).Where(e => e.Field.Length > 0).ToList();

    /// <summary>The errors that belong to no field (the form's own message).</summary>
    public IReadOnlyList<FieldViolation> GeneralErrors => (Errors ?? []).Where(e => e.Field.Length == 0).ToList();
}
