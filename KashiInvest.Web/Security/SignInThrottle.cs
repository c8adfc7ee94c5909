using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Security;

/// <summary>
/// The sign-in rate limit shared by the sign-in form and <c>POST /api/token</c>: fixed windows partitioned by client
/// address and by user name, chained (an attempt needs a permit from both). Built on the rate limiters ASP.NET Core's
/// rate-limiting middleware uses; it is asked from the two endpoints rather than from the middleware because the user
/// name is in the request body (a form or JSON), which the middleware's synchronous partitioner cannot read.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private const int MaxUserNameKey = 64;
    private readonly PartitionedRateLimiter<Attempt> _limiter;
    private readonly TimeSpan _window;

    public SignInThrottle(IOptions<SignInRateLimits> options)
    {
        var o = options.Value;
        _window = TimeSpan.FromSeconds(o.WindowSeconds);
        var byAddress = PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(o.PermitsPerAddress)));
        var byUser = PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.UserName, _ => Window(o.PermitsPerUserName)));
        _limiter = PartitionedRateLimiter.CreateChained(byAddress, byUser);
    }

    /// <summary>Takes one attempt; null when allowed, otherwise how long to wait (whole seconds, at least one).</summary>
    public TimeSpan? TryAcquire(IPAddress? address, string? userName)
    {
        return FixedWindows.WaitOf(_limiter.AttemptAcquire(new Attempt(address?.ToString() ?? "-", Key(userName))), _window);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>User names compare as Identity compares them (trimmed, case-insensitive); a long one is cut so a key stays small.</summary>
    private static string Key(string? userName)
    {
        var key = (userName ?? string.Empty).Trim().ToUpperInvariant();
        return key.Length > MaxUserNameKey ? key[..MaxUserNameKey] : key;
    }

    private FixedWindowRateLimiterOptions Window(int permits) => FixedWindows.Of(permits, _window);

    private sealed record Attempt(string Address, string UserName);
}
