using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Units;

/// <summary>The kinds of government unit that take part in investment attraction (domain guide, "Who uses it").</summary>
public enum UnitType
{
    /// <summary>地区招商引资工作领导小组办公室（地区招商局）.</summary>
    Bureau,
    /// <summary>地区分管领导 / 领导小组.</summary>
    LeadersOffice,
    /// <summary>喀什经济开发区 — an attracting unit like a county.</summary>
    DevelopmentZone,
    /// <summary>One of the twelve counties and cities — an attracting unit.</summary>
    County,
    /// <summary>驻点招商片区分局 — resident district sub-bureau.</summary>
    SubBureau,
    /// <summary>重点产业链链主单位 — a prefecture department leading one key industry chain.</summary>
    ChainLead,
    /// <summary>援疆（前方）指挥部 — aid front command.</summary>
    FrontCommand,
    /// <summary>帮办代办联合服务组 — assist-and-proxy service group of a county or KEDZ.</summary>
    ServiceGroup,
    /// <summary>A functional department (land, environment, housing, …).</summary>
    Department,
}

/// <summary>A government unit. Units are reference data: created by administrators, renamed rarely, never deleted.</summary>
public sealed class Unit : AggregateRoot, IAudited
{
    private Unit() { Code = Name = NameEn = string.Empty; }

    public Unit(string code, string name, string nameEn, UnitType type, int? parentUnitId = null, SourceRegionCode? region = null)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainRuleException("Unit.CodeRequired");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Unit.NameRequired");
        Code = code.Trim();
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        Type = type;
        ParentUnitId = parentUnitId;
        Region = region;
    }

    /// <summary>A short stable code, used in account names and URLs (e.g. <c>shache</c>).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public UnitType Type { get; private set; }

    /// <summary>For a service group: the county or KEDZ it serves.</summary>
    public int? ParentUnitId { get; private set; }

    /// <summary>For a sub-bureau or front command: the source region it is stationed in or faces.</summary>
    public SourceRegionCode? Region { get; private set; }

    /// <summary>Attracting units (引资单位, Art. 2) host projects: KEDZ and the counties.</summary>
    public bool HostsProjects => Type is UnitType.County or UnitType.DevelopmentZone;
}

/// <summary>
/// Where an investor comes from (Art. 16): the five priority regions first, others second.
/// Kept in Units because sub-bureaus are stationed by region.
/// </summary>
public enum SourceRegionCode
{
    PearlRiverDelta,
    YangtzeRiverDelta,
    Shandong,
    SichuanChongqing,
    BeijingTianjinHebei,
    OtherDomestic,
    WithinXinjiang,
    Overseas,
}

public static class SourceRegions
{
    /// <summary>The five regions the Bureau targets first (Art. 16).</summary>
    public static bool IsPriority(this SourceRegionCode region) => region <= SourceRegionCode.BeijingTianjinHebei;

    /// <summary>Whether money from this region counts as out-of-region funds (区外到位资金).</summary>
    public static bool IsOutOfRegion(this SourceRegionCode region) => region != SourceRegionCode.WithinXinjiang;
}
