using System.Collections.Concurrent;
using KashiInvest.Domain.Health;

namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// One copy per process of each project's current wall card. Every open wall reads its own cards, and what it reads
/// for a project is the same for every viewer (scope decides which cards, not what a card says): a card read equal
/// to the one already pooled is swapped for it, so a hundred open walls hold each card once and their pages keep
/// only references. A card read with different content replaces the pooled one; pages still holding the old one
/// keep it until they re-read.
/// </summary>
public sealed class WallCardPool
{
    private readonly ConcurrentDictionary<int, WallCard> _cards = new();

    /// <summary>The pooled card equal to <paramref name="card"/>, or <paramref name="card"/> itself, now pooled.</summary>
    public WallCard Share(WallCard card)
    {
        if (_cards.TryGetValue(card.Id, out var pooled) && SameContent(pooled, card)) return pooled;
        _cards[card.Id] = card;
        return card;
    }

    /// <summary>How many projects have a pooled card (for tests and diagnostics).</summary>
    public int Count => _cards.Count;

    /// <summary>Every field, and every health reason with its facts (records compare lists and arrays by reference).</summary>
    public static bool SameContent(WallCard a, WallCard b) =>
        a.Id == b.Id && a.Code == b.Code && a.Name == b.Name && a.HostUnitId == b.HostUnitId && a.ChainId == b.ChainId
        && a.Stage == b.Stage && a.IsKey == b.IsKey && a.PlannedWan == b.PlannedWan && a.FundsInPlaceWan == b.FundsInPlaceWan
        && a.Health.Status == b.Health.Status && a.Health.Reasons.Count == b.Health.Reasons.Count
        && a.Health.Reasons.Zip(b.Health.Reasons).All(p => SameReason(p.First, p.Second));

    private static bool SameReason(HealthReason a, HealthReason b) =>
        a.Kind == b.Kind && a.Level == b.Level && a.Code == b.Code && a.Subject == b.Subject && a.Args.SequenceEqual(b.Args);
}
