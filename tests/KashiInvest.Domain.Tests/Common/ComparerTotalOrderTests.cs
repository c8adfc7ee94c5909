using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>Every ordering the domain defines (its <c>IComparable</c> value types) is a total order on generated values.</summary>
public class ComparerTotalOrderTests
{
    private const int Seed = 20261206;

    [Fact]
    public void Money_orders_totally_and_equal_amounts_compare_equal()
    {
        var random = new Random(Seed);
        // Few distinct amounts, written with different scales (1.0 and 1.00 are the same amount), negatives too.
        var sample = Enumerable.Range(0, 80)
            .Select(_ => Money.FromWan(decimal.Round((decimal)(random.Next(-5, 6) * 2999.99), random.Next(0, 3)) * (random.Next(2) == 0 ? 1m : 1.00m)))
            .ToList();
        TotalOrder.Check(sample, Comparer<Money>.Default, (a, b) => a.Equals(b));
    }

    [Fact]
    public void Half_month_periods_order_totally_by_date()
    {
        var random = new Random(Seed);
        var sample = Enumerable.Range(0, 80).Select(_ => new HalfMonthPeriod(random.Next(2025, 2028), random.Next(1, 13), random.Next(1, 3))).ToList();
        TotalOrder.Check(sample, Comparer<HalfMonthPeriod>.Default, (a, b) => a.Equals(b));
        Assert.All(sample, a => Assert.All(sample, b => Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(a.Start.CompareTo(b.Start)))));
    }

    [Fact]
    public void Report_weeks_order_totally_by_their_monday()
    {
        var random = new Random(Seed);
        var first = new DateOnly(2026, 1, 5); // a Monday
        var sample = Enumerable.Range(0, 80).Select(_ => new ReportWeek(first.AddDays(7 * random.Next(0, 60)))).ToList();
        TotalOrder.Check(sample, Comparer<ReportWeek>.Default, (a, b) => a.Equals(b));
    }
}
