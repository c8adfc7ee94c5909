using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// The words of the demo data: enterprise and project names, notes, narratives and problem descriptions as a
/// Kashgar investment official would write them. Every name is a fictional combination. A pattern such as
/// <c>年产{2|3|5}万吨棉纱项目</c> picks one of the alternatives in braces.
/// </summary>
internal static class DemoTexts
{
    // ---------------------------------------------------------------- investors

    /// <summary>City or province prefixes of enterprise names, with the 6-digit division code of their registration.</summary>
    public static IReadOnlyList<(string Prefix, string Division)> PlacesOf(SourceRegionCode region) => region switch
    {
        SourceRegionCode.PearlRiverDelta =>
            [("广东", "440000"), ("深圳", "440300"), ("广州", "440100"), ("佛山", "440600"), ("东莞", "441900"), ("珠海", "440400"), ("中山", "442000")],
        SourceRegionCode.YangtzeRiverDelta =>
            [("上海", "310000"), ("上海", "310115"), ("江苏", "320000"), ("苏州", "320500"), ("无锡", "320200"), ("浙江", "330000"), ("杭州", "330100"), ("宁波", "330200"), ("绍兴", "330600")],
        SourceRegionCode.Shandong =>
            [("山东", "370000"), ("青岛", "370200"), ("济南", "370100"), ("潍坊", "370700"), ("烟台", "370600"), ("淄博", "370300"), ("临沂", "371300")],
        SourceRegionCode.BeijingTianjinHebei =>
            [("北京", "110000"), ("北京", "110108"), ("天津", "120000"), ("河北", "130000"), ("石家庄", "130100"), ("保定", "130600")],
        SourceRegionCode.SichuanChongqing =>
            [("四川", "510000"), ("成都", "510100"), ("重庆", "500000"), ("绵阳", "510700"), ("宜宾", "511500")],
        SourceRegionCode.OtherDomestic =>
            [("河南", "410000"), ("郑州", "410100"), ("湖北", "420000"), ("武汉", "420100"), ("福建", "350000"), ("厦门", "350200"), ("湖南", "430000"), ("安徽", "340000"), ("陕西", "610000"), ("西安", "610100")],
        SourceRegionCode.WithinXinjiang =>
            [("新疆", "650000"), ("乌鲁木齐", "650100"), ("喀什", "653101"), ("阿克苏", "652901"), ("昌吉", "652301"), ("库尔勒", "652801")],
        SourceRegionCode.Overseas =>
            [("香港", "440300"), ("新加坡", "310000"), ("巴基斯坦", ""), ("哈萨克斯坦", ""), ("乌兹别克斯坦", ""), ("吉尔吉斯斯坦", "")],
        _ => throw new ArgumentOutOfRangeException(nameof(region)),
    };

    /// <summary>Characters that make up fictional trade names (字号), two at a time.</summary>
    public const string BrandCharacters = "瑞丰恒远嘉禾德润博盛锦程鑫宏泰祥富源信达汇海川昊安康兴隆元凯越宇辰睿智创益众合裕坤晟铭景鸿";

    /// <summary>Two-character combinations that are famous real trade names; the generator never uses them.</summary>
    public static readonly HashSet<string> FamousBrands =
    [
        "恒安", "恒信", "新兴", "宏达", "信达", "华润", "海信", "正泰", "恒源", "德信", "元康", "合众", "瑞康", "达安", "盛达", "汇源",
        "康达", "隆达", "恒达", "安信", "兴业", "合兴", "富安", "海川", "川海", "鑫源", "祥源", "恒瑞", "众信", "宇通", "凯越", "安达",
    ];

    public static IReadOnlyList<string> IndustryWordsOf(string chain) => chain switch
    {
        "textiles" => ["纺织", "棉纺", "纺织科技", "服饰", "家纺", "针织"],
        "electronics" => ["电子", "电子科技", "智能科技", "精密电子", "光电科技"],
        "agri" => ["食品", "农业科技", "粮油", "农牧", "食品科技"],
        "building" => ["建材", "新型建材", "建筑科技", "绿色建材", "建筑工业"],
        "tourism" => ["文化旅游", "文旅发展", "旅游开发", "酒店管理", "文化传媒"],
        "logistics" => ["物流", "供应链管理", "国际贸易", "商贸", "冷链物流"],
        "energy" => ["新能源", "光伏科技", "储能科技", "锂电科技", "能源科技"],
        "fruit" => ["果业", "林果科技", "干果食品", "果蔬", "农产品"],
        "chemicals" => ["化工", "精细化工", "化学", "新材料", "日化"],
        _ => throw new ArgumentOutOfRangeException(nameof(chain)),
    };

