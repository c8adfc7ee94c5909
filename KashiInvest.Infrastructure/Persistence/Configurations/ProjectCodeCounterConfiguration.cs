using KashiInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class ProjectCodeCounterConfiguration : IEntityTypeConfiguration<ProjectCodeCounter>
{
    public void Configure(EntityTypeBuilder<ProjectCodeCounter> b)
    {
        b.ToTable("ProjectCodeCounters");
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}
