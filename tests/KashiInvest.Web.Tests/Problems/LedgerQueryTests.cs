using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Problems;

/// <summary>The ledger board's read: scope (the entries of the projects a user can see), filters, order and rights.</summary>
public sealed class LedgerQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private LedgerQuery Query => database.Services.GetRequiredService<LedgerQuery>();

    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);
    private static readonly LedgerFilter Everything = new() { AllResolved = true };

    [Fact]
    public async Task A_county_sees_exactly_the_entries_of_its_own_projects()
    {
        var county = await database.ScopeOfAsync("shache");
        var expected = await database.QueryAsync(db => db.Problems
            .Where(x => db.Projects.Any(p => p.Id == x.ProjectId && p.HostUnitId == county.UnitId)).Select(x => x.Id).OrderBy(id => id).ToListAsync());

        var cards = await Query.LoadAsync(county, Everything);

        Assert.NotEmpty(cards);
        Assert.Equal(expected, cards.Select(c => c.Id).OrderBy(id => id));
        Assert.All(cards, c => Assert.Equal(county.UnitId, c.HostUnitId));
    }

    [Fact]
    public async Task A_chain_lead_sees_the_entries_on_its_chains_and_the_Bureau_sees_all()
    {
        var chainId = await database.QueryAsync(db => db.Problems.Join(db.Projects, x => x.ProjectId, p => p.Id, (x, p) => p.ChainId).FirstAsync());
        var leadCode = await database.QueryAsync(db => db.Chains.Where(c => c.Id == chainId).Join(db.Units, c => c.LeadUnitId, u => u.Id, (c, u) => u.Code).SingleAsync());
        var lead = await database.ScopeOfAsync(leadCode, ActorRole.ChainLead);

        var chainCards = await Query.LoadAsync(lead, Everything);
        Assert.Contains(chainCards, c => c.ChainId == chainId);
        Assert.All(chainCards, c => Assert.Contains(c.ChainId, lead.ChainIds));

        var all = await Query.LoadAsync(await database.ScopeOfAsync("bureau", ActorRole.Bureau), Everything);
        Assert.Equal(await database.QueryAsync(db => db.Problems.CountAsync()), all.Count);
    }

    [Fact]
    public async Task Resolved_entries_older_than_30_days_show_only_on_request()
    {
        var now = TestClock.Default.UtcNow;
        var recent = await Query.LoadAsync(Leader, new LedgerFilter());
        var all = await Query.LoadAsync(Leader, Everything);

        Assert.All(recent.Where(c => c.Status == ProblemStatus.Resolved), c => Assert.True(c.ResolvedAtUtc >= now.AddDays(-LedgerQuery.ResolvedWindowDays - 1)));
        Assert.Equal(all.Count(c => c.IsOpen), recent.Count(c => c.IsOpen));
        var old = all.Count(c => c.Status == ProblemStatus.Resolved && c.ResolvedAtUtc < now.AddDays(-LedgerQuery.ResolvedWindowDays));
        Assert.True(old > 0, "the demo data has entries resolved more than 30 days ago");
        Assert.Equal(all.Count - old, recent.Count);
    }

    [Fact]
    public async Task Filters_narrow_the_board_to_matching_entries()
    {
        var all = await Query.LoadAsync(Leader, Everything);
        var today = BeijingTime.Today(TestClock.Default);

        var blocking = await Query.LoadAsync(Leader, Everything with { Severity = ProblemSeverity.Blocking });
        Assert.Equal(all.Count(c => c.Severity == ProblemSeverity.Blocking), blocking.Count);

        var overdue = await Query.LoadAsync(Leader, Everything with { OverdueOnly = true });
        Assert.NotEmpty(overdue);
        Assert.All(overdue, c => Assert.True(c.IsOpen && c.DueOn < today && c.DaysOverdue == today.DayNumber - c.DueOn.DayNumber));
        Assert.Equal(all.Count(c => c.DaysOverdue > 0), overdue.Count);

        var awaiting = await Query.LoadAsync(Leader, Everything with { AwaitingPrefecture = true });
        Assert.NotEmpty(awaiting);
        Assert.All(awaiting, c => Assert.True(c.IsOpen && c.Level == EscalationLevel.Prefecture));
        Assert.Equal(all.Count(c => c.IsOpen && c.Level == EscalationLevel.Prefecture), awaiting.Count);

        var sample = all[0];
        var ofProject = await Query.LoadAsync(Leader, Everything with { ProjectId = sample.ProjectId });
        Assert.Equal(all.Count(c => c.ProjectId == sample.ProjectId), ofProject.Count);

        var combined = await Query.LoadAsync(Leader, Everything with { HostUnitId = sample.HostUnitId, ChainId = sample.ChainId, Category = sample.Category, Level = sample.Level });
        Assert.Contains(combined, c => c.Id == sample.Id);
        Assert.All(combined, c => Assert.True(c.HostUnitId == sample.HostUnitId && c.ChainId == sample.ChainId && c.Category == sample.Category && c.Level == sample.Level));

        var text = sample.Description[..Math.Min(8, sample.Description.Length)];
        var byText = await Query.LoadAsync(Leader, Everything with { Text = text });
        Assert.Contains(byText, c => c.Id == sample.Id);
        Assert.All(byText, c => Assert.True(c.Description.Contains(text, StringComparison.Ordinal) || c.ProjectName.Contains(text, StringComparison.Ordinal)
            || c.ProjectCode.Contains(text, StringComparison.Ordinal) || (c.Resolution?.Contains(text, StringComparison.Ordinal) ?? false)));
    }

    [Fact]
    public async Task The_board_puts_overdue_entries_first_then_the_most_severe_then_the_earliest_due()
    {
        var cards = (await Query.LoadAsync(Leader, new LedgerFilter())).Where(c => c.Status == ProblemStatus.InProgress).ToList();
        Assert.True(cards.Count > 2);
        for (var i = 1; i < cards.Count; i++)
        {
            var (a, b) = (cards[i - 1], cards[i]);
            var key = (a.DaysOverdue > 0, b.DaysOverdue > 0);
            Assert.False(key is (false, true), $"{a.Id} (not overdue) before {b.Id} (overdue)");
            if (key.Item1 == key.Item2)
            {
                Assert.True(a.Severity >= b.Severity, $"{a.Id} {a.Severity} before {b.Id} {b.Severity}");
                if (a.Severity == b.Severity) Assert.True(a.DueOn <= b.DueOn, $"{a.Id} due {a.DueOn} before {b.Id} due {b.DueOn}");
            }
        }
    }

    [Fact]
    public async Task Rights_follow_the_ledger_rules_card_by_card()
    {
        var county = await database.ScopeOfAsync("shache");
        var cards = await Query.LoadAsync(county, Everything);
        Assert.All(cards.Where(c => c.IsOpen && c.Level == EscalationLevel.County), c => Assert.True(c.Rights.Resolve && c.Rights.Escalate && c.Rights.Assign));
        Assert.All(cards.Where(c => c.Status == ProblemStatus.New && c.Level == EscalationLevel.County), c => Assert.True(c.Rights.Start));
        Assert.All(cards.Where(c => c.IsOpen && c.Level != EscalationLevel.County && c.OwnerUnitId != county.UnitId), c => Assert.False(c.Rights.Any));
        Assert.All(cards.Where(c => !c.IsOpen), c => Assert.False(c.Rights.Resolve || c.Rights.Start));

        Assert.All(await Query.LoadAsync(Leader, Everything), c => Assert.False(c.Rights.Any));
    }

    [Fact]
    public async Task History_is_read_only_within_scope()
    {
        var county = await database.ScopeOfAsync("shache");
        var own = (await Query.LoadAsync(county, Everything))[0];
        var history = await Query.HistoryAsync(county, own.Id);
        Assert.Equal(ProblemAction.Raised, history[0].Action);

        Assert.Empty(await Query.HistoryAsync(await database.ScopeOfAsync("shufu"), own.Id));
    }
}
