using System.Text.Json;
using System.Text.Json.Serialization;
using KashiInvest.Domain.Assessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.ToTable("AssessmentSchemes");
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        // The scheme is one document: indicators, points, checks and the grade rule change together and are read together.
        b.Property(x => x.Content).HasColumnName("ContentJson").IsRequired().AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Year).IsUnique();
        b.Ignore(x => x.IsFrozen);
        b.Ignore(x => x.DomainEvents);
    }
}

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> b)
    {
        b.ToTable("AssessmentRounds");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastReviewComment).HasMaxLength(AssessmentRound.CommentMaxLength);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        // The inputs and results as computed: one JSON document each, so a final round never changes with later data.
        b.Property(x => x.Inputs).HasColumnName("InputsJson").IsRequired().AsJson();
        b.Property(x => x.Results).HasColumnName("ResultsJson").IsRequired().AsJson();
        b.Property(x => x.Checks).HasColumnName("ChecksJson").IsRequired().AsJson();
        b.Property(x => x.Steps).HasColumnName("StepsJson").IsRequired().AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Year).IsUnique();
        b.Ignore(x => x.DomainEvents);
    }
}

/// <summary>The assessment's documents as JSON (enums as names, so a stored document reads on its own).</summary>
internal static class AssessmentJson
{
    public static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"An empty {typeof(T).Name} document.");

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(new ValueConverter<T, string>(v => Write(v), v => Read<T>(v)), new ValueComparer<T>(
            (l, r) => Write(l!) == Write(r!),
            v => Write(v).GetHashCode(StringComparison.Ordinal),
            v => Read<T>(Write(v))));
}
