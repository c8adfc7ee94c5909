using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Investors;

/// <summary>The investor tiers of Art. 19. Any tier makes a lead prefecture-coordinated.</summary>
[Flags]
public enum InvestorTier
{
    None = 0,
    /// <summary>世界500强.</summary>
    Global500 = 1,
    /// <summary>中国500强.</summary>
    China500 = 2,
    /// <summary>上市公司.</summary>
    Listed = 4,
    /// <summary>专精特新"小巨人".</summary>
    LittleGiant = 8,
    /// <summary>行业龙头.</summary>
    IndustryLeader = 16,
    /// <summary>独角兽.</summary>
    Unicorn = 32,
}

public static class InvestorTiers
{
    public static readonly InvestorTier[] All =
        [InvestorTier.Global500, InvestorTier.China500, InvestorTier.Listed, InvestorTier.LittleGiant, InvestorTier.IndustryLeader, InvestorTier.Unicorn];

    public static bool IsTiered(this InvestorTier tiers) => tiers != InvestorTier.None;

    public static IEnumerable<InvestorTier> Split(this InvestorTier tiers) => All.Where(t => tiers.HasFlag(t));
}

/// <summary>An investor enterprise (客商), identified by its unified social credit code where it has one.</summary>
public sealed class Investor : AggregateRoot, IAudited
{
    public const int NameMaxLength = 200;

    private Investor() { Name = string.Empty; }

    public Investor(string name, CreditCode? creditCode, InvestorTier tiers, SourceRegionCode region)
    {
        Name = ValidName(name);
        NameKey = InvestorMatching.NormalizeName(Name);
        CreditCode = creditCode?.Value;
        Tiers = tiers;
        Region = region;
    }

    public string Name { get; private set; }

    /// <summary>The name as <see cref="InvestorMatching"/> compares it; stored and indexed so that matching is a lookup.</summary>
    public string NameKey { get; private set; } = string.Empty;

    /// <summary>The 18-character code, stored as text; null for an enterprise not yet registered in China.</summary>
    public string? CreditCode { get; private set; }

    public InvestorTier Tiers { get; private set; }

    public SourceRegionCode Region { get; private set; }

    public bool IsTiered => Tiers.IsTiered();

    public void Update(string name, CreditCode? creditCode, InvestorTier tiers, SourceRegionCode region)
    {
        Name = ValidName(name);
        NameKey = InvestorMatching.NormalizeName(Name);
        CreditCode = creditCode?.Value;
        Tiers = tiers;
        Region = region;
    }

    /// <summary>
    /// What a later form or report learned about an already stored investor: a credit code it did not have yet and
    /// more tiers. Tiers are only added (a form does not strip a tier the Bureau recorded); a known code never changes.
    /// </summary>
    public bool Learn(CreditCode? creditCode, InvestorTier tiers)
    {
        var changed = false;
        if (CreditCode is null && creditCode is { } c) { CreditCode = c.Value; changed = true; }
        if ((Tiers | tiers) != Tiers) { Tiers |= tiers; changed = true; }
        return changed;
    }

    private static string ValidName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Investor.NameRequired");
        var trimmed = name.Trim();
        TextRules.Ensure(trimmed, NameMaxLength);
        return trimmed;
    }
}
