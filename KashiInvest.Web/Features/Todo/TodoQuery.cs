using KashiInvest.Domain.Access;

namespace KashiInvest.Web.Features.Todo;

/// <summary>One kind of work within an urgency band, with its items (soonest due first).</summary>
public sealed record TodoGroup(string Kind, IReadOnlyList<TodoItem> Items)
{
    public int Count => Items.Count;
}

/// <summary>One urgency band of the list (overdue, soon, normal), grouped by kind.</summary>
public sealed record TodoBand(TodoUrgency Urgency, IReadOnlyList<TodoGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Count);
}

/// <summary>The signed-in user's to-do list: every source's items, most urgent first; <see cref="FailedSources"/> counts sources that could not answer.</summary>
public sealed record TodoList(IReadOnlyList<TodoItem> Items, int FailedSources)
{
    public static readonly TodoList Empty = new([], 0);

    public int Count => Items.Count;

    public int Overdue => Items.Count(i => i.Urgency == TodoUrgency.Overdue);

    /// <summary>Overdue first, then soon, then the rest; each band grouped by kind, the kind with the most items first.</summary>
    public IReadOnlyList<TodoBand> Bands() =>
        [.. new[] { TodoUrgency.Overdue, TodoUrgency.Soon, TodoUrgency.Normal }
            .Select(u => new TodoBand(u, Items.Where(i => i.Urgency == u).GroupBy(i => i.Kind)
                .Select(g => new TodoGroup(g.Key, g.ToList()))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Kind, StringComparer.Ordinal).ToList()))
            .Where(b => b.Count > 0)];

    /// <summary>How many items of each kind, for the summary chips.</summary>
    public IReadOnlyList<(string Kind, int Count, int Overdue)> Kinds() =>
        [.. Items.GroupBy(i => i.Kind).Select(g => (g.Key, g.Count(), g.Count(i => i.Urgency == TodoUrgency.Overdue)))
            .OrderByDescending(k => k.Item3).ThenByDescending(k => k.Item2).ThenBy(k => k.Key, StringComparer.Ordinal)];
}

/// <summary>When an item counts as "soon" for the sources of this app.</summary>
public static class TodoSchedule
{
    /// <summary>Due within this many days (Beijing dates) and not yet late: <see cref="TodoUrgency.Soon"/>.</summary>
    public const int SoonDays = 3;

    public static TodoUrgency UrgencyOf(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? TodoUrgency.Overdue : dueOn.DayNumber - today.DayNumber <= SoonDays ? TodoUrgency.Soon : TodoUrgency.Normal;
}

/// <summary>
/// The to-do list of one user: asks every registered <see cref="ITodoSource"/> (each reads under the user's scope),
/// merges their items and orders them by urgency, then due date. A source that fails is logged and counted, and the
/// others still answer.
/// </summary>
public sealed class TodoQuery(IEnumerable<ITodoSource> sources, ILogger<TodoQuery> logger)
{
    public async Task<TodoList> ReadAsync(UserScope scope, CancellationToken ct = default)
    {
        var answers = await Task.WhenAll(sources.Select(s => ReadOneAsync(s, scope, ct)));
        var items = answers.Where(a => a is not null).SelectMany(a => a!).ToList();
        return new TodoList(Order(items), answers.Count(a => a is null));
    }

    /// <summary>Overdue, then soon, then normal; earliest due first (undated last); then by title.</summary>
    public static IReadOnlyList<TodoItem> Order(IEnumerable<TodoItem> items) =>
        items.OrderByDescending(i => i.Urgency)
            .ThenBy(i => i.DueUtc ?? DateTime.MaxValue)
            .ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToList();

    private async Task<IReadOnlyList<TodoItem>?> ReadOneAsync(ITodoSource source, UserScope scope, CancellationToken ct)
    {
        try
        {
            return await source.ReadAsync(scope, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The to-do source {Source} failed for {User}", source.GetType().Name, scope.UserName);
            return null;
        }
    }
}
