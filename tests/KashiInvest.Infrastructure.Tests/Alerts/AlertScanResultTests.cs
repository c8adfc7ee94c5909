using KashiInvest.Infrastructure.Alerts;

namespace KashiInvest.Infrastructure.Tests.Alerts;

/// <summary>The run log keeps a scan's counts as text; the jobs page reads them back to put them in the user's words.</summary>
public sealed class AlertScanResultTests
{
    [Fact]
    public void The_logged_text_reads_back_to_the_same_counts()
    {
        var result = new AlertScanResult(3, 1, 12, 40);
        Assert.True(AlertScanResult.TryParse(result.ToString(), out var back));
        Assert.Equal(result, back);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SQLite Error 5: 'database is locked'.")]
    [InlineData("raised 3, cleared 1, refreshed 12")]
    public void Anything_else_is_not_a_scan_result(string? text) => Assert.False(AlertScanResult.TryParse(text, out _));
}
