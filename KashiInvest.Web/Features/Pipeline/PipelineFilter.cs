using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Pipeline;

/// <summary>
/// The pipeline board's filters. They live in the URL (<c>/pipeline?county=shache&amp;chain=textile&amp;tier=Listed&amp;region=Shandong&amp;q=纺织</c>),
/// so a filtered board can be bookmarked and projected; units and chains go by code. Null means "any".
/// </summary>
public sealed record PipelineFilter
{
    public int? HostUnitId { get; init; }
    public int? ChainId { get; init; }
    /// <summary>A tier flag the investor must have.</summary>
    public InvestorTier? Tier { get; init; }
    public SourceRegionCode? Region { get; init; }
    public string? Text { get; init; }

    public bool IsEmpty => this == new PipelineFilter();

    public static class Keys
    {
        public const string County = "county", Chain = "chain", Tier = "tier", Region = "region", Text = "q";
    }

    /// <summary>The filter named by query-string values; unknown values are ignored.</summary>
    public static PipelineFilter FromQuery(ReferenceCache.Snapshot reference, string? county, string? chain, string? tier, string? region, string? text) => new()
    {
        HostUnitId = reference.HostUnits.FirstOrDefault(u => string.Equals(u.Code, county, StringComparison.OrdinalIgnoreCase))?.Id,
        ChainId = reference.Chains.FirstOrDefault(c => string.Equals(c.Code, chain, StringComparison.OrdinalIgnoreCase))?.Id,
        Tier = Enum.TryParse<InvestorTier>(tier, true, out var t) && InvestorTiers.All.Contains(t) ? t : null,
        Region = Enum.TryParse<SourceRegionCode>(region, true, out var r) && Enum.IsDefined(r) ? r : null,
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
    };

    /// <summary>Every filter as a query-string value (null removes the parameter).</summary>
    public IReadOnlyDictionary<string, object?> ToQuery(ReferenceCache.Snapshot reference) => new Dictionary<string, object?>
    {
        [Keys.County] = reference.Unit(HostUnitId)?.Code,
        [Keys.Chain] = reference.Chain(ChainId)?.Code,
        [Keys.Tier] = Tier?.ToString(),
        [Keys.Region] = Region?.ToString(),
        [Keys.Text] = Text,
    };

    /// <summary>The same filter in memory, for cards re-read after a live notice.</summary>
    public bool Matches(PipelineCard card) =>
        (HostUnitId is null || card.HostUnitId == HostUnitId)
        && (ChainId is null || card.ChainId == ChainId)
        && (Tier is not { } tier || card.Tiers.HasFlag(tier))
        && (Region is null || card.Region == Region)
        && (Text is null || card.Name.Contains(Text, StringComparison.OrdinalIgnoreCase) || card.Code.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || card.InvestorName.Contains(Text, StringComparison.OrdinalIgnoreCase));
}
