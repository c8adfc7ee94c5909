using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Units;

public class UnitTests
{
    [Fact]
    public void Only_counties_and_the_development_zone_host_projects()
    {
        var hosts = Enum.GetValues<UnitType>().Where(t => new Unit("u", "单位", "Unit", t).HostsProjects);

        Assert.Equal([UnitType.DevelopmentZone, UnitType.County], hosts);
    }

    [Fact]
    public void A_unit_without_an_English_name_uses_its_Chinese_name()
    {
        var unit = new Unit(" shache ", " 莎车县 ", " ", UnitType.County);

        Assert.Equal("shache", unit.Code);
        Assert.Equal("莎车县", unit.NameEn);
    }

    [Fact]
    public void A_unit_needs_a_code_and_a_name()
    {
        Assert.Equal("Unit.CodeRequired", Assert.Throws<DomainRuleException>(() => new Unit(" ", "莎车县", "Shache", UnitType.County)).Violation.Code);
        Assert.Equal("Unit.NameRequired", Assert.Throws<DomainRuleException>(() => new Unit("shache", "", "Shache", UnitType.County)).Violation.Code);
    }

    [Fact]
    public void The_five_priority_regions_come_first()
    {
        var priority = Enum.GetValues<SourceRegionCode>().Where(r => r.IsPriority());

        Assert.Equal(
            [SourceRegionCode.PearlRiverDelta, SourceRegionCode.YangtzeRiverDelta, SourceRegionCode.Shandong,
             SourceRegionCode.SichuanChongqing, SourceRegionCode.BeijingTianjinHebei],
            priority);
    }

    [Fact]
    public void Only_money_from_within_Xinjiang_is_not_out_of_region()
    {
        var within = Enum.GetValues<SourceRegionCode>().Where(r => !r.IsOutOfRegion());

        Assert.Equal([SourceRegionCode.WithinXinjiang], within);
    }
}
