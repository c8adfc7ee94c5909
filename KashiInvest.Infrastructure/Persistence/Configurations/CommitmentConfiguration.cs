using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("Commitments");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Factor).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.TimeLimitUnit).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Concerns).HasConversion<string>().HasMaxLength(60);
        b.Property(c => c.FairCompetitionReview).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.StatusBeforeDispute).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.DocumentNumber).HasMaxLength(Commitment.DocumentNumberMaxLength).IsRequired();
        b.Property(c => c.Clause).HasMaxLength(Commitment.ClauseMaxLength);
        b.Property(c => c.Promise).HasMaxLength(Commitment.PromiseMaxLength).IsRequired();
        b.Property(c => c.Formula).HasMaxLength(Commitment.FormulaMaxLength);
        b.Property(c => c.EvidenceRequired).HasMaxLength(Commitment.EvidenceMaxLength).IsRequired();
        b.Property(c => c.FairCompetitionReason).HasMaxLength(Commitment.ReasonMaxLength);
        b.Property(c => c.TerminationReason).HasMaxLength(Commitment.NoteMaxLength);
        b.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ProjectId, c.Status });
        b.HasIndex(c => new { c.ResponsibleUnitId, c.Status });
        b.HasIndex(c => new { c.Status, c.DueOn });
        b.HasMany(c => c.Conditions).WithOne().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Conditions).HasField("_conditions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Payments).WithOne().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.History).WithOne().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.NeedsFairCompetitionReview);
        b.Ignore(c => c.PaidWan);
        b.Ignore(c => c.IsRunning);
        b.Ignore(c => c.IsClosed);
        b.Ignore(c => c.DeliveredLate);
        b.Ignore(c => c.DomainEvents);
    }
}

internal sealed class CommitmentConditionConfiguration : IEntityTypeConfiguration<CommitmentCondition>
{
    public void Configure(EntityTypeBuilder<CommitmentCondition> b)
    {
        b.ToTable("CommitmentConditions");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Description).HasMaxLength(Commitment.ConditionMaxLength);
        b.Property(c => c.MetBy).HasMaxLength(256);
        b.Property(c => c.Note).HasMaxLength(Commitment.NoteMaxLength);
        b.HasIndex(c => new { c.CommitmentId, c.Number });
        b.Ignore(c => c.IsMet);
    }
}

internal sealed class CommitmentPaymentConfiguration : IEntityTypeConfiguration<CommitmentPayment>
{
    public void Configure(EntityTypeBuilder<CommitmentPayment> b)
    {
        b.ToTable("CommitmentPayments");
        b.Property(p => p.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.Note).HasMaxLength(Commitment.NoteMaxLength);
        b.HasIndex(p => new { p.CommitmentId, p.PaidOn });
    }
}

internal sealed class CommitmentLogEntryConfiguration : IEntityTypeConfiguration<CommitmentLogEntry>
{
    public void Configure(EntityTypeBuilder<CommitmentLogEntry> b)
    {
        b.ToTable("CommitmentHistory");
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.UserName).HasMaxLength(256).IsRequired();
        b.Property(h => h.Note).HasMaxLength(Commitment.NoteMaxLength);
        b.HasIndex(h => new { h.CommitmentId, h.AtUtc });
    }
}
