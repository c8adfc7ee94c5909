using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.MinimumLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(WebhookEndpoint.NameMaxLength).IsRequired();
        b.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength).IsRequired();
        b.Property(e => e.Secret).HasMaxLength(WebhookEndpoint.SecretMaxLength);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.UnitId, e.Enabled });
        b.Ignore(e => e.DomainEvents);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Title).HasMaxLength(WebhookDelivery.TitleMaxLength).IsRequired();
        b.Property(d => d.Body).IsRequired();
        b.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        b.HasIndex(d => new { d.AlertId, d.EndpointId });
        b.HasIndex(d => new { d.UnitId, d.CreatedAtUtc });
    }
}
