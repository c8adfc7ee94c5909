namespace KashiInvest.Web.Tests.Security;

/// <summary>What a hostile value must lead to: a refusal, or either a refusal or an exact acceptance.</summary>
public enum Expect { Refused, Either }

/// <summary>One generated bad value, named so that a failure says which one.</summary>
public sealed record Hostile<T>(string Name, T Value, Expect Expect);

/// <summary>
/// The generators of the hostile-input sweep: what a script (not the browser's form) can send for a field.
/// Text values that are legitimately acceptable carry a serial number, so that two cases never write the same text
/// (an investor found by a normalized name would otherwise answer for another case).
/// </summary>
public static class HostileValues
{
    private static int _serial;

    private static string Tag() => $"#{Interlocked.Increment(ref _serial)}";

    /// <summary>Every control character, the non-characters and lone surrogates, each inside a sentence.</summary>
    public static IEnumerable<(string Name, string Value)> OddCharacters()
    {
        for (var c = 0; c <= 0x1F; c++) yield return ($"U+{c:X4}", $"前{(char)c}后");
        yield return ("U+007F", "前\u007F后");
        yield return ("U+0085", "前\u0085后");
        yield return ("U+FFFE", "前\uFFFE后");
        yield return ("U+FFFF", "前\uFFFF后");
        yield return ("lone high surrogate", "前\uD800后");
        yield return ("lone low surrogate", "前\uDC00后");
        yield return ("lone high surrogate at the end", "结尾\uD83D");
    }

    /// <summary>Values a text field of at most <paramref name="limit"/> characters must survive.</summary>
    public static IEnumerable<Hostile<string>> Text(int limit, bool required)
    {
        yield return new("limit + 1", new string('长', limit + 1), Expect.Refused);
        yield return new("limit + 1 after trimming", " " + new string('x', limit + 1) + " ", Expect.Refused);
        yield return new("200 KB", new string('字', 200 * 1024), Expect.Refused);
        yield return new("200 KB of lines", string.Concat(Enumerable.Repeat("第一行\r\n", 40 * 1024)), Expect.Refused);
        yield return new("whitespace only", "   \t  ", required ? Expect.Refused : Expect.Either);
        yield return new("ideographic spaces only", "\u3000\u3000", required ? Expect.Refused : Expect.Either);
        yield return new("line breaks only", "\r\n\n", required ? Expect.Refused : Expect.Either);
        foreach (var (name, value) in OddCharacters()) yield return new(name, value + Tag(), Expect.Either);
        yield return new("script tag", "<script>alert(document.cookie)</script>" + Tag(), Expect.Either);
        yield return new("img onerror", "<img src=x onerror=alert(1)>" + Tag(), Expect.Either);
        yield return new("formula =cmd", "=cmd|' /C calc'!A0" + Tag(), Expect.Either);
        yield return new("formula +", "+SUM(1+1)*cmd|' /C calc'!A0" + Tag(), Expect.Either);
        yield return new("formula @", "@SUM(A1:A9)" + Tag(), Expect.Either);
        yield return new("formula -", "-2+3+cmd|' /C calc'!A0" + Tag(), Expect.Either);
        yield return new("RTL override", "项目\u202Egpj.exe" + Tag(), Expect.Either);
        yield return new("zero-width joiners", "项\u200B目\u200D\uFEFF" + Tag(), Expect.Either);
        yield return new("SQL", "'; DROP TABLE \"Projects\"; --" + Tag(), Expect.Either);
        yield return new("markdown link", "[点我](http://evil.example)" + Tag(), Expect.Either);
        yield return new("emoji and combining marks", "投资👩‍💻e\u0301\u0301\u0301" + Tag(), Expect.Either);
        yield return new("Uyghur RTL text", "قەشقەر ئىنۋېستىتسىيە" + Tag(), Expect.Either);
        yield return new("exactly the limit", Fill(limit), Expect.Either);
    }

