using System.Globalization;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// What the wall's address says, so that every view of it can be bookmarked:
/// <c>/wall?group=chain&amp;county=shache&amp;chain=textiles&amp;health=Stalled&amp;stage=Signed&amp;key=1&amp;kiosk=1&amp;rotate=30</c>.
/// Units and chains are named by their codes; an unknown value is ignored, never an error.
/// </summary>
public sealed record WallRoute(WallGrouping Grouping, WallFilter Filter, bool Kiosk, int? RotateSeconds)
{
    public static readonly WallRoute Default = new(WallGrouping.County, new WallFilter(), false, null);

    public static WallRoute Parse(WallQueryString q, ReferenceCache.Snapshot reference)
    {
        var grouping = string.Equals(q.Group, "chain", StringComparison.OrdinalIgnoreCase) ? WallGrouping.Chain : WallGrouping.County;
        var filter = new WallFilter
        {
            HostUnitId = reference.HostUnits.FirstOrDefault(u => string.Equals(u.Code, q.County, StringComparison.OrdinalIgnoreCase))?.Id,
            ChainId = reference.Chains.FirstOrDefault(c => string.Equals(c.Code, q.Chain, StringComparison.OrdinalIgnoreCase))?.Id,
            Health = Enum.TryParse<HealthStatus>(q.Health, ignoreCase: true, out var h) && Enum.IsDefined(h) ? h : null,
            Stage = Enum.TryParse<ProjectStage>(q.Stage, ignoreCase: true, out var s) && s.HasBattleMap() ? s : null,
            KeyOnly = IsOn(q.Key),
        };
        int? rotate = q.Rotate is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds
            : string.Equals(q.Rotate, "off", StringComparison.OrdinalIgnoreCase) ? 0 : null;
        return new WallRoute(grouping, filter, IsOn(q.Kiosk), rotate);
    }

    /// <summary>
    /// The kiosk's rotation interval: <c>rotate=N</c> seconds (kept within the allowed range), the configured default
    /// when absent, none for <c>rotate=0</c> or <c>rotate=off</c>. Only the kiosk rotates.
    /// </summary>
    public TimeSpan? RotationInterval(WallOptions options) => !Kiosk ? null : RotateSeconds switch
    {
        null => TimeSpan.FromSeconds(options.RotateSeconds),
        0 => null,
        { } s => TimeSpan.FromSeconds(Math.Clamp(s, WallOptions.MinRotateSeconds, WallOptions.MaxRotateSeconds)),
    };

    /// <summary>The query parameters of this view (null removes a parameter), for <c>GetUriWithQueryParameters</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery(ReferenceCache.Snapshot reference) => new Dictionary<string, object?>
    {
        ["group"] = Grouping == WallGrouping.Chain ? "chain" : null,
        ["county"] = reference.Unit(Filter.HostUnitId)?.Code,
        ["chain"] = reference.Chain(Filter.ChainId)?.Code,
        ["health"] = Filter.Health?.ToString(),
        ["stage"] = Filter.Stage?.ToString(),
        ["key"] = Filter.KeyOnly ? "1" : null,
        ["kiosk"] = Kiosk ? "1" : null,
        ["rotate"] = RotateSeconds?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Whether an address asks for the kiosk (the layout decides on it before the page is built).</summary>
    public static bool IsKiosk(string uri)
    {
        var query = new Uri(uri).Query;
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return values.TryGetValue("kiosk", out var v) && IsOn(v.ToString());
    }

    private static bool IsOn(string? value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The wall's raw query parameters, as the page receives them.</summary>
public sealed record WallQueryString(
    string? Group = null, string? County = null, string? Chain = null, string? Health = null, string? Stage = null,
    string? Key = null, string? Kiosk = null, string? Rotate = null);
