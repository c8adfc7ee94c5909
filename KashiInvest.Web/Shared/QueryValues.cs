using System.Globalization;

namespace KashiInvest.Web.Shared;

/// <summary>
/// Values read from the query string. A page binds them as text and parses them here: Blazor throws (a 500 page, a
/// dead circuit) when a query value bound to an <c>int?</c> does not parse, and anyone can type any query string.
/// </summary>
public static class QueryValues
{
    /// <summary>A positive id, or null when the text is missing or is not one.</summary>
    public static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
