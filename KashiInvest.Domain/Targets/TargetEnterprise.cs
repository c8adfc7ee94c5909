using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Targets;

/// <summary>The facts of a target enterprise as the Bureau enters them.</summary>
public sealed record TargetInput(
    string Name,
    string? CreditCode,
    int ChainId,
    int? ChainLinkId,
    SourceRegionCode Region,
    InvestorTier Tiers,
    string? Notes);

/// <summary>
/// An entry of the target-enterprise library (产业链招商目标企业库, Art. 16), kept by the Bureau per industry chain
/// (and the chain link it would fill) and per source region.
/// </summary>
public sealed class TargetEnterprise : AggregateRoot, IAudited
{
    public const int NotesMaxLength = 2000;

    private TargetEnterprise() { Name = NameKey = CreatedBy = string.Empty; }

    private TargetEnterprise(Actor actor, DateTime nowUtc)
    {
        Name = NameKey = string.Empty;
        CreatedBy = actor.UserName;
        CreatedAtUtc = nowUtc;
    }

    public string Name { get; private set; }

    /// <summary>The normalized name (<see cref="InvestorMatching.NormalizeName"/>), to match a filed lead to this entry.</summary>
    public string NameKey { get; private set; }

    public string? CreditCode { get; private set; }

    public int ChainId { get; private set; }

    public int? ChainLinkId { get; private set; }

    public SourceRegionCode Region { get; private set; }

    /// <summary>The five regions of Art. 16 come first; the rest second.</summary>
    public int Priority => Region.IsPriority() ? 1 : 2;

    public InvestorTier Tiers { get; private set; }

    public string? Notes { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static IReadOnlyList<FieldViolation> Validate(TargetInput input)
    {
        var errors = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new(nameof(input.Name), "Field.Required"));
        else TextRules.Add(errors, nameof(input.Name), input.Name, Investor.NameMaxLength);
        if (!string.IsNullOrWhiteSpace(input.CreditCode) && !Investors.CreditCode.TryParse(input.CreditCode, out _, out var violation))
            errors.Add(new(nameof(input.CreditCode), violation!));
        if (input.ChainId <= 0) errors.Add(new(nameof(input.ChainId), "Field.Required"));
        TextRules.Add(errors, nameof(input.Notes), input.Notes, NotesMaxLength, multiLine: true);
        return errors;
    }

    public static TargetEnterprise Create(TargetInput input, Actor actor, DateTime nowUtc)
    {
        var target = new TargetEnterprise(actor, nowUtc);
        target.Apply(input, nowUtc);
        return target;
    }

    public void Update(TargetInput input, DateTime nowUtc) => Apply(input, nowUtc);

    private void Apply(TargetInput input, DateTime nowUtc)
    {
        if (Validate(input) is [var first, ..]) throw new DomainRuleException(first.Violation);
        var previousChain = ChainId;
        Name = input.Name.Trim();
        NameKey = InvestorMatching.NormalizeName(Name);
        CreditCode = string.IsNullOrWhiteSpace(input.CreditCode) ? null : Investors.CreditCode.Parse(input.CreditCode).Value;
        ChainId = input.ChainId;
        ChainLinkId = input.ChainLinkId;
        Region = input.Region;
        Tiers = input.Tiers;
        Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        UpdatedAtUtc = nowUtc;
        Raise(new TargetChanged(this, previousChain > 0 && previousChain != ChainId ? previousChain : null));
    }
}
