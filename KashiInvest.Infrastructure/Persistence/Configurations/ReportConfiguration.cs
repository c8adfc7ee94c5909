using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("ProgressReports");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Narrative).HasMaxLength(ProgressReport.TextMaxLength).IsRequired();
        b.Property(r => r.NextSteps).HasMaxLength(ProgressReport.TextMaxLength);
        b.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // One report per project, period, kind and revision: two racing first submissions cannot both land.
        b.HasIndex(r => new { r.ProjectId, r.PeriodIndex, r.Kind, r.Revision }).IsUnique();
        b.Ignore(r => r.Period);
        b.Ignore(r => r.DomainEvents);
    }
}
