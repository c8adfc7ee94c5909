using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Chains;

public enum ChainSegment { Upstream, Midstream, Downstream }

/// <summary>How well a chain link is served locally (Art. 12): targets are sought to fill weak, short and broken links.</summary>
public enum LinkStrength { Strong, Weak, Short, Broken }

/// <summary>A key industry chain with its chain-lead unit and its map of links (产业链图谱).</summary>
public sealed class IndustryChain : AggregateRoot, IAudited
{
    private readonly List<ChainLink> _links = [];

    private IndustryChain() { Code = Name = NameEn = string.Empty; }

    public IndustryChain(string code, string name, string nameEn, int leadUnitId)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainRuleException("Chain.CodeRequired");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Chain.NameRequired");
        Code = code.Trim();
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        LeadUnitId = leadUnitId;
    }

    /// <summary>A slug such as <c>textiles</c>; chain-lead accounts are named <c>chain-{Code}</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public int LeadUnitId { get; private set; }

    public IReadOnlyList<ChainLink> Links => _links;

    public ChainLink AddLink(string name, string nameEn, ChainSegment segment, LinkStrength strength)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Chain.LinkNameRequired");
        if (_links.Any(l => l.Name == name.Trim())) throw new DomainRuleException("Chain.LinkExists", name);
        var link = new ChainLink(name.Trim(), string.IsNullOrWhiteSpace(nameEn) ? name.Trim() : nameEn.Trim(), segment, strength);
        _links.Add(link);
        return link;
    }
}

/// <summary>One link of a chain map, e.g. 纺纱 (spinning, midstream, strong).</summary>
public sealed class ChainLink : Entity, IAudited
{
    private ChainLink() { Name = NameEn = string.Empty; }

    internal ChainLink(string name, string nameEn, ChainSegment segment, LinkStrength strength)
    {
        Name = name;
        NameEn = nameEn;
        Segment = segment;
        Strength = strength;
    }

    public int ChainId { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public ChainSegment Segment { get; private set; }

    public LinkStrength Strength { get; set; }

    /// <summary>Weak, short and broken links are where target enterprises are sought.</summary>
    public bool NeedsFilling => Strength != LinkStrength.Strong;
}