    /// <summary>A text of exactly <paramref name="length"/> characters that no other case repeats.</summary>
    private static string Fill(int length)
    {
        var tag = Tag();
        return length <= tag.Length ? tag[..length] : new string('满', length - tag.Length) + tag;
    }

    /// <summary>Malformed unified social credit codes (18 characters from a 31-letter alphabet with a check character).</summary>
    public static IEnumerable<Hostile<string>> CreditCodes()
    {
        foreach (var (name, value) in new[]
        {
            ("17 characters", "91440300MA5F0000"),
            ("19 characters", "91440300MA5FXXXX0X0"),
            ("letter I", "91440300MA5FIIII0X"),
            ("letter O", "91440300MA5FOOOO0X"),
            ("lower-case junk", "abcdefghijklmnopqr"),
            ("bad check character", "91440300MA5F000001"),
            ("letters in division code", "91ABCDEFMA5F000001"),
            ("full-width digits", "９１４４０３００ＭＡ５Ｆ００００１"),
            ("control character inside", "914403\u000000MA5F00001"),
            ("script", "<script>1</script>"),
            ("formula", "=cmd|' /C calc'!A0"),
            ("200 KB", new string('9', 200 * 1024)),
            ("RTL override", "\u202E91440300MA5F000001"),
            ("lone surrogate", "91440300MA5F0000\uD8000"),
        })
        {
            yield return new(name, value, Expect.Refused);
        }
    }

    /// <summary>Amounts in 万元: negative, absurd, too precise; zero may be fine.</summary>
    public static IEnumerable<Hostile<decimal?>> Money()
    {
        yield return new("-1", -1m, Expect.Refused);
        yield return new("-0.0001", -0.0001m, Expect.Refused);
        yield return new("decimal.MinValue", decimal.MinValue, Expect.Refused);
        yield return new("decimal.MaxValue", decimal.MaxValue, Expect.Refused);
        yield return new("1e20", 100_000_000_000_000_000_000m, Expect.Refused);
        yield return new("0.00000001", 0.00000001m, Expect.Either);
        yield return new("0", 0m, Expect.Either);
    }

    /// <summary>Counts (jobs, years): negative and huge.</summary>
    public static IEnumerable<Hostile<int?>> Count()
    {
        yield return new("-1", -1, Expect.Refused);
        yield return new("int.MinValue", int.MinValue, Expect.Refused);
        yield return new("int.MaxValue", int.MaxValue, Expect.Either);
        yield return new("0", 0, Expect.Either);
    }

    /// <summary>Ids that name nothing.</summary>
    public static IEnumerable<Hostile<int>> MissingIds()
    {
        yield return new("0", 0, Expect.Refused);
        yield return new("-1", -1, Expect.Refused);
        yield return new("int.MinValue", int.MinValue, Expect.Refused);
        yield return new("int.MaxValue", int.MaxValue, Expect.Refused);
        yield return new("999999", 999_999, Expect.Refused);
    }

    /// <summary>Dates from a script: the ends of the calendar, and far past and future.</summary>
    public static IEnumerable<Hostile<DateOnly?>> Dates(DateOnly today)
    {
        yield return new("DateOnly.MinValue", DateOnly.MinValue, Expect.Either);
        yield return new("DateOnly.MaxValue", DateOnly.MaxValue, Expect.Either);
        yield return new("1900-01-01", new DateOnly(1900, 1, 1), Expect.Either);
        yield return new("today - 100 years", today.AddYears(-100), Expect.Either);
        yield return new("today + 500 years", today.AddYears(500), Expect.Either);
    }

    /// <summary>Enum values no form offers.</summary>
    public static IEnumerable<Hostile<T>> Enum<T>() where T : struct, System.Enum
    {
        yield return new("-1", (T)(object)(-1), Expect.Refused);
        yield return new("999", (T)(object)999, Expect.Refused);
        yield return new("int.MaxValue", (T)(object)int.MaxValue, Expect.Refused);
    }
}
