using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.Property(c => c.TrackingNumber).HasMaxLength(ComplaintCode.TrackingNumberMaxLength).IsRequired();
        b.Property(c => c.CodeHash).HasMaxLength(ComplaintCode.HashMaxLength).IsRequired().HasAnnotation(AuditMaskedAttribute.Annotation, true);
        b.Property(c => c.EnterpriseName).HasMaxLength(Complaint.EnterpriseNameMaxLength).IsRequired();
        b.Property(c => c.CreditCode).HasMaxLength(CreditCode.Length).IsRequired();
        b.Property(c => c.ContactName).HasMaxLength(Complaint.ContactNameMaxLength).IsRequired();
        b.Property(c => c.Phone).HasMaxLength(Complaint.PhoneMaxLength).IsRequired();
        b.Property(c => c.ProjectName).HasMaxLength(Complaint.ProjectNameMaxLength);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Description).HasMaxLength(Complaint.DescriptionMaxLength).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RefusalReason).HasMaxLength(Complaint.ReasonMaxLength);
        b.Property(c => c.Reply).HasMaxLength(Complaint.ReplyMaxLength);
        b.Property(c => c.Rating).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RatingComment).HasMaxLength(Complaint.CommentMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.TrackingNumber).IsUnique();
        b.HasIndex(c => new { c.Status, c.AcceptBy });
        b.HasIndex(c => new { c.AssignedUnitId, c.Status });
        b.HasIndex(c => c.CommitmentId);
        b.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commitment>().WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.IsClosed);
        b.Ignore(c => c.Deadline);
        b.Ignore(c => c.DomainEvents);
    }
}

internal sealed class ComplaintLogEntryConfiguration : IEntityTypeConfiguration<ComplaintLogEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintLogEntry> b)
    {
        b.ToTable("ComplaintHistory");
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.UserName).HasMaxLength(256).IsRequired();
        b.Property(h => h.Note).HasMaxLength(Complaint.ReplyMaxLength);
        b.HasIndex(h => new { h.ComplaintId, h.AtUtc });
    }
}
