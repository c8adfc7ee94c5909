using System.Text;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// Posts recorded deliveries to their robots. <see cref="DeliverDueAsync"/> sends whatever is due at the clock's now
/// and schedules retries with exponential backoff; it is what the hosted service calls, and what tests call with a
/// fake clock instead of waiting.
/// </summary>
public sealed class WebhookDeliverer(
    IDbContextFactory<KashiDbContext> factory,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 50;

    // One sender at a time in this process: the loop and a "send test message" never post the same delivery twice.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Sends every delivery due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled) return 0;
        await _gate.WaitAsync(ct);
        try
        {
            var attempted = 0;
            while (true)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await using var db = await factory.CreateDbContextAsync(ct);
                var due = await db.WebhookDeliveries
                    .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed) && d.NextAttemptAtUtc <= now)
                    .OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
                if (due.Count == 0) return attempted;
                foreach (var delivery in due) await AttemptAsync(db, delivery, ct);
                await db.SaveChangesAsync(ct);
                attempted += due.Count;
                if (due.Count < BatchSize) return attempted;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends one delivery now if it is still waiting (a test message); returns it as it stands afterwards.</summary>
    public async Task<WebhookDelivery?> DeliverNowAsync(long deliveryId, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
            if (delivery is null) return null;
            if (delivery.Status is DeliveryStatus.Pending or DeliveryStatus.Failed)
            {
                await AttemptAsync(db, delivery, ct);
                await db.SaveChangesAsync(ct);
            }
            return delivery;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>When the next retry is due, if any is waiting.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed)
            .OrderBy(d => d.NextAttemptAtUtc).Select(d => d.NextAttemptAtUtc).FirstOrDefaultAsync(ct);
    }

    private async Task AttemptAsync(KashiDbContext db, WebhookDelivery delivery, CancellationToken ct)
    {
        var settings = options.Value;
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
        var now = clock.GetUtcNow();
        if (endpoint is null || (!endpoint.Enabled && !delivery.IsTest))
        {
            delivery.Abandon("endpoint disabled", now.UtcDateTime);
            return;
        }
        // Checked again at send time: an address saved before the allowed hosts changed is not posted to.
        if (settings.UrlPolicy.Check(endpoint.Url) is { } refused)
        {
            delivery.Abandon("host not allowed", now.UtcDateTime);
            logger.LogWarning("Webhook delivery {DeliveryId} to endpoint {EndpointId} refused: {Reason}", delivery.Id, delivery.EndpointId, refused.Code);
            return;
        }
        int? status = null;
        // error: the short code the delivery log keeps; detail: what only the server log gets.
        string? error;
        string? detail = null;
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            client.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
            using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(WebhookRules.RequestUrl(endpoint.Kind, endpoint.Url, endpoint.Secret, now), content, ct);
            status = (int)response.StatusCode;
            var reply = await response.Content.ReadAsStringAsync(ct);
            error = WebhookRules.ReplyError(status.Value, reply);
            if (error is not null) detail = WebhookRules.Shorten(reply);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "timeout";
        }
        catch (HttpRequestException ex)
        {
            error = IsRefusedAddress(ex) ? "address refused" : "connection failed";
            detail = ex.Message;
        }
        var after = clock.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            delivery.Succeeded(status!.Value, after);
        }
        else
        {
            delivery.Failed(status, error, after, settings.Backoff);
            logger.LogWarning("Webhook delivery {DeliveryId} to endpoint {EndpointId} failed (attempt {Attempt}): {Error} {Detail}",
                delivery.Id, delivery.EndpointId, delivery.Attempts, error, detail);
        }
    }

    private static bool IsRefusedAddress(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is WebhookAddressRefusedException) return true;
        return false;
    }
}

/// <summary>
/// Runs <see cref="WebhookDeliverer.DeliverDueAsync"/> at start (deliveries left pending by a restart go out), whenever
/// the notifier records new ones, and when the next retry falls due — waiting on the injected clock.
/// </summary>
public sealed class WebhookDeliveryService(WebhookDeliverer deliverer, WebhookSignal signal, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    /// <summary>The longest sleep between two looks at the log, in case a wake-up was missed.</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = MaxIdle;
            try
            {
                await deliverer.DeliverDueAsync(stoppingToken);
                if (await deliverer.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - clock.GetUtcNow().UtcDateTime;
                    wait = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < MaxIdle ? untilNext : MaxIdle;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Webhook delivery round failed");
            }
            try
            {
                await signal.WaitAsync(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
