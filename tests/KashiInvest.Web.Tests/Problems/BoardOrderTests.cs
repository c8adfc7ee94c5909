using KashiInvest.Domain.Tests.Support;
using KashiInvest.Domain.Problems;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Problems;

/// <summary>
/// The ledger's board order is a total order, whatever mix of open, resolved and reopened entries it meets: at a few
/// thousand problems a comparer that is not one makes List.Sort throw and the ledger and the Bureau's to-do die.
/// </summary>
public class BoardOrderTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTime Noon = new(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc);

    /// <summary>Cards drawn from small value sets, so that ties on every key but the last are common.</summary>
    private static List<LedgerCard> Cards(int seed, int count)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
        var statuses = Enum.GetValues<ProblemStatus>();
        var severities = Enum.GetValues<ProblemSeverity>();
        DateTime?[] resolvedAt = [null, Noon, Noon.AddHours(-3), Noon.AddDays(-2)];
        return Enumerable.Range(1, count).Select(id =>
        {
            var status = Pick(statuses);
            // A resolved entry has a resolution time; an open one may still carry one (reopened after resolving).
            var resolved = status == ProblemStatus.Resolved ? Pick(resolvedAt.Skip(1).ToList()) : Pick(resolvedAt);
            return new LedgerCard(id, 1, 100 + id % 7, "KS-2026-0001", "项目", 7, 3, ProblemCategory.Other, null, "问题", Pick(severities), status,
                EscalationLevel.County, 7, Today.AddDays(random.Next(-1, 2)), Pick(new[] { 0, 0, 3 }), "shache", 7, Noon, Noon, resolved, null, LedgerRights.None);
        }).ToList();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Board_order_is_antisymmetric_transitive_and_ties_only_on_the_same_entry(int seed) =>
        TotalOrder.Check(Cards(seed, 90), BoardOrder.Instance, (a, b) => a.Id == b.Id);

    [Fact]
    public void Thousands_of_mixed_entries_sort_without_an_inconsistent_comparer_error()
    {
        var cards = Cards(42, 6000);
        cards.Sort(BoardOrder.Instance);
        for (var i = 1; i < cards.Count; i++) Assert.True(BoardOrder.Instance.Compare(cards[i - 1], cards[i]) < 0);
    }

    [Fact]
    public void Among_resolved_entries_the_latest_resolution_comes_first()
    {
        var card = Cards(7, 1)[0] with { DaysOverdue = 0, Severity = ProblemSeverity.Low, DueOn = Today };
        var older = card with { Id = 1, Status = ProblemStatus.Resolved, ResolvedAtUtc = Noon.AddDays(-1) };
        var newer = card with { Id = 2, Status = ProblemStatus.Resolved, ResolvedAtUtc = Noon };
        Assert.True(BoardOrder.Instance.Compare(newer, older) < 0);
        Assert.True(BoardOrder.Instance.Compare(older, newer) > 0);
    }
}
