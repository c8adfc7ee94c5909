using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("Units");
        b.Property(u => u.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(100).IsRequired();
        b.Property(u => u.NameEn).HasMaxLength(150).IsRequired();
        b.Property(u => u.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.Region).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.DomainEvents);
    }
}
