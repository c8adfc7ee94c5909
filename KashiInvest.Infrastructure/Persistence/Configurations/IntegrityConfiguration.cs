using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Integrity;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class IntegrityCaseConfiguration : IEntityTypeConfiguration<IntegrityCase>
{
    public void Configure(EntityTypeBuilder<IntegrityCase> b)
    {
        b.ToTable("IntegrityCases");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Title).HasMaxLength(IntegrityCase.TitleMaxLength).IsRequired();
        b.Property(c => c.Description).HasMaxLength(IntegrityCase.DescriptionMaxLength).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.OpenedBy).HasMaxLength(256).IsRequired();
        b.Property(c => c.Plan).HasMaxLength(IntegrityCase.PlanMaxLength);
        b.Property(c => c.Report).HasMaxLength(IntegrityCase.ReportMaxLength);
        b.Property(c => c.VerifiedBy).HasMaxLength(256);
        b.Property(c => c.Reason).HasMaxLength(IntegrityCase.ReasonMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.UnitId, c.Status });
        b.HasIndex(c => new { c.Status, c.RectifyBy });
        b.HasIndex(c => c.CommitmentId);
        // A complaint turns into at most one case.
        b.HasIndex(c => c.ComplaintId).IsUnique().HasFilter("ComplaintId IS NOT NULL");
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commitment>().WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(c => c.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.IsClosed);
        b.Ignore(c => c.DomainEvents);
    }
}

internal sealed class IntegrityLogEntryConfiguration : IEntityTypeConfiguration<IntegrityLogEntry>
{
    public void Configure(EntityTypeBuilder<IntegrityLogEntry> b)
    {
        b.ToTable("IntegrityCaseHistory");
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.UserName).HasMaxLength(256).IsRequired();
        b.Property(h => h.Note).HasMaxLength(IntegrityCase.PlanMaxLength);
        b.HasIndex(h => new { h.CaseId, h.AtUtc });
    }
}
