using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class ChainConfiguration : IEntityTypeConfiguration<IndustryChain>
{
    public void Configure(EntityTypeBuilder<IndustryChain> b)
    {
        b.ToTable("Chains");
        b.Property(c => c.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Name).HasMaxLength(100).IsRequired();
        b.Property(c => c.NameEn).HasMaxLength(150).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Links).WithOne().HasForeignKey(l => l.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.DomainEvents);
    }
}

internal sealed class ChainLinkConfiguration : IEntityTypeConfiguration<ChainLink>
{
    public void Configure(EntityTypeBuilder<ChainLink> b)
    {
        b.ToTable("ChainLinks");
        b.Property(l => l.Name).HasMaxLength(100).IsRequired();
        b.Property(l => l.NameEn).HasMaxLength(150).IsRequired();
        b.Property(l => l.Segment).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Strength).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(l => new { l.ChainId, l.Name }).IsUnique();
    }
}
