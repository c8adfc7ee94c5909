using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class TargetEnterpriseConfiguration : IEntityTypeConfiguration<TargetEnterprise>
{
    public void Configure(EntityTypeBuilder<TargetEnterprise> b)
    {
        b.ToTable("TargetEnterprises");
        b.Property(t => t.Name).HasMaxLength(Investor.NameMaxLength).IsRequired();
        b.Property(t => t.NameKey).HasMaxLength(Investor.NameMaxLength).IsRequired();
        b.Property(t => t.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        b.Property(t => t.Region).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.Tiers).HasConversion<int>();
        b.Property(t => t.Notes).HasMaxLength(TargetEnterprise.NotesMaxLength);
        b.Property(t => t.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<IndustryChain>().WithMany().HasForeignKey(t => t.ChainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChainLink>().WithMany().HasForeignKey(t => t.ChainLinkId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.NameKey);
        b.HasIndex(t => t.CreditCode);
        b.HasIndex(t => new { t.ChainId, t.Region });
        b.Ignore(t => t.Priority);
        b.Ignore(t => t.DomainEvents);
    }
}

internal sealed class TargetPushConfiguration : IEntityTypeConfiguration<TargetPush>
{
    public void Configure(EntityTypeBuilder<TargetPush> b)
    {
        b.ToTable("TargetPushes");
        b.Property(p => p.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.LastNote).HasMaxLength(TargetPush.NoteMaxLength);
        b.Property(p => p.PushedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<TargetEnterprise>().WithMany().HasForeignKey(p => p.TargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // A target reaches a unit once, whether by chain or by region.
        b.HasIndex(p => new { p.TargetId, p.UnitId }).IsUnique();
        b.HasIndex(p => new { p.UnitId, p.Status });
        b.HasMany(p => p.History).WithOne().HasForeignKey(h => h.PushId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(p => p.DomainEvents);
    }
}

internal sealed class TargetPushLogEntryConfiguration : IEntityTypeConfiguration<TargetPushLogEntry>
{
    public void Configure(EntityTypeBuilder<TargetPushLogEntry> b)
    {
        b.ToTable("TargetPushHistory");
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Note).HasMaxLength(TargetPush.NoteMaxLength);
        b.Property(h => h.UserName).HasMaxLength(256).IsRequired();
        b.HasIndex(h => new { h.PushId, h.AtUtc });
    }
}
