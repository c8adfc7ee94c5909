using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Investors;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo rows of Art. 16–19: a target library across chains and regions with pushes and follow-up, registration forms
/// that became Lead projects (marking their targets), and weekly intention reports of recent weeks with some units
/// missing this week. Written through the domain, like the rest of the demo data; the history is not news, so no
/// change notices are published for it.
/// </summary>
internal static class LeadsDemoData
{
    private sealed record TargetSpec(string Chain, int Link, SourceRegionCode Region, string Name, InvestorTier Tiers, string Notes);

    private static readonly TargetSpec[] Targets =
    [
        new("textiles", 3, SourceRegionCode.PearlRiverDelta, "广东粤纺印染科技股份有限公司", InvestorTier.Listed, "华南印染龙头，拟在西部布局环保印染基地"),
        new("textiles", 2, SourceRegionCode.YangtzeRiverDelta, "江苏恒织新材料集团有限公司", InvestorTier.China500, "喷气织机万台规模，寻求棉源地就近织造"),
        new("textiles", 4, SourceRegionCode.Shandong, "山东鲁锦家纺股份有限公司", InvestorTier.Listed | InvestorTier.IndustryLeader, "家纺出口龙头，关注南疆用工与中欧班列"),
        new("textiles", 4, SourceRegionCode.PearlRiverDelta, "深圳衣美服饰供应链有限公司", InvestorTier.None, "快反服装供应链，意向设立裁剪缝制车间"),
        new("textiles", 1, SourceRegionCode.YangtzeRiverDelta, "浙江纱都纺纱有限公司", InvestorTier.LittleGiant, "紧密纺高支纱专精特新企业"),
        new("textiles", 3, SourceRegionCode.BeijingTianjinHebei, "河北冀染环保科技有限公司", InvestorTier.None, "印染废水处理技术服务商"),
        new("electronics", 0, SourceRegionCode.PearlRiverDelta, "东莞芯联电子元器件有限公司", InvestorTier.LittleGiant, "被动元器件，补齐上游断链"),
        new("electronics", 1, SourceRegionCode.PearlRiverDelta, "深圳智贴电子科技股份有限公司", InvestorTier.Listed, "SMT贴装代工，关注口岸出口"),
        new("electronics", 2, SourceRegionCode.SichuanChongqing, "重庆渝智终端制造有限公司", InvestorTier.China500, "智能终端整机组装"),
        new("electronics", 3, SourceRegionCode.YangtzeRiverDelta, "苏州精测检测技术有限公司", InvestorTier.None, "电子产品检测与包装"),
        new("electronics", 2, SourceRegionCode.Overseas, "HK Bright Devices Ltd.", InvestorTier.None, "香港贸易商，面向中亚市场"),
        new("agri", 2, SourceRegionCode.Shandong, "山东齐鲁肉业集团有限公司", InvestorTier.IndustryLeader, "牛羊屠宰与精深加工"),
        new("agri", 4, SourceRegionCode.YangtzeRiverDelta, "上海鲜链冷链物流股份有限公司", InvestorTier.Listed, "冷链仓储网络运营商"),
        new("agri", 5, SourceRegionCode.BeijingTianjinHebei, "北京丝路优品品牌管理有限公司", InvestorTier.None, "农产品品牌营销与电商"),
        new("agri", 1, SourceRegionCode.SichuanChongqing, "四川川牧畜禽养殖有限公司", InvestorTier.None, "规模化养殖合作社运营"),
        new("agri", 3, SourceRegionCode.OtherDomestic, "河南中原粮油食品有限公司", InvestorTier.China500, "面粉与馕产品标准化加工"),
        new("building", 2, SourceRegionCode.Shandong, "山东鲁建装配式建筑有限公司", InvestorTier.None, "装配式构件生产线"),
        new("building", 3, SourceRegionCode.YangtzeRiverDelta, "浙江绿筑新型墙材股份有限公司", InvestorTier.LittleGiant, "蒸压加气混凝土砌块"),
        new("building", 4, SourceRegionCode.PearlRiverDelta, "广州绿装建筑装饰集团有限公司", InvestorTier.Listed, "绿色建筑与装修总包"),
        new("tourism", 2, SourceRegionCode.PearlRiverDelta, "深圳华旅酒店管理有限公司", InvestorTier.None, "精品酒店与民宿品牌"),
        new("tourism", 3, SourceRegionCode.BeijingTianjinHebei, "北京丝路文创发展有限公司", InvestorTier.None, "文创产品设计与授权"),
        new("tourism", 1, SourceRegionCode.YangtzeRiverDelta, "上海海派文旅集团有限公司", InvestorTier.China500, "景区投资与运营"),
        new("tourism", 4, SourceRegionCode.SichuanChongqing, "成都锦城演艺有限公司", InvestorTier.None, "实景演艺与节庆策划"),
        new("logistics", 3, SourceRegionCode.PearlRiverDelta, "深圳跨境通供应链股份有限公司", InvestorTier.Listed, "跨境电商海外仓"),
        new("logistics", 4, SourceRegionCode.YangtzeRiverDelta, "上海东航货运物流有限公司", InvestorTier.Global500, "航空货运与口岸物流"),
        new("logistics", 1, SourceRegionCode.Shandong, "山东青港仓储配送有限公司", InvestorTier.None, "公铁联运仓储配送"),
        new("logistics", 2, SourceRegionCode.WithinXinjiang, "乌鲁木齐天山冷链有限公司", InvestorTier.None, "区内冷链运输"),
        new("energy", 0, SourceRegionCode.YangtzeRiverDelta, "江苏晶硅新能源科技股份有限公司", InvestorTier.Listed | InvestorTier.IndustryLeader, "多晶硅与硅片，补上游断链"),
        new("energy", 1, SourceRegionCode.PearlRiverDelta, "广东光耀光伏组件有限公司", InvestorTier.LittleGiant, "高效组件产线"),
        new("energy", 2, SourceRegionCode.BeijingTianjinHebei, "北京储能云科技有限公司", InvestorTier.Unicorn, "储能系统集成独角兽"),
        new("energy", 3, SourceRegionCode.SichuanChongqing, "四川锂源电池材料股份有限公司", InvestorTier.Listed, "锂电池正极材料与电芯"),
        new("energy", 4, SourceRegionCode.Shandong, "山东电建新能源工程有限公司", InvestorTier.Global500, "光伏电站EPC与运营"),
        new("fruit", 1, SourceRegionCode.PearlRiverDelta, "广东果之源食品有限公司", InvestorTier.None, "干果深加工与出口"),
        new("fruit", 2, SourceRegionCode.YangtzeRiverDelta, "浙江鲜果网电子商务有限公司", InvestorTier.None, "生鲜电商平台"),
        new("fruit", 0, SourceRegionCode.OtherDomestic, "陕西秦果林业发展有限公司", InvestorTier.None, "林果种植技术服务"),
        new("fruit", 3, SourceRegionCode.BeijingTianjinHebei, "天津津果冷藏物流有限公司", InvestorTier.None, "果品冷藏与分级包装"),
    ];

