using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

/// <summary>The project's triage, evaluation, agreement and work-group parts (Art. 19, 20, 22).</summary>
internal sealed class ProjectLifecycleConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.TriageStatus).HasConversion<string>().HasMaxLength(30).HasDefaultValue(TriageStatus.New).HasSentinel(TriageStatus.New);
        b.Property(p => p.AgreementNumber).HasMaxLength(SigningRules.NumberMaxLength);
        b.Property(p => p.AgreementRecordedBy).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.LeadServiceUnitId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(p => p.TriageSteps).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.TriageSteps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Evaluations).WithOne().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Evaluations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.WorkGroupDepartments).WithOne().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.WorkGroupDepartments).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(p => p.TriageStatus);
        b.Ignore(p => p.TriageWaitingOn);
        b.Ignore(p => p.WorkGroup);
        b.Ignore(p => p.WorkGroupMissing);
    }
}

internal sealed class TriageStepConfiguration : IEntityTypeConfiguration<TriageStep>
{
    public void Configure(EntityTypeBuilder<TriageStep> b)
    {
        b.ToTable("ProjectTriageSteps");
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Recommendation).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.By).HasMaxLength(256).IsRequired();
        b.Property(s => s.Text).HasMaxLength(TriageStep.TextMaxLength);
        b.Property(s => s.ResponsibleLeader).HasMaxLength(ProjectDetailsRules.PersonMaxLength);
        b.Property(s => s.Meeting).HasMaxLength(TriageStep.ShortTextMaxLength);
        b.HasIndex(s => new { s.ProjectId, s.AtUtc });
    }
}

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

internal sealed class WorkGroupDepartmentConfiguration : IEntityTypeConfiguration<WorkGroupDepartment>
{
    public void Configure(EntityTypeBuilder<WorkGroupDepartment> b)
    {
        b.ToTable("ProjectWorkGroupDepartments");
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.ProjectId, d.UnitId }).IsUnique();
    }
}
