using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("Problems");
        b.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Factor).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Description).HasMaxLength(Problem.TextMaxLength).IsRequired();
        b.Property(p => p.Resolution).HasMaxLength(Problem.TextMaxLength);
        b.Property(p => p.RaisedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProjectId, p.Status });
        b.HasIndex(p => new { p.Status, p.DueOn });
        b.HasMany(p => p.History).WithOne().HasForeignKey(h => h.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => new { p.OwnerUnitId, p.Status });
        b.Ignore(p => p.IsOpen);
        b.Ignore(p => p.DomainEvents);
    }
}

internal sealed class ProblemLogEntryConfiguration : IEntityTypeConfiguration<ProblemLogEntry>
{
    public void Configure(EntityTypeBuilder<ProblemLogEntry> b)
    {
        b.ToTable("ProblemHistory");
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.UserName).HasMaxLength(256).IsRequired();
        b.Property(h => h.Note).HasMaxLength(Problem.TextMaxLength);
        b.HasIndex(h => new { h.ProblemId, h.AtUtc });
    }
}
