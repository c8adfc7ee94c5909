using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.BattleMaps;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.BattleMaps;

public sealed class BattleMapReaderTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    private BattleMapReader Reader => ServiceProviderServiceExtensions.GetRequiredService<BattleMapReader>(database.Services);

    private static DateOnly Today => BeijingTime.Today(TestClock.Default);

    [Fact]
    public async Task A_project_with_an_overdue_milestone_shows_it_among_the_health_reasons_and_at_the_top_of_next_actions()
    {
        var today = Today;
        // A battle-map project before production whose milestone is past its planned date and not reached.
        var candidates = await database.QueryAsync(db => db.Milestones
            .Where(m => m.ReachedOn == null && m.PlannedOn < today)
            .Join(db.Projects.Where(p => p.Stage == ProjectStage.Negotiating || p.Stage == ProjectStage.Evaluation || p.Stage == ProjectStage.Signed
                    || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction),
                m => m.ProjectId, p => p.Id, (m, p) => new { p.Id, m.Name, m.PlannedOn })
            .ToListAsync());
        Assert.NotEmpty(candidates);
        var overdue = candidates.OrderBy(c => c.PlannedOn).First();
        var days = today.DayNumber - overdue.PlannedOn.DayNumber;

        var view = await Reader.GetAsync(Leader, overdue.Id);

        Assert.NotNull(view);
        Assert.NotEqual(HealthStatus.OnTrack, view.Health.Status);
        var reason = Assert.Single(view.Health.Reasons, r => r.Kind == HealthReasonKind.MilestoneOverdue && r.Subject == overdue.Name);
        Assert.Equal(days, reason.Args[1]);
        var action = Assert.Single(view.NextActions, a => a.Kind == NextActionKind.Milestone && a.Subject == overdue.Name);
        Assert.True(action.IsOverdue);
        Assert.Equal(days, action.DaysOverdue);
        Assert.Equal(overdue.PlannedOn, action.DueOn);
        Assert.Equal(view.Project.HostUnitId, action.OwnerUnitId);
        // Overdue first, the most overdue at the top.
        var overdueCount = view.NextActions.Count(a => a.IsOverdue);
        Assert.All(view.NextActions.Take(overdueCount), a => Assert.True(a.IsOverdue));
        Assert.Equal(view.NextActions.Take(overdueCount).Select(a => a.DueOn).Order(), view.NextActions.Take(overdueCount).Select(a => a.DueOn));
    }

    [Fact]
    public async Task A_county_cannot_read_another_countys_battle_map_but_reads_its_own()
    {
        var shache = await database.ScopeOfAsync("shache");
        var (own, other) = await database.QueryAsync(async db => (
            await db.Projects.Where(p => p.HostUnitId == shache.UnitId).Select(p => p.Id).FirstAsync(),
            await db.Projects.Where(p => p.HostUnitId != shache.UnitId).Select(p => p.Id).FirstAsync()));

        Assert.Null(await Reader.GetAsync(shache, other));
        Assert.Null(await Reader.GetAsync(shache, int.MaxValue));
        var mine = await Reader.GetAsync(shache, own);
        Assert.NotNull(mine);
        Assert.Equal(own, mine.Project.Id);
    }

    [Fact]
    public async Task Funds_in_place_over_time_are_cumulative_from_the_current_reports_and_never_decrease()
    {
        // The key project with the most reports that brought money in.
        var id = await database.QueryAsync(db => db.ProgressReports.Where(r => r.IsCurrent && r.FundsInPlaceThisPeriodWan > 0)
            .GroupBy(r => r.ProjectId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var reports = await database.QueryAsync(db => db.ProgressReports.Where(r => r.ProjectId == id && r.IsCurrent)
            .Select(r => new { r.PeriodIndex, r.FundsInPlaceThisPeriodWan, r.OutOfRegionFundsThisPeriodWan }).ToListAsync());

        var view = await Reader.GetAsync(Leader, id);

        Assert.NotNull(view);
        var funds = view.Funds;
        Assert.True(funds.Count >= 2, $"expected a series, got {funds.Count} points");
        for (var i = 1; i < funds.Count; i++)
        {
            Assert.Equal(funds[i - 1].Period.Next(), funds[i].Period);
            Assert.True(funds[i].TotalWan >= funds[i - 1].TotalWan, $"total went down at {funds[i].Period}");
            Assert.True(funds[i].OutOfRegionWan >= funds[i - 1].OutOfRegionWan, $"out-of-region went down at {funds[i].Period}");
            Assert.True(funds[i].OutOfRegionWan <= funds[i].TotalWan);
        }
        Assert.Equal(HalfMonthPeriod.Containing(Today), funds[^1].Period);
        Assert.Equal(reports.Sum(r => r.FundsInPlaceThisPeriodWan), funds[^1].TotalWan);
        Assert.Equal(reports.Sum(r => r.OutOfRegionFundsThisPeriodWan), funds[^1].OutOfRegionWan);
        // At each period: everything reported for that period and before.
        var middle = funds[funds.Count / 2];
        Assert.Equal(reports.Where(r => r.PeriodIndex <= middle.Period.Index).Sum(r => r.FundsInPlaceThisPeriodWan), middle.TotalWan);
    }

    [Fact]
    public void The_plan_spreads_the_planned_investment_evenly_from_the_planned_start_or_else_from_signing()
    {
        var start = new DateOnly(2026, 1, 1);
        var end = new DateOnly(2026, 12, 31);

        var plan = BattleMapFigures.PlanLine(36_500m, start, end, signedOn: new DateOnly(2025, 6, 1));

        Assert.Equal(new PlannedFunds(start, 0m), plan[0]);
        Assert.Equal(new PlannedFunds(end, 36_500m), plan[^1]);
        Assert.Equal(plan.Select(p => p.On).Order(), plan.Select(p => p.On));
        var jan15 = Assert.Single(plan, p => p.On == new DateOnly(2026, 1, 15));
        Assert.Equal(decimal.Round(36_500m * 14 / 364, 2), jan15.Wan);

        var fromSigning = BattleMapFigures.PlanLine(10_000m, null, end, signedOn: new DateOnly(2026, 7, 1));
        Assert.Equal(new DateOnly(2026, 7, 1), fromSigning[0].On);
        Assert.Empty(BattleMapFigures.PlanLine(10_000m, null, end, signedOn: null));
        Assert.Empty(BattleMapFigures.PlanLine(10_000m, end, start, signedOn: null));
    }

    [Fact]
    public void Only_the_cards_a_change_touches_are_highlighted()
    {
        Assert.Equal(BattleMapSection.Reports | BattleMapSection.Funds | BattleMapSection.Health | BattleMapSection.NextActions,
            BattleMapSections.Affected("report.submitted"));
        Assert.Equal(BattleMapSection.Problems | BattleMapSection.Health | BattleMapSection.NextActions, BattleMapSections.Affected("problem.changed"));
        Assert.Equal(BattleMapSection.Header | BattleMapSection.Stepper | BattleMapSection.Milestones, BattleMapSections.Affected("project.stage"));
    }

    [Fact]
    public void Only_an_approvals_notice_a_stage_change_or_a_full_re_read_re_reads_the_approvals_cards()
    {
        Assert.Equal(BattleMapSection.Approvals | BattleMapSection.Health, BattleMapSections.Affected("approval.item"));
        Assert.Equal(BattleMapSection.Approvals | BattleMapSection.Health, BattleMapSections.Affected("approval.plan"));
        foreach (var kind in new[] { "report.submitted", "problem.changed", "problem.raised", "project.updated", "alert.raised" })
            Assert.False(BattleMapSections.Affected(kind).HasFlag(BattleMapSection.Approvals), kind);

        const ProjectStage building = ProjectStage.Construction;
        Assert.False(BattleMapSections.RereadsApprovals(false, BattleMapSections.Affected("report.submitted"), building, building));
        Assert.False(BattleMapSections.RereadsApprovals(false, BattleMapSections.Affected("project.updated"), building, building));
        Assert.True(BattleMapSections.RereadsApprovals(false, BattleMapSections.Affected("approval.item"), building, building));
        Assert.True(BattleMapSections.RereadsApprovals(false, BattleMapSections.Affected("project.stage"), ProjectStage.Landing, building));
        Assert.True(BattleMapSections.RereadsApprovals(true, BattleMapSection.None, building, building));
    }

    [Fact]
    public void Only_a_commitment_notice_or_a_full_re_read_re_reads_the_commitments_card()
    {
        Assert.Equal(BattleMapSection.Commitments, BattleMapSections.Affected("commitment.changed"));
        foreach (var kind in new[] { "report.submitted", "problem.changed", "project.updated", "approval.item", "alert.raised" })
        {
            Assert.False(BattleMapSections.Affected(kind).HasFlag(BattleMapSection.Commitments), kind);
            Assert.False(BattleMapSections.RereadsCommitments(false, BattleMapSections.Affected(kind)), kind);
        }
        Assert.True(BattleMapSections.RereadsCommitments(false, BattleMapSections.Affected("commitment.changed")));
        Assert.True(BattleMapSections.RereadsCommitments(true, BattleMapSection.None));
    }
}
