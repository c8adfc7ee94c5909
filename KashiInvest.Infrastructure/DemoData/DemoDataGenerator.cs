using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Produces the demo data set in memory from (seed, scale, today, reference ids) and nothing else: no clock, no
/// database, no hash-ordered collections. Every simulated instant lies before the start of <c>today</c> (Beijing),
/// so the plan does not depend on the hour at which it is generated.
/// </summary>
public sealed class DemoDataGenerator
{
    public const int InvestorsPerScale = 100;
    public const int ProjectsPerScale = 150;
    public const int ProblemsPerScale = 60;

    /// <summary>How far back the simulated history reaches (about 18 months).</summary>
    public const int HistoryDays = 540;

    /// <summary>The report deadline used to mark late fortnightly reports (domain guide: 3 is a sane default).</summary>
    public const int ReportDeadlineDays = 3;

    /// <summary>Projects per stage for scale 1; more in the middle of the life cycle.</summary>
    private static readonly (ProjectStage Stage, int Count)[] StageMix =
    [
        (ProjectStage.Lead, 12), (ProjectStage.Triage, 12), (ProjectStage.Negotiating, 22), (ProjectStage.Evaluation, 14),
        (ProjectStage.Signed, 18), (ProjectStage.Landing, 18), (ProjectStage.Construction, 24), (ProjectStage.Production, 16),
        (ProjectStage.Reserve, 7), (ProjectStage.Terminated, 7),
    ];

    private static readonly (SourceRegionCode Region, int Weight)[] RegionMix =
    [
        (SourceRegionCode.PearlRiverDelta, 20), (SourceRegionCode.YangtzeRiverDelta, 22), (SourceRegionCode.Shandong, 18),
        (SourceRegionCode.SichuanChongqing, 8), (SourceRegionCode.BeijingTianjinHebei, 10), (SourceRegionCode.OtherDomestic, 10),
        (SourceRegionCode.WithinXinjiang, 8), (SourceRegionCode.Overseas, 4),
    ];

    private static readonly (InvestorTier Tier, int Weight)[] TierMix =
    [
        (InvestorTier.Listed, 35), (InvestorTier.IndustryLeader, 25), (InvestorTier.LittleGiant, 20),
        (InvestorTier.China500, 12), (InvestorTier.Global500, 4), (InvestorTier.Unicorn, 4),
    ];

    private static readonly (string Chain, int Weight, double JobsPerYi)[] ChainMix =
    [
        ("textiles", 22, 80), ("electronics", 10, 120), ("agri", 14, 40), ("building", 10, 25), ("tourism", 8, 30),
        ("logistics", 10, 25), ("energy", 12, 10), ("fruit", 10, 50), ("chemicals", 4, 15),
    ];

    /// <summary>How many projects a host attracts, before chain and pairing preferences.</summary>
    private static readonly (string Host, double Weight)[] HostMix =
    [
        ("kedz", 14), ("kashi", 12), ("shufu", 7), ("shule", 8), ("yingjisha", 6), ("zepu", 6), ("shache", 10),
        ("yecheng", 7), ("maigaiti", 5), ("yuepuhu", 4), ("jiashi", 7), ("bachu", 7), ("tashi", 3),
    ];

    private static readonly (ProjectStage Stage, int Min, int Max)[] StepDays =
    [
        (ProjectStage.Triage, 2, 20), (ProjectStage.Negotiating, 7, 40), (ProjectStage.Evaluation, 20, 90),
        (ProjectStage.Signed, 7, 45), (ProjectStage.Landing, 10, 60), (ProjectStage.Construction, 30, 120),
        (ProjectStage.Production, 120, 330), (ProjectStage.Reserve, 7, 30), (ProjectStage.Terminated, 10, 90),
    ];

