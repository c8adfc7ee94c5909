using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;

namespace KashiInvest.Web.Features.Leads;

/// <summary>The registration form as the page binds it; turned into a <see cref="LeadFormInput"/> by the command.</summary>
public sealed class LeadFormModel
{
    public string? EnterpriseName { get; set; }
    public string? CreditCode { get; set; }
    public SourceRegionCode? Region { get; set; }
    public IReadOnlyCollection<InvestorTier> Tiers { get; set; } = [];
    public string? Background { get; set; }
    public string? Operations { get; set; }
    public string? ProjectName { get; set; }
    public int? ChainId { get; set; }
    public int? ChainLinkId { get; set; }
    public int? HostUnitId { get; set; }
    public decimal? AmountWan { get; set; }
    public int? Jobs { get; set; }
    public string? Demands { get; set; }
    public Feasibility? Feasibility { get; set; }
    public string? FeasibilityNote { get; set; }
    public DateTime? VisitedOn { get; set; }
    public string? PeopleVisited { get; set; }
    public string? Visitors { get; set; }

    public InvestorTier TierFlags => Tiers.Aggregate(InvestorTier.None, (a, t) => a | t);

    public LeadFormInput ToInput() => new(
        EnterpriseName ?? string.Empty, CreditCode, Region ?? SourceRegionCode.OtherDomestic, TierFlags, Background ?? string.Empty, Operations,
        ProjectName ?? string.Empty, ChainId ?? 0, ChainLinkId, HostUnitId ?? 0, AmountWan, Jobs, Demands, Feasibility, FeasibilityNote,
        VisitedOn is { } d ? DateOnly.FromDateTime(d) : null, PeopleVisited, Visitors);
}
