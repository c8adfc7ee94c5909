using KashiInvest.Domain.Common;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// Which robot addresses may be saved and posted to: https on the default port of an allowed host name (exact,
/// case-insensitive). <see cref="AllowLoopback"/> is for tests only: it also admits http(s) to 127.0.0.1, ::1 or
/// localhost, so a stand-in robot on this machine can answer; it is off unless
/// <c>Notifications:Webhooks:AllowLoopbackForTests</c> is set.
/// </summary>
public sealed class WebhookUrlPolicy
{
    /// <summary>DingTalk custom robots and WeCom group robots, and nothing else.</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["oapi.dingtalk.com", "qyapi.weixin.qq.com"];

    public static readonly WebhookUrlPolicy Default = new(DefaultHosts, allowLoopback: false);

    private readonly HashSet<string> _hosts;

    public WebhookUrlPolicy(IEnumerable<string> hosts, bool allowLoopback)
    {
        _hosts = new HashSet<string>(hosts.Select(h => h.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        AllowLoopback = allowLoopback;
    }

    public IReadOnlyCollection<string> Hosts => _hosts;

    public bool AllowLoopback { get; }

    /// <summary>Null when <paramref name="url"/> may be used; otherwise why not (a code with the allowed hosts as argument).</summary>
    public RuleViolation? Check(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            return new RuleViolation("Webhook.UrlInvalid");
        if (AllowLoopback && uri.IsLoopback) return null;
        if (uri.Scheme != "https") return new RuleViolation("Webhook.UrlNotHttps");
        if (!uri.IsDefaultPort || !_hosts.Contains(uri.IdnHost.TrimEnd('.')) || !string.IsNullOrEmpty(uri.UserInfo))
            return new RuleViolation("Webhook.HostNotAllowed", string.Join(", ", _hosts.Order(StringComparer.OrdinalIgnoreCase)));
        return null;
    }
}
