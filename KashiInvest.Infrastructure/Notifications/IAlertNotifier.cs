namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// An alert as it leaves the system (a robot message to a unit's DingTalk or WeCom group). Words are already
/// rendered in Chinese, the language of those groups; <see cref="Link"/> is a path inside the app.
/// </summary>
public sealed record OutboundAlert(
    long AlertId,
    string Kind,
    string Severity,
    IReadOnlyList<int> UnitIds,
    string Title,
    string Text,
    string? Link,
    DateTime RaisedAtUtc);

/// <summary>
/// Hands a newly raised alert to outbound notification. Must return quickly and never throw into the caller:
/// delivery, retries and the delivery log are the notifier's business.
/// </summary>
public interface IAlertNotifier
{
    ValueTask NotifyAsync(OutboundAlert alert, CancellationToken cancellationToken);
}

/// <summary>The default: outbound notification is off.</summary>
public sealed class NoAlertNotifier : IAlertNotifier
{
    public ValueTask NotifyAsync(OutboundAlert alert, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
