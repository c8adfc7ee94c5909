using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo chain maps (Art. 12): every reference chain is extended to a plausible map of 10–25 links (the reference links
/// stay as they are, so the demo targets and projects on them keep their places), with flows between them, the enterprises
/// already in Kashgar on each link, the chain lead's note on every gap and a road map for it. Written by each chain's
/// lead through the domain (the audit rows name the seeding job, like the rest of the demo data). Links added here have no targets or projects yet: they are
/// the "gaps nobody works on" of the overview.
/// </summary>
internal static class ChainMapsDemoData
{
    /// <summary>An extra link: "name|English name|segment U/M/D|status S/W/H (short)/B|kind P/R".</summary>
    private static readonly Dictionary<string, (string[] Links, string[] Flows, SourceRegionCode[] Regions)> Maps = new()
    {
        ["textiles"] = (
        [
            "轧花与皮棉仓储|Ginning and lint storage|U|S|R", "棉籽综合利用|Cottonseed by-products|U|W|P", "化纤原料|Man-made fibre feedstock|U|B|P",
            "针织|Knitting|M|W|R", "纺织机械维修|Textile machinery service|M|H|R", "服装设计与打版|Fashion design and pattern making|D|B|R",
            "产业用纺织品|Technical textiles|D|B|P", "品牌与电商销售|Brands and online sales|D|W|R", "纺织品检测|Textile testing|D|H|R",
        ],
        [
            "棉花种植与加工>轧花与皮棉仓储", "棉花种植与加工>棉籽综合利用", "轧花与皮棉仓储>纺纱", "化纤原料>纺纱", "纺纱>织布", "纺纱>针织",
            "纺织机械维修>纺纱", "织布>印染", "针织>印染", "印染>服装家纺", "印染>产业用纺织品", "服装设计与打版>服装家纺",
            "服装家纺>品牌与电商销售", "服装家纺>纺织品检测",
        ],
        [SourceRegionCode.YangtzeRiverDelta, SourceRegionCode.Shandong]),
        ["electronics"] = (
        [
            "电子材料|Electronic materials|U|B|P", "注塑与结构件|Moulded and structural parts|U|W|P", "软件与方案设计|Software and product design|U|H|R",
            "显示模组|Display modules|M|B|P", "电源与线束|Power supplies and harnesses|M|H|P", "售后维修|After-sales repair|D|W|R",
        ],
        [
            "电子材料>电子元器件", "电子元器件>线路板贴装", "电子元器件>显示模组", "注塑与结构件>智能终端组装", "软件与方案设计>智能终端组装",
            "线路板贴装>智能终端组装", "显示模组>智能终端组装", "电源与线束>智能终端组装", "智能终端组装>检测与包装", "检测与包装>出口贸易",
            "智能终端组装>售后维修",
        ],
        [SourceRegionCode.PearlRiverDelta, SourceRegionCode.YangtzeRiverDelta]),
        ["agri"] = (
        [
            "种子种苗|Seeds and seedlings|U|H|P", "饲料加工|Feed milling|U|W|R", "乳制品加工|Dairy processing|M|B|R", "皮毛加工|Hides and wool processing|M|B|R",
            "包装材料|Packaging materials|M|H|P", "中央厨房与预制菜|Central kitchens and ready meals|D|B|P", "商超与批发市场|Retail and wholesale markets|D|S|R",
        ],
        [
            "种子种苗>粮油种植", "粮油种植>饲料加工", "饲料加工>畜禽养殖", "粮油种植>粮油及馕产品加工", "畜禽养殖>屠宰与肉制品加工", "畜禽养殖>乳制品加工",
            "畜禽养殖>皮毛加工", "屠宰与肉制品加工>冷链仓储", "乳制品加工>冷链仓储", "包装材料>粮油及馕产品加工", "粮油及馕产品加工>商超与批发市场",
            "屠宰与肉制品加工>中央厨房与预制菜", "冷链仓储>商超与批发市场", "商超与批发市场>品牌营销",
        ],
        [SourceRegionCode.Shandong, SourceRegionCode.BeijingTianjinHebei]),
        ["building"] = (
        [
            "石灰石开采|Limestone quarrying|U|S|P", "钢材供应|Steel supply|U|W|P", "玻璃及门窗|Glass, doors and windows|M|B|P", "商品混凝土|Ready-mixed concrete|M|S|P",
            "建筑陶瓷|Building ceramics|M|H|P", "建筑设计与工程总承包|Design and general contracting|D|W|R", "建材物流与市场|Building-materials logistics and markets|D|H|R",
        ],
        [
            "石灰石开采>水泥及制品", "砂石与矿产资源>商品混凝土", "水泥及制品>商品混凝土", "水泥及制品>装配式建筑构件", "钢材供应>装配式建筑构件",
            "砂石与矿产资源>新型墙体材料", "装配式建筑构件>绿色建筑与装饰装修", "新型墙体材料>绿色建筑与装饰装修", "玻璃及门窗>绿色建筑与装饰装修",
            "建筑陶瓷>绿色建筑与装饰装修", "商品混凝土>建筑设计与工程总承包", "建筑设计与工程总承包>绿色建筑与装饰装修", "水泥及制品>建材物流与市场",
        ],
        [SourceRegionCode.SichuanChongqing, SourceRegionCode.WithinXinjiang]),
        ["tourism"] = (
        [
            "非遗与民俗资源|Intangible heritage and folk culture|U|S|P", "旅游规划设计|Tourism planning and design|U|H|R", "旅游交通与集散|Tourist transport and hubs|M|W|R",
            "餐饮美食|Food and catering|M|S|R", "旅行社与线路产品|Travel agencies and tours|M|H|R", "研学与康养|Study tours and wellness|D|B|R",
            "智慧文旅与营销|Smart tourism and marketing|D|W|R",
        ],
        [
            "文旅资源开发>旅游规划设计", "旅游规划设计>景区建设运营", "文旅资源开发>景区建设运营", "非遗与民俗资源>旅行社与线路产品", "景区建设运营>旅游交通与集散",
            "旅游交通与集散>酒店民宿", "景区建设运营>演艺与节庆", "景区建设运营>文创产品", "酒店民宿>研学与康养", "旅行社与线路产品>研学与康养",
            "旅行社与线路产品>智慧文旅与营销", "餐饮美食>智慧文旅与营销",
        ],
        [SourceRegionCode.PearlRiverDelta, SourceRegionCode.BeijingTianjinHebei]),
        ["logistics"] = (
        [
            "口岸通关|Border-port clearance|U|S|R", "铁路货运场站|Rail freight yards|U|W|R", "公路港与多式联运|Road port and multimodal transport|M|H|R",
            "供应链金融|Supply-chain finance|M|B|R", "保税加工|Bonded processing|M|W|R", "外贸综合服务|Foreign-trade services|D|H|R", "中欧班列集结|China–Europe rail consolidation|D|W|R",
        ],
        [
            "口岸通关>综合保税区", "综合保税区>保税加工", "综合保税区>仓储配送", "铁路货运场站>公路港与多式联运", "公路港与多式联运>仓储配送", "仓储配送>冷链物流",
            "仓储配送>跨境电商", "冷链物流>跨境电商", "保税加工>外贸综合服务", "供应链金融>外贸综合服务", "公路港与多式联运>中欧班列集结", "仓储配送>航空物流",
        ],
        [SourceRegionCode.YangtzeRiverDelta, SourceRegionCode.PearlRiverDelta]),
        ["energy"] = (
        [
            "工业硅|Metallurgical silicon|U|H|P", "光伏玻璃与边框|PV glass and frames|U|W|P", "锂电材料|Lithium-battery materials|U|B|P",
            "硅片|Wafers|M|B|P", "电池片|Cells|M|B|P", "风电装备|Wind-turbine equipment|M|H|P", "风电场建设运营|Wind-farm construction and operation|D|S|R",
            "电网与输配电|Grid and distribution|D|W|R", "绿电制氢|Green hydrogen|D|B|P",
        ],
        [
            "工业硅>硅材料", "硅材料>硅片", "硅片>电池片", "电池片>光伏组件", "光伏玻璃与边框>光伏组件", "锂电材料>锂电池制造", "锂电池制造>储能系统集成",
            "光伏组件>光伏电站建设运营", "储能系统集成>光伏电站建设运营", "风电装备>风电场建设运营", "光伏电站建设运营>电网与输配电",
            "风电场建设运营>电网与输配电", "光伏电站建设运营>绿电制氢",
        ],
        [SourceRegionCode.YangtzeRiverDelta, SourceRegionCode.WithinXinjiang]),
        ["fruit"] = (
        [
            "苗木繁育|Nursery stock|U|W|P", "农资与植保|Farm inputs and plant protection|U|S|P", "林果机械化服务|Orchard machinery services|U|H|R",
            "气调库与冷链|Controlled-atmosphere storage|M|W|R", "果品包装|Fruit packaging|M|H|P", "功能食品与保健品|Functional and health foods|D|B|P",
            "批发与出口|Wholesale and export|D|W|R", "农旅融合采摘|Orchard tourism and picking|D|H|R",
        ],
        [
            "苗木繁育>林果种植基地", "农资与植保>林果种植基地", "林果机械化服务>林果种植基地", "林果种植基地>采后分级与保鲜", "采后分级与保鲜>气调库与冷链",
            "采后分级与保鲜>干果精深加工", "采后分级与保鲜>果汁饮品", "果品包装>电商与品牌销售", "干果精深加工>功能食品与保健品", "干果精深加工>电商与品牌销售",
            "气调库与冷链>批发与出口", "果汁饮品>电商与品牌销售", "气调库与冷链>农旅融合采摘",
        ],
        [SourceRegionCode.Shandong, SourceRegionCode.OtherDomestic]),
        ["chemicals"] = (
        [
            "天然气与煤化工原料|Gas and coal-chemical feedstock|U|H|P", "氯碱化工|Chlor-alkali|U|B|P", "农用化学品|Agrochemicals|M|B|P",
            "涂料与胶粘剂|Coatings and adhesives|M|H|P", "危化品仓储物流|Hazardous-goods storage and transport|D|W|R",
            "化工检测与安全服务|Chemical testing and safety services|D|H|R", "塑料制品|Plastic products|D|W|P",
        ],
        [
            "天然气与煤化工原料>基础化工原料", "氯碱化工>精细化学品", "基础化工原料>精细化学品", "基础化工原料>农用化学品", "化工园区公用工程>精细化学品",
            "精细化学品>纺织及塑料助剂", "精细化学品>涂料与胶粘剂", "纺织及塑料助剂>塑料制品", "精细化学品>日用化学品", "农用化学品>危化品仓储物流",
            "精细化学品>化工检测与安全服务",
        ],
        [SourceRegionCode.YangtzeRiverDelta, SourceRegionCode.Shandong]),
    };

    private static readonly string[] Places = ["喀什市", "疏附县", "疏勒县", "英吉沙县", "泽普县", "莎车县", "叶城县", "麦盖提县", "岳普湖县", "伽师县", "巴楚县"];
    private static readonly string[] Suffixes = ["有限公司", "科技有限公司", "实业有限公司", "发展有限公司"];

    public static async Task SeedAsync(KashiDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var chains = await db.Chains.Include(c => c.Links).Include(c => c.Flows).OrderBy(c => c.Id).ToListAsync(ct);
        if (chains.Any(c => c.Flows.Count > 0)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);

        // 1. The extra links, so that every link has an id before the flows refer to it.
        foreach (var chain in chains.Where(c => Maps.ContainsKey(c.Code)))
        {
            foreach (var spec in Maps[chain.Code].Links)
            {
                var p = spec.Split('|');
                if (chain.Links.Any(l => l.Name == p[0])) continue;
                chain.AddLink(p[0], p[1], Segment(p[2]), Status(p[3]));
            }
        }
        await db.SaveChangesAsync(ct);

        // 2. The chain lead of each chain draws its map.
        foreach (var (chain, index) in chains.Where(c => Maps.ContainsKey(c.Code)).Select((c, i) => (c, i)))
        {
            var map = Maps[chain.Code];
            var lead = new Actor("chain-" + chain.Code, chain.LeadUnitId);
            var kinds = map.Links.Select(s => s.Split('|')).ToDictionary(p => p[0], p => p[4] == "P" ? LinkKind.Product : LinkKind.Process);
            foreach (var flow in map.Flows)
            {
                var names = flow.Split('>');
                chain.Connect(Link(chain, names[0]), Link(chain, names[1]), now);
            }
            foreach (var (link, k) in chain.Links.OrderBy(l => l.Id).Select((l, k) => (l, k)))
            {
                var kind = kinds.TryGetValue(link.Name, out var known) ? known : LinkKind.Product;
                chain.DescribeLink(link, kind, null, now);
                var enterprises = link.Strength switch { LinkStrength.Strong => 3 + k % 2, LinkStrength.Weak => 1 + k % 2, LinkStrength.Short => 1, _ => 0 };
                for (var e = 0; e < enterprises; e++)
                {
                    var place = Places[(index * 7 + k * 3 + e) % Places.Length];
                    chain.AddLocalEnterprise(link, $"{place}{ShortName(link.Name)}{Suffixes[(k + e) % Suffixes.Length]}", now);
                }
                if (!link.HasGap) continue;
                chain.SetGapNote(link, Note(link), now);
                chain.AddRoadmapEntry(link, new RoadmapInput(Sought(link), map.Regions, today.AddMonths(3 + (k * 5 + index) % 10)), lead, now, today);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static ChainLink Link(IndustryChain chain, string name) =>
        chain.Links.FirstOrDefault(l => l.Name == name) ?? throw new InvalidOperationException($"Demo chain map {chain.Code}: no link {name}.");

    private static ChainSegment Segment(string code) => code switch { "U" => ChainSegment.Upstream, "M" => ChainSegment.Midstream, _ => ChainSegment.Downstream };

    private static LinkStrength Status(string code) => code switch { "S" => LinkStrength.Strong, "W" => LinkStrength.Weak, "H" => LinkStrength.Short, _ => LinkStrength.Broken };

    /// <summary>A short form of a link's name for an enterprise's name (the part before 与/及, at most six characters).</summary>
    private static string ShortName(string name)
    {
        var cut = name.IndexOfAny(['与', '及']);
        var s = cut > 1 ? name[..cut] : name;
        return s.Length > 6 ? s[..6] : s;
    }

    private static string Note(ChainLink link) => link.Strength switch
    {
        LinkStrength.Weak => $"本地{link.Name}企业规模小、配套能力弱，产品多依赖疆外，需引进龙头企业强链。",
        LinkStrength.Short => $"{link.Name}产能不足，本地产品多外运加工或外购配套，需延链补短。",
        _ => $"本地尚无{link.Name}企业，链条在此断开，需招引企业补链。",
    };

    private static string Sought(ChainLink link) => link.Strength switch
    {
        LinkStrength.Broken => $"引进{link.Name}龙头企业1家，带动配套企业落地",
        LinkStrength.Short => $"引进{link.Name}项目1—2个，扩大本地产能",
        _ => $"引进{link.Name}骨干企业，提升本地配套能力",
    };
}
