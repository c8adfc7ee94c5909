using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>Projects: the flagship and the rest, their amounts, hosts, sources and the stage path each one walks.</summary>
public sealed partial class DemoDataGenerator
{
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
}
