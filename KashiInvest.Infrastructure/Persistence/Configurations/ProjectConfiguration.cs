using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("Projects");
        b.Property(p => p.Code).HasMaxLength(20).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(ProjectDetailsRules.NameMaxLength).IsRequired();
        b.Property(p => p.Description).HasMaxLength(ProjectDetailsRules.DescriptionMaxLength);
        b.Property(p => p.ResponsibleLeader).HasMaxLength(ProjectDetailsRules.PersonMaxLength);
        b.Property(p => p.LeaderInCharge).HasMaxLength(ProjectDetailsRules.PersonMaxLength);
        b.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CoordinationLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.WorkGroupLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.TerminationReason).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Version).IsConcurrencyToken();

        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.SourceUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndustryChain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChainLink>().WithMany().HasForeignKey(p => p.ChainLinkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Investor>().WithMany().HasForeignKey(p => p.InvestorId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.StageHistory).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.StageHistory).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(p => p.Stage);
        b.HasIndex(p => p.WorkGroupLevel);
        b.HasIndex(p => p.UpdatedAtUtc);

        b.Ignore(p => p.DomainEvents);
        b.Ignore(p => p.PlannedInvestment);
        b.Ignore(p => p.IsKeyProject);

        // The triage, evaluation, agreement and work-group parts (Art. 19, 20, 22).
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

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("Milestones");
        b.Property(m => m.Name).HasMaxLength(Milestone.NameMaxLength).IsRequired();
        b.HasIndex(m => new { m.ProjectId, m.Order });
        b.Ignore(m => m.IsReached);
    }
}

internal sealed class ProjectStageChangeConfiguration : IEntityTypeConfiguration<ProjectStageChange>
{
    public void Configure(EntityTypeBuilder<ProjectStageChange> b)
    {
        b.ToTable("ProjectStageChanges");
        b.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.TerminationReason).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.ChangedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.Note).HasMaxLength(ProjectStageChange.NoteMaxLength);
        b.HasIndex(s => new { s.ProjectId, s.AtUtc });
    }
}
