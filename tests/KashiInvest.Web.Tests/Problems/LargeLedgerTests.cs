using System.Diagnostics;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Problems;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.Problems;

/// <summary>The demo data at a scale where the ledger holds thousands of problems, seeded once for the class.</summary>
public sealed class LargeDemoDatabase : IAsyncLifetime
{
    /// <summary>Scale 40: about 6,000 projects and 2,400 problems, where the ledger and the Bureau's to-do once died.</summary>
    public const int Scale = 40;

    public SeededDatabase Database { get; } = new() { Scale = Scale };

    public TimeSpan SeedTime { get; private set; }

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        await Database.InitializeAsync();
        SeedTime = watch.Elapsed;
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}

/// <summary>
/// The ledger's queries on a large data set: the board and the Bureau's to-do load thousands of entries in board
/// order without "IComparer.Compare() method returns inconsistent results".
/// </summary>
public sealed class LargeLedgerTests(LargeDemoDatabase large, ITestOutputHelper output) : IClassFixture<LargeDemoDatabase>
{
    private SeededDatabase Database => large.Database;

    [Fact]
    public async Task The_whole_ledger_with_every_resolved_entry_loads_in_board_order()
    {
        output.WriteLine($"Seeding the demo data at scale {LargeDemoDatabase.Scale} took {large.SeedTime.TotalSeconds:F0} s");
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var total = await Database.QueryAsync(db => db.Problems.CountAsync());
        Assert.True(total >= 2000, $"only {total} problems: the data set is too small to prove anything");

        var query = Database.Services.GetRequiredService<LedgerQuery>();
        // What /ledger shows first (open entries and the recent resolved ones), then every entry.
        var board = await query.LoadAsync(bureau, new LedgerFilter());
        Assert.NotEmpty(board);
        var cards = await query.LoadAsync(bureau, new LedgerFilter { AllResolved = true });

        Assert.Equal(total, cards.Count);
        Assert.Contains(cards, c => c.Status == ProblemStatus.Resolved);
        for (var i = 1; i < cards.Count; i++) Assert.True(BoardOrder.Instance.Compare(cards[i - 1], cards[i]) < 0);
    }

    [Fact]
    public async Task The_Bureaus_to_do_answers_from_every_source()
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var source = Database.Services.GetServices<ITodoSource>().OfType<LedgerProblemsTodoSource>().Single();

        var problems = await source.ReadAsync(bureau, CancellationToken.None);
        var list = await Database.Services.GetRequiredService<TodoQuery>().ReadAsync(bureau);

        var owned = await Database.QueryAsync(db => db.Problems.CountAsync(p => p.Status != ProblemStatus.Resolved && p.OwnerUnitId == bureau.UnitId));
        Assert.Equal(owned, problems.Count);
        Assert.Equal(0, list.FailedSources);
        Assert.Equal(owned, list.Items.Count(i => i.Kind == LedgerProblemsTodoSource.Kind));
    }
}
