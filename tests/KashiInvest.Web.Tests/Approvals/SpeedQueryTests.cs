using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The speed table (审批提速) over the demo data of 19 November 2026. The figures of the natural resources bureau
/// (dept-natres: land-use pre-examination, land-use planning and construction-engineering planning, all 20 working
/// days, committed 10, green channel 5) are worked out by hand from how the demo walks its items
/// (<c>ApprovalsDemoData</c>): an item "done fast" is decided after half its own limit (10 → 5 days; the key project's
/// green channel 5 → 2 days), one "done late" three working days after its due day (10 + 3 = 13 days). Its finished
/// items: plan 1 pre-examination 5 and land-use planning 5; plan 2 pre-examination 13 (late); plan 3 pre-examination 5,
/// land-use planning 5 and engineering planning 13 (late); plan 6 (a key project) pre-examination 2. Open and overdue:
/// plan 2's land-use planning.
/// </summary>
public sealed class SpeedQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private SpeedQuery Query => new(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(), database.Clock,
        Options.Create(new ApprovalsOptions()));

    private static readonly UserScope Bureau = new("bureau", "地区招商局", ActorRole.Bureau, null, [], []);
    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    private async Task<int> UnitIdAsync(string code) => await database.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task The_natural_resources_bureau_s_figures_are_those_worked_out_by_hand()
    {
        var natres = await UnitIdAsync("dept-natres");
        var table = await Query.LoadAsync(Bureau, new SpeedFilter(Year: 2026));

        var row = Assert.Single(table.Departments, d => d.DepartmentUnitId == natres);
        // 2, 5, 5, 5, 5, 13, 13: the median is 5; 5 of 7 inside half of 20 (≤ 10) = 71.4 %.
        Assert.Equal(new SpeedFigures(7, 5m, 5, 71.4m), row.Figures);
        Assert.Equal(LimitUnit.WorkingDays, row.Unit);
        Assert.Equal(1, row.OverdueOpen);
        Assert.Equal(["land-preexam-site", "land-use-planning", "engineering-planning"], row.Items.Select(i => i.Code));

        var preexam = row.Items[0];
        // 2, 5, 5, 13: an even count, the median is the mean of 5 and 5; 3 of 4 inside half.
        Assert.Equal(new SpeedFigures(4, 5m, 3, 75.0m), preexam.Figures);
        Assert.Equal((20, 10, 0), (preexam.StatutoryLimit, preexam.CommittedLimit, preexam.OverdueOpen));
        Assert.Equal(SpeedVerdict.Good, preexam.MedianVerdict);
        Assert.Equal((new SpeedFigures(2, 5m, 2, 100.0m), 1), (row.Items[1].Figures, row.Items[1].OverdueOpen));
        // One item, 13 days: over the committed 10, inside the statutory 20; not inside half.
        Assert.Equal(new SpeedFigures(1, 13m, 0, 0.0m), row.Items[2].Figures);
        Assert.Equal(SpeedVerdict.Fair, row.Items[2].MedianVerdict);

        // The whole table mixes working and natural days: no median for the total, but the count and the share.
        Assert.Null(table.Total.MedianDays);
        Assert.Equal(table.Departments.Sum(d => d.Figures.Count), table.Total.Count);
        Assert.Equal(table.Departments.Sum(d => d.OverdueOpen), table.OverdueOpen);
        Assert.Contains(2026, table.Years);
        Assert.Empty(table.YearsWithoutData);
    }

    [Fact]
    public async Task Beside_the_speed_each_row_has_the_investor_s_ratings_and_the_share_of_good_ones()
    {
        // The demo rates plans 1 and 2: 好评 for every item done fast, 差评 for the first late one (plan 2's
        // pre-examination). dept-natres: plan 1 pre-examination and land-use planning 好评, plan 2 pre-examination 差评.
        var natres = await UnitIdAsync("dept-natres");
        var table = await Query.LoadAsync(Bureau, new SpeedFilter(Year: 2026));

        var row = Assert.Single(table.Departments, d => d.DepartmentUnitId == natres);
        Assert.Equal(new SatisfactionFigures(3, 2, 66.7m), row.Ratings);
        Assert.Equal(new SatisfactionFigures(2, 1, 50.0m), row.Items.Single(i => i.Code == "land-preexam-site").Ratings);
        Assert.Equal(new SatisfactionFigures(1, 1, 100.0m), row.Items.Single(i => i.Code == "land-use-planning").Ratings);
        Assert.Equal(SatisfactionFigures.None, row.Items.Single(i => i.Code == "engineering-planning").Ratings);
        // Plan 1: filing, pre-examination, land-use planning and EIA form 好评; plan 2: filing 好评, pre-examination 差评.
        Assert.Equal(new SatisfactionFigures(6, 5, 83.3m), table.TotalRatings);
        Assert.Equal(table.TotalRatings.Rated, table.Departments.Sum(d => d.Ratings.Rated));
        Assert.All(table.Departments, d => Assert.Equal(d.Ratings.Good, d.Items.Sum(i => i.Ratings.Good)));
    }

    [Fact]
    public async Task Level_group_and_year_filter_the_items()
    {
        var natres = await UnitIdAsync("dept-natres");

        // County level: land-use planning 5, 5 and engineering planning 13 → median 5, 2 of 3 inside half.
        var county = await Query.LoadAsync(Bureau, new SpeedFilter(Level: ApprovalLevel.County, Year: 2026));
        Assert.Equal(new SpeedFigures(3, 5m, 2, 66.7m), county.Departments.Single(d => d.DepartmentUnitId == natres).Figures);
        Assert.DoesNotContain(county.Departments.SelectMany(d => d.Items), i => i.Level != ApprovalLevel.County);

        // Plan 3's county: pre-examination 5, land-use planning 5, engineering planning 13.
        var host = await database.QueryAsync(db => db.ServicePlans.OrderBy(p => p.Id).Skip(2).Select(p => p.HostUnitId).FirstAsync());
        var one = await Query.LoadAsync(Bureau, new SpeedFilter(HostUnitId: host, Year: 2026));
        Assert.Equal(new SpeedFigures(3, 5m, 2, 66.7m), one.Departments.Single(d => d.DepartmentUnitId == natres).Figures);

        Assert.True((await Query.LoadAsync(Bureau, new SpeedFilter(Year: 2025))).IsEmpty);
        Assert.Equal(7, (await Query.LoadAsync(Bureau, new SpeedFilter())).Departments.Single(d => d.DepartmentUnitId == natres).Figures.Count);
    }

    [Fact]
    public async Task A_department_sees_its_own_items_a_group_leader_its_group_s_and_a_county_nothing()
    {
        var natres = await UnitIdAsync("dept-natres");
        var department = await database.ScopeOfAsync("dept-natres", ActorRole.Department);
        var own = await Query.LoadAsync(department, new SpeedFilter(Year: 2026));
        Assert.Equal(natres, Assert.Single(own.Departments).DepartmentUnitId);
        Assert.Equal(7, own.Total.Count);

        var host = await database.QueryAsync(db => db.ServicePlans.OrderBy(p => p.Id).Skip(2).Select(p => p.HostUnitId).FirstAsync());
        var groupCode = await database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.ServiceGroup && u.ParentUnitId == host).Select(u => u.Code).SingleAsync());
        var group = await Query.LoadAsync(await database.ScopeOfAsync(groupCode, ActorRole.ServiceGroup), new SpeedFilter(Year: 2026));
        Assert.Equal([host], group.Hosts.Select(h => h.UnitId));
        Assert.Equal(3, group.Departments.Single(d => d.DepartmentUnitId == natres).Figures.Count);
        Assert.Equal((await Query.LoadAsync(Bureau, new SpeedFilter(HostUnitId: host, Year: 2026))).Total, group.Total);

        Assert.Equal((await Query.LoadAsync(Bureau, new SpeedFilter(Year: 2026))).Total, (await Query.LoadAsync(Leader, new SpeedFilter(Year: 2026))).Total);
        Assert.True((await Query.LoadAsync(await database.ScopeOfAsync("shache"), new SpeedFilter(Year: 2026))).IsEmpty);
    }
}
