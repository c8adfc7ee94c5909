using System.Text.Json;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.DemoData;

namespace KashiInvest.Infrastructure.Tests.DemoData;

/// <summary>The generator is pure: these tests need no database.</summary>
public sealed class DemoDataGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DemoReference Reference = DemoReference.FromDefinitions();
    private static readonly Lazy<DemoPlan> Plan = new(() => DemoDataGenerator.Generate(20260101, 1, Today, Reference));

    private static string Json(DemoPlan plan) => JsonSerializer.Serialize(plan);

    [Fact]
    public void The_same_seed_scale_and_day_give_the_same_plan()
    {
        var first = DemoDataGenerator.Generate(20260101, 1, Today, Reference);
        var second = DemoDataGenerator.Generate(20260101, 1, Today, Reference);

        Assert.Equal(Json(first), Json(second));
    }

    [Fact]
    public void Another_seed_gives_another_plan()
    {
        var first = DemoDataGenerator.Generate(20260101, 1, Today, Reference);
        var other = DemoDataGenerator.Generate(42, 1, Today, Reference);

        Assert.NotEqual(Json(first), Json(other));
        Assert.NotEqual(first.Projects.Select(p => p.Name), other.Projects.Select(p => p.Name));
    }

    [Fact]
    public void Scale_multiplies_investors_projects_and_problems()
    {
        var single = Plan.Value;
        var twice = DemoDataGenerator.Generate(20260101, 2, Today, Reference);

        Assert.Equal(DemoDataGenerator.ProjectsPerScale, single.Projects.Count);
        Assert.Equal(2 * single.Projects.Count, twice.Projects.Count);
        Assert.Equal(2 * single.Investors.Count, twice.Investors.Count);
        Assert.Equal(2 * single.Projects.Sum(p => p.Problems.Count), twice.Projects.Sum(p => p.Problems.Count));
    }

    [Fact]
    public void Projects_cover_every_stage_host_chain_and_work_group_level()
    {
        var projects = Plan.Value.Projects;

        Assert.Equal(Enum.GetValues<ProjectStage>().Order(), projects.Select(p => p.TargetStage).Distinct().Order());
        Assert.Equal(ReferenceData.Hosts.Select(h => h.Code).Order(), projects.Select(p => p.HostCode).Distinct().Order());
        Assert.Equal(ReferenceData.Chains.Select(c => c.Code).Order(), projects.Select(p => p.ChainCode).Distinct().Order());
        var levels = projects.Select(p => WorkGroupThresholds.Default.LevelFor(Money.FromWan(p.PlannedInvestmentWan), p.ExpectedJobs)).Distinct();
        Assert.Equal(Enum.GetValues<WorkGroupLevel>().Order(), levels.Order());
        // The middle of the life cycle is the busiest.
        Assert.True(projects.Count(p => p.TargetStage == ProjectStage.Construction) > projects.Count(p => p.TargetStage == ProjectStage.Reserve));
    }

    [Fact]
    public void Amounts_range_from_hundreds_of_wan_to_tens_of_yi_with_a_typical_key_textile_project()
    {
        var projects = Plan.Value.Projects;

        Assert.Contains(projects, p => p.PlannedInvestmentWan < 1_000m);
        Assert.Contains(projects, p => p.PlannedInvestmentWan >= 100_000m);
        Assert.True(projects.Count(p => p.PlannedInvestmentWan >= 10_000m) >= 30);
        Assert.True(projects.Count(p => p.PlannedInvestmentWan >= 30_000m) >= 10);
        Assert.All(projects, p => Assert.InRange(p.ExpectedJobs, 20, 2000));
        Assert.Contains(projects, p => p.ChainCode == "textiles" && p.PlannedInvestmentWan == 75_000m && p.ExpectedJobs == 600);
    }

    [Fact]
    public void Investors_have_unique_names_and_valid_unique_credit_codes_and_every_tier()
    {
        var investors = Plan.Value.Investors;

        Assert.Equal(DemoDataGenerator.InvestorsPerScale, investors.Count);
        Assert.Equal(investors.Count, investors.Select(i => i.Name).Distinct().Count());
        var codes = investors.Where(i => i.CreditCode is not null).Select(i => i.CreditCode!).ToList();
        Assert.True(codes.Count >= investors.Count - 5);
        Assert.All(codes, c => Assert.True(CreditCode.TryParse(c, out _, out var violation), violation?.ToString()));
        Assert.All(codes, c => Assert.StartsWith("91", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(InvestorTiers.All, tier => Assert.Contains(investors, i => i.Tiers.HasFlag(tier)));
        var tieredShare = investors.Count(i => i.Tiers.IsTiered()) / (double)investors.Count;
        Assert.InRange(tieredShare, 0.25, 0.5);
        Assert.Contains(investors, i => i.Tiers.Split().Count() > 1);
        Assert.All(investors, i => Assert.EndsWith("公司", i.Name));
    }

    [Fact]
    public void Project_codes_and_names_are_unique_and_fit_the_form()
    {
        var projects = Plan.Value.Projects;

        Assert.Equal(projects.Count, projects.Select(p => p.Code).Distinct().Count());
        Assert.Equal(projects.Count, projects.Select(p => p.Name).Distinct().Count());
        Assert.All(projects, p => Assert.Matches(@"^KS-20\d\d-\d{4}$", p.Code));
        Assert.All(projects, p => Assert.Equal(BeijingTime.DateOf(p.CreatedAtUtc).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Code[3..7]));
        Assert.All(projects, p => Assert.InRange(p.Name.Length, 4, ProjectDetailsRules.NameMaxLength));
        Assert.All(projects, p => Assert.InRange(p.Description.Length, 1, ProjectDetailsRules.DescriptionMaxLength));
    }

    [Fact]
    public void Nothing_happens_today_or_later_and_history_reaches_back_about_eighteen_months()
    {
        var startOfToday = BeijingTime.StartOfDayUtc(Today);
        var projects = Plan.Value.Projects;
        var instants = projects.SelectMany(p => new[] { p.CreatedAtUtc, p.LastActivityAtUtc }
            .Concat(p.Steps.Select(s => s.AtUtc))
            .Concat(p.Reports.Select(r => r.SubmittedAtUtc))
            .Concat(p.Problems.Select(x => x.RaisedAtUtc))
            .Concat(p.Problems.SelectMany(x => x.Actions).Select(a => a.AtUtc))).ToList();

        Assert.All(instants, t => Assert.True(t < startOfToday, $"{t:O} is not before today"));
        Assert.All(projects, p => Assert.True(p.CreatedAtUtc >= startOfToday.AddDays(-DemoDataGenerator.HistoryDays - 1)));
        Assert.Contains(projects, p => p.CreatedAtUtc < startOfToday.AddDays(-365));
        Assert.All(projects, p => Assert.Equal(p.Steps.OrderBy(s => s.AtUtc).Select(s => s.AtUtc), p.Steps.Select(s => s.AtUtc)));
        Assert.All(projects, p => Assert.True(p.Steps.All(s => s.AtUtc > p.CreatedAtUtc)));
    }

    [Fact]
    public void Battle_maps_have_three_to_six_milestones_reached_only_in_the_past_and_some_overdue()
    {
        var maps = Plan.Value.Projects
            .Select(p => (Project: p, Map: p.Steps.SingleOrDefault(s => s.Kind == ProjectStepKind.BattleMap)?.BattleMap))
            .ToList();

        Assert.All(maps, m => Assert.Equal(m.Project.TargetStage.HasBattleMap(), m.Map is not null));
        var milestones = maps.Where(m => m.Map is not null).SelectMany(m => m.Map!.Milestones).ToList();
        Assert.All(maps.Where(m => m.Map is not null), m => Assert.InRange(m.Map!.Milestones.Count, 3, 6));
        Assert.All(milestones, m => Assert.True(m.ReachedOn is null || m.ReachedOn < Today));
        Assert.Contains(milestones, m => m.ReachedOn is null && m.PlannedOn < Today);
        Assert.Contains(milestones, m => m.ReachedOn is not null);
        Assert.All(maps.Where(m => m.Map is not null), m => Assert.Equal(m.Map!.Milestones.Count, m.Map.Milestones.Select(x => x.Name).Distinct().Count()));
    }

    [Fact]
    public void Key_projects_from_signing_on_have_fortnightly_reports_by_the_chain_lead_with_gaps_and_late_ones()
    {
        var keyProjects = Plan.Value.Projects
            .Where(p => p.TargetStage.IsSignedOrLater()
                        && WorkGroupThresholds.Default.LevelFor(Money.FromWan(p.PlannedInvestmentWan), p.ExpectedJobs) == WorkGroupLevel.KeyProject)
            .ToList();
        var reports = keyProjects.SelectMany(p => p.Reports.Where(r => r.Kind == ReportKind.Fortnightly).Select(r => (Project: p, Report: r))).ToList();

        Assert.NotEmpty(keyProjects);
        Assert.True(reports.Count > keyProjects.Count);
        Assert.All(reports, x => Assert.Equal($"chain-{x.Project.ChainCode}", x.Report.SubmittedBy.UserName));
        Assert.All(reports, x => Assert.Equal(x.Report.IsLate, ProgressReport.IsLateFor(HalfMonthPeriod.FromIndex(x.Report.PeriodIndex), x.Report.SubmittedAtUtc, 3)));
        Assert.Contains(reports, x => x.Report.IsLate);
        Assert.Contains(reports, x => !x.Report.IsLate);
        Assert.All(reports, x => Assert.True(x.Report.OutOfRegionFundsWan <= x.Report.FundsWan));
        // Gaps: some finished period after signing has no report.
        var lastFinished = HalfMonthPeriod.Containing(Today).Previous().Index;
        var signedOn = (ProjectPlan p) => p.Steps.Single(s => s.To == ProjectStage.Signed).Date!.Value;
        var owed = keyProjects.Sum(p => Math.Max(0, lastFinished - HalfMonthPeriod.Containing(signedOn(p)).Index + 1));
        Assert.True(reports.Count < owed);
        Assert.Contains(Plan.Value.Projects.SelectMany(p => p.Reports), r => r.Kind == ReportKind.Update);
    }

    [Fact]
    public void Problems_cover_every_category_status_and_escalation()
    {
        var problems = Plan.Value.Projects.SelectMany(p => p.Problems).ToList();

        Assert.Equal(DemoDataGenerator.ProblemsPerScale, problems.Count);
        Assert.Equal(Enum.GetValues<ProblemCategory>().Order(), problems.Select(p => p.Category).Distinct().Order());
        Assert.All(problems.Where(p => p.Category == ProblemCategory.FactorSupply), p => Assert.NotNull(p.Factor));
        Assert.Contains(problems, p => p.Actions.Count == 0);
        Assert.Contains(problems, p => p.Actions.Count(a => a.Kind == ProblemActionKind.Escalate) == 2);
        Assert.Contains(problems, p => p.Actions.Any(a => a.Kind == ProblemActionKind.Resolve));
        Assert.Contains(problems, p => p.DueOn < Today && p.Actions.All(a => a.Kind != ProblemActionKind.Resolve));
    }
}
