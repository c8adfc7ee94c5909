using KashiInvest.Domain.Access;
using KashiInvest.Web.Features.Todo;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Todo;

/// <summary>The to-do list merges every source and puts the most urgent work first.</summary>
public sealed class TodoQueryTests
{
    private static readonly UserScope County = new("shache", "莎车县", ActorRole.AttractingUnit, 5, [], []);
    private static readonly DateTime Now = new(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc);

    private sealed class ListSource(params TodoItem[] items) : ITodoSource
    {
        public UserScope? AskedFor { get; private set; }

        public Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
        {
            AskedFor = scope;
            return Task.FromResult<IReadOnlyList<TodoItem>>(items);
        }
    }

    private sealed class BrokenSource : ITodoSource
    {
        public Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken) => throw new InvalidOperationException("down");
    }

    private static TodoItem Item(string kind, string title, TodoUrgency urgency, int? dueInDays) =>
        new(kind, title, null, "/x", dueInDays is { } d ? Now.AddDays(d) : null, urgency);

    [Fact]
    public async Task Items_of_all_sources_are_merged_overdue_first_then_soon_then_normal_earliest_due_first()
    {
        var reports = new ListSource(Item("report", "r-normal", TodoUrgency.Normal, 10), Item("report", "r-late", TodoUrgency.Overdue, -2));
        var problems = new ListSource(Item("problem", "p-soon", TodoUrgency.Soon, 2), Item("problem", "p-later-late", TodoUrgency.Overdue, -9),
            Item("problem", "p-undated", TodoUrgency.Normal, null), Item("problem", "p-soonest", TodoUrgency.Soon, 1));
        var query = new TodoQuery([reports, problems], NullLogger<TodoQuery>.Instance);

        var list = await query.ReadAsync(County);

        Assert.Same(County, reports.AskedFor);
        Assert.Same(County, problems.AskedFor);
        Assert.Equal(["p-later-late", "r-late", "p-soonest", "p-soon", "r-normal", "p-undated"], list.Items.Select(i => i.Title));
        Assert.Equal(6, list.Count);
        Assert.Equal(2, list.Overdue);
        Assert.Equal(0, list.FailedSources);

        var bands = list.Bands();
        Assert.Equal([TodoUrgency.Overdue, TodoUrgency.Soon, TodoUrgency.Normal], bands.Select(b => b.Urgency));
        Assert.Equal(["problem", "report"], bands[0].Groups.Select(g => g.Kind).Order());
        Assert.Equal(2, bands[1].Groups.Single().Count);
        Assert.Equal([("problem", 4, 1), ("report", 2, 1)], list.Kinds());
    }

    [Fact]
    public async Task A_failing_source_is_counted_and_the_others_still_answer()
    {
        var query = new TodoQuery([new BrokenSource(), new ListSource(Item("report", "r", TodoUrgency.Soon, 1))], NullLogger<TodoQuery>.Instance);

        var list = await query.ReadAsync(County);

        Assert.Equal(1, list.FailedSources);
        Assert.Equal("r", Assert.Single(list.Items).Title);
    }

    [Fact]
    public async Task No_sources_no_items_is_the_empty_list()
    {
        var list = await new TodoQuery([], NullLogger<TodoQuery>.Instance).ReadAsync(County);
        Assert.Equal(0, list.Count);
        Assert.Empty(list.Bands());
    }

    [Theory]
    [InlineData(-1, TodoUrgency.Overdue)]
    [InlineData(0, TodoUrgency.Soon)]
    [InlineData(3, TodoUrgency.Soon)]
    [InlineData(4, TodoUrgency.Normal)]
    public void Due_within_three_days_is_soon_and_past_the_due_date_is_overdue(int dueInDays, TodoUrgency expected)
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(expected, TodoSchedule.UrgencyOf(today.AddDays(dueInDays), today));
    }
}