    // ---------------------------------------------------------------- projects

    /// <summary>Project name patterns per chain, each with the index of the chain link it fills.</summary>
    public static IReadOnlyList<(int Link, string Pattern)> ProjectPatternsOf(string chain) => chain switch
    {
        "textiles" =>
        [
            (0, "年产{5|8|10}万吨皮棉加工项目"), (0, "棉花收储及加工中心项目"),
            (1, "年产{2|3|5}万吨棉纱项目"), (1, "{10|20|30}万锭紧密纺项目"), (1, "{5|10}万锭涡流纺项目"), (1, "棉纺智能化改造项目"),
            (2, "{200|300|500}台喷气织机织造项目"), (2, "年产{3000|5000|8000}万米高档色织布项目"),
            (3, "年产{1|2|3}亿米印染面料项目"), (3, "印染及污水集中处理项目"),
            (4, "年产{300|500|800}万件服装项目"), (4, "家纺产品生产基地项目"), (4, "针织服装产业园项目"), (4, "{20|30|50}条服装生产线项目"),
        ],
        "electronics" =>
        [
            (0, "电子元器件生产项目"), (0, "年产{5|10}亿只片式电容项目"),
            (1, "{10|20}条SMT线路板贴装项目"), (1, "线路板贴装生产线项目"),
            (2, "智能手机组装项目"), (2, "年产{300|500|1000}万台智能终端项目"), (2, "智能穿戴设备生产基地项目"), (2, "电子产品组装产业园项目"),
            (3, "电子产品检测认证中心项目"),
            (4, "电子产品出口加工基地项目"),
        ],
        "agri" =>
        [
            (0, "{5|10}万亩高标准农田种植项目"),
            (1, "年出栏{10|20|50}万只肉羊养殖项目"), (1, "万头奶牛养殖基地项目"),
            (2, "肉羊屠宰及精深加工项目"), (2, "年产{1|2}万吨牛羊肉制品项目"),
            (3, "年产{3|5|10}万吨面粉加工项目"), (3, "馕产业园项目"), (3, "年产{2|5}万吨食用油精炼项目"), (3, "年产{1|2}万吨辣椒制品项目"),
            (4, "农产品冷链仓储中心项目"),
            (5, "特色农产品品牌运营中心项目"),
        ],
        "building" =>
        [
            (0, "年产{100|200|300}万吨机制砂石项目"),
            (1, "年产{60|100}万立方米商品混凝土项目"), (1, "水泥制品生产线项目"),
            (2, "装配式建筑构件生产项目"), (2, "年产{10|20}万立方米装配式预制构件项目"), (2, "钢结构装配式建筑生产基地项目"),
            (3, "年产{1|2|3}亿块新型节能墙材项目"), (3, "加气混凝土砌块生产线项目"),
            (4, "绿色建材产业园项目"), (4, "岩棉保温材料生产项目"),
        ],
        "tourism" =>
        [
            (0, "古城文化旅游资源开发项目"), (0, "帕米尔高原旅游资源开发项目"), (0, "沙漠胡杨旅游开发项目"),
            (1, "景区提升改造项目"), (1, "乡村旅游示范区项目"),
            (2, "精品民宿集群项目"), (2, "星级酒店建设项目"), (2, "旅游度假酒店项目"),
            (3, "非遗文创产品研发基地项目"), (3, "民族手工艺品产业园项目"),
            (4, "大型实景演艺项目"), (4, "文化演艺中心项目"),
        ],
        "logistics" =>
        [
            (0, "综合保税区保税仓储项目"), (0, "综合保税区加工贸易项目"),
            (1, "商贸物流园项目"), (1, "城乡配送中心项目"), (1, "{5|10}万平方米智能仓储项目"),
            (2, "冷链物流园项目"), (2, "农产品冷链集散中心项目"),
            (3, "跨境电商产业园项目"), (3, "跨境电商海外仓项目"),
            (4, "航空物流货运中心项目"), (4, "临空经济区物流项目"),
        ],
        "energy" =>
        [
            (0, "光伏玻璃生产线项目"), (0, "年产{5|10}万吨高纯硅材料项目"),
            (1, "光伏组件生产基地项目"), (1, "年产{1|2|5}GW光伏组件项目"),
            (2, "{100|200}MWh储能电站项目"), (2, "储能系统集成生产项目"),
            (3, "锂电池电芯生产项目"), (3, "年产{2|5}GWh锂电池项目"),
            (4, "{100|200|500}MW光伏发电项目"), (4, "光储一体化电站项目"),
        ],
        "fruit" =>
        [
            (0, "{1|2|3}万亩核桃提质增效项目"), (0, "红枣标准化种植基地项目"), (0, "巴旦木种植基地项目"),
            (1, "林果分级包装及保鲜库项目"), (1, "{1|2}万吨林果气调库项目"),
            (2, "红枣精深加工项目"), (2, "核桃精深加工项目"), (2, "年产{5000|10000}吨巴旦木加工项目"), (2, "无花果干果加工项目"),
            (3, "石榴汁饮品生产项目"), (3, "年产{2|5}万吨果汁饮料项目"),
            (4, "林果电商直播基地项目"),
        ],
        "chemicals" =>
        [
            (0, "基础化工原料生产项目"),
            (1, "化工园区污水处理及公用工程项目"),
            (2, "年产{1|2|5}万吨精细化学品项目"), (2, "医药中间体生产项目"),
            (3, "纺织助剂生产项目"), (3, "塑料助剂生产项目"),
            (4, "日用化学品生产项目"), (4, "年产{2|5}万吨洗涤用品项目"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(chain)),
    };

    /// <summary>What a project of the chain mainly builds, for the description.</summary>
    public static string ScopeOf(string chain) => chain switch
    {
        "textiles" => "生产车间、原料及成品仓库、职工宿舍等配套设施，购置国内先进纺织设备",
        "electronics" => "标准化厂房、无尘车间、研发检测中心及配套设施，引进自动化组装生产线",
        "agri" => "加工车间、冷藏库、原料基地及配套设施，配套建设质量检测中心",
        "building" => "生产车间、原料堆场、成品堆场及配套设施，引进自动化生产线",
        "tourism" => "游客服务中心、住宿餐饮、文化体验设施及景区道路等配套设施",
        "logistics" => "仓储库房、分拣中心、信息平台及配套设施，开通国际国内物流通道",
        "energy" => "生产车间、研发中心、变配电设施及配套设施",
        "fruit" => "加工车间、保鲜库、分级包装线及配套设施，带动周边林果种植户增收",
        "chemicals" => "生产装置、罐区、安全环保设施及配套公用工程",
        _ => "生产车间及配套设施",
    };

    public static readonly string[] PrefectureLeaders =
    [
        "王建国（行署副专员）", "李卫东（行署副专员）", "阿不都热依木·吐尔逊（行署副专员）", "张志华（地委委员）",
        "刘国强（行署秘书长）", "陈立新（行署副专员）", "艾尼瓦尔·买买提（地委委员）",
    ];

    public const string HanSurnames = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";

    public static readonly string[] HanGivenNames =
    [
        "建华", "志强", "海涛", "红梅", "永刚", "晓东", "文斌", "丽娟", "国庆", "新民", "春雷", "卫国", "振华", "立群", "明辉",
        "志军", "爱民", "秀英", "学军", "鹏飞", "宏伟", "雪松", "洪波", "亚军", "玉兰",
    ];

    public static readonly string[] UyghurGivenNames =
    [
        "买买提", "艾合买提", "阿卜杜拉", "吐尔洪", "努尔艾力", "艾尔肯", "热合曼", "古丽米拉", "帕尔哈提", "迪丽努尔",
        "阿迪力", "麦麦提江", "依明", "艾则孜", "如克亚", "阿布都克力木",
    ];

    public static readonly string[] UyghurFatherNames =
    [
        "艾力", "托合提", "吾斯曼", "阿不都", "麦麦提", "吐尔逊", "热依木", "卡德尔", "吾守尔", "艾买提", "阿吾提", "尼亚孜",
    ];

    /// <summary>Titles of a host's leaders: the principal one heads a key project's work group (Art. 22).</summary>
    public static (string[] Principal, string[] Deputy) TitlesOf(UnitType hostType, string hostCode) =>
        hostType == UnitType.DevelopmentZone ? (["党工委书记", "管委会主任"], ["管委会副主任", "党工委副书记"])
        : hostCode == "kashi" ? (["市委书记", "市长"], ["副市长", "市委常委"])
        : (["县委书记", "县长"], ["副县长", "县委常委"]);

    // ---------------------------------------------------------------- stage notes

    public static readonly string[] TriageNotes =
    [
        "已录入客商信息库，由引资单位跟进对接。", "地区招商局已完成线索分析，按程序推进。", "企业投资意向明确，转入分级研判。",
    ];

    public static readonly string[] NegotiationNotes =
    [
        "双方已就投资规模、选址和优惠政策开展首轮洽谈。", "企业已赴现场考察园区，进入实质性洽谈。", "洽谈责任领导已带队赴企业总部对接。",
    ];

    public static readonly string[] EvaluationNotes =
    [
        "提交地区项目评估会研判。", "企业已报送项目可行性研究报告，申请召开评估会。", "链主单位与引资单位联合开展评估。",
    ];

    public static readonly string[] SigningNotes =
    [
        "评估会审议通过，已签订投资合作协议。", "在招商推介会上集中签约。", "评估通过，县政府与企业签订投资协议。",
    ];

    public static readonly string[] LandingNotes =
    [
        "企业已提交帮办代办申请，服务组已认领审批事项。", "项目公司已注册成立，启动前期手续办理。",
    ];

    public static readonly string[] ConstructionNotes = ["取得施工许可证，项目开工建设。", "举行开工仪式，主体工程全面开工。"];

    public static readonly string[] ProductionNotes = ["项目竣工验收合格，正式投产。", "生产线调试完成，实现试生产并转入正式生产。"];

    public static readonly string[] ReserveNotes =
    [
        "评估会认为项目用地需求与园区产业定位不符，暂入储备项目库。",
        "要素保障条件暂不具备，入库储备，待园区基础设施完善后重新洽谈。",
        "投资强度未达到园区准入标准，转入储备项目库。",
        "项目用水需求较大，现阶段水资源指标无法满足，入储备库。",
    ];

    public static readonly string[] RevivalNotes = ["园区配套条件已具备，企业重新启动洽谈。", "企业调整建设方案后重新提出投资意向。"];

    public static string TerminationNoteOf(TerminationReason reason) => reason switch
    {
        TerminationReason.InvestorWithdrew => "企业总部战略调整，撤回在疆投资意向。",
        TerminationReason.NotFeasible => "经测算原料及物流成本过高，项目经济性不足。",
        TerminationReason.PolicyConflict => "项目选址与国土空间规划不符，无法落地。",
        TerminationReason.FactorSupplyUnavailable => "园区用水、用电指标无法满足项目需求。",
        TerminationReason.ThreeHighScreen => "项目属高耗能、高排放类型，不符合\"三高\"项目准入要求。",
        TerminationReason.FinancialRisk => "经核查企业存在较大债务风险，终止洽谈。",
        TerminationReason.Duplicate => "与已登记项目为同一投资意向，合并办理。",
        _ => "企业实际控制人变更，项目终止。",
    };

    // ---------------------------------------------------------------- battle map

    public static readonly string[] MilestoneNames = ["签约", "立项备案", "土地摘牌", "环评批复", "施工许可", "开工建设", "主体完工", "设备安装", "竣工投产"];

    // ---------------------------------------------------------------- reports

    public static readonly string[] SignedNarratives =
    [
        "项目已完成签约，本期重点推进立项备案和用地预审，帮办代办服务组已与企业对接。",
        "本期与企业就厂区总平面规划方案进行对接，立项备案材料已报送发改部门审核。",
        "项目公司注册手续已办结，本期完成项目选址踏勘，正在编制可行性研究报告。",
    ];

    public static readonly string[] LandingNarratives =
    [
        "本期完成土地摘牌，正在办理不动产权证；环评报告已报生态环境部门审查。",
        "施工图设计已完成{60|70|80|90}%，施工许可手续正由帮办代办服务组办理；场地平整完成{50|70|90}%。",
        "水电接入方案已确定，供电线路接入工程已启动；施工单位招标已完成。",
        "本期取得环评批复和规划许可，消防设计审查材料已报送住建部门。",
    ];

    public static readonly string[] ConstructionNarratives =
    [
        "本期完成厂房主体结构封顶，设备采购合同已签订，累计完成投资{funds}。",
        "{1|2|3}号厂房钢结构安装完成{60|75|90}%，综合楼主体施工至{3|4|5}层。",
        "本期完成设备基础施工，首批{20|40|60}台（套）设备已到场，正在安装调试。",
        "办公楼及职工宿舍主体完工，厂区道路及管网施工完成{50|70|85}%。",
        "本期现场施工人员{150|200|300}余人，完成投资{funds}，工程进度符合计划。",
    ];

    public static readonly string[] ProductionNarratives =
    [
        "项目已竣工投产，本期实现产值{300|500|800|1200}万元，新增就业{20|40|60}人，其中本地就业占比{80|85|90}%。",
        "生产线运行稳定，本期订单{500|800|1500}万元，组织员工岗前培训{50|80|120}人次。",
        "本期产能利用率达到{60|70|80}%，二期扩产方案正在论证。",
    ];

    public static string NextStepsOf(ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => "下一步加快办理立项备案和土地出让手续，争取早日开工。",
        ProjectStage.Landing => "下一步督促取得施工许可证，协调水电气接入，力争按期开工。",
        ProjectStage.Construction => "下一步加快设备安装调试，确保按期竣工投产。",
        _ => "下一步协助企业稳定生产、扩大产能，落实稳岗就业政策。",
    };

    // ---------------------------------------------------------------- problems

    /// <summary>A problem description with the prefecture department that would own it once escalated.</summary>
    public sealed record ProblemText(ProblemCategory Category, FactorKind? Factor, string Description, string DepartmentCode, string Resolution);

    public static readonly ProblemText[] Problems =
    [
        new(ProblemCategory.FactorSupply, FactorKind.Land, "项目用地涉及基本农田调整，土地报批进度滞后。", "dept-natres", "自然资源部门开通绿色通道，用地报批已完成，项目取得不动产权证。"),
        new(ProblemCategory.FactorSupply, FactorKind.Land, "园区可供工业用地不足，项目二期用地指标尚未落实。", "dept-natres", "经地区协调调剂用地指标，二期用地已落实。"),
        new(ProblemCategory.FactorSupply, FactorKind.Land, "项目用地征收补偿未完成，无法按期交地。", "dept-natres", "征收补偿已兑付到位，土地已交付企业。"),
        new(ProblemCategory.FactorSupply, FactorKind.Water, "园区供水管网未接通，项目生产用水无法保障。", "dept-housing", "园区供水管网已接通，项目用水已保障。"),
        new(ProblemCategory.FactorSupply, FactorKind.Water, "项目取水许可指标不足，需地区协调水权。", "dept-drc", "经地区协调调配水权指标，取水许可已办理。"),
        new(ProblemCategory.FactorSupply, FactorKind.Power, "园区110千伏变电站未建成，项目用电无法保障。", "dept-drc", "临时供电方案已落实，变电站已建成投运。"),
        new(ProblemCategory.FactorSupply, FactorKind.Power, "项目供电专线接入工程滞后，影响设备调试。", "dept-drc", "供电公司已完成专线接入，设备调试正常。"),
        new(ProblemCategory.FactorSupply, FactorKind.Power, "企业反映用电价格高于协议约定的优惠电价。", "dept-drc", "已按协议落实优惠电价，差额部分已返还企业。"),
        new(ProblemCategory.FactorSupply, FactorKind.Gas, "天然气管道未铺设至园区，项目锅炉用气无法落实。", "dept-housing", "燃气公司已完成园区管道铺设并通气。"),
        new(ProblemCategory.FactorSupply, FactorKind.Gas, "冬季用气指标紧张，企业生产面临限气。", "dept-drc", "地区已协调增加冬季用气指标，企业正常生产。"),
        new(ProblemCategory.FactorSupply, FactorKind.Labour, "项目用工缺口较大，熟练技工招聘困难。", "dept-industry", "人社部门组织专场招聘会，用工缺口已基本补齐。"),
        new(ProblemCategory.FactorSupply, FactorKind.Labour, "企业岗前培训补贴申请进度慢，影响招工。", "dept-industry", "培训补贴已审核拨付，企业招工恢复正常。"),
        new(ProblemCategory.Approvals, null, "环评批复办理时间超出承诺时限。", "dept-eco", "生态环境部门并联审批，环评批复已办结。"),
        new(ProblemCategory.Approvals, null, "施工许可证因消防设计审查未通过而延迟。", "dept-housing", "企业补充消防设计后审查通过，施工许可证已核发。"),
        new(ProblemCategory.Approvals, null, "项目节能审查需上报自治区审批，进度较慢。", "dept-drc", "地区发改委协调自治区加快审查，节能审查意见已出具。"),
        new(ProblemCategory.Approvals, null, "规划许可办理中，需补充总平面图审查材料。", "dept-natres", "帮办代办人员协助补齐材料，规划许可已核发。"),
        new(ProblemCategory.Financing, null, "企业流动资金紧张，项目贷款审批未通过。", "dept-drc", "协调地方银行发放项目贷款，资金已到位。"),
        new(ProblemCategory.Financing, null, "项目设备融资租赁方案尚未落地。", "dept-industry", "融资租赁合同已签订，首批设备款已支付。"),
        new(ProblemCategory.Financing, null, "企业申请的技改贴息资金未到位。", "dept-industry", "技改贴息资金已拨付到位。"),
        new(ProblemCategory.PolicyFulfilment, null, "协议承诺的厂房租金减免政策尚未兑现。", "dept-industry", "租金减免已按协议兑现。"),
        new(ProblemCategory.PolicyFulfilment, null, "企业申请的产品运费补贴拨付滞后。", "dept-industry", "运费补贴已审核拨付。"),
        new(ProblemCategory.PolicyFulfilment, null, "招商引资奖励资金未按协议约定时间兑付。", "dept-drc", "奖励资金已兑付，并建立按期兑现台账。"),
        new(ProblemCategory.ContractPerformance, null, "企业未按协议约定时间开工，投资进度滞后。", "dept-drc", "企业已提交整改计划并开工建设。"),
        new(ProblemCategory.ContractPerformance, null, "企业实际投资额低于协议约定，需督促履约。", "dept-drc", "企业已追加投资，履约进度恢复正常。"),
        new(ProblemCategory.ContractPerformance, null, "代建厂房交付时间晚于合同约定。", "dept-housing", "代建厂房已交付使用。"),
        new(ProblemCategory.Other, null, "项目周边道路未硬化，影响物流车辆通行。", "dept-housing", "园区道路硬化工程已完工。"),
        new(ProblemCategory.Other, null, "企业员工宿舍等生活配套不足。", "dept-housing", "园区公寓已调配给企业使用。"),
        new(ProblemCategory.Other, null, "园区污水处理厂尚未投运，企业排水无出路。", "dept-eco", "园区污水处理厂已投运。"),
    ];

    public static readonly string[] ChainLeadEscalations = ["县级层面协调未果，提请链主单位协调解决。", "涉及行业主管部门职能，提请链主单位协调。"];

    public static readonly string[] PrefectureEscalations = ["涉及跨部门、跨层级事项，提请地区层面协调。", "链主单位协调后仍未解决，提请地区调度会研究。"];

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// Picks one alternative of every <c>{a|b|c}</c> group of a pattern; <c>{funds}</c> is replaced by <paramref name="funds"/>.
    /// With a <paramref name="size"/> in [0, 1) the alternatives, written smallest first, are chosen by size, not at random.
    /// </summary>
    public static string Fill(string pattern, Random random, string? funds = null, double? size = null)
    {
        var result = new System.Text.StringBuilder(pattern.Length);
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0) { result.Append(pattern, i, pattern.Length - i); break; }
            var close = pattern.IndexOf('}', open);
            result.Append(pattern, i, open - i);
            var inner = pattern.Substring(open + 1, close - open - 1);
            if (inner == "funds") result.Append(funds ?? "");
            else
            {
                var choices = inner.Split('|');
                result.Append(choices[size is { } scale ? Math.Min(choices.Length - 1, (int)(scale * choices.Length)) : random.Next(choices.Length)]);
            }
            i = close + 1;
        }
        return result.ToString();
    }

    /// <summary>An amount as officials write it: 7.5亿元, 3500万元.</summary>
    public static string Amount(decimal wan) =>
        wan >= 10_000m
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wan / 10_000m:0.##}亿元")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wan:0.##}万元");
}
