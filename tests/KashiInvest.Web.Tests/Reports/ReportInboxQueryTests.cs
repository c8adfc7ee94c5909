using KashiInvest.Domain.Access;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static KashiInvest.Web.Tests.Reports.ReportTestData;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Reports;

/// <summary>The inbox of owed fortnightly reports on the seeded demo database.</summary>
public sealed class ReportInboxQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_chain_lead_sees_every_half_month_since_signing_of_its_own_key_projects_only()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);

        var rows = await Inbox(database).LoadAsync(lead);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(r.Project.ChainId, lead.ChainIds));
        Assert.All(rows, r => Assert.True(r.CanFile));
        var own = (await KeyProjectsAsync(database)).Where(p => lead.ChainIds.Contains(p.ChainId)).ToList();
        Assert.Equal(own.Select(p => p.Id).Order(), rows.Select(r => r.Project.Id).Distinct().Order());
        var mine = rows.Where(r => r.Project.Id == project.Id).Select(r => r.Period).ToList();
        Assert.Equal(HalfMonthPeriod.Range(project.SignedOn, DateOnly.FromDateTime(TestClock.Default.UtcNow.AddHours(8))), mine.Order());
    }

    [Fact]
    public async Task Each_row_shows_what_was_filed_for_its_period()
    {
        var bureau = new UserScope("bureau", "招商局", ActorRole.Bureau, null, [], []);

        var rows = await Inbox(database).LoadAsync(bureau);

        var filed = await database.QueryAsync(db => db.ProgressReports.AsNoTracking()
            .Where(r => r.IsCurrent && r.Kind == ReportKind.Fortnightly).Select(r => new { r.ProjectId, r.PeriodIndex, r.Revision, r.IsLate }).ToListAsync());
        var byKey = filed.ToDictionary(r => $"{r.ProjectId}-{r.PeriodIndex}");
        Assert.Contains(rows, r => r.State == ObligationState.Overdue);
        Assert.Contains(rows, r => r.State == ObligationState.SubmittedLate);
        foreach (var row in rows)
        {
            if (byKey.TryGetValue(row.Key, out var report))
            {
                Assert.Equal(report.IsLate ? ObligationState.SubmittedLate : ObligationState.Submitted, row.State);
                Assert.Equal(report.Revision, row.Revision);
            }
            else
            {
                Assert.True(row.IsOutstanding, row.Key);
                Assert.Equal(row.State == ObligationState.Overdue, row.DaysOverdue > 0);
            }
        }
    }

    [Fact]
    public async Task Outstanding_reports_come_first_overdue_before_due_and_the_counts_add_up()
    {
        var bureau = new UserScope("bureau", "招商局", ActorRole.Bureau, null, [], []);
        var rows = await Inbox(database).LoadAsync(bureau);

        var ordered = ReportInboxQuery.Order(rows).ToList();
        var counts = ReportInboxQuery.Count(rows);

        var ranks = ordered.Select(r => r.State switch { ObligationState.Overdue => 0, ObligationState.Due => 1, _ => 2 }).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(rows.Count(r => r.State == ObligationState.Overdue), counts.Overdue);
        Assert.Equal(rows.Count(r => r.State == ObligationState.Due), counts.DueThisPeriod);
        Assert.True(counts.Overdue > 0);
        // The current half month is always due: its deadline lies after its end.
        Assert.All(rows.Where(r => r.Period == CurrentPeriod), r => Assert.True(r.IsOpenPeriod));
    }

    [Fact]
    public async Task Filing_an_overdue_report_turns_its_row_into_submitted_late()
    {
        var bureau = new UserScope("bureau", "招商局", ActorRole.Bureau, null, [], []);
        var taken = (await KeyProjectsAsync(database)).ToDictionary(p => p.Id);
        var overdue = (await Inbox(database).LoadAsync(bureau)).First(r => r.State == ObligationState.Overdue);
        var project = taken[overdue.Project.Id];
        var lead = await ChainLeadOfAsync(database, project);

        var result = await Command(database).ExecuteAsync(lead, Report(project, overdue.Period));
        var after = await Inbox(database).LoadAsync(lead, [project.Id]);

        Assert.Equal(WriteStatus.Saved, result.Status);
        Assert.All(after, r => Assert.Equal(project.Id, r.Project.Id));
        var row = Assert.Single(after, r => r.Period == overdue.Period);
        Assert.Equal(ObligationState.SubmittedLate, row.State);
        Assert.Equal(1, row.Revision);
        Assert.NotNull(row.SubmittedAtUtc);
    }

    [Fact]
    public async Task An_attracting_unit_sees_its_own_key_projects_read_only_and_may_post_updates()
    {
        var project = await TakeAsync(database);
        var host = await database.ScopeOfAsync(project.HostCode);

        var rows = await Inbox(database).LoadAsync(host);

        Assert.Contains(rows, r => r.Project.Id == project.Id);
        Assert.All(rows, r => Assert.Equal(host.UnitId, r.Project.HostUnitId));
        Assert.All(rows, r => Assert.False(r.CanFile));
        Assert.All(rows, r => Assert.True(r.CanPostUpdate));
    }

    [Fact]
    public async Task Leaders_see_every_chain_read_only()
    {
        var leader = new UserScope("leader", "地区领导", ActorRole.Leader, null, [], []);

        var rows = await Inbox(database).LoadAsync(leader);

        var keyProjects = await KeyProjectsAsync(database);
        Assert.Equal(keyProjects.Select(p => p.ChainId).Distinct().Order(), rows.Select(r => r.Project.ChainId).Distinct().Order());
        Assert.All(rows, r => Assert.False(r.CanFile || r.CanPostUpdate));
    }
}
