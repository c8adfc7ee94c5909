using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Investors;

/// <summary>
/// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and upper-case letters without I, O, Z, S, V). Characters 3–8 are the administrative division code
/// (digits). The 18th is a check character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public readonly record struct CreditCode
{
    public const int Length = 18;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses a code after trimming and upper-casing; returns the reason when it is not valid.</summary>
    public static bool TryParse(string? input, out CreditCode code, out RuleViolation? violation)
    {
        code = default;
        var text = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (text.Length == 0) { violation = new("CreditCode.Required"); return false; }
        if (text.Length != Length) { violation = new("CreditCode.WrongLength", text.Length); return false; }
        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(text[i]) < 0) { violation = new("CreditCode.BadCharacter", text[i], i + 1); return false; }
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(text[i])) { violation = new("CreditCode.BadDivisionCode"); return false; }
        }
        var expected = CheckCharacter(text.AsSpan(0, Length - 1));
        if (text[Length - 1] != expected) { violation = new("CreditCode.BadCheckCharacter", text[Length - 1], expected); return false; }
        code = new CreditCode(text);
        violation = null;
        return true;
    }

    public static CreditCode Parse(string input) =>
        TryParse(input, out var code, out var violation) ? code : throw new DomainRuleException(violation!);

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1) throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not in the credit-code alphabet.", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Completes 17 characters with their check character.</summary>
    public static CreditCode Complete(string first17) => new(first17 + CheckCharacter(first17));
}
