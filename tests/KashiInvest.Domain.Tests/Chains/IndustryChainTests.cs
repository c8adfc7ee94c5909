using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Tests.Chains;

public class IndustryChainTests
{
    [Fact]
    public void Weak_short_and_broken_links_need_filling()
    {
        var chain = new IndustryChain("textiles", "纺织服装", "Textiles and garments", 31);

        var links = new[]
        {
            chain.AddLink("纺纱", "Spinning", ChainSegment.Midstream, LinkStrength.Strong),
            chain.AddLink("印染", "Dyeing", ChainSegment.Midstream, LinkStrength.Weak),
            chain.AddLink("家纺", "Home textiles", ChainSegment.Downstream, LinkStrength.Short),
            chain.AddLink("化纤", "Man-made fibre", ChainSegment.Upstream, LinkStrength.Broken),
        };

        Assert.Equal([false, true, true, true], links.Select(l => l.NeedsFilling));
        Assert.Equal(4, chain.Links.Count);
    }

    [Fact]
    public void A_link_name_is_unique_within_its_chain()
    {
        var chain = new IndustryChain("textiles", "纺织服装", "Textiles and garments", 31);
        chain.AddLink("纺纱", "Spinning", ChainSegment.Midstream, LinkStrength.Strong);

        var ex = Assert.Throws<DomainRuleException>(() => chain.AddLink(" 纺纱 ", "", ChainSegment.Midstream, LinkStrength.Weak));

        Assert.Equal("Chain.LinkExists", ex.Violation.Code);
        Assert.Single(chain.Links);
    }

    [Fact]
    public void A_link_without_an_English_name_uses_its_Chinese_name()
    {
        var chain = new IndustryChain("textiles", "纺织服装", "", 31);

        var link = chain.AddLink(" 织造 ", " ", ChainSegment.Midstream, LinkStrength.Strong);

        Assert.Equal("织造", link.Name);
        Assert.Equal("织造", link.NameEn);
        Assert.Equal("纺织服装", chain.NameEn);
    }

    [Fact]
    public void A_chain_and_its_links_need_names()
    {
        Assert.Equal("Chain.NameRequired", Assert.Throws<DomainRuleException>(() => new IndustryChain("x", " ", "", 31)).Violation.Code);
        Assert.Equal("Chain.CodeRequired", Assert.Throws<DomainRuleException>(() => new IndustryChain("", "纺织", "", 31)).Violation.Code);
        var chain = new IndustryChain("textiles", "纺织服装", "", 31);
        Assert.Equal("Chain.LinkNameRequired", Assert.Throws<DomainRuleException>(
            () => chain.AddLink(" ", "x", ChainSegment.Upstream, LinkStrength.Weak)).Violation.Code);
    }
}
