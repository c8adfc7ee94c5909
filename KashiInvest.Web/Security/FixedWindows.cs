using System.Threading.RateLimiting;

namespace KashiInvest.Web.Security;

/// <summary>
/// The fixed windows the app's own throttles (sign-in, the public complaint window) are built from: no queue, so a
/// request over the limit is answered at once with how long to wait.
/// </summary>
internal static class FixedWindows
{
    public static FixedWindowRateLimiterOptions Of(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Null when the lease was granted, otherwise how long to wait (whole seconds, at least one); disposes the lease.</summary>
    public static TimeSpan? WaitOf(RateLimitLease lease, TimeSpan window)
    {
        using (lease)
        {
            if (lease.IsAcquired) return null;
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
            return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        }
    }
}
