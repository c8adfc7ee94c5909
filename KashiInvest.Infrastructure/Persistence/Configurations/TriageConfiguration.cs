using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

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
