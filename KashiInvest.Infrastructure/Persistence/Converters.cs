using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KashiInvest.Infrastructure.Persistence;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

/// <summary>万元 with up to four decimals stored exactly as whole yuan: 7.5亿 = 75,000万 = 750,000,000.</summary>
internal sealed class WanAsYuanConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 10_000m, 0),
    v => v / 10_000m);
