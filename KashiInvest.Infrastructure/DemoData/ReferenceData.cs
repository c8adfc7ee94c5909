using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>A unit of the reference data. <paramref name="ParentCode"/> names the county or KEDZ a service group serves.</summary>
public sealed record UnitDefinition(string Code, string Name, string NameEn, UnitType Type, string? ParentCode = null, SourceRegionCode? Region = null);

public sealed record ChainLinkDefinition(string Name, string NameEn, ChainSegment Segment, LinkStrength Strength);

public sealed record ChainDefinition(string Code, string Name, string NameEn, string LeadUnitCode, IReadOnlyList<ChainLinkDefinition> Links);

/// <summary>
/// The prefecture's real units and its key industry chains (domain guide, "Who uses it" and "Industries and chains").
/// Codes are stable: accounts, URLs and the demo generator refer to units and chains by code.
/// </summary>
public static class ReferenceData
{
    public const string BureauCode = "bureau";
    public const string LeadersCode = "leaders";
    public const string DevelopmentZoneCode = "kedz";
    public const string FrontCommandCode = "front";

    /// <summary>Pairing aid (对口援疆) as commonly reported: which source region aids which host.</summary>
    public static SourceRegionCode? PairedRegion(string hostCode) => hostCode switch
    {
        // Shanghai
        "shache" or "zepu" or "yecheng" or "bachu" => SourceRegionCode.YangtzeRiverDelta,
        // Guangdong, and Shenzhen (KEDZ includes the Shenzhen industrial park)
        "shufu" or "jiashi" or "kashi" or "tashi" or DevelopmentZoneCode => SourceRegionCode.PearlRiverDelta,
        // Shandong
        "shule" or "yingjisha" or "maigaiti" or "yuepuhu" => SourceRegionCode.Shandong,
        _ => null,
    };

    /// <summary>The twelve counties and cities, in the order the prefecture lists them.</summary>
    public static readonly IReadOnlyList<UnitDefinition> Counties =
    [
        new("kashi", "喀什市", "Kashgar City", UnitType.County),
        new("shufu", "疏附县", "Shufu County", UnitType.County),
        new("shule", "疏勒县", "Shule County", UnitType.County),
        new("yingjisha", "英吉沙县", "Yingjisha County", UnitType.County),
        new("zepu", "泽普县", "Zepu County", UnitType.County),
        new("shache", "莎车县", "Shache County", UnitType.County),
        new("yecheng", "叶城县", "Yecheng County", UnitType.County),
        new("maigaiti", "麦盖提县", "Maigaiti County", UnitType.County),
        new("yuepuhu", "岳普湖县", "Yuepuhu County", UnitType.County),
        new("jiashi", "伽师县", "Jiashi County", UnitType.County),
        new("bachu", "巴楚县", "Bachu County", UnitType.County),
        new("tashi", "塔什库尔干塔吉克自治县", "Taxkorgan Tajik Autonomous County", UnitType.County),
    ];

    public static readonly UnitDefinition DevelopmentZone =
        new(DevelopmentZoneCode, "喀什经济开发区", "Kashgar Economic Development Zone", UnitType.DevelopmentZone);

    /// <summary>KEDZ and the twelve counties: the attracting units that host projects.</summary>
    public static readonly IReadOnlyList<UnitDefinition> Hosts = [DevelopmentZone, .. Counties];

    public static readonly IReadOnlyList<UnitDefinition> SubBureaus =
    [
        new("sub-prd", "喀什地区驻珠三角片区招商分局", "Kashgar Investment Sub-bureau in the Pearl River Delta", UnitType.SubBureau, Region: SourceRegionCode.PearlRiverDelta),
        new("sub-yrd", "喀什地区驻长三角片区招商分局", "Kashgar Investment Sub-bureau in the Yangtze River Delta", UnitType.SubBureau, Region: SourceRegionCode.YangtzeRiverDelta),
        new("sub-sd", "喀什地区驻山东片区招商分局", "Kashgar Investment Sub-bureau in Shandong", UnitType.SubBureau, Region: SourceRegionCode.Shandong),
        new("sub-jjj", "喀什地区驻京津冀片区招商分局", "Kashgar Investment Sub-bureau in Beijing–Tianjin–Hebei", UnitType.SubBureau, Region: SourceRegionCode.BeijingTianjinHebei),
        new("sub-cy", "喀什地区驻川渝片区招商分局", "Kashgar Investment Sub-bureau in Sichuan–Chongqing", UnitType.SubBureau, Region: SourceRegionCode.SichuanChongqing),
    ];

    public static readonly IReadOnlyList<UnitDefinition> Departments =
    [
        new("dept-natres", "喀什地区自然资源局", "Kashgar Prefecture Natural Resources Bureau", UnitType.Department),
        new("dept-eco", "喀什地区生态环境局", "Kashgar Prefecture Ecology and Environment Bureau", UnitType.Department),
        new("dept-housing", "喀什地区住房和城乡建设局", "Kashgar Prefecture Housing and Urban-Rural Development Bureau", UnitType.Department),
        new("dept-drc", "喀什地区发展和改革委员会", "Kashgar Prefecture Development and Reform Commission", UnitType.Department),
        new("dept-industry", "喀什地区工业和信息化局", "Kashgar Prefecture Industry and Information Technology Bureau", UnitType.Department),
        new("dept-water", "喀什地区水利局", "Kashgar Prefecture Water Resources Bureau", UnitType.Department),
    ];

