using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Statistics;

public class MonthlyReturnCalculatorTests
{
    private static readonly StatMonth November = new(2026, 11);
    private static readonly StatisticsSettings Settings = new();
    private const int Textiles = 3;
    private const int Energy = 5;

    /// <summary>A Beijing wall-clock time as UTC.</summary>
    private static DateTime Beijing(int year, int month, int day, int hour = 10, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    private static ProjectFacts Project(int id, params (ProjectStage To, DateTime At)[] steps) =>
        new(id, Textiles, 20_000m, false, steps.Select(s => new StageStep(s.To, s.At)).ToList());

    private static FundsReport Funds(int projectId, DateTime at, decimal total, decimal outOfRegion, int revision = 1, int? periodIndex = null) =>
        new(projectId, periodIndex ?? HalfMonthPeriod.Containing(at).Index, ReportKind.Fortnightly, revision, total, outOfRegion, at);

    private static IReadOnlyDictionary<FigureKey, decimal> Compute(IReadOnlyCollection<ProjectFacts> projects, IReadOnlyCollection<FundsReport>? reports = null) =>
        MonthlyReturnCalculator.Compute(November, projects, reports ?? [], Settings);

    [Fact]
    public void Funds_reported_at_23_30_Beijing_on_the_last_day_count_in_that_month()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2026, 3, 1)));
        var lastMinute = Funds(1, Beijing(2026, 11, 30, 23, 30), 1_000m, 800m);
        Assert.Equal(new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc), lastMinute.SubmittedAtUtc);

        var figures = Compute([p], [lastMinute]);

        Assert.Equal(1_000m, figures[new(FigureCode.FundsMonth)]);
        Assert.Equal(800m, figures[new(FigureCode.OutOfRegionFundsMonth)]);
    }

    [Fact]
    public void Funds_reported_at_00_10_Beijing_on_the_1st_count_in_the_next_month()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2026, 3, 1)));
        var nextMonth = Funds(1, Beijing(2026, 12, 1, 0, 10), 1_000m, 800m);

        var figures = Compute([p], [nextMonth]);

        Assert.Equal(0m, figures[new(FigureCode.FundsMonth)]);
        Assert.Equal(0m, figures[new(FigureCode.FundsYtd)]);
    }

    [Fact]
    public void Funds_of_the_month_and_of_the_year_to_date_exclude_last_year()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2025, 6, 1)));
        var reports = new[]
        {
            Funds(1, Beijing(2025, 12, 20), 5_000m, 5_000m),
            Funds(1, Beijing(2026, 2, 10), 2_000m, 1_000m),
            Funds(1, Beijing(2026, 11, 3), 3_000m, 2_500m),
        };

        var figures = Compute([p], reports);

        Assert.Equal(3_000m, figures[new(FigureCode.FundsMonth)]);
        Assert.Equal(2_500m, figures[new(FigureCode.OutOfRegionFundsMonth)]);
        Assert.Equal(5_000m, figures[new(FigureCode.FundsYtd)]);
        Assert.Equal(3_500m, figures[new(FigureCode.OutOfRegionFundsYtd)]);
    }

    [Fact]
    public void An_amendment_counts_in_the_month_it_was_made_not_in_the_closed_month()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2026, 3, 1)));
        var period = new HalfMonthPeriod(2026, 10, 2).Index;
        var reports = new[]
        {
            Funds(1, Beijing(2026, 10, 28), 1_000m, 1_000m, revision: 1, periodIndex: period),
            Funds(1, Beijing(2026, 11, 2), 1_600m, 1_200m, revision: 2, periodIndex: period),
        };

        var october = MonthlyReturnCalculator.Compute(new StatMonth(2026, 10), [p], reports, Settings);
        var november = Compute([p], reports);

        Assert.Equal(1_000m, october[new(FigureCode.FundsMonth)]);
        Assert.Equal(600m, november[new(FigureCode.FundsMonth)]);
        Assert.Equal(200m, november[new(FigureCode.OutOfRegionFundsMonth)]);
        Assert.Equal(1_600m, november[new(FigureCode.FundsYtd)]);
    }

    [Fact]
    public void Fortnightly_and_voluntary_reports_of_the_same_period_both_count()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2026, 3, 1)));
        var at = Beijing(2026, 11, 5);
        var reports = new[] { Funds(1, at, 100m, 0m), Funds(1, at, 50m, 50m) with { Kind = ReportKind.Update } };

        Assert.Equal(150m, Compute([p], reports)[new(FigureCode.FundsMonth)]);
    }

    [Fact]
    public void Reports_on_other_units_projects_are_ignored()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2026, 3, 1)));

        Assert.Equal(0m, Compute([p], [Funds(99, Beijing(2026, 11, 5), 100m, 0m)])[new(FigureCode.FundsMonth)]);
    }

    [Fact]
    public void Stages_are_counted_from_the_history_as_it_stood_at_the_close()
    {
        var projects = new[]
        {
            // created this month
            Project(1, (ProjectStage.Lead, Beijing(2026, 11, 2))),
            // in negotiation at the close, though it signs on 1 December
            Project(2, (ProjectStage.Lead, Beijing(2026, 5, 1)), (ProjectStage.Negotiating, Beijing(2026, 6, 1)), (ProjectStage.Signed, Beijing(2026, 12, 1, 9))),
            // in evaluation counts as negotiation
            Project(3, (ProjectStage.Negotiating, Beijing(2026, 5, 1)), (ProjectStage.Evaluation, Beijing(2026, 10, 1))),
            // signed this month at 23:30 on the last day
            Project(4, (ProjectStage.Evaluation, Beijing(2026, 5, 1)), (ProjectStage.Signed, Beijing(2026, 11, 30, 23, 30))),
            // signed in March, started this month
            Project(5, (ProjectStage.Signed, Beijing(2026, 3, 1)), (ProjectStage.Construction, Beijing(2026, 11, 10))),
            // signed last year, into production this month
            Project(6, (ProjectStage.Signed, Beijing(2025, 3, 1)), (ProjectStage.Construction, Beijing(2025, 9, 1)), (ProjectStage.Production, Beijing(2026, 11, 20))),
            // created after the close: not counted at all
            Project(7, (ProjectStage.Lead, Beijing(2026, 12, 1, 0, 1))),
        };

        var f = Compute(projects);

        Assert.Equal(1m, f[new(FigureCode.NewLeads)]);
        Assert.Equal(2m, f[new(FigureCode.InNegotiation)]);
        Assert.Equal(1m, f[new(FigureCode.SignedMonth)]);
        Assert.Equal(20_000m, f[new(FigureCode.SignedMonthInvestment)]);
        Assert.Equal(2m, f[new(FigureCode.SignedYtd)]);
        Assert.Equal(40_000m, f[new(FigureCode.SignedYtdInvestment)]);
        Assert.Equal(1m, f[new(FigureCode.StartedMonth)]);
        Assert.Equal(1m, f[new(FigureCode.StartedYtd)]);
        Assert.Equal(1m, f[new(FigureCode.ProductionMonth)]);
        Assert.Equal(1m, f[new(FigureCode.ProductionYtd)]);
    }

    [Fact]
    public void A_project_created_at_a_later_stage_counts_as_signed_when_it_was_created()
    {
        var p = Project(1, (ProjectStage.Construction, Beijing(2026, 11, 3)));

        var f = Compute([p]);

        Assert.Equal(1m, f[new(FigureCode.NewLeads)]);
        Assert.Equal(1m, f[new(FigureCode.SignedMonth)]);
        Assert.Equal(1m, f[new(FigureCode.StartedMonth)]);
        Assert.Equal(0m, f[new(FigureCode.ProductionMonth)]);
    }

    [Fact]
    public void A_project_terminated_after_signing_still_counts_as_signed_this_year()
    {
        var p = Project(1, (ProjectStage.Signed, Beijing(2026, 4, 1)), (ProjectStage.Terminated, Beijing(2026, 9, 1)));

        var f = Compute([p]);

        Assert.Equal(1m, f[new(FigureCode.SignedYtd)]);
        Assert.Equal(0m, f[new(FigureCode.SignedMonth)]);
    }

    [Fact]
    public void Large_major_and_tiered_projects_use_the_thresholds_from_settings()
    {
        var signed = Beijing(2026, 6, 1);
        StageStep[] history = [new(ProjectStage.Signed, signed)];
        var projects = new[]
        {
            new ProjectFacts(1, Textiles, 9_999m, false, history),
            new ProjectFacts(2, Textiles, 10_000m, true, history),
            new ProjectFacts(3, Textiles, 30_000m, false, history),
        };

        var defaults = Compute(projects);
        var stricter = MonthlyReturnCalculator.Compute(November, projects, [], new StatisticsSettings { LargeProjectWan = 20_000m, MajorProjectWan = 50_000m });

        Assert.Equal(2m, defaults[new(FigureCode.SignedYtdLarge)]);
        Assert.Equal(1m, defaults[new(FigureCode.SignedYtdMajor)]);
        Assert.Equal(1m, defaults[new(FigureCode.SignedYtdTiered)]);
        Assert.Equal(1m, stricter[new(FigureCode.SignedYtdLarge)]);
        Assert.Equal(0m, stricter[new(FigureCode.SignedYtdMajor)]);
    }

    [Fact]
    public void Figures_are_also_given_by_chain_and_the_chains_add_up_to_the_total()
    {
        var at = Beijing(2026, 11, 5);
        var projects = new[]
        {
            new ProjectFacts(1, Textiles, 75_000m, false, [new(ProjectStage.Signed, at)]),
            new ProjectFacts(2, Energy, 12_000m, false, [new(ProjectStage.Signed, at)]),
        };
        var reports = new[] { Funds(1, at, 700m, 700m), Funds(2, at, 300m, 0m) };

        var f = Compute(projects, reports);

        Assert.Equal(75_000m, f[new(FigureCode.SignedMonthInvestment, Textiles)]);
        Assert.Equal(12_000m, f[new(FigureCode.SignedMonthInvestment, Energy)]);
        Assert.Equal(700m, f[new(FigureCode.FundsMonth, Textiles)]);
        Assert.Equal(300m, f[new(FigureCode.FundsMonth, Energy)]);
        Assert.Equal(0m, f[new(FigureCode.OutOfRegionFundsMonth, Energy)]);
        foreach (var code in FigureCodes.ByChain)
            Assert.Equal(f[new(code)], f[new(code, Textiles)] + f[new(code, Energy)]);
    }

    [Fact]
    public void A_unit_without_projects_returns_every_figure_as_zero()
    {
        var f = Compute([]);

        Assert.Equal(FigureCodes.Totals.Length, f.Count);
        Assert.All(f.Values, v => Assert.Equal(0m, v));
    }
}
