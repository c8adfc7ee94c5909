using KashiInvest.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.ToTable("Evaluations");
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Decision).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.AttendingUnitIds).HasMaxLength(500).IsRequired();
        b.Property(e => e.Attendees).HasMaxLength(Evaluation.TextMaxLength);
        b.Property(e => e.Reasons).HasMaxLength(Evaluation.TextMaxLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasMany(e => e.Criteria).WithOne().HasForeignKey(c => c.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(e => new { e.ProjectId, e.HeldOn });
        b.HasIndex(e => e.HeldOn);
        b.Ignore(e => e.AttendingUnits);
    }
}

internal sealed class EvaluationCriterionConfiguration : IEntityTypeConfiguration<EvaluationCriterionResult>
{
    public void Configure(EntityTypeBuilder<EvaluationCriterionResult> b)
    {
        b.ToTable("EvaluationCriteria");
        b.Property(c => c.Criterion).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Judgement).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Comment).HasMaxLength(Evaluation.CommentMaxLength);
        b.HasIndex(c => new { c.EvaluationId, c.Criterion }).IsUnique();
    }
}