    private static readonly string[] SubBureauByRegion = ["sub-prd", "sub-yrd", "sub-sd", "sub-cy", "sub-jjj"];

    public static async Task SeedAsync(KashiDbContext db, DemoReference reference, DateTime nowUtc, int seed, CancellationToken ct)
    {
        if (await db.TargetEnterprises.AnyAsync(ct)) return;
        // Times hang off 10:00 Beijing of the seeding day, so the same seed and day give the same rows at any hour.
        var anchor = BeijingTime.StartOfDayUtc(BeijingTime.DateOf(nowUtc)).AddHours(10);
        var random = new Random(seed + 16);
        var bureau = new Actor("bureau", reference.Unit(ReferenceData.BureauCode).Id);
        var hosts = ReferenceData.Hosts.Select(h => reference.Unit(h.Code)).ToList();
        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Type, u.Region }).ToListAsync(ct)).Select(u => new PushUnit(u.Id, u.Type, u.Region)).ToList();
        var accounts = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        Actor ActorOf(int unitId) => new(accounts[unitId] switch { var c when c.StartsWith("lead-", StringComparison.Ordinal) => "chain-" + c[5..], var c => c }, unitId);

        // 1. The library and its pushes (30–70 days ago), with follow-up by the receiving units.
        var targets = new List<(TargetEnterprise Target, TargetSpec Spec)>();
        for (var i = 0; i < Targets.Length; i++)
        {
            var spec = Targets[i];
            var chain = reference.Chains.First(c => c.Code == spec.Chain);
            var code = spec.Region is SourceRegionCode.Overseas ? null : CreditCode.Complete($"91{DivisionOf(spec.Region)}MA{(char)('0' + i / 10)}{(char)('0' + i % 10)}X{Random4(random)}").Value;
            var created = anchor.AddDays(-70 + i % 20);
            var target = TargetEnterprise.Create(new TargetInput(spec.Name, code, chain.Id, chain.Links[Math.Min(spec.Link, chain.Links.Count - 1)].Id,
                spec.Region, spec.Tiers, spec.Notes), bureau, created);
            db.TargetEnterprises.Add(target);
            targets.Add((target, spec));
        }
        await SaveQuietlyAsync(db, ct);

        var pushes = new List<TargetPush>();
        var turn = 0;
        foreach (var (target, spec) in targets.Where((_, i) => i % 6 != 5)) // a few entries not pushed yet
        {
            var chain = reference.Chains.First(c => c.Id == target.ChainId);
            // Every attracting unit gets its turn (two a target), plus a random third now and then.
            var chosen = new List<int> { hosts[turn++ % hosts.Count].Id, hosts[turn++ % hosts.Count].Id };
            if (random.Next(3) == 0) chosen.Add(hosts[random.Next(hosts.Count)].Id);
            var at = target.CreatedAtUtc.AddDays(2);
            foreach (var unit in PushRecipients.ByChain(chain.LeadUnitId, chosen, units))
                pushes.Add(new TargetPush(target.Id, unit, target.ChainId, PushReason.Chain, bureau, at));
            foreach (var unit in PushRecipients.ByRegion(target.Region, units).Where(u => pushes.All(p => p.TargetId != target.Id || p.UnitId != u)))
                pushes.Add(new TargetPush(target.Id, unit, target.ChainId, PushReason.Region, bureau, at));
        }
        foreach (var push in pushes)
        {
            var roll = random.Next(10);
            if (roll < 4) continue; // not contacted yet
            var contactAt = push.PushedAtUtc.AddDays(3 + random.Next(10));
            push.Record(TargetFollowUp.Contacted, Pick(random, ContactNotes), BeijingTime.DateOf(contactAt), ActorOf(push.UnitId), contactAt);
            if (roll < 7) continue;
            var visitAt = contactAt.AddDays(5 + random.Next(10));
            if (visitAt < anchor) push.Record(TargetFollowUp.Visited, Pick(random, VisitNotes), BeijingTime.DateOf(visitAt), ActorOf(push.UnitId), visitAt);
        }
        db.TargetPushes.AddRange(pushes);
        await SaveQuietlyAsync(db, ct);

        // 2. The Bureau also keeps enterprises already known to the investor library; the sub-bureaus visited eight of
        //    them and filed registration forms, each of which became a Lead project (matching the stored investor).
        var known = await db.Investors.AsNoTracking().Where(i => i.CreditCode != null)
            .Where(i => i.Region == SourceRegionCode.PearlRiverDelta || i.Region == SourceRegionCode.YangtzeRiverDelta || i.Region == SourceRegionCode.Shandong
                        || i.Region == SourceRegionCode.SichuanChongqing || i.Region == SourceRegionCode.BeijingTianjinHebei)
            .Where(i => !db.Projects.Any(p => p.InvestorId == i.Id && p.Stage == Domain.Projects.ProjectStage.Lead))
            .OrderBy(i => i.Id).Take(8).ToListAsync(ct);
        var thresholds = WorkGroupThresholds.Default;
        var year = BeijingTime.DateOf(anchor).Year;
        for (var k = 0; k < known.Count; k++)
        {
            var investor = known[k];
            var chain = reference.Chains[k % reference.Chains.Count];
            var link = chain.Links[(k * 2 + 1) % chain.Links.Count];
            var target = TargetEnterprise.Create(new TargetInput(investor.Name, investor.CreditCode, chain.Id, link.Id, investor.Region, investor.Tiers,
                Pick(random, Backgrounds)), bureau, anchor.AddDays(-40 + k));
            db.TargetEnterprises.Add(target);
            await SaveQuietlyAsync(db, ct);
            var filer = reference.Unit(SubBureauByRegion[(int)investor.Region]);
            var host = hosts[(k * 5) % hosts.Count];
            foreach (var unit in PushRecipients.ByChain(chain.LeadUnitId, [host.Id], units).Concat(PushRecipients.ByRegion(investor.Region, units)).Distinct())
            {
                var push = new TargetPush(target.Id, unit, chain.Id, unit == filer.Id ? PushReason.Region : PushReason.Chain, bureau, anchor.AddDays(-38 + k));
                if (unit == filer.Id)
                {
                    push.Record(TargetFollowUp.Contacted, Pick(random, ContactNotes), BeijingTime.DateOf(anchor.AddDays(-30 + k)), ActorOf(unit), anchor.AddDays(-30 + k));
                    push.Record(TargetFollowUp.Visited, Pick(random, VisitNotes), BeijingTime.DateOf(anchor.AddDays(-20 + k)), ActorOf(unit), anchor.AddDays(-20 + k));
                }
                db.TargetPushes.Add(push);
            }
            await SaveQuietlyAsync(db, ct);

            var at = anchor.AddDays(-14 + k).AddHours(-1);
            var input = new LeadFormInput(investor.Name, investor.CreditCode, investor.Region, investor.Tiers, target.Notes + "。" + Pick(random, Backgrounds),
                Pick(random, Operations), $"{chain.Name.Split('（')[0]}{Pick(random, ProjectKinds)}项目", chain.Id, link.Id, host.Id,
                random.Next(4, 120) * 1000m, random.Next(80, 900), Pick(random, Demands), (Feasibility)(k % 3), Pick(random, Judgements),
                BeijingTime.DateOf(anchor.AddDays(-20 + k)), "董事长、投资发展部总经理", $"{filer.Name.Replace("喀什地区", "")}工作人员");
            var matched = await InvestorDirectory.FindOrAddAsync(db, input.EnterpriseName, CreditCode.Parse(investor.CreditCode!), investor.Tiers, investor.Region, ct);
            var actor = new Actor(filer.Code, filer.Id);
            var project = Project.Create(await ProjectCodes.NextAsync(db, year, ct), LeadForm.ProjectDetailsOf(input, matched.Id), matched.Tiers, filer.Id, actor, at, thresholds);
            db.Projects.Add(project);
            db.LeadForms.Add(LeadForm.File(input, project, matched.Id, filer.Id, actor, at));
            await SaveQuietlyAsync(db, ct);
            foreach (var push in await db.TargetPushes.Include(p => p.History).Where(p => p.TargetId == target.Id).ToListAsync(ct))
                push.MarkBecameLead(project.Id, actor, at);
            await SaveQuietlyAsync(db, ct);
        }

        // 3. Weekly intention reports: the last four weeks mostly filed, this week about half the units so far.
        // Intentions name investors of the library (the weekly reports are where most of them were first heard of).
        var intentionInvestors = await db.Investors.AsNoTracking().OrderBy(i => i.Id).Skip(20).Take(40).Select(i => new { i.Name, i.Region }).ToListAsync(ct);
        var current = ReportWeek.Containing(nowUtc);
        for (var back = 4; back >= 0; back--)
        {
            var week = new ReportWeek(current.Monday.AddDays(-7 * back));
            foreach (var host in hosts)
            {
                var skip = back == 0 ? random.Next(2) == 0 : random.Next(12) == 0;
                if (skip) continue;
                var at = back == 0 ? week.Monday == BeijingTime.DateOf(nowUtc) ? Max(nowUtc.AddMinutes(-30), BeijingTime.StartOfDayUtc(week.Monday)) : BeijingTime.StartOfDayUtc(week.Monday).AddHours(10)
                    : BeijingTime.StartOfDayUtc(week.Sunday.AddDays(random.Next(6) == 0 ? 2 : 0)).AddHours(3 + random.Next(10));
                if (at > nowUtc) continue;
                var actor = new Actor(host.Code, host.Id);
                var report = new WeeklyIntentionReport(host.Id, week, actor, at);
                var count = random.Next(4) == 0 ? 0 : 1 + random.Next(3);
                var entries = new List<IntentionInput>();
                var investorIds = new List<int>();
                for (var k = 0; k < count; k++)
                {
                    var named = intentionInvestors[random.Next(intentionInvestors.Count)];
                    var name = named.Name;
                    var chain = reference.Chains[random.Next(reference.Chains.Count)];
                    var input = new IntentionInput(name, null, chain.Id, $"{Pick(random, ProjectWords)}项目", random.Next(5, 300) * 100m, random.Next(20, 400),
                        (ContactStage)random.Next(4), Pick(random, ContactNotes));
                    var investor = await InvestorDirectory.FindOrAddAsync(db, name, null, InvestorTier.None, named.Region, ct);
                    await SaveQuietlyAsync(db, ct);
                    entries.Add(input);
                    investorIds.Add(investor.Id);
                }
                report.File(count == 0, entries, investorIds, actor, at);
                db.WeeklyReports.Add(report);
            }
            await SaveQuietlyAsync(db, ct);
        }
    }

    private static async Task SaveQuietlyAsync(KashiDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>()) entry.Entity.TakeDomainEvents();
        await db.SaveChangesAsync(ct);
    }

    private static string DivisionOf(SourceRegionCode region) => region switch
    {
        SourceRegionCode.PearlRiverDelta => "440300",
        SourceRegionCode.YangtzeRiverDelta => "320500",
        SourceRegionCode.Shandong => "370200",
        SourceRegionCode.SichuanChongqing => "510100",
        SourceRegionCode.BeijingTianjinHebei => "110105",
        SourceRegionCode.WithinXinjiang => "650100",
        _ => "410100",
    };

    private static string Random4(Random random) =>
        new([.. Enumerable.Range(0, 4).Select(_ => CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)])]);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static readonly string[] ContactNotes =
    [
        "电话联系企业投资部，已发送招商推介材料", "前方指挥部引荐，约定下月面谈", "企业表示有西部布局计划，待内部决策",
        "已邀请参加喀交会", "线上视频会议介绍园区政策", "企业关注用工和物流成本，已提供测算",
    ];

    private static readonly string[] VisitNotes =
    [
        "赴企业总部拜访董事长，介绍喀什区位和政策", "陪同企业考察经开区标准厂房", "与企业投资部座谈，交流产能转移意向",
        "参观企业生产线，了解扩产计划",
    ];

    private static readonly string[] Backgrounds = ["成立于2005年，员工逾三千人", "近三年营业收入年均增长15%以上", "拥有发明专利四十余项", "在全国设有六个生产基地"];
    private static readonly string[] Operations = ["生产经营正常，订单饱满", "资产负债率约45%，现金流良好", "出口占比约三成，主要面向中亚和欧洲"];
    private static readonly string[] Demands = ["希望提供标准化厂房并给予租金减免", "关注电价、用工培训补贴和物流补贴", "需要配套污水处理设施和用地指标", "希望落实设备购置补贴和税收优惠"];
    private static readonly string[] Judgements = ["企业投资意愿明确，与我地区产业链补链方向一致，建议尽快对接", "项目前景较好，但用地和能耗指标需进一步论证", "企业处于考察比选阶段，需持续跟进"];
    private static readonly string[] ProjectKinds = ["生产基地", "扩产", "精深加工", "产业园", "区域总部"];
    private static readonly string[] ProjectWords = ["棉纺织", "服装加工", "果品深加工", "冷链仓储", "光伏组件", "民宿集群", "跨境电商仓", "装配式建材"];
}
