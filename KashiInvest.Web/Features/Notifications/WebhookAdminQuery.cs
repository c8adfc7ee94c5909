using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Notifications;

/// <summary>An endpoint as the admin page lists it (the secret itself never leaves the server).</summary>
public sealed record EndpointRow(int Id, int UnitId, WebhookKind Kind, string Name, string Url, bool Signed, AlertLevel MinimumLevel, bool Enabled,
    int Version, DateTime UpdatedAtUtc, int Delivered, int Failing);

/// <summary>One line of the delivery log.</summary>
public sealed record DeliveryRow(long Id, long AlertId, bool IsTest, int EndpointId, string EndpointName, int UnitId, string Title, DeliveryStatus Status,
    int Attempts, int? LastHttpStatus, string? LastError, DateTime CreatedAtUtc, DateTime? LastAttemptAtUtc, DateTime? NextAttemptAtUtc, DateTime? DeliveredAtUtc);

public sealed record DeliveryFilter(int? UnitId = null, DeliveryStatus? Status = null);

/// <summary>Who may see and change robot webhooks: the administrator and the Bureau, which runs the platform.</summary>
public static class WebhookAccess
{
    public const string Roles = "Administrator,Bureau";

    public static bool CanManage(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau;
}

/// <summary>Reads for /admin/webhooks: the endpoints per unit and the delivery log, newest first.</summary>
public sealed class WebhookAdminQuery(IDbContextFactory<KashiDbContext> factory, IOptions<WebhookOptions> options)
{
    public const int LogSize = 200;

    public bool WebhooksEnabled => options.Value.Enabled;

    public async Task<IReadOnlyList<EndpointRow>> EndpointsAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!WebhookAccess.CanManage(scope)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.WebhookDeliveries.AsNoTracking().GroupBy(d => d.EndpointId)
            .Select(g => new
            {
                g.Key,
                Delivered = g.Count(d => d.Status == DeliveryStatus.Delivered),
                Failing = g.Count(d => d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.GaveUp),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.UnitId).ThenBy(e => e.Id).ToListAsync(ct);
        return endpoints.Select(e => new EndpointRow(e.Id, e.UnitId, e.Kind, e.Name, MaskUrl(e.Url), e.Secret is not null, e.MinimumLevel, e.Enabled,
            e.Version, e.UpdatedAtUtc, counts.GetValueOrDefault(e.Id)?.Delivered ?? 0, counts.GetValueOrDefault(e.Id)?.Failing ?? 0)).ToList();
    }

    /// <summary>The endpoint as stored, for the edit form (with its address and secret).</summary>
    public async Task<(WebhookEndpointInput Input, int Version)?> EndpointForEditAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        if (!WebhookAccess.CanManage(scope)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? null : (new WebhookEndpointInput(e.UnitId, e.Kind, e.Name, e.Url, e.Secret, e.MinimumLevel, e.Enabled), e.Version);
    }

    public async Task<IReadOnlyList<DeliveryRow>> DeliveriesAsync(UserScope scope, DeliveryFilter filter, CancellationToken ct = default)
    {
        if (!WebhookAccess.CanManage(scope)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.WebhookDeliveries.AsNoTracking();
        if (filter.UnitId is { } unit) q = q.Where(d => d.UnitId == unit);
        if (filter.Status is { } status) q = q.Where(d => d.Status == status);
        return await q.OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id).Take(LogSize)
            .Join(db.WebhookEndpoints, d => d.EndpointId, e => e.Id, (d, e) => new DeliveryRow(d.Id, d.AlertId, d.IsTest, d.EndpointId, e.Name, d.UnitId, d.Title,
                d.Status, d.Attempts, d.LastHttpStatus, d.LastError, d.CreatedAtUtc, d.LastAttemptAtUtc, d.NextAttemptAtUtc, d.DeliveredAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>The address without its token (access_token / key values), safe to show on a projector.</summary>
    public static string MaskUrl(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return url;
        var parts = url[(q + 1)..].Split('&').Select(p =>
        {
            var eq = p.IndexOf('=');
            if (eq < 0) return p;
            var value = p[(eq + 1)..];
            return value.Length <= 4 ? p : p[..(eq + 1)] + value[..4] + "…";
        });
        return url[..(q + 1)] + string.Join('&', parts);
    }
}
