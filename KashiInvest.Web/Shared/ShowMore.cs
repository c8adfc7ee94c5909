namespace KashiInvest.Web.Shared;

/// <summary>
/// "Show more" for a page of long lists (the ledger's columns, the wall's groups): each list draws its first
/// <c>step</c> items (a setting), a step more each time the user asks, and always the items the page must not hide
/// (an entry a link names, one changed live), wherever they fall. What the user opened is kept per list until
/// <see cref="Reset"/> (a new filter).
/// </summary>
/// <remarks>An open page holds what it draws; a long list drawn whole costs every open page its render tree.</remarks>
public sealed class ShowMore<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, int> _extra = [];

    /// <summary>The items <paramref name="key"/>'s list draws, in their order: the first ones and every one <paramref name="keep"/> names.</summary>
    public IReadOnlyList<T> Shown<T>(TKey key, IReadOnlyList<T> items, int step, Func<T, bool> keep)
    {
        var limit = step + _extra.GetValueOrDefault(key);
        if (items.Count <= limit) return items;
        return items.Where((item, i) => i < limit || keep(item)).ToList();
    }

    /// <summary>Draws the next <paramref name="step"/> items of <paramref name="key"/>'s list.</summary>
    public void More(TKey key, int step) => _extra[key] = _extra.GetValueOrDefault(key) + step;

    /// <summary>Back to the first items of every list.</summary>
    public void Reset() => _extra.Clear();
}
