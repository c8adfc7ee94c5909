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
        b.HasMany(c => c.Flows).WithOne().HasForeignKey(f => f.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Flows).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Comments).WithOne().HasForeignKey(c => c.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.DomainEvents);
        b.Ignore(c => c.Gaps);
    }
}

internal sealed class ChainLinkConfiguration : IEntityTypeConfiguration<ChainLink>
{
    public void Configure(EntityTypeBuilder<ChainLink> b)
    {
        b.ToTable("ChainLinks");
        b.Property(l => l.Name).HasMaxLength(IndustryChain.LinkNameMaxLength).IsRequired();
        b.Property(l => l.NameEn).HasMaxLength(IndustryChain.LinkNameEnMaxLength).IsRequired();
        b.Property(l => l.Segment).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Strength).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Goal).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Description).HasMaxLength(ChainLink.DescriptionMaxLength);
        b.Property(l => l.GapNote).HasMaxLength(ChainLink.NoteMaxLength);
        b.PrimitiveCollection(l => l.LocalEnterprises).IsRequired();
        b.Ignore(l => l.PendingRerating);
        b.HasIndex(l => new { l.ChainId, l.Name }).IsUnique();
        b.HasMany(l => l.History).WithOne().HasForeignKey(h => h.ChainLinkId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(l => l.Roadmap).WithOne().HasForeignKey(r => r.ChainLinkId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Roadmap).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ChainFlowConfiguration : IEntityTypeConfiguration<ChainFlow>
{
    public void Configure(EntityTypeBuilder<ChainFlow> b)
    {
        b.ToTable("ChainFlows");
        // The domain refuses to remove a link that has flows; the database only keeps that promise (no second cascade path).
        b.HasOne(f => f.From).WithMany().HasForeignKey(f => f.FromLinkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.To).WithMany().HasForeignKey(f => f.ToLinkId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.ChainId, f.FromLinkId, f.ToLinkId }).IsUnique();
    }
}

internal sealed class LinkStatusChangeConfiguration : IEntityTypeConfiguration<LinkStatusChange>
{
    public void Configure(EntityTypeBuilder<LinkStatusChange> b)
    {
        b.ToTable("ChainLinkStatusChanges");
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Reason).HasMaxLength(LinkStatusChange.ReasonMaxLength).IsRequired();
        b.Property(h => h.By).HasMaxLength(100).IsRequired();
    }
}

internal sealed class RoadmapEntryConfiguration : IEntityTypeConfiguration<RoadmapEntry>
{
    public void Configure(EntityTypeBuilder<RoadmapEntry> b)
    {
        b.ToTable("ChainRoadmapEntries");
        b.Property(r => r.Sought).HasMaxLength(RoadmapEntry.SoughtMaxLength).IsRequired();
        b.PrimitiveCollection(r => r.SourceRegions).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ChainCommentConfiguration : IEntityTypeConfiguration<ChainComment>
{
    public void Configure(EntityTypeBuilder<ChainComment> b)
    {
        b.ToTable("ChainComments");
        b.Property(c => c.Text).HasMaxLength(IndustryChain.CommentMaxLength).IsRequired();
        b.Property(c => c.By).HasMaxLength(100).IsRequired();
        // The domain detaches comments from a removed link; no database cascade (SQL Server allows only one path).
        b.HasOne(c => c.Link).WithMany().HasForeignKey(c => c.ChainLinkId).OnDelete(DeleteBehavior.ClientSetNull);
        b.HasIndex(c => new { c.ChainId, c.AtUtc });
    }
}
