using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace KashiInvest.Web.Shared;

/// <summary>
/// One copy per process of markup that many open pages draw the same: a wall card, as HTML, is the same string for
/// every leader who sees that project in that language. A page that draws a list as one markup frame per row keeps a
/// reference into this pool instead of a render tree of its own per row (two builders' worth of frames, and the
/// attribute strings each render formats anew), so a hundred open walls hold the cards' markup once.
/// </summary>
/// <remarks>
/// Content-addressed: a string is its own key, so whatever produced it, equal markup is shared and different markup
/// is not. Bounded: when the pool holds <see cref="Capacity"/> strings it starts afresh (pages keep the strings they
/// hold; the next render shares again). Markup that changes on every render (a flash generation) is not pooled.
/// </remarks>
public static class SharedMarkup
{
    /// <summary>
    /// The most strings kept: the cards of a 15,000-project wall in two languages and two groupings, with room to
    /// spare. A cache size for memory, not a rule of the procedure.
    /// </summary>
    public const int Capacity = 100_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    /// <summary>HTML encoding that leaves Chinese as it is (the default encoder escapes every non-Latin character).</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The pooled copy of <paramref name="markup"/> (the first one seen with this content).</summary>
    public static string Share(string markup)
    {
        if (Pool.TryGetValue(markup, out var shared)) return shared;
        if (Pool.Count >= Capacity) Pool.Clear();
        return Pool.GetOrAdd(markup, markup);
    }

    /// <summary>How many strings the pool holds (for tests and diagnostics).</summary>
    public static int Count => Pool.Count;
}
