using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>Settings of outbound robot webhooks (section <c>Notifications:Webhooks</c>). Off unless enabled.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Notifications:Webhooks";

    /// <summary>Off by default: then no delivery is recorded and nothing is sent.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address users open the app at (e.g. https://zs.kashi.gov.cn); makes the message's link absolute.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Attempts per message, the first included; after the last failed one the delivery gives up.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failure; doubled after each further one.</summary>
    public int InitialBackoffSeconds { get; set; } = 30;

    /// <summary>How long one POST may take.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Host names a robot address may use (exact match, https on port 443). Empty: DingTalk's and WeCom's robot hosts
    /// (<see cref="WebhookUrlPolicy.DefaultHosts"/>). Checked when an endpoint is saved and again before each send.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Test only: also accept http(s) addresses on 127.0.0.1, ::1 or localhost and connect to loopback, so a stand-in
    /// robot on this machine can answer. Off by default; never set it in production.
    /// </summary>
    public bool AllowLoopbackForTests { get; set; }

    /// <summary>The address rule these settings make.</summary>
    public WebhookUrlPolicy UrlPolicy => new(AllowedHosts.Count > 0 ? AllowedHosts : WebhookUrlPolicy.DefaultHosts, AllowLoopbackForTests);

    public BackoffSchedule Backoff => new(MaxAttempts, TimeSpan.FromSeconds(InitialBackoffSeconds));

    public List<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 20) errors.Add($"{Section}:MaxAttempts must be between 1 and 20.");
        if (InitialBackoffSeconds is < 1 or > 3600) errors.Add($"{Section}:InitialBackoffSeconds must be between 1 and 3600.");
        if (TimeoutSeconds is < 1 or > 120) errors.Add($"{Section}:TimeoutSeconds must be between 1 and 120.");
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"{Section}:PublicBaseUrl must be an absolute http(s) address.");
        foreach (var host in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim()) != UriHostNameType.Dns)
                errors.Add($"{Section}:AllowedHosts: '{host}' is not a host name (write e.g. oapi.dingtalk.com, without scheme, port or path).");
        }
        if (Enabled && string.IsNullOrWhiteSpace(PublicBaseUrl)) errors.Add($"{Section}:PublicBaseUrl is required when webhooks are enabled.");
        return errors;
    }
}

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
