using KashiInvest.Domain.Units;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Tests.Shared;

public sealed class ReferenceCacheNamesTests
{
    [Fact]
    public void A_chain_lead_unit_sharing_its_bureau_name_is_named_with_its_chain_and_other_units_keep_their_names()
    {
        var units = new List<UnitInfo>
        {
            new(26, "dept-industry", "喀什地区工业和信息化局", "Industry Bureau", UnitType.Department, null),
            new(27, "lead-textiles", "喀什地区工业和信息化局", "Industry Bureau (textiles chain lead)", UnitType.ChainLead, null),
            new(28, "lead-electronics", "喀什地区科学技术局", "Science Bureau (electronics chain lead)", UnitType.ChainLead, null),
        };

        var named = ReferenceCache.Distinguish(units, [(27, "纺织服装"), (28, "电子产品组装")]);

        Assert.Equal("喀什地区工业和信息化局", named[0].Name);
        Assert.Equal("喀什地区工业和信息化局（纺织服装链主）", named[1].Name);
        Assert.Equal("Industry Bureau (textiles chain lead)", named[1].NameEn);
        Assert.Equal("喀什地区科学技术局", named[2].Name); // its name is its own: nothing to tell apart
        Assert.Equal(3, named.Select(u => u.Name).Distinct().Count());
    }
}
