using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Notifications;

/// <summary>
/// What a test message achieved: sent (delivered), failed, or not sent because webhooks are off (<see cref="Error"/>
/// "Disabled"). A failure carries no reason: the robot's reply, status text or exception never reach the user (the
/// server log has them, the delivery log a short code).
/// </summary>
public sealed record TestResult(WriteStatus Status, DeliveryStatus? Delivery = null, string? Error = null);

/// <summary>
/// The webhook page's writes: add or edit an endpoint, enable or disable it (each audited, a stale version refused
/// as a conflict), and send a test message through the same delivery path as alerts.
/// </summary>
public sealed class WebhookCommands(IDbContextFactory<KashiDbContext> factory, WebhookDeliverer deliverer, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookCommands> logger)
{
    /// <summary>Adds an endpoint (<paramref name="id"/> null) or changes one read at <paramref name="version"/>.</summary>
    public Task<WriteResult> SaveAsync(UserScope scope, int? id, int version, WebhookEndpointInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!WebhookAccess.CanManage(scope)) return WriteResult.NotAllowed;
        var policy = options.Value.UrlPolicy;
        var errors = WebhookEndpoint.Validate(input, policy);
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId, ct)) return WriteResult.Invalid(nameof(input.UnitId), new RuleViolation("Field.Required"));
        var now = clock.GetUtcNow().UtcDateTime;
        WebhookEndpoint endpoint;
        if (id is { } existing)
        {
            var found = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == existing, ct);
            if (found is null) return WriteResult.NotFound;
            if (found.Version != version) return WriteResult.Conflict;
            endpoint = found;
            endpoint.Update(input, now, policy);
        }
        else
        {
            endpoint = new WebhookEndpoint(input, now, policy);
            db.WebhookEndpoints.Add(endpoint);
        }
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(endpoint.Id);
    });

    public Task<WriteResult> SetEnabledAsync(UserScope scope, int id, int version, bool enabled, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!WebhookAccess.CanManage(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WriteResult.NotFound;
        if (endpoint.Version != version) return WriteResult.Conflict;
        endpoint.SetEnabled(enabled, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(endpoint.Id);
    });

    /// <summary>
    /// Records a test message for the endpoint and sends it at once; one failed try is not retried (the log shows it).
    /// Nothing is sent while webhooks are disabled.
    /// </summary>
    public async Task<TestResult> SendTestAsync(UserScope scope, int id, string publicBaseUrlFallback, CancellationToken ct = default)
    {
        if (!WebhookAccess.CanManage(scope)) return new(WriteStatus.NotAllowed);
        var settings = options.Value;
        if (!settings.Enabled) return new(WriteStatus.Invalid, Error: "Disabled");
        long deliveryId;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            if (endpoint is null) return new(WriteStatus.NotFound);
            var now = clock.GetUtcNow().UtcDateTime;
            var alert = new OutboundAlert(0, "test", "Info", [endpoint.UnitId], "测试消息：喀什地区招商引资调度平台",
                $"这是一条测试消息，由 {scope.DisplayName} 发送。收到即表示本群机器人已接入平台预警推送。", "/admin/webhooks", now);
            var delivery = new WebhookDelivery(0, endpoint, alert.Title,
                WebhookRules.RenderBody(endpoint.Kind, alert, settings.PublicBaseUrl ?? publicBaseUrlFallback), isTest: true, now);
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
            deliveryId = delivery.Id;
        }
        var sent = await deliverer.DeliverNowAsync(deliveryId, ct);
        if (sent is null) return new(WriteStatus.NotFound);
        // A test message is tried once: leave no retry behind it.
        if (sent.Status == DeliveryStatus.Failed)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var d = await db.WebhookDeliveries.FirstAsync(x => x.Id == deliveryId, ct);
            d.Abandon(d.LastError ?? "test failed", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return new(WriteStatus.Saved, sent.Status == DeliveryStatus.Delivered ? DeliveryStatus.Delivered : DeliveryStatus.GaveUp);
    }
}
