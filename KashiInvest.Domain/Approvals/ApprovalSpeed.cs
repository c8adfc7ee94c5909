namespace KashiInvest.Domain.Approvals;

/// <summary>
/// One finished item as the speed table counts it: the days its clock counted from acceptance (or the restart after
/// the last correction) to the decision, in the item's own unit with special procedures excluded, and the statutory
/// limit it was planned with.
/// </summary>
public sealed record FinishedItemDays(int DaysTaken, int StatutoryLimit)
{
    /// <summary>Finished inside half the statutory time (Art. 23): no more days than the halved statutory limit.</summary>
    public bool InsideHalf => DaysTaken <= CatalogueItem.Halve(StatutoryLimit);
}

/// <summary>The speed figures of a set of finished items: how many, their median days taken, and the Art. 23 share.</summary>
/// <param name="MedianDays">Null when nothing finished.</param>
/// <param name="InsideHalfPercent">The share (%) finished inside half the statutory time; null when nothing finished.</param>
public sealed record SpeedFigures(int Count, decimal? MedianDays, int InsideHalf, decimal? InsideHalfPercent)
{
    public static readonly SpeedFigures None = new(0, null, 0, null);
}

/// <summary>The investor's satisfaction with a set of items: how many were rated, how many 好评, and their share (%) of the rated ones.</summary>
/// <param name="GoodPercent">The share (%) of 好评 among the rated items, one decimal; null when none was rated.</param>
public sealed record SatisfactionFigures(int Rated, int Good, decimal? GoodPercent)
{
    public static readonly SatisfactionFigures None = new(0, 0, null);
}

/// <summary>
/// The arithmetic of the approval speed table (审批提速, Art. 23): the median of days taken (the middle value; with an
/// even count, the mean of the two middle ones) and the share finished inside half the statutory time, rounded to one
/// decimal place (half away from zero). Pure: the days come from <see cref="ApprovalClock"/>.
/// </summary>
public static class ApprovalSpeed
{
    /// <summary>The median of the values; null for none.</summary>
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in per cent, one decimal; null when the whole is 0.</summary>
    public static decimal? Percent(int part, int whole)
    {
        if (whole < 0 || part < 0 || part > whole) throw new ArgumentOutOfRangeException(nameof(part), "A share needs 0 ≤ part ≤ whole.");
        return whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The satisfaction figures of items with these ratings (null: not rated, so not counted).</summary>
    public static SatisfactionFigures SatisfactionOf(IEnumerable<Satisfaction?> ratings)
    {
        var rated = 0;
        var good = 0;
        foreach (var rating in ratings)
        {
            if (rating is not { } r) continue;
            rated++;
            if (r == Satisfaction.Good) good++;
        }
        return rated == 0 ? SatisfactionFigures.None : new SatisfactionFigures(rated, good, Percent(good, rated));
    }

    public static SpeedFigures Of(IReadOnlyCollection<FinishedItemDays> items)
    {
        if (items.Count == 0) return SpeedFigures.None;
        var inside = items.Count(i => i.InsideHalf);
        return new SpeedFigures(items.Count, Median(items.Select(i => i.DaysTaken)), inside, Percent(inside, items.Count));
    }
}
