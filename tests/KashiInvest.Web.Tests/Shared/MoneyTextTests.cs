using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Shared;

/// <summary>Money shown beside the 1亿 and 3亿 work-group thresholds never rounds across them.</summary>
public sealed class MoneyTextTests
{
    private static UiText Text() =>
        new ServiceCollection().AddLogging().AddLocalization().AddSingleton<UiText>().BuildServiceProvider().GetRequiredService<UiText>();

    [Theory]
    [InlineData(29_999.99, "2.99亿元")]      // just under the key-project threshold: not "3.00亿元"
    [InlineData(30_000, "3.00亿元")]
    [InlineData(30_000.01, "3.00亿元")]
    [InlineData(9_999.99, "9,999.99万元")]   // just under the county work-group threshold: not "1亿元"
    [InlineData(9_999.999, "9,999.99万元")]  // not "10,000万元" either
    [InlineData(10_000, "1.00亿元")]
    [InlineData(12_345.67, "1.23亿元")]
    [InlineData(19_999.99, "1.99亿元")]
    [InlineData(850.5, "850.5万元")]
    [InlineData(0, "0万元")]
    [InlineData(-29_999.99, "-2.99亿元")]    // cut toward zero: a shortfall is not overstated either
    [InlineData(-9_999.99, "-9,999.99万元")]
    public void Chinese_money_is_cut_not_rounded_at_the_shown_precision(double wan, string expected)
    {
        using var _ = new UiCulture("zh-CN");
        Assert.Equal(expected, Text().Money((decimal)wan));
    }

    [Theory]
    [InlineData(29_999.99, "CNY 299.9 million")]   // not "CNY 300 million"
    [InlineData(30_000, "CNY 300 million")]
    [InlineData(9_999.99, "CNY 99.99 million")]
    [InlineData(9_999.999, "CNY 99.99 million")]   // not "CNY 100 million"
    [InlineData(10_000, "CNY 100 million")]
    [InlineData(-29_999.99, "CNY -299.9 million")]
    public void English_money_is_cut_not_rounded_at_the_shown_precision(double wan, string expected)
    {
        using var _ = new UiCulture("en");
        Assert.Equal(expected, Text().Money((decimal)wan));
    }
}
