using System.Text;

namespace KashiInvest.Domain.Investors;

/// <summary>What the matching rule needs to know of a stored investor.</summary>
public sealed record InvestorCandidate(int Id, string Name, string? CreditCode);

/// <summary>
/// The one rule that keeps the investor information library free of duplicates (客商信息库): an enterprise named on
/// a form, an intention report or a target entry is the stored investor with the same credit code; failing that,
/// the one with the same normalized name — unless both carry credit codes and they differ (two legal persons).
/// </summary>
public static class InvestorMatching
{
    /// <summary>
    /// The name as compared: Unicode-compatibility folded (full-width letters, digits and brackets become half-width),
    /// all white space removed, Latin letters upper-cased. 「华纺 股份（集团）」 and 「华纺股份(集团)」 are the same name.
    /// </summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        var folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch)) continue;
            builder.Append(char.ToUpperInvariant(ch));
        }
        return builder.ToString();
    }

    /// <summary>The stored investor this enterprise is, or null when it is new. Credit code first, then name.</summary>
    public static InvestorCandidate? Find(IEnumerable<InvestorCandidate> candidates, string name, CreditCode? code)
    {
        var list = candidates as IReadOnlyCollection<InvestorCandidate> ?? candidates.ToList();
        if (code is { } c && list.FirstOrDefault(i => i.CreditCode == c.Value) is { } byCode) return byCode;
        var key = NormalizeName(name);
        if (key.Length == 0) return null;
        return list.FirstOrDefault(i => NormalizeName(i.Name) == key && (code is null || i.CreditCode is null));
    }
}