    public static readonly IReadOnlyList<ChainDefinition> Chains =
    [
        new("textiles", "纺织服装", "Textiles and garments", "lead-textiles",
        [
            new("棉花种植与加工", "Cotton growing and ginning", ChainSegment.Upstream, LinkStrength.Strong),
            new("纺纱", "Spinning", ChainSegment.Midstream, LinkStrength.Strong),
            new("织布", "Weaving", ChainSegment.Midstream, LinkStrength.Weak),
            new("印染", "Dyeing and finishing", ChainSegment.Midstream, LinkStrength.Broken),
            new("服装家纺", "Garments and home textiles", ChainSegment.Downstream, LinkStrength.Short),
        ]),
        new("electronics", "电子产品组装", "Electronics assembly", "lead-electronics",
        [
            new("电子元器件", "Electronic components", ChainSegment.Upstream, LinkStrength.Broken),
            new("线路板贴装", "Circuit-board assembly (SMT)", ChainSegment.Midstream, LinkStrength.Weak),
            new("智能终端组装", "Phone and smart-device assembly", ChainSegment.Midstream, LinkStrength.Short),
            new("检测与包装", "Testing and packaging", ChainSegment.Downstream, LinkStrength.Weak),
            new("出口贸易", "Export trade", ChainSegment.Downstream, LinkStrength.Strong),
        ]),
        new("agri", "农副产品精深加工", "Agricultural and sideline product processing", "lead-agri",
        [
            new("粮油种植", "Grain and oil crops", ChainSegment.Upstream, LinkStrength.Strong),
            new("畜禽养殖", "Livestock and poultry farming", ChainSegment.Upstream, LinkStrength.Weak),
            new("屠宰与肉制品加工", "Slaughtering and meat products", ChainSegment.Midstream, LinkStrength.Short),
            new("粮油及馕产品加工", "Flour, oil and naan products", ChainSegment.Midstream, LinkStrength.Strong),
            new("冷链仓储", "Cold-chain storage", ChainSegment.Downstream, LinkStrength.Weak),
            new("品牌营销", "Branding and marketing", ChainSegment.Downstream, LinkStrength.Broken),
        ]),
        new("building", "新型建材", "New building materials", "lead-building",
        [
            new("砂石与矿产资源", "Aggregates and minerals", ChainSegment.Upstream, LinkStrength.Strong),
            new("水泥及制品", "Cement and cement products", ChainSegment.Midstream, LinkStrength.Strong),
            new("装配式建筑构件", "Prefabricated building components", ChainSegment.Midstream, LinkStrength.Weak),
            new("新型墙体材料", "New wall materials", ChainSegment.Midstream, LinkStrength.Short),
            new("绿色建筑与装饰装修", "Green building and fit-out", ChainSegment.Downstream, LinkStrength.Broken),
        ]),
        new("tourism", "文化旅游", "Culture and tourism", "lead-tourism",
        [
            new("文旅资源开发", "Heritage and landscape resources", ChainSegment.Upstream, LinkStrength.Strong),
            new("景区建设运营", "Scenic-area development and operation", ChainSegment.Midstream, LinkStrength.Weak),
            new("酒店民宿", "Hotels and guesthouses", ChainSegment.Midstream, LinkStrength.Short),
            new("文创产品", "Cultural and creative products", ChainSegment.Downstream, LinkStrength.Broken),
            new("演艺与节庆", "Performances and festivals", ChainSegment.Downstream, LinkStrength.Weak),
        ]),
        new("logistics", "商贸物流", "Trade and logistics", "lead-logistics",
        [
            new("综合保税区", "Comprehensive bonded zone", ChainSegment.Upstream, LinkStrength.Strong),
            new("仓储配送", "Warehousing and distribution", ChainSegment.Midstream, LinkStrength.Weak),
            new("冷链物流", "Cold-chain logistics", ChainSegment.Midstream, LinkStrength.Short),
            new("跨境电商", "Cross-border e-commerce", ChainSegment.Downstream, LinkStrength.Weak),
            new("航空物流", "Air freight (airport economy)", ChainSegment.Downstream, LinkStrength.Broken),
        ]),
        new("energy", "新能源（光伏、储能、锂电）", "New energy (photovoltaics, storage, lithium batteries)", "lead-energy",
        [
            new("硅材料", "Silicon materials", ChainSegment.Upstream, LinkStrength.Broken),
            new("光伏组件", "Photovoltaic modules", ChainSegment.Midstream, LinkStrength.Weak),
            new("储能系统集成", "Energy-storage integration", ChainSegment.Midstream, LinkStrength.Short),
            new("锂电池制造", "Lithium-battery manufacturing", ChainSegment.Midstream, LinkStrength.Broken),
            new("光伏电站建设运营", "Solar plant construction and operation", ChainSegment.Downstream, LinkStrength.Strong),
        ]),
        new("fruit", "林果业", "Forest fruit", "lead-fruit",
        [
            new("林果种植基地", "Orchards", ChainSegment.Upstream, LinkStrength.Strong),
            new("采后分级与保鲜", "Post-harvest grading and storage", ChainSegment.Midstream, LinkStrength.Weak),
            new("干果精深加工", "Dried-fruit and nut processing", ChainSegment.Midstream, LinkStrength.Short),
            new("果汁饮品", "Juices and drinks", ChainSegment.Midstream, LinkStrength.Broken),
            new("电商与品牌销售", "E-commerce and brand sales", ChainSegment.Downstream, LinkStrength.Weak),
        ]),
        new("chemicals", "精细化工", "Fine chemicals", "lead-chemicals",
        [
            new("基础化工原料", "Basic chemical feedstock", ChainSegment.Upstream, LinkStrength.Weak),
            new("化工园区公用工程", "Chemical-park utilities", ChainSegment.Upstream, LinkStrength.Weak),
            new("精细化学品", "Fine chemicals", ChainSegment.Midstream, LinkStrength.Short),
            new("纺织及塑料助剂", "Textile and plastic additives", ChainSegment.Midstream, LinkStrength.Broken),
            new("日用化学品", "Household chemicals", ChainSegment.Downstream, LinkStrength.Broken),
        ]),
    ];

