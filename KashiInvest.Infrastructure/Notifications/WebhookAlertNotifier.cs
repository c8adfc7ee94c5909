using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// Outbound notification by robot webhooks: records one pending delivery per matching endpoint (the alert's units,
/// enabled, level at or above the endpoint's minimum) and wakes the delivery service. Sends nothing itself, never
/// throws into the alert engine, and does nothing at all while webhooks are disabled.
/// </summary>
public sealed class WebhookAlertNotifier(
    IDbContextFactory<KashiDbContext> factory,
    IOptions<WebhookOptions> options,
    WebhookSignal signal,
    TimeProvider clock,
    ILogger<WebhookAlertNotifier> logger) : IAlertNotifier
{
    public async ValueTask NotifyAsync(OutboundAlert alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        try
        {
            var recorded = await RecordAsync(alert, settings, cancellationToken);
            if (recorded > 0) signal.Wake();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record webhook deliveries for alert {AlertId}", alert.AlertId);
        }
    }

    private async Task<int> RecordAsync(OutboundAlert alert, WebhookOptions settings, CancellationToken ct)
    {
        var level = WebhookRules.LevelOf(alert.Severity);
        var units = alert.UnitIds.Distinct().ToArray();
        await using var db = await factory.CreateDbContextAsync(ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Enabled && units.Contains(e.UnitId)).ToListAsync(ct);
        var matching = endpoints.Where(e => e.Accepts(level, units)).ToList();
        if (matching.Count == 0) return 0;
        // Recorded once: a second call for the same alert (a retried job) adds nothing.
        var ids = matching.Select(e => e.Id).ToArray();
        var already = await db.WebhookDeliveries.Where(d => d.AlertId == alert.AlertId && !d.IsTest && ids.Contains(d.EndpointId))
            .Select(d => d.EndpointId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var endpoint in matching.Where(e => !already.Contains(e.Id)))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery(alert.AlertId, endpoint, alert.Title,
                WebhookRules.RenderBody(endpoint.Kind, alert, settings.PublicBaseUrl), isTest: false, now));
        }
        return await db.SaveChangesAsync(ct);
    }
}

/// <summary>Wakes the delivery service when new deliveries are recorded.</summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already awake */ }
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/> on <paramref name="clock"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var wake = _signal.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout, clock, linked.Token);
        await Task.WhenAny(wake, delay);
        await linked.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
