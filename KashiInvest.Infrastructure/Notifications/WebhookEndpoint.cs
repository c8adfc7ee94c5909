using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Domain.Common;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>Which robot a webhook posts to: a DingTalk custom robot (自定义机器人) or a WeCom group robot (群机器人).</summary>
public enum WebhookKind { DingTalk, WeCom }

/// <summary>How urgent an alert is, as far as webhooks are concerned (an endpoint receives alerts at or above its minimum).</summary>
public enum AlertLevel { Info, Warning, Critical }

/// <summary>What an administrator enters for an endpoint.</summary>
public sealed record WebhookEndpointInput(int? UnitId, WebhookKind Kind, string? Name, string? Url, string? Secret, AlertLevel MinimumLevel, bool Enabled);

/// <summary>
/// A unit's robot webhook: alerts for the unit at or above <see cref="MinimumLevel"/> are posted to <see cref="Url"/>
/// while <see cref="Enabled"/>. Every change is audited; endpoints are disabled, never deleted, so the delivery log keeps
/// its references.
/// </summary>
public sealed class WebhookEndpoint : AggregateRoot, IAudited
{
    public const int NameMaxLength = 100;
    public const int UrlMaxLength = 1000;
    public const int SecretMaxLength = 200;

    private WebhookEndpoint() { Name = Url = string.Empty; }

    /// <param name="policy">The allowed robot addresses (the settings'); by default DingTalk and WeCom only.</param>
    public WebhookEndpoint(WebhookEndpointInput input, DateTime nowUtc, WebhookUrlPolicy? policy = null)
    {
        Name = Url = string.Empty;
        CreatedAtUtc = nowUtc;
        Apply(input, nowUtc, policy);
    }

    public int UnitId { get; private set; }
    public WebhookKind Kind { get; private set; }
    public string Name { get; private set; }
    [AuditMasked]
    public string Url { get; private set; }
    /// <summary>DingTalk's signing secret (加签, starts with SEC); null when the robot is not signed. Unused for WeCom.</summary>
    [AuditMasked]
    public string? Secret { get; private set; }
    public AlertLevel MinimumLevel { get; private set; }
    public bool Enabled { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The field errors of an input; empty when it can be saved.</summary>
    public static List<FieldViolation> Validate(WebhookEndpointInput input, WebhookUrlPolicy? policy = null)
    {
        var errors = new List<FieldViolation>();
        if (input.UnitId is null) errors.Add(new(nameof(input.UnitId), "Field.Required"));
        Choices.Add(errors, nameof(input.Kind), (WebhookKind?)input.Kind);
        Choices.Add(errors, nameof(input.MinimumLevel), (AlertLevel?)input.MinimumLevel);
        TextRules.Add(errors, nameof(input.Name), input.Name, NameMaxLength);
        if (string.IsNullOrWhiteSpace(input.Url)) errors.Add(new(nameof(input.Url), "Field.Required"));
        else if (TextRules.Check(input.Url, UrlMaxLength) is { } text) errors.Add(new(nameof(input.Url), text));
        else if (WebhookRules.CheckUrl(input.Url, policy) is { } bad) errors.Add(new(nameof(input.Url), bad));
        if (input.Kind == WebhookKind.DingTalk && !string.IsNullOrWhiteSpace(input.Secret))
        {
            var secret = input.Secret.Trim();
            if (TextRules.Check(secret, SecretMaxLength) is { } text) errors.Add(new(nameof(input.Secret), text));
            else if (!secret.StartsWith("SEC", StringComparison.Ordinal)) errors.Add(new(nameof(input.Secret), "Webhook.SecretFormat"));
        }
        return errors;
    }

    public void Update(WebhookEndpointInput input, DateTime nowUtc, WebhookUrlPolicy? policy = null) => Apply(input, nowUtc, policy);

    public void SetEnabled(bool enabled, DateTime nowUtc)
    {
        if (Enabled == enabled) throw new DomainRuleException("Webhook.NothingChanged");
        Enabled = enabled;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Whether an alert of <paramref name="level"/> for these units goes to this endpoint.</summary>
    public bool Accepts(AlertLevel level, IReadOnlyCollection<int> unitIds) => Enabled && level >= MinimumLevel && unitIds.Contains(UnitId);

    private void Apply(WebhookEndpointInput input, DateTime nowUtc, WebhookUrlPolicy? policy)
    {
        if (Validate(input, policy) is { Count: > 0 } errors) throw new DomainRuleException(errors[0].Violation);
        UnitId = input.UnitId!.Value;
        Kind = input.Kind;
        Name = input.Name?.Trim() ?? string.Empty;
        Url = input.Url!.Trim();
        Secret = input.Kind == WebhookKind.DingTalk && !string.IsNullOrWhiteSpace(input.Secret) ? input.Secret.Trim() : null;
        MinimumLevel = input.MinimumLevel;
        Enabled = input.Enabled;
        UpdatedAtUtc = nowUtc;
    }
}
