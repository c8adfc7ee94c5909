namespace KashiInvest.Domain.Tests.Support;

/// <summary>
/// Checks that a comparer is a total order on a sample: antisymmetric (sign(c(a, b)) == -sign(c(b, a))), transitive
/// (a ≤ b and b ≤ c give a ≤ c) and consistent with equality (c(a, b) == 0 exactly when the two are the same).
/// List.Sort throws "IComparer.Compare() method returns inconsistent results" on comparers that are not.
/// </summary>
public static class TotalOrder
{
    public static void Check<T>(IReadOnlyList<T> sample, IComparer<T> comparer, Func<T, T, bool> same)
    {
        var n = sample.Count;
        var sign = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) sign[i, j] = Math.Sign(comparer.Compare(sample[i], sample[j]));
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (sign[i, j] != -sign[j, i]) Assert.Fail($"Not antisymmetric: c({sample[i]}, {sample[j]}) = {sign[i, j]} but c(b, a) = {sign[j, i]}");
                if ((sign[i, j] == 0) != same(sample[i], sample[j])) Assert.Fail($"Not consistent with equality: c({sample[i]}, {sample[j]}) = {sign[i, j]}");
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (sign[i, j] > 0) continue;
                for (var k = 0; k < n; k++)
                {
                    if (sign[j, k] <= 0 && sign[i, k] > 0) Assert.Fail($"Not transitive: {sample[i]} ≤ {sample[j]} ≤ {sample[k]} but c(a, c) > 0");
                }
            }
        }
        // And the sort that broke in production runs through on a larger sample.
        var list = Enumerable.Range(0, 20).SelectMany(_ => sample).ToList();
        list.Sort(comparer);
    }
}
