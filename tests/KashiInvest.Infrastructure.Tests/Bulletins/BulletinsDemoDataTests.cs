using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Bulletins;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Tests.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Bulletins;

/// <summary>The demo's bulletins and the quarter snapshot built from the approved returns, on a real SQLite file.</summary>
public sealed class BulletinsDemoDataTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private StatQuarter Latest => StatQuarter.LatestClosed(seeded.Database.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_earlier_quarter_is_published_and_the_latest_closed_quarter_is_a_draft()
    {
        await using var db = seeded.Database.CreateContext();
        var bulletins = await db.Bulletins.AsNoTracking().OrderBy(b => b.QuarterIndex).ToListAsync();

        Assert.Equal(2, bulletins.Count);
        var (published, draft) = (bulletins[0], bulletins[1]);
        Assert.Equal(Latest.Previous(), published.Quarter);
        Assert.Equal(BulletinStatus.Published, published.Status);
        Assert.Equal("leader", published.ApprovedBy);
        Assert.StartsWith("喀招通〔", published.Number);
        Assert.NotNull(published.NextSteps);
        Assert.Equal(Latest, draft.Quarter);
        Assert.Equal(BulletinStatus.Draft, draft.Status);
        Assert.NotEqual(published.Number, draft.Number);
    }

    [Fact]
    public async Task The_snapshot_round_trips_and_names_the_lagging_county_for_supervision_with_its_figures()
    {
        await using var db = seeded.Database.CreateContext();
        var published = await db.Bulletins.AsNoTracking().OrderBy(b => b.QuarterIndex).FirstAsync();
        var lagging = await db.Units.Where(u => u.Code == StatisticsDemoData.LaggingUnitCode).Select(u => u.Id).SingleAsync();
        var s = published.Snapshot;

        Assert.Equal(published.QuarterIndex, s.QuarterIndex);
        Assert.Equal(13, s.Units.Count);
        Assert.All(s.Units, u => Assert.True(u.Complete));
        Assert.Equal(GrowthKind.Percent, s.Headline.OutOfRegionFundsYtdGrowth.Kind);
        Assert.Equal(s.Units.Sum(u => u.OutOfRegionFundsQuarter), s.Headline.OutOfRegionFundsQuarter);
        var entry = Assert.Single(s.Supervision, e => e.UnitId == lagging);
        var low = Assert.Single(entry.Grounds, g => g.Kind == SupervisionGroundKind.LowGrowth);
        Assert.True(low.Growth.Percent < 0m);
        Assert.Equal(13, low.RankedUnits);
        Assert.Equal(s.Units.Single(u => u.UnitId == lagging).GrowthRank, low.GrowthRank);
        Assert.NotEmpty(s.Praise);
        Assert.DoesNotContain(s.Praise, p => s.Supervision.Any(e => e.UnitId == p.UnitId));
    }

    [Fact]
    public async Task The_snapshot_of_a_quarter_with_an_unapproved_month_says_which_units_are_incomplete()
    {
        // The quarter holding the latest closed month, which is still in review in the demo.
        var month = StatMonth.Containing(seeded.Database.Clock.GetUtcNow().UtcDateTime).Previous();
        await using var db = seeded.Database.CreateContext();
        var s = await BulletinSnapshotQuery.BuildAsync(db, StatQuarter.Of(month), new BulletinSettings(), new HealthSettings(), seeded.Database.Clock);

        Assert.Equal(13, s.IncompleteUnits().Count);
        Assert.NotEmpty(s.SlowProjects);
        Assert.True(s.SlowProjects.Count <= new BulletinSettings().SlowestProjectsListed);
        Assert.Equal(s.SlowProjects.OrderByDescending(p => p.Days).Select(p => p.Days), s.SlowProjects.Select(p => p.Days));
    }

    [Fact]
    public async Task The_slowest_projects_include_approval_items_past_their_time_limit_with_the_item_and_days_overdue()
    {
        // The demo has approval items overdue by at least 3 days (ApprovalsDemoData); list every slow project to see them.
        var month = StatMonth.Containing(seeded.Database.Clock.GetUtcNow().UtcDateTime).Previous();
        await using var db = seeded.Database.CreateContext();
        var s = await BulletinSnapshotQuery.BuildAsync(db, StatQuarter.Of(month), new BulletinSettings { SlowestProjectsListed = 100 }, new HealthSettings(), seeded.Database.Clock);

        var approvals = s.SlowProjects.Where(p => p.Kind == SlowProjectKind.ApprovalOverdue).ToList();
        Assert.NotEmpty(approvals);
        Assert.All(approvals, p => Assert.True(p.Days >= 1 && !string.IsNullOrWhiteSpace(p.Subject), $"{p.Code}: {p.Subject} {p.Days}"));
        Assert.Contains(approvals, p => p.Days >= 3);
        var itemNames = await db.PlanItems.Select(i => i.ItemName).Distinct().ToListAsync();
        Assert.All(approvals, p => Assert.Contains(p.Subject, itemNames));
    }

    [Fact]
    public async Task The_slowest_projects_include_policy_commitments_past_their_time_limit_with_the_document_number_and_days_overdue()
    {
        // The commitments demo has overdue commitments (CommitmentsDemoData); list every slow project to see them.
        var month = StatMonth.Containing(seeded.Database.Clock.GetUtcNow().UtcDateTime).Previous();
        await using var db = seeded.Database.CreateContext();
        var s = await BulletinSnapshotQuery.BuildAsync(db, StatQuarter.Of(month), new BulletinSettings { SlowestProjectsListed = 100 }, new HealthSettings(), seeded.Database.Clock);

        var today = BeijingTime.Today(seeded.Database.Clock);
        var commitments = await db.Commitments.AsNoTracking().ToListAsync();
        var stages = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Stage);
        var expected = commitments
            .Where(c => c.IsOverdue(today) && stages[c.ProjectId] is ProjectStage.Signed or ProjectStage.Landing or ProjectStage.Construction)
            .GroupBy(c => c.ProjectId)
            .ToDictionary(g => g.Key, g => g.Max(c => today.DayNumber - c.DueOn!.Value.DayNumber));
        Assert.NotEmpty(expected);

        var listed = s.SlowProjects.Where(p => p.Kind == SlowProjectKind.CommitmentOverdue).ToList();
        Assert.Equal(expected.OrderBy(e => e.Key), listed.Select(p => KeyValuePair.Create(p.ProjectId, p.Days)).OrderBy(e => e.Key));
        var numbers = commitments.Select(c => c.DocumentNumber).ToHashSet();
        Assert.All(listed, p => Assert.Contains(p.Subject!, numbers));
    }
}
