using System.Text.Json;
using System.Text.Json.Serialization;
using KashiInvest.Domain.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.ToTable("Bulletins");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.NumberPrefix).HasMaxLength(20).IsRequired();
        b.Property(x => x.Number).HasMaxLength(60).IsRequired();
        b.Property(x => x.IssuingOffice).HasMaxLength(BulletinSettings.TextMaxLength).IsRequired();
        b.Property(x => x.Title).HasMaxLength(Bulletin.TitleMaxLength).IsRequired();
        b.Property(x => x.Overview).HasMaxLength(Bulletin.SectionMaxLength);
        b.Property(x => x.Highlights).HasMaxLength(Bulletin.SectionMaxLength);
        b.Property(x => x.Problems).HasMaxLength(Bulletin.SectionMaxLength);
        b.Property(x => x.NextSteps).HasMaxLength(Bulletin.SectionMaxLength);
        b.Property(x => x.ReturnComment).HasMaxLength(Bulletin.CommentMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        // The figures as taken when drafted: one JSON document, so a published bulletin never changes with later revisions.
        b.Property(x => x.Snapshot).HasColumnName("SnapshotJson").IsRequired()
            .HasConversion(new SnapshotJsonConverter(), new ValueComparer<BulletinSnapshot>(
                (l, r) => SnapshotJsonConverter.Write(l!) == SnapshotJsonConverter.Write(r!),
                v => SnapshotJsonConverter.Write(v).GetHashCode(StringComparison.Ordinal),
                v => SnapshotJsonConverter.Read(SnapshotJsonConverter.Write(v))));
        b.Property(x => x.Version).IsConcurrencyToken();
        // One bulletin per quarter; one number per year.
        b.HasIndex(x => x.QuarterIndex).IsUnique();
        b.HasIndex(x => new { x.NumberYear, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.Status, x.QuarterIndex });
        b.Ignore(x => x.Quarter);
        b.Ignore(x => x.PublishedOn);
        b.Ignore(x => x.IsReadOnly);
        b.Ignore(x => x.DomainEvents);
    }
}

/// <summary>A bulletin's snapshot as JSON (enums as names, so the stored document reads on its own).</summary>
internal sealed class SnapshotJsonConverter() : ValueConverter<BulletinSnapshot, string>(v => Write(v), v => Read(v))
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Write(BulletinSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static BulletinSnapshot Read(string json) => JsonSerializer.Deserialize<BulletinSnapshot>(json, Options)
        ?? throw new InvalidOperationException("A bulletin without its snapshot.");
}
