using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class AnnualTargetConfiguration : IEntityTypeConfiguration<AnnualTarget>
{
    public void Configure(EntityTypeBuilder<AnnualTarget> b)
    {
        b.ToTable("AnnualTargets");
        b.Property(t => t.Indicator).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.Version).IsConcurrencyToken();
        // One target per year and indicator: two racing first settings cannot both land.
        b.HasIndex(t => new { t.Year, t.Indicator }).IsUnique();
        b.HasMany(t => t.Shares).WithOne().HasForeignKey(s => s.AnnualTargetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Shares).HasField("_shares").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(t => t.DomainEvents);
    }
}

internal sealed class TargetShareConfiguration : IEntityTypeConfiguration<TargetShare>
{
    public void Configure(EntityTypeBuilder<TargetShare> b)
    {
        b.ToTable("AnnualTargetShares");
        b.Property(s => s.Sequence).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.AnnualTargetId, s.UnitId }).IsUnique();
        b.HasIndex(s => s.UnitId);
    }
}