    /// <summary>
    /// One prefecture department per chain (Art. 9). These are ChainLead units in their own right: a department
    /// that is also listed among <see cref="Departments"/> appears twice, once in each role.
    /// </summary>
    public static readonly IReadOnlyList<UnitDefinition> ChainLeads =
    [
        new("lead-textiles", "喀什地区工业和信息化局", "Kashgar Prefecture Industry and Information Technology Bureau (textiles chain lead)", UnitType.ChainLead),
        new("lead-electronics", "喀什地区科学技术局", "Kashgar Prefecture Science and Technology Bureau (electronics chain lead)", UnitType.ChainLead),
        new("lead-agri", "喀什地区农业农村局", "Kashgar Prefecture Agriculture and Rural Affairs Bureau (agricultural processing chain lead)", UnitType.ChainLead),
        new("lead-building", "喀什地区住房和城乡建设局", "Kashgar Prefecture Housing and Urban-Rural Development Bureau (building materials chain lead)", UnitType.ChainLead),
        new("lead-tourism", "喀什地区文化体育广播电视和旅游局", "Kashgar Prefecture Culture, Sports, Radio, Television and Tourism Bureau (tourism chain lead)", UnitType.ChainLead),
        new("lead-logistics", "喀什地区商务局", "Kashgar Prefecture Commerce Bureau (trade and logistics chain lead)", UnitType.ChainLead),
        new("lead-energy", "喀什地区能源局", "Kashgar Prefecture Energy Bureau (new energy chain lead)", UnitType.ChainLead),
        new("lead-fruit", "喀什地区林业和草原局", "Kashgar Prefecture Forestry and Grassland Bureau (forest fruit chain lead)", UnitType.ChainLead),
        new("lead-chemicals", "喀什地区发展和改革委员会", "Kashgar Prefecture Development and Reform Commission (fine chemicals chain lead)", UnitType.ChainLead),
    ];

    /// <summary>Every unit except the service groups, which need their parent's id: the first batch to save.</summary>
    public static readonly IReadOnlyList<UnitDefinition> TopLevelUnits =
    [
        new(BureauCode, "喀什地区招商引资工作领导小组办公室（地区招商局）", "Prefecture Investment Bureau (Office of the Investment Attraction Leading Group)", UnitType.Bureau),
        new(LeadersCode, "喀什地区招商引资工作领导小组（地区分管领导）", "Prefecture Investment Attraction Leading Group (Prefecture Leaders)", UnitType.LeadersOffice),
        DevelopmentZone,
        .. Counties,
        .. SubBureaus,
        new(FrontCommandCode, "四省市援疆工作（前方）指挥部", "Front Command of the Four Provinces and Cities' Aid to Xinjiang", UnitType.FrontCommand),
        .. Departments,
        .. ChainLeads,
    ];

    /// <summary>One assist-and-proxy service group per host (Art. 23), code <c>svc-{host code}</c>.</summary>
    public static readonly IReadOnlyList<UnitDefinition> ServiceGroups =
        Hosts.Select(h => new UnitDefinition($"svc-{h.Code}", $"{h.Name}帮办代办联合服务组", $"{h.NameEn} Assist-and-Proxy Service Group",
            UnitType.ServiceGroup, ParentCode: h.Code)).ToArray();

    public static IEnumerable<UnitDefinition> AllUnits => TopLevelUnits.Concat(ServiceGroups);
}
