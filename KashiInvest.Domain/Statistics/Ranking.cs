namespace KashiInvest.Domain.Statistics;

/// <summary>An item with its rank; <see cref="Rank"/> is null for an item that has no value to rank by.</summary>
public sealed record Ranked<T>(T Item, int? Rank);

/// <summary>Ranks for the county tables.</summary>
public static class Ranking
{
    /// <summary>
    /// Standard competition ranking ("1224"): equal values share a rank and the next rank skips as many places.
    /// Highest value first unless <paramref name="ascending"/>. Items without a value come last, unranked, in their
    /// given order; ranked items keep their given order within a tie.
    /// </summary>
    public static IReadOnlyList<Ranked<T>> Competition<T>(IEnumerable<T> items, Func<T, decimal?> value, bool ascending = false)
    {
        var all = items.Select((item, order) => (item, order, value: value(item))).ToList();
        var valued = all.Where(x => x.value is not null)
            .OrderBy(x => ascending ? x.value!.Value : -x.value!.Value)
            .ThenBy(x => x.order)
            .ToList();
        var result = new List<Ranked<T>>(all.Count);
        for (var i = 0; i < valued.Count; i++)
        {
            var rank = i > 0 && valued[i].value == valued[i - 1].value ? result[i - 1].Rank : i + 1;
            result.Add(new Ranked<T>(valued[i].item, rank));
        }
        result.AddRange(all.Where(x => x.value is null).Select(x => new Ranked<T>(x.item, null)));
        return result;
    }
}
