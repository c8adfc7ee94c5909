using System.Net;
using System.Threading.RateLimiting;
using KashiInvest.Domain.Complaints;
using KashiInvest.Web.Security;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>
/// The public complaint window's rate limits, built like the sign-in limit (<see cref="SignInThrottle"/>) from the same <see cref="FixedWindows"/>:
/// fixed windows of ASP.NET Core's rate limiters, asked from the pages because the tracking number is in the form.
/// Filing is limited per client address; looking a complaint up (or rating it) per address and, chained, per tracking
/// number from any address, so that nobody can try codes against one complaint.
/// </summary>
public sealed class ComplaintThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _filings;
    private readonly PartitionedRateLimiter<(string Address, string Tracking)> _lookups;
    private readonly TimeSpan _window;

    public ComplaintThrottle(IOptions<ComplaintRateLimits> options)
    {
        var o = options.Value;
        _window = TimeSpan.FromSeconds(o.WindowSeconds);
        _filings = PartitionedRateLimiter.Create<string, string>(a => RateLimitPartition.GetFixedWindowLimiter(a, _ => Window(o.FilingsPerAddress)));
        var byAddress = PartitionedRateLimiter.Create<(string Address, string Tracking), string>(k => RateLimitPartition.GetFixedWindowLimiter(k.Address, _ => Window(o.LookupsPerAddress)));
        var byTracking = PartitionedRateLimiter.Create<(string Address, string Tracking), string>(k => RateLimitPartition.GetFixedWindowLimiter(k.Tracking, _ => Window(o.LookupsPerTrackingNumber)));
        _lookups = PartitionedRateLimiter.CreateChained(byAddress, byTracking);
    }

    /// <summary>Takes one filing; null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? TryFile(IPAddress? address) => FixedWindows.WaitOf(_filings.AttemptAcquire(Address(address)), _window);

    /// <summary>Takes one look-up of <paramref name="trackingNumber"/>; null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? TryLookUp(IPAddress? address, string? trackingNumber)
    {
        var key = ComplaintCode.Normalize(trackingNumber);
        if (key.Length > ComplaintCode.TrackingNumberMaxLength) key = key[..ComplaintCode.TrackingNumberMaxLength];
        return FixedWindows.WaitOf(_lookups.AttemptAcquire((Address(address), key)), _window);
    }

    public void Dispose()
    {
        _filings.Dispose();
        _lookups.Dispose();
    }

    private static string Address(IPAddress? address) => address?.ToString() ?? "-";

    private FixedWindowRateLimiterOptions Window(int permits) => FixedWindows.Of(permits, _window);
}
