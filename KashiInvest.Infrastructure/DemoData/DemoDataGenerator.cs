using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Projects;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Produces the demo data set in memory from (seed, scale, today, reference ids) and nothing else: no clock, no
/// database, no hash-ordered collections. Every simulated instant lies before the start of <c>today</c> (Beijing),
/// so the plan does not depend on the hour at which it is generated.
/// </summary>
public sealed partial class DemoDataGenerator
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
            projects.Add(new ProjectPlan(ProjectCodes.Format(year, perYear[year]), d.Name, d.Description, d.Host.Id, d.Host.Code,
                d.SourceUnitId, d.Chain.Id, d.Chain.Code, d.ChainLinkId, d.InvestorIndex, d.AmountWan, d.Jobs, d.Target,
                d.CreatedBy, d.CreatedAtUtc, steps, last, d.Reports, d.Problems));
        }
        return new DemoPlan(_seed, _scale, _today, _investors, projects);
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
