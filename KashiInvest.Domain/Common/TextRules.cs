namespace KashiInvest.Domain.Common;

/// <summary>
/// The one rule for free text typed by users. SQLite ignores column sizes, so the domain enforces every limit itself:
/// a value longer than its limit (after trimming) is refused with <c>Text.TooLong</c> (argument: the limit), and a
/// value holding a control character is refused with <c>Text.ControlCharacters</c>. Multi-line fields accept line
/// breaks and tabs; single-line fields accept no control character at all. Unpaired surrogates and the non-characters
/// U+FFFE / U+FFFF count as control characters: they cannot be written to XML (the minutes' .docx) or shown.
/// </summary>
public static class TextRules
{
    public const string TooLong = "Text.TooLong";
    public const string ControlCharacters = "Text.ControlCharacters";

    /// <summary>The violation of <paramref name="value"/> against the limit, or null when it is acceptable (null and blank are).</summary>
    public static RuleViolation? Check(string? value, int maxLength, bool multiLine = false)
    {
        if (value is null) return null;
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length > maxLength) return new RuleViolation(TooLong, maxLength);
        return HasControlCharacter(trimmed, multiLine) ? new RuleViolation(ControlCharacters) : null;
    }

    /// <summary>Throws the violation of <see cref="Check"/>, if any.</summary>
    public static void Ensure(string? value, int maxLength, bool multiLine = false)
    {
        if (Check(value, maxLength, multiLine) is { } violation) throw new DomainRuleException(violation);
    }

    /// <summary>Adds the violation of <see cref="Check"/> for <paramref name="field"/>, if any; true when one was added.</summary>
    public static bool Add(ICollection<FieldViolation> errors, string field, string? value, int maxLength, bool multiLine = false)
    {
        if (Check(value, maxLength, multiLine) is not { } violation) return false;
        errors.Add(new FieldViolation(field, violation));
        return true;
    }

    /// <summary>
    /// The usual shape of a text field: blank is <c>Field.Required</c> when <paramref name="required"/>, otherwise the
    /// length and character rules.
    /// </summary>
    public static void Field(ICollection<FieldViolation> errors, string field, string? value, int maxLength, bool required, bool multiLine = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(new FieldViolation(field, "Field.Required"));
        }
        else Add(errors, field, value, maxLength, multiLine);
    }

    public static bool HasControlCharacter(ReadOnlySpan<char> text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return true;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF') return true;
            if (!char.IsControl(c)) continue;
            if (multiLine && c is '\n' or '\r' or '\t') continue;
            return true;
        }
        return false;
    }
}
