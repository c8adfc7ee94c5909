using KashiInvest.Domain.Health;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Wall;

/// <summary>How many cards are on track, at risk and stalled.</summary>
public readonly record struct HealthCounts(int OnTrack, int AtRisk, int Stalled)
{
    public int Total => OnTrack + AtRisk + Stalled;

    public int Of(HealthStatus status) => status switch
    {
        HealthStatus.OnTrack => OnTrack,
        HealthStatus.AtRisk => AtRisk,
        _ => Stalled,
    };

    public static HealthCounts Of(IEnumerable<WallCard> cards)
    {
        int onTrack = 0, atRisk = 0, stalled = 0;
        foreach (var c in cards)
        {
            switch (c.Status)
            {
                case HealthStatus.OnTrack: onTrack++; break;
                case HealthStatus.AtRisk: atRisk++; break;
                default: stalled++; break;
            }
        }
        return new(onTrack, atRisk, stalled);
    }
}

/// <summary>One group of the wall: a county (host unit) or a chain, with its cards in wall order.</summary>
public sealed record WallGroup(WallGrouping Grouping, int Id, IReadOnlyList<WallCard> Cards, HealthCounts Counts)
{
    /// <summary>A stable key for the page (<c>county-3</c>, <c>chain-2</c>).</summary>
    public string Key => $"{(Grouping == WallGrouping.County ? "county" : "chain")}-{Id}";

    public string Name(ReferenceCache.Snapshot reference) =>
        Grouping == WallGrouping.County ? reference.UnitName(Id) : reference.ChainName(Id);
}

/// <summary>The band at the top of the wall: totals by health, planned investment and funds in place.</summary>
public sealed record WallSummary(HealthCounts Counts, int KeyProjects, decimal PlannedWan, decimal FundsInPlaceWan);

/// <summary>One screen of the kiosk: a group, or one part of a group too large for one screen.</summary>
public sealed record WallSlide(WallGroup Group, int Part, int Parts, IReadOnlyList<WallCard> Cards)
{
    public string Key => $"{Group.Key}/{Part}";
}

/// <summary>
/// The wall as shown: groups in the prefecture's order (KEDZ, then the counties in official order; or the chains in
/// their order), only groups that have cards, each with its counts, and the summary. Rebuilt from the card set after
/// every change, so counts always add up to what is on the wall.
/// </summary>
public sealed class WallBoard
{
    public static readonly WallBoard Empty = new([], new WallSummary(default, 0, 0m, 0m));

    private WallBoard(IReadOnlyList<WallGroup> groups, WallSummary summary)
    {
        Groups = groups;
        Summary = summary;
    }

    public IReadOnlyList<WallGroup> Groups { get; }

    public WallSummary Summary { get; }

    public int CardCount => Summary.Counts.Total;

    public static WallBoard Build(IEnumerable<WallCard> cards, WallGrouping grouping, ReferenceCache.Snapshot reference)
    {
        var all = cards.ToList();
        var order = grouping == WallGrouping.County
            ? reference.HostUnits.Select(u => u.Id).ToList()
            : reference.Chains.Select(c => c.Id).ToList();
        var groups = all.GroupBy(c => grouping == WallGrouping.County ? c.HostUnitId : c.ChainId)
            // A unit or chain the reference does not list (should not happen) goes last rather than disappearing.
            .OrderBy(g => order.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key)
            .Select(g => new WallGroup(grouping, g.Key, WallQuery.Order(g), HealthCounts.Of(g)))
            .ToList();
        var summary = new WallSummary(HealthCounts.Of(all), all.Count(c => c.IsKey), all.Sum(c => c.PlannedWan), all.Sum(c => c.FundsInPlaceWan));
        return new WallBoard(groups, summary);
    }

    /// <summary>The kiosk's screens: each group, split into parts of at most <paramref name="perScreen"/> cards.</summary>
    public IReadOnlyList<WallSlide> Slides(int perScreen)
    {
        perScreen = Math.Max(1, perScreen);
        var slides = new List<WallSlide>();
        foreach (var g in Groups)
        {
            var parts = (g.Cards.Count + perScreen - 1) / perScreen;
            for (var p = 0; p < parts; p++) slides.Add(new WallSlide(g, p + 1, parts, g.Cards.Skip(p * perScreen).Take(perScreen).ToList()));
        }
        return slides;
    }
}
