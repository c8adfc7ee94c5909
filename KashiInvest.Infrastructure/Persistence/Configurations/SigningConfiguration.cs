using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class WorkGroupDepartmentConfiguration : IEntityTypeConfiguration<WorkGroupDepartment>
{
    public void Configure(EntityTypeBuilder<WorkGroupDepartment> b)
    {
        b.ToTable("ProjectWorkGroupDepartments");
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.ProjectId, d.UnitId }).IsUnique();
    }
}
