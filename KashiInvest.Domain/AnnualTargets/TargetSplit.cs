namespace KashiInvest.Domain.AnnualTargets;

/// <summary>Proposals for a split, which the Bureau then adjusts.</summary>
public static class TargetSplit
{
    /// <summary>
    /// Divides <paramref name="amount"/> in whole units (whole 万元 or whole projects) in proportion to
    /// <paramref name="weights"/>, by the largest remainder, so the shares sum exactly to the amount (when the
    /// amount is whole). All weights zero divides evenly. Ties go to the earlier line.
    /// </summary>
    public static IReadOnlyList<decimal> Proportional(decimal amount, IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0) return [];
        if (amount < 0m) throw new ArgumentOutOfRangeException(nameof(amount));
        if (weights.Any(w => w < 0m)) throw new ArgumentOutOfRangeException(nameof(weights));
        var total = weights.Sum();
        var exact = weights.Select(w => total == 0m ? amount / weights.Count : amount * w / total).ToList();
        var shares = exact.Select(decimal.Floor).ToList();
        var left = decimal.Floor(amount) - shares.Sum();
        foreach (var i in Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i))
        {
            if (left <= 0m) break;
            shares[i] += 1m;
            left -= 1m;
        }
        return shares;
    }
}