    private readonly Random _random;
    private readonly int _scale;
    private readonly int _seed;
    private readonly DateOnly _today;
    private readonly DateOnly _yesterday;
    private readonly DemoReference _reference;
    private readonly WorkGroupThresholds _thresholds = WorkGroupThresholds.Default;
    private readonly List<InvestorPlan> _investors = [];
    private readonly HashSet<string> _investorNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _creditCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _projectNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string[] Principal, string[] Deputies)> _hostLeaders = new(StringComparer.Ordinal);

    private DemoDataGenerator(int seed, int scale, DateOnly today, DemoReference reference)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), "The scale is at least 1.");
        _seed = seed;
        _scale = scale;
        _today = today;
        _yesterday = today.AddDays(-1);
        _reference = reference;
        _random = new Random(seed);
    }

    /// <summary>The demo data set for these inputs: the same inputs always give an equal plan.</summary>
    public static DemoPlan Generate(int seed, int scale, DateOnly today, DemoReference reference) =>
        new DemoDataGenerator(seed, scale, today, reference).Build();

    private DemoPlan Build()
    {
        foreach (var host in ReferenceData.Hosts) _hostLeaders[host.Code] = LeadersFor(host);
        for (var i = 0; i < InvestorsPerScale * _scale; i++) _investors.Add(NewInvestor(i));

        var drafts = new List<ProjectDraft>();
        var stages = StageMix.SelectMany(s => Enumerable.Repeat(s.Stage, s.Count * _scale)).ToList();
        stages.Remove(ProjectStage.Construction); // the flagship key project below takes one Construction slot
        var shuffled = stages.ToArray();
        _random.Shuffle(shuffled);
        drafts.Add(FlagshipProject());
        for (var i = 0; i < shuffled.Length; i++) drafts.Add(NewProject(i + 1, shuffled[i]));

        AddProblems(drafts);

        // Codes follow creation order, numbered per year of creation (KS-2026-0001, …).
        var ordered = drafts.OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Index).ToList();
        var perYear = new Dictionary<int, int>();
        var projects = new List<ProjectPlan>(ordered.Count);
        foreach (var d in ordered)
        {
            var year = BeijingTime.DateOf(d.CreatedAtUtc).Year;
            perYear[year] = perYear.GetValueOrDefault(year) + 1;
            // Steps are replayed in time order; the project's last activity is its latest step, report or problem.
            var steps = d.Steps.OrderBy(s => s.AtUtc).ToList();
            var last = steps.Select(s => s.AtUtc).Append(d.CreatedAtUtc)
                .Concat(d.Reports.Select(r => r.SubmittedAtUtc))
                .Concat(d.Problems.Select(p => p.RaisedAtUtc))
                .Concat(d.Problems.SelectMany(p => p.Actions).Select(a => a.AtUtc))
                .Max();
            projects.Add(new ProjectPlan($"KS-{year}-{perYear[year]:D4}", d.Name, d.Description, d.Host.Id, d.Host.Code,
                d.SourceUnitId, d.Chain.Id, d.Chain.Code, d.ChainLinkId, d.InvestorIndex, d.AmountWan, d.Jobs, d.Target,
                d.CreatedBy, d.CreatedAtUtc, steps, last, d.Reports, d.Problems));
        }
        return new DemoPlan(_seed, _scale, _today, _investors, projects);
    }

    // ================================================================ investors

    private InvestorPlan NewInvestor(int index)
    {
        string chain;
        SourceRegionCode region;
        InvestorTier tiers;
        if (index == 0)
        {
            // The investor of the flagship textile project: a listed industry leader from the Pearl River Delta.
            chain = "textiles";
            region = SourceRegionCode.PearlRiverDelta;
            tiers = InvestorTier.Listed | InvestorTier.IndustryLeader;
        }
        else
        {
            // Two investors per chain first, so that every chain can be given projects; then by weight.
            chain = index <= 2 * ChainMix.Length ? ChainMix[(index - 1) % ChainMix.Length].Chain : Pick(ChainMix, c => c.Weight).Chain;
            region = Pick(RegionMix, r => r.Weight).Region;
            // Every tier appears at least once; about a third of the others are tiered, some with several tiers.
            tiers = index <= InvestorTiers.All.Length ? InvestorTiers.All[index - 1] | MaybeSecondTier(0.3)
                : Chance(0.32) ? Pick(TierMix, t => t.Weight).Tier | MaybeSecondTier(0.25)
                : InvestorTier.None;
        }

        var places = DemoTexts.PlacesOf(region);
        var industries = DemoTexts.IndustryWordsOf(chain);
        for (var attempt = 0; ; attempt++)
        {
            var (prefix, division) = places[_random.Next(places.Count)];
            var brand = Brand(attempt > 40 ? 3 : 2);
            var industry = industries[_random.Next(industries.Count)];
            var suffix = tiers.HasFlag(InvestorTier.Global500) || tiers.HasFlag(InvestorTier.China500)
                ? (Chance(0.5) ? "集团有限公司" : "集团股份有限公司")
                : tiers.HasFlag(InvestorTier.Listed) || tiers.HasFlag(InvestorTier.Unicorn) && Chance(0.3) ? "股份有限公司"
                : Chance(0.12) ? "股份有限公司" : "有限公司";
            var name = prefix + brand + industry + suffix;
            if (!_investorNames.Add(name)) continue;
            return new InvestorPlan(name, NewCreditCode(division), tiers, region, chain);
        }
    }

    private InvestorTier MaybeSecondTier(double probability) =>
        Chance(probability) ? Pick(TierMix, t => t.Weight).Tier : InvestorTier.None;

    private string Brand(int length)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++) chars[i] = DemoTexts.BrandCharacters[_random.Next(DemoTexts.BrandCharacters.Length)];
            var brand = new string(chars);
            if (chars.Distinct().Count() == length && !DemoTexts.FamousBrands.Contains(brand[..2])) return brand;
        }
    }

    /// <summary>A valid, unique 统一社会信用代码: 9 (market regulator), 1 (enterprise), the division, nine characters, the check.</summary>
    private string? NewCreditCode(string division)
    {
        // Enterprises from Central Asia are not registered in China yet: no code.
        if (division.Length == 0) return null;
        while (true)
        {
            var body = new char[9];
            if (Chance(0.6))
            {
                // Codes issued since 2015 mostly continue with "MA".
                body[0] = 'M';
                body[1] = 'A';
                for (var i = 2; i < 9; i++) body[i] = CreditCode.Alphabet[_random.Next(CreditCode.Alphabet.Length)];
            }
            else
            {
                // Older enterprises keep their organisation code: eight digits and a check character.
                for (var i = 0; i < 8; i++) body[i] = (char)('0' + _random.Next(10));
                body[8] = CreditCode.Alphabet[_random.Next(CreditCode.Alphabet.Length)];
            }
            var code = CreditCode.Complete("91" + division + new string(body)).Value;
            if (_creditCodes.Add(code)) return code;
        }
    }

    // ================================================================ projects

    private sealed class ProjectDraft
    {
        public int Index;
        public string Name = "";
        public string Description = "";
        public DemoUnitRef Host = null!;
        public int SourceUnitId;
        public DemoChainRef Chain = null!;
        public int? ChainLinkId;
        public int InvestorIndex;
        public decimal AmountWan;
        public int Jobs;
        public ProjectStage Target;
        public DemoActor CreatedBy = null!;
        public DateTime CreatedAtUtc;
        public List<ProjectStep> Steps = [];
        public List<(ProjectStage Stage, DateOnly Day)> Moves = [];
        public DateOnly? SignedOn;
        public decimal FundsWan;
        public decimal OutOfRegionFundsWan;
        public List<ReportPlan> Reports = [];
        public List<ProblemPlan> Problems = [];
        public bool IsPrefecture;
        public WorkGroupLevel Level;
    }

    /// <summary>The typical key project of the domain guide: textiles, 7.5亿, 600 jobs, under construction.</summary>
    private ProjectDraft FlagshipProject()
    {
        var chain = _reference.Chain("textiles");
        var host = _reference.Unit("shufu");
        var draft = new ProjectDraft
        {
            Index = 0,
            Name = "10万锭紧密纺及高档面料一体化项目",
            Host = host,
            SourceUnitId = _reference.Unit("sub-prd").Id,
            Chain = chain,
            ChainLinkId = chain.LinkId("纺纱"),
            InvestorIndex = 0,
            AmountWan = 75_000m,
            Jobs = 600,
            Target = ProjectStage.Construction,
        };
        _projectNames.Add(draft.Name);
        Complete(draft);
        return draft;
    }

    private ProjectDraft NewProject(int index, ProjectStage target)
    {
        DemoUnitRef host;
        string chainCode;
        int investorIndex;
        if (index >= 1 && index <= ChainMix.Length)
        {
            // Every chain has projects.
            chainCode = ChainMix[index - 1].Chain;
            investorIndex = PickInvestor(chainCode, null);
            host = PickHost(chainCode, _investors[investorIndex].Region);
        }
        else if (index > ChainMix.Length && index <= ChainMix.Length + ReferenceData.Hosts.Count)
        {
            // Every host has projects.
            host = _reference.Unit(ReferenceData.Hosts[index - ChainMix.Length - 1].Code);
            chainCode = Pick(ChainMix, c => c.Weight * Affinity(c.Chain, host.Code)).Chain;
            investorIndex = PickInvestor(chainCode, host.Code);
        }
        else
        {
            chainCode = Pick(ChainMix, c => c.Weight).Chain;
            investorIndex = PickInvestor(chainCode, null);
            host = PickHost(chainCode, _investors[investorIndex].Region);
        }

        var chain = _reference.Chain(chainCode);
        var investor = _investors[investorIndex];
        var amount = NewAmount(chainCode);
        var patterns = DemoTexts.ProjectPatternsOf(chainCode);
        var (link, pattern) = patterns[_random.Next(patterns.Count)];
        // The bigger the investment, the bigger the capacity in the name (30万锭 rather than 10万锭).
        var size = Math.Clamp(Math.Log((double)amount / MinAmountWan) / Math.Log(MaxAmountWan / MinAmountWan), 0, 0.999);
        var jobsPerYi = ChainMix.First(c => c.Chain == chainCode).JobsPerYi;
        var jobs = (int)Math.Clamp(20 + (double)(amount / 10_000m) * jobsPerYi * (0.6 + 0.9 * _random.NextDouble()), 20, 2000);
        jobs = jobs < 100 ? jobs / 5 * 5 : jobs / 10 * 10;

        var draft = new ProjectDraft
        {
            Index = index,
            Name = UniqueProjectName(DemoTexts.Fill(pattern, _random, size: size), host),
            Host = host,
            SourceUnitId = PickSource(investor.Region, host).Id,
            Chain = chain,
            ChainLinkId = chain.LinkId(ReferenceData.Chains.First(c => c.Code == chainCode).Links[link].Name),
            InvestorIndex = investorIndex,
            AmountWan = amount,
            Jobs = jobs,
            Target = target,
        };
        Complete(draft);
        return draft;
    }

    private void Complete(ProjectDraft d)
    {
        var investor = _investors[d.InvestorIndex];
        d.IsPrefecture = investor.Tiers.IsTiered();
        d.Level = _thresholds.LevelFor(Money.FromWan(d.AmountWan), d.Jobs);
        var source = _reference.Units.First(u => u.Id == d.SourceUnitId);
        d.CreatedBy = new DemoActor(source.Code, source.Id);
        var valueStep = d.AmountWan >= 10_000m ? 1_000m : 10m;
        var value = DemoTexts.Amount(Math.Max(valueStep, decimal.Round(d.AmountWan * (decimal)(0.8 + 1.2 * _random.NextDouble()) / valueStep, 0) * valueStep));
        var output = d.Chain.Code is "tourism" or "logistics" ? "年营业收入" : "年产值";
        d.Description = $"{investor.Name}拟在{d.Host.Name}投资建设{d.Name}，项目总投资{DemoTexts.Amount(d.AmountWan)}，"
            + $"主要建设{DemoTexts.ScopeOf(d.Chain.Code)}。项目达产后预计{output}约{value}，带动就业{d.Jobs}人。";
        Simulate(d);
        if (d.Target.HasBattleMap()) AddBattleMap(d);
        if (d.Target.IsSignedOrLater())
        {
            if (d.Level == WorkGroupLevel.KeyProject) AddFortnightlyReports(d);
            if (Chance(0.3)) AddUpdateReports(d);
        }
    }

    private const double MinAmountWan = 300;
    private const double MaxAmountWan = 450_000;

    /// <summary>Log-uniform-ish: most projects below 1亿, a third between 1亿 and 3亿, a tail up to tens of 亿.</summary>
    private decimal NewAmount(string chain)
    {
        var u = _random.NextDouble();
        var wan = u < 0.55 ? LogUniform(MinAmountWan, 10_000) : u < 0.85 ? LogUniform(10_000, 30_000) : LogUniform(30_000, MaxAmountWan);
        // Solar plants and spinning mills cost more than orchards and guesthouses.
        wan *= chain switch
        {
            "energy" => 1.8,
            "textiles" or "logistics" or "chemicals" => 1.2,
            "agri" => 0.7,
            "fruit" => 0.6,
            _ => 1.0,
        };
        wan = Math.Clamp(wan, MinAmountWan, MaxAmountWan);
        // Round as a plan would: 350万, 4200万, 1.8亿, 12.5亿.
        var step = wan < 1_000 ? 50m : wan < 10_000 ? 100m : wan < 100_000 ? 1_000m : 5_000m;
        return Math.Max(step, decimal.Round((decimal)wan / step, 0) * step);
    }

    private string UniqueProjectName(string baseName, DemoUnitRef host)
    {
        var prefixed = host.Name + baseName;
        string[] candidates = Chance(0.3) ? [prefixed, baseName] : [baseName, prefixed];
        foreach (var phase in new[] { "", "（二期）", "（三期）" })
        {
            foreach (var candidate in candidates)
            {
                if (_projectNames.Add(candidate + phase)) return candidate + phase;
            }
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{prefixed}（{n}号）";
            if (_projectNames.Add(candidate)) return candidate;
        }
    }

    private int PickInvestor(string chain, string? hostCode)
    {
        var candidates = Enumerable.Range(0, _investors.Count).Where(i => _investors[i].ChainCode == chain).ToList();
        var paired = hostCode is null ? null : ReferenceData.PairedRegion(hostCode);
        return Pick(candidates, i => _investors[i].Region == paired ? 3.0 : 1.0);
    }

    private DemoUnitRef PickHost(string chain, SourceRegionCode investorRegion)
    {
        var host = Pick(HostMix, h => h.Weight * Affinity(chain, h.Host) * (ReferenceData.PairedRegion(h.Host) == investorRegion ? 3.0 : 1.0));
        return _reference.Unit(host.Host);
    }

    /// <summary>Where each industry is written about in Kashgar's investment drive.</summary>
    private static double Affinity(string chain, string host) => (chain, host) switch
    {
        ("building", "yingjisha") => 4,
        ("chemicals", "shule") => 5,
        ("chemicals", "tashi") or ("textiles", "tashi") or ("electronics", "tashi") or ("energy", "tashi") => 0.15,
        ("tourism", "tashi") => 6,
        ("tourism", "kashi") => 3,
        ("logistics", "kedz") => 3,
        ("logistics", "kashi") => 2,
        ("electronics", "kedz") => 2.5,
        ("electronics", "shufu") or ("electronics", "shule") => 1.5,
        ("textiles", "shufu") or ("textiles", "shache") => 1.6,
        ("textiles", "bachu") or ("textiles", "jiashi") => 1.3,
        ("fruit", "yecheng") => 2.5,
        ("fruit", "zepu") or ("fruit", "shache") or ("fruit", "jiashi") => 1.6,
        ("fruit", "kedz") => 0.3,
        ("energy", "bachu") => 2.5,
        ("energy", "maigaiti") or ("energy", "yuepuhu") => 1.6,
        ("agri", "kedz") => 0.6,
        _ => 1,
    };

    private DemoUnitRef PickSource(SourceRegionCode region, DemoUnitRef host)
    {
        if (!region.IsPriority()) return host;
        var u = _random.NextDouble();
        var facesFront = region is SourceRegionCode.PearlRiverDelta or SourceRegionCode.YangtzeRiverDelta or SourceRegionCode.Shandong;
        if (u < 0.5 || (u < 0.7 && !facesFront)) return _reference.Units.First(x => x.Type == UnitType.SubBureau && SubBureauRegion(x.Code) == region);
        return u < 0.7 ? _reference.Unit(ReferenceData.FrontCommandCode) : host;
    }

    private static SourceRegionCode? SubBureauRegion(string code) => ReferenceData.SubBureaus.FirstOrDefault(s => s.Code == code)?.Region;

    // ---------------------------------------------------------------- the life cycle

    private List<ProjectStage> PathTo(ProjectStage target)
    {
        List<ProjectStage> mainLine = [.. ProjectLifecycle.MainLine.Skip(1)];
        List<ProjectStage> path = target switch
        {
            ProjectStage.Reserve => [ProjectStage.Triage, ProjectStage.Negotiating, ProjectStage.Evaluation, ProjectStage.Reserve],
            // Not via the reserve library: Project.MoveTo clears the termination reason of a project leaving Reserve,
            // so Reserve → Terminated would leave a terminated project without its reason.
            ProjectStage.Terminated => _random.Next(20) switch
            {
                < 5 => [ProjectStage.Terminated],
                < 11 => [ProjectStage.Triage, ProjectStage.Terminated],
                _ => [ProjectStage.Triage, ProjectStage.Negotiating, ProjectStage.Terminated],
            },
            _ => mainLine.Take(mainLine.IndexOf(target) + 1).ToList(),
        };
        // A few projects failed evaluation once and were revived from the reserve library.
        if (target is not (ProjectStage.Reserve or ProjectStage.Terminated or ProjectStage.Lead or ProjectStage.Triage) && Chance(0.05))
        {
            var at = path.IndexOf(ProjectStage.Negotiating) + 1;
            path.InsertRange(at, [ProjectStage.Evaluation, ProjectStage.Reserve, ProjectStage.Negotiating]);
        }
        return path;
    }

    private void Simulate(ProjectDraft d)
    {
        var path = PathTo(d.Target);
        var gaps = new int[path.Count];
        for (var i = 0; i < path.Count; i++)
        {
            var revived = path[i] == ProjectStage.Negotiating && i > 0 && path[i - 1] == ProjectStage.Reserve;
            var (_, min, max) = revived ? (ProjectStage.Negotiating, 60, 180) : StepDays.First(s => s.Stage == path[i]);
            gaps[i] = _random.Next(min, max + 1);
        }
        var lag = d.Target switch
        {
            ProjectStage.Lead => _random.Next(1, 46),
            ProjectStage.Production => _random.Next(5, 151),
            ProjectStage.Reserve or ProjectStage.Terminated => _random.Next(5, 201),
            // Most active projects moved recently; about one in five has been quiet for a month or more.
            _ => Chance(0.8) ? _random.Next(1, 26) : _random.Next(31, 101),
        };
        var total = gaps.Sum();
        if (total + lag > HistoryDays)
        {
            var factor = (double)(HistoryDays - lag) / total;
            for (var i = 0; i < gaps.Length; i++) gaps[i] = Math.Max(1, (int)(gaps[i] * factor));
            total = gaps.Sum();
        }
        var lastDay = _yesterday.AddDays(-(lag - 1));
        var createdDay = lastDay.AddDays(-total);
        d.CreatedAtUtc = At(createdDay);

        var host = new DemoActor(d.Host.Code, d.Host.Id);
        var bureau = Actor(ReferenceData.BureauCode);
        var day = createdDay;
        var previousAt = d.CreatedAtUtc;
        for (var i = 0; i < path.Count; i++)
        {
            day = day.AddDays(gaps[i]);
            var at = At(day);
            var to = path[i];
            if (to == ProjectStage.Negotiating && d.IsPrefecture && !d.Steps.Any(s => s.Kind == ProjectStepKind.AssignResponsibleLeader))
            {
                // Art. 19: the leading group names the responsible negotiation leader before negotiation starts.
                var assignedAt = previousAt + (at - previousAt) / 2;
                d.Steps.Add(new ProjectStep(ProjectStepKind.AssignResponsibleLeader, assignedAt, Actor(ReferenceData.LeadersCode),
                    ResponsibleLeader: PickOne(DemoTexts.PrefectureLeaders)));
            }
            var revived = to == ProjectStage.Negotiating && i > 0 && path[i - 1] == ProjectStage.Reserve;
            var by = to is ProjectStage.Triage or ProjectStage.Evaluation or ProjectStage.Reserve && d.IsPrefecture ? bureau : host;
            var step = to switch
            {
                ProjectStage.Triage => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: Chance(0.5) ? PickOne(DemoTexts.TriageNotes) : null),
                ProjectStage.Negotiating => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(revived ? DemoTexts.RevivalNotes : DemoTexts.NegotiationNotes)),
                ProjectStage.Evaluation => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(DemoTexts.EvaluationNotes)),
                ProjectStage.Signed => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(DemoTexts.SigningNotes), Date: day),
                ProjectStage.Landing => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(DemoTexts.LandingNotes)),
                ProjectStage.Construction => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(DemoTexts.ConstructionNotes)),
                ProjectStage.Production => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(DemoTexts.ProductionNotes)),
                ProjectStage.Reserve => new ProjectStep(ProjectStepKind.Move, at, by, to, Note: PickOne(DemoTexts.ReserveNotes)),
                ProjectStage.Terminated => Terminate(at, by, path),
                _ => throw new InvalidOperationException($"No step into {to}."),
            };
            d.Steps.Add(step);
            d.Moves.Add((to, day));
            if (to == ProjectStage.Signed) d.SignedOn = day;
            previousAt = at;
        }

        // A tiered lead still in triage has its responsible leader named already in about half the cases.
        if (d.Target == ProjectStage.Triage && d.IsPrefecture && Chance(0.5) && day < _yesterday)
        {
            d.Steps.Add(new ProjectStep(ProjectStepKind.AssignResponsibleLeader, At(RandomDay(day.AddDays(1), _yesterday)),
                Actor(ReferenceData.LeadersCode), ResponsibleLeader: PickOne(DemoTexts.PrefectureLeaders)));
        }
    }

    private ProjectStep Terminate(DateTime at, DemoActor by, List<ProjectStage> path)
    {
        var early = path.Count <= 2;
        var reason = early
            ? Pick([(TerminationReason.InvestorWithdrew, 5), (TerminationReason.Duplicate, 2), (TerminationReason.FinancialRisk, 2), (TerminationReason.Other, 1)], r => r.Item2).Item1
            : Pick([(TerminationReason.InvestorWithdrew, 4), (TerminationReason.NotFeasible, 3), (TerminationReason.PolicyConflict, 2),
                (TerminationReason.FactorSupplyUnavailable, 3), (TerminationReason.ThreeHighScreen, 2), (TerminationReason.FinancialRisk, 1)], r => r.Item2).Item1;
        return new ProjectStep(ProjectStepKind.Move, at, by, ProjectStage.Terminated, Note: DemoTexts.TerminationNoteOf(reason), TerminationReason: reason);
    }

    // ---------------------------------------------------------------- battle map, funds

    private static DateOnly? MovedOn(ProjectDraft d, ProjectStage stage) =>
        d.Moves.Where(m => m.Stage == stage).Select(m => (DateOnly?)m.Day).LastOrDefault();

    private void AddBattleMap(ProjectDraft d)
    {
        var stage = d.Target;
        var lastMoveDay = d.Moves[^1].Day;
        var signed = d.SignedOn;
        var landing = MovedOn(d, ProjectStage.Landing);
        var construction = MovedOn(d, ProjectStage.Construction);
        var production = MovedOn(d, ProjectStage.Production);

        // Where a step has not happened yet, the plan projects it (and a projection can already be in the past).
        var s = signed ?? lastMoveDay.AddDays(stage == ProjectStage.Evaluation ? _random.Next(10, 46) : _random.Next(20, 121));
        var l = landing ?? s.AddDays(_random.Next(15, 61));
        var c = construction ?? l.AddDays(_random.Next(40, 151));
        var p = production ?? c.AddDays(_random.Next(150, 421));

        var chosen = new SortedSet<int> { 0, 5, 8 };
        int[] optional = [1, 2, 3, 4, 6, 7];
        var extra = _random.Next(0, 4);
        while (chosen.Count < 3 + extra) chosen.Add(optional[_random.Next(optional.Length)]);

        var landingPhase = chosen.Where(i => i is >= 1 and <= 4).ToList();
        var buildPhase = chosen.Where(i => i is 6 or 7).ToList();
        var milestones = new List<MilestonePlan>();
        var chainBroken = false; // a milestone is reached only when the one before it is
        DateOnly? previousPlanned = null;
        DateOnly? latestReached = null;
        foreach (var index in chosen)
        {
            DateOnly baseDay;
            DateOnly? reached = null;
            switch (index)
            {
                case 0:
                    baseDay = s;
                    reached = signed;
                    break;
                case 5:
                    baseDay = c;
                    reached = construction;
                    break;
                case 8:
                    baseDay = p;
                    reached = production;
                    break;
                case >= 1 and <= 4:
                    baseDay = Between(l, c, landingPhase.IndexOf(index) + 1, landingPhase.Count + 1);
                    if (stage.IsSignedOrLater() && stage is not (ProjectStage.Signed or ProjectStage.Landing)) reached = baseDay;
                    else if (stage == ProjectStage.Landing && !chainBroken && baseDay <= _yesterday && Chance(0.75)) reached = baseDay;
                    break;
                default:
                    baseDay = Between(c, p, buildPhase.IndexOf(index) + 1, buildPhase.Count + 1);
                    if (stage == ProjectStage.Production) reached = baseDay;
                    else if (stage == ProjectStage.Construction && !chainBroken && baseDay <= _yesterday && Chance(0.7)) reached = baseDay;
                    break;
            }
            if (reached is null) chainBroken = true;
            if (reached is { } r && (latestReached is null || r > latestReached)) latestReached = r;
            // Plans slip more often than they run early.
            var planned = reached is null ? baseDay : baseDay.AddDays(_random.Next(-25, 11));
            if (previousPlanned is { } prev && planned < prev) planned = prev;
            previousPlanned = planned;
            milestones.Add(new MilestonePlan(DemoTexts.MilestoneNames[index], planned, reached));
        }

        string? leaderInCharge = null;
        if (stage.IsSignedOrLater() && d.Level != WorkGroupLevel.None)
        {
            var leaders = _hostLeaders[d.Host.Code];
            leaderInCharge = d.Level == WorkGroupLevel.KeyProject ? PickOne(leaders.Principal) : PickOne(leaders.Deputies);
        }

        var lastMoveAt = d.Steps.Last(x => x.Kind == ProjectStepKind.Move).AtUtc;
        var mapAt = latestReached is { } lr && lr > lastMoveDay ? At(lr) : lastMoveAt.AddMinutes(20);
        var host = new DemoActor(d.Host.Code, d.Host.Id);

        if (stage.IsSignedOrLater())
        {
            var (min, max) = stage switch
            {
                ProjectStage.Signed => (0.0, 0.08),
                ProjectStage.Landing => (0.05, 0.25),
                ProjectStage.Construction => (0.25, 0.8),
                _ => (0.75, 1.0),
            };
            var fraction = stage == ProjectStage.Signed && Chance(0.5) ? 0 : min + (max - min) * _random.NextDouble();
            d.FundsWan = Math.Floor(d.AmountWan * (decimal)fraction);
            var investor = _investors[d.InvestorIndex];
            d.OutOfRegionFundsWan = investor.Region.IsOutOfRegion() ? Math.Floor(d.FundsWan * (decimal)(0.7 + 0.3 * _random.NextDouble())) : 0m;
            if (construction is not null && d.FundsWan > 0)
            {
                // Funds come in as construction goes on: a first figure when building started, the total now.
                d.Steps.Add(new ProjectStep(ProjectStepKind.FundsInPlace, d.Steps.First(x => x.To == ProjectStage.Construction).AtUtc.AddMinutes(5), host,
                    FundsWan: Math.Floor(d.FundsWan * 0.4m), OutOfRegionFundsWan: Math.Floor(d.OutOfRegionFundsWan * 0.4m)));
            }
        }

        d.Steps.Add(new ProjectStep(ProjectStepKind.BattleMap, mapAt, host,
            BattleMap: new BattleMapPlan(milestones.First(m => m.Name == "开工建设").PlannedOn, milestones.First(m => m.Name == "竣工投产").PlannedOn,
                leaderInCharge, milestones)));
        if (d.FundsWan > 0)
        {
            d.Steps.Add(new ProjectStep(ProjectStepKind.FundsInPlace, mapAt.AddMinutes(10), host, FundsWan: d.FundsWan, OutOfRegionFundsWan: d.OutOfRegionFundsWan));
        }
    }

    private static DateOnly Between(DateOnly from, DateOnly to, int part, int parts) =>
        from.AddDays(Math.Max(0, (to.DayNumber - from.DayNumber) * part / parts));

    // ---------------------------------------------------------------- reports

    private static ProjectStage StageOn(ProjectDraft d, DateOnly day)
    {
        var stage = ProjectStage.Lead;
        foreach (var (s, moved) in d.Moves)
        {
            if (moved <= day) stage = s;
        }
        return stage;
    }

    private string Narrative(ProjectStage stage, decimal cumulativeFundsWan, string? previous = null)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var narrative = Narrative(stage, cumulativeFundsWan);
            if (narrative != previous) return narrative;
        }
        return Narrative(stage, cumulativeFundsWan);
    }

    private string Narrative(ProjectStage stage, decimal cumulativeFundsWan)
    {
        var pool = stage switch
        {
            ProjectStage.Signed => DemoTexts.SignedNarratives,
            ProjectStage.Landing => DemoTexts.LandingNarratives,
            ProjectStage.Construction => DemoTexts.ConstructionNarratives,
            _ => DemoTexts.ProductionNarratives,
        };
        return DemoTexts.Fill(PickOne(pool), _random, DemoTexts.Amount(cumulativeFundsWan));
    }

    /// <summary>Key projects: one report per half month from signing, by the chain lead (Art. 22), with a few gaps and late ones.</summary>
    private void AddFortnightlyReports(ProjectDraft d)
    {
        var signed = d.SignedOn!.Value;
        var last = HalfMonthPeriod.Containing(_today).Previous();
        var first = HalfMonthPeriod.Containing(signed);
        if (first > last) return;
        var periods = Enumerable.Range(first.Index, last.Index - first.Index + 1).Select(HalfMonthPeriod.FromIndex).ToList();
        // About one key project in seven has stopped reporting: its latest periods are missing.
        var silentFrom = Chance(0.15) ? periods.Count - _random.Next(2, 4) : int.MaxValue;

        var weights = periods.Select(p => StageOn(d, p.End) switch
        {
            ProjectStage.Signed => 0.2,
            ProjectStage.Landing => 1.0,
            ProjectStage.Construction => 3.0,
            _ => 1.0,
        }).ToArray();
        var weightSum = weights.Sum();
        var outOfRegionShare = d.FundsWan == 0 ? 0m : d.OutOfRegionFundsWan / d.FundsWan;
        var chainLead = new DemoActor($"chain-{d.Chain.Code}", d.Chain.LeadUnitId);
        var cumulative = 0m;
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var funds = Math.Floor(d.FundsWan * (decimal)(weights[i] / weightSum));
            var outOfRegion = Math.Floor(funds * outOfRegionShare);
            var u = _random.NextDouble();
            if (i >= silentFrom || u < 0.06) continue; // missing
            var submittedOn = u < 0.16 ? period.End.AddDays(_random.Next(ReportDeadlineDays + 1, 13)) : period.End.AddDays(_random.Next(0, ReportDeadlineDays + 1));
            if (submittedOn >= _today) continue; // not submitted yet
            cumulative += funds;
            var at = At(submittedOn);
            var stage = StageOn(d, period.End);
            var previous = d.Reports.Count == 0 ? null : d.Reports[^1].Narrative;
            d.Reports.Add(new ReportPlan(period.Index, ReportKind.Fortnightly, Narrative(stage, cumulative, previous), DemoTexts.NextStepsOf(stage),
                funds, outOfRegion, chainLead, at, ProgressReport.IsLateFor(period, at, ReportDeadlineDays)));
        }
    }

    /// <summary>Voluntary updates posted by the host unit.</summary>
    private void AddUpdateReports(ProjectDraft d)
    {
        var signed = d.SignedOn!.Value;
        if (signed >= _yesterday) return;
        var first = HalfMonthPeriod.Containing(signed);
        var last = HalfMonthPeriod.Containing(_yesterday);
        var count = Math.Min(_random.Next(1, 3), last.Index - first.Index + 1);
        var indexes = new SortedSet<int>();
        while (indexes.Count < count) indexes.Add(_random.Next(first.Index, last.Index + 1));
        var host = new DemoActor(d.Host.Code, d.Host.Id);
        foreach (var index in indexes)
        {
            var period = HalfMonthPeriod.FromIndex(index);
            var from = period.Start < signed ? signed : period.Start;
            var to = period.End > _yesterday ? _yesterday : period.End;
            var day = RandomDay(from, to);
            var stage = StageOn(d, day);
            d.Reports.Add(new ReportPlan(index, ReportKind.Update, Narrative(stage, d.FundsWan), null, 0m, 0m, host, At(day), false));
        }
    }

    // ================================================================ problems

    private void AddProblems(List<ProjectDraft> drafts)
    {
        var candidates = drafts.Where(d => d.Target.HasBattleMap()).ToList();
        var count = ProblemsPerScale * _scale;
        var categories = Enum.GetValues<ProblemCategory>();
        // New, InProgress, Escalated to the chain lead, Escalated to the prefecture, Resolved: each at least once.
        (ProblemStatus Status, EscalationLevel Level)[] forced =
        [
            (ProblemStatus.New, EscalationLevel.County), (ProblemStatus.InProgress, EscalationLevel.County),
            (ProblemStatus.Escalated, EscalationLevel.ChainLead), (ProblemStatus.Escalated, EscalationLevel.Prefecture),
            (ProblemStatus.Resolved, EscalationLevel.County),
        ];
        for (var i = 0; i < count; i++)
        {
            var d = Pick(candidates, x => x.Target switch
            {
                ProjectStage.Landing or ProjectStage.Construction => 4.0,
                ProjectStage.Signed => 2.0,
                _ => 1.0,
            });
            var (status, level) = i < forced.Length ? forced[i] : RandomStatus();
            var texts = i < categories.Length
                ? DemoTexts.Problems.Where(t => t.Category == categories[i]).ToArray()
                : DemoTexts.Problems;
            var text = PickOne(texts);
            d.Problems.Add(NewProblem(d, text, status, level));
        }
    }

    private (ProblemStatus, EscalationLevel) RandomStatus()
    {
        var u = _random.NextDouble();
        if (u < 0.2) return (ProblemStatus.New, EscalationLevel.County);
        if (u < 0.5) return (ProblemStatus.InProgress, EscalationLevel.County);
        if (u < 0.6) return (ProblemStatus.Escalated, EscalationLevel.ChainLead);
        if (u < 0.7) return (ProblemStatus.Escalated, EscalationLevel.Prefecture);
        var v = _random.NextDouble();
        return (ProblemStatus.Resolved, v < 0.6 ? EscalationLevel.County : v < 0.85 ? EscalationLevel.ChainLead : EscalationLevel.Prefecture);
    }

    private ProblemPlan NewProblem(ProjectDraft d, DemoTexts.ProblemText text, ProblemStatus status, EscalationLevel level)
    {
        var actions = new List<(ProblemActionKind Kind, string? Text)>();
        if (status != ProblemStatus.New && (status != ProblemStatus.Escalated || Chance(0.6))) actions.Add((ProblemActionKind.Start, null));
        if (level >= EscalationLevel.ChainLead) actions.Add((ProblemActionKind.Escalate, PickOne(DemoTexts.ChainLeadEscalations)));
        if (level >= EscalationLevel.Prefecture) actions.Add((ProblemActionKind.Escalate, PickOne(DemoTexts.PrefectureEscalations)));
        if (status == ProblemStatus.Resolved) actions.Add((ProblemActionKind.Resolve, text.Resolution));

        // Raised once the project is in negotiation; open entries are mostly recent, resolved ones any time.
        var projectStart = d.Moves.First(m => m.Stage == ProjectStage.Negotiating).Day;
        var latest = _yesterday.AddDays(-actions.Count);
        var earliest = status == ProblemStatus.Resolved ? projectStart : Max(projectStart, _yesterday.AddDays(-120));
        if (earliest > latest) earliest = latest;
        var raisedDay = RandomDay(earliest, latest);
        var raisedAt = At(raisedDay);

        var owner = _random.NextDouble() switch
        {
            < 0.5 => d.Host.Id,
            < 0.8 => _reference.Unit(text.DepartmentCode).Id,
            _ => d.Chain.LeadUnitId,
        };

        // The county escalates to the chain lead, which escalates to the prefecture (the Bureau then owns it).
        var hostActor = new DemoActor(d.Host.Code, d.Host.Id);
        var chainActor = new DemoActor($"chain-{d.Chain.Code}", d.Chain.LeadUnitId);
        var bureau = Actor(ReferenceData.BureauCode);
        var days = actions.Select(_ => RandomDay(raisedDay.AddDays(1), _yesterday)).Order().ToList();
        var planned = new List<ProblemActionPlan>();
        var previous = raisedAt;
        var escalations = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            var at = At(days[i]);
            if (at <= previous) at = previous.AddMinutes(30);
            var (kind, actionText) = actions[i];
            planned.Add(kind switch
            {
                ProblemActionKind.Escalate => escalations++ == 0
                    ? new ProblemActionPlan(kind, at, actionText, hostActor, d.Chain.LeadUnitId)
                    : new ProblemActionPlan(kind, at, actionText, chainActor, bureau.UnitId),
                _ => new ProblemActionPlan(kind, at, actionText, escalations switch { 0 => hostActor, 1 => chainActor, _ => bureau }),
            });
            previous = at;
        }
        var raisedBy = _random.NextDouble() switch
        {
            < 0.7 => new DemoActor(d.Host.Code, d.Host.Id),
            < 0.9 => new DemoActor($"chain-{d.Chain.Code}", d.Chain.LeadUnitId),
            _ => Actor(ReferenceData.BureauCode),
        };
        var severity = Pick([(ProblemSeverity.Low, 20), (ProblemSeverity.Medium, 40), (ProblemSeverity.High, 28), (ProblemSeverity.Blocking, 12)], s => s.Item2).Item1;
        return new ProblemPlan(text.Category, text.Factor, text.Description, severity, owner, raisedDay.AddDays(_random.Next(10, 46)),
            raisedBy, raisedAt, planned);
    }

    // ================================================================ leaders, helpers

    private (string[] Principal, string[] Deputies) LeadersFor(UnitDefinition host)
    {
        var (principalTitles, deputyTitles) = DemoTexts.TitlesOf(host.Type, host.Code);
        var principal = principalTitles.Select(t => $"{PersonName()}（{t}）").ToArray();
        var deputies = Enumerable.Range(0, 3).Select(_ => $"{PersonName()}（{PickOne(deputyTitles)}）").ToArray();
        return (principal, deputies);
    }

    private string PersonName() => Chance(0.6)
        ? DemoTexts.HanSurnames[_random.Next(DemoTexts.HanSurnames.Length)] + PickOne(DemoTexts.HanGivenNames)
        : PickOne(DemoTexts.UyghurGivenNames) + "·" + PickOne(DemoTexts.UyghurFatherNames);

    private DemoActor Actor(string unitCode)
    {
        var unit = _reference.Unit(unitCode);
        var userName = unitCode == ReferenceData.LeadersCode ? "leader" : unitCode;
        return new DemoActor(userName, unit.Id);
    }

    /// <summary>A Beijing office-hours instant (09:30–19:00) on the given day, in UTC.</summary>
    private DateTime At(DateOnly day) => BeijingTime.StartOfDayUtc(day).AddMinutes(_random.Next(9 * 60 + 30, 19 * 60));

    private DateOnly RandomDay(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private double LogUniform(double min, double max) => Math.Exp(Math.Log(min) + (Math.Log(max) - Math.Log(min)) * _random.NextDouble());

    private T PickOne<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = 0.0;
        foreach (var item in items) total += weight(item);
        var target = _random.NextDouble() * total;
        foreach (var item in items)
        {
            target -= weight(item);
            if (target < 0) return item;
        }
        return items[^1];
    }
}
