using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Tests.Common;

public class MoneyTests
{
    [Fact]
    public void One_yi_is_ten_thousand_wan()
    {
        Assert.Equal(10_000m, Money.WanPerYi);
        Assert.Equal(10_000m, Money.FromYi(1m).Wan);
        Assert.Equal(1m, Money.FromWan(10_000m).Yi);
    }

    [Theory]
    [InlineData("7.5", "75000")]
    [InlineData("3", "30000")]
    [InlineData("0.0001", "1")]
    [InlineData("0", "0")]
    [InlineData("-2", "-20000")]
    [InlineData("123.4567", "1234567")]
    public void Yi_and_wan_convert_both_ways(string yi, string wan)
    {
        var y = decimal.Parse(yi, System.Globalization.CultureInfo.InvariantCulture);
        var w = decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(w, Money.FromYi(y).Wan);
        Assert.Equal(y, Money.FromWan(w).Yi);
        Assert.Equal(Money.FromWan(w), Money.FromYi(y));
    }

    [Theory]
    [InlineData("9999.9999", false)]
    [InlineData("10000", true)]
    [InlineData("500000", true)]
    [InlineData("0", false)]
    [InlineData("-9999.99", false)]
    [InlineData("-10000", true)]
    public void Amounts_from_one_yi_up_are_read_in_yi(string wan, bool expected) =>
        Assert.Equal(expected, Money.FromWan(decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture)).IsYiScale);

    [Fact]
    public void Money_adds_subtracts_and_compares_by_amount()
    {
        var a = Money.FromWan(30_000m);
        var b = Money.FromYi(1m);

        Assert.Equal(Money.FromWan(40_000m), a + b);
        Assert.Equal(Money.FromWan(20_000m), a - b);
        Assert.Equal(Money.FromWan(-20_000m), b - a);
        Assert.True((b - a).IsNegative);
        Assert.False(a.IsNegative);
        Assert.True(a > b);
        Assert.False(b > a);
        Assert.True(b < a);
        Assert.True(a >= Money.FromYi(3m));
        Assert.True(a <= Money.FromYi(3m));
        Assert.False(a <= b);
        Assert.True(a.CompareTo(b) > 0);
        Assert.Equal(0, a.CompareTo(Money.FromYi(3m)));
        Assert.Equal(0m, Money.Zero.Wan);
    }

    [Fact]
    public void Money_prints_in_wan_without_trailing_zeros() =>
        Assert.Equal("75000万", Money.FromYi(7.5m).ToString());
}
