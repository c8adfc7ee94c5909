using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Tests.Support;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Investors;

public class InvestorTests
{
    [Fact]
    public void An_investor_with_any_tier_is_tiered()
    {
        Assert.False(InvestorTier.None.IsTiered());
        Assert.All(InvestorTiers.All, tier => Assert.True(tier.IsTiered()));
        Assert.Equal(6, InvestorTiers.All.Length);
    }

    [Fact]
    public void Combined_tiers_split_into_their_parts()
    {
        var tiers = InvestorTier.China500 | InvestorTier.Listed | InvestorTier.IndustryLeader;

        Assert.Equal([InvestorTier.China500, InvestorTier.Listed, InvestorTier.IndustryLeader], tiers.Split());
        Assert.Empty(InvestorTier.None.Split());
    }

    [Fact]
    public void An_investor_keeps_its_trimmed_name_and_code()
    {
        var investor = new Investor("  华为技术有限公司 ", CreditCode.Parse("914403001922038216"), InvestorTier.Global500, SourceRegionCode.PearlRiverDelta);

        Assert.Equal("华为技术有限公司", investor.Name);
        Assert.Equal("914403001922038216", investor.CreditCode);
        Assert.True(investor.IsTiered);
    }

    [Fact]
    public void An_investor_without_a_Chinese_registration_has_no_code()
    {
        var investor = new Investor("Acme Textiles GmbH", null, InvestorTier.None, SourceRegionCode.Overseas);

        Assert.Null(investor.CreditCode);
        Assert.False(investor.IsTiered);
    }

    [Fact]
    public void An_investor_needs_a_name_of_at_most_200_characters()
    {
        Rules.Refused("Investor.NameRequired", () => _ = new Investor(" ", null, InvestorTier.None, SourceRegionCode.Shandong));
        Rules.Refused("Text.TooLong", () => _ = new Investor(new string('企', 201), null, InvestorTier.None, SourceRegionCode.Shandong));
        Assert.Equal(200, new Investor(new string('企', 200), null, InvestorTier.None, SourceRegionCode.Shandong).Name.Length);
    }

    [Fact]
    public void Updating_an_investor_can_change_its_tiers()
    {
        var investor = new Investor("新疆某纺织有限公司", null, InvestorTier.None, SourceRegionCode.WithinXinjiang);

        investor.Update("新疆某纺织股份有限公司", null, InvestorTier.Listed, SourceRegionCode.WithinXinjiang);

        Assert.Equal("新疆某纺织股份有限公司", investor.Name);
        Assert.Equal(InvestorTier.Listed, investor.Tiers);
        Assert.True(investor.IsTiered);
    }
}
