using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("CalendarYears");
        b.HasIndex(y => y.Year).IsUnique();
        b.Property(y => y.SourceTitle).HasMaxLength(CalendarYear.SourceMaxLength).IsRequired();
        b.Property(y => y.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(y => y.Version).IsConcurrencyToken();
        b.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.CalendarYearId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(y => y.Days).HasField("_days").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(y => y.DomainEvents);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(d => d.Date).IsUnique();
    }
}

internal sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> b)
    {
        b.ToTable("ApprovalCatalogue");
        b.Property(i => i.Code).HasMaxLength(CatalogueItem.CodeMaxLength).IsRequired();
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Name).HasMaxLength(CatalogueItem.NameMaxLength).IsRequired();
        b.Property(i => i.NameEn).HasMaxLength(CatalogueItem.NameMaxLength).IsRequired();
        b.Property(i => i.LegalSource).HasMaxLength(CatalogueItem.SourceMaxLength).IsRequired();
        b.Property(i => i.PrerequisiteCodes).HasMaxLength(500).IsRequired();
        b.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Stage).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.DepartmentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(i => i.Prerequisites);
        b.Ignore(i => i.CommittedLimit);
        b.Ignore(i => i.DomainEvents);
    }
}

internal sealed class ServiceGroupConfiguration : IEntityTypeConfiguration<ServiceGroup>
{
    public void Configure(EntityTypeBuilder<ServiceGroup> b)
    {
        b.ToTable("ServiceGroups");
        b.HasIndex(g => g.HostUnitId).IsUnique();
        b.HasIndex(g => g.GroupUnitId).IsUnique();
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(g => g.GroupUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(g => g.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(g => g.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.ServiceGroupId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(g => g.Proxies).WithOne().HasForeignKey(p => p.ServiceGroupId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Proxies).HasField("_proxies").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(g => g.DomainEvents);
    }
}

internal sealed class ServiceGroupMemberConfiguration : IEntityTypeConfiguration<ServiceGroupMember>
{
    public void Configure(EntityTypeBuilder<ServiceGroupMember> b)
    {
        b.ToTable("ServiceGroupMembers");
        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.DepartmentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ServiceGroupId, m.DepartmentUnitId }).IsUnique();
    }
}

internal sealed class ServiceGroupProxyConfiguration : IEntityTypeConfiguration<ServiceGroupProxy>
{
    public void Configure(EntityTypeBuilder<ServiceGroupProxy> b)
    {
        b.ToTable("ServiceGroupProxies");
        b.Property(p => p.UserName).HasMaxLength(256).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.DepartmentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ServiceGroupId, p.DepartmentUnitId, p.UserName }).IsUnique();
        b.HasIndex(p => p.UserName);
    }
}

internal sealed class ServicePlanConfiguration : IEntityTypeConfiguration<ServicePlan>
{
    public void Configure(EntityTypeBuilder<ServicePlan> b)
    {
        b.ToTable("ServicePlans");
        b.HasIndex(p => p.ProjectId).IsUnique();  // one application per project
        b.HasIndex(p => new { p.HostUnitId, p.Status });
        b.Property(p => p.ApplicantName).HasMaxLength(ServicePlan.TextMaxLength).IsRequired();
        b.Property(p => p.Phases).HasConversion<int>();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.PlannedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(p => p.DomainEvents);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.ToTable("PlanItems");
        b.Property(i => i.ItemCode).HasMaxLength(CatalogueItem.CodeMaxLength).IsRequired();
        b.Property(i => i.ItemName).HasMaxLength(CatalogueItem.NameMaxLength).IsRequired();
        b.Property(i => i.ItemNameEn).HasMaxLength(CatalogueItem.NameMaxLength).IsRequired();
        b.Property(i => i.PrerequisiteCodes).HasMaxLength(500).IsRequired();
        b.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Stage).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Holder).HasMaxLength(256);
        b.Property(i => i.CertificateNumber).HasMaxLength(PlanItem.TextMaxLength);
        b.Property(i => i.Reason).HasMaxLength(PlanItem.TextMaxLength);
        b.Property(i => i.Satisfaction).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.SatisfactionComment).HasMaxLength(PlanItem.TextMaxLength);
        b.Property(i => i.SatisfactionBy).HasMaxLength(256);
        b.Property(i => i.FollowUp).HasMaxLength(PlanItem.TextMaxLength);
        b.Property(i => i.FollowUpBy).HasMaxLength(256);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<ServicePlan>().WithMany().HasForeignKey(i => i.ServicePlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(i => i.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.DepartmentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ServicePlanId, i.CatalogueItemId }).IsUnique();
        b.HasIndex(i => new { i.DepartmentUnitId, i.Status });
        b.HasIndex(i => new { i.HostUnitId, i.Status });
        b.HasIndex(i => i.Holder);
        b.HasMany(i => i.Pauses).WithOne().HasForeignKey(p => p.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Pauses).HasField("_pauses").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(i => i.IsComplete);
        b.Ignore(i => i.FollowUpOpen);
        b.Ignore(i => i.ClockFacts);
        b.Ignore(i => i.DomainEvents);
    }
}

internal sealed class PlanItemPauseConfiguration : IEntityTypeConfiguration<PlanItemPause>
{
    public void Configure(EntityTypeBuilder<PlanItemPause> b)
    {
        b.ToTable("PlanItemPauses");
        b.Property(p => p.Procedure).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Reason).HasMaxLength(PlanItem.TextMaxLength).IsRequired();
    }
}

internal sealed class PlanItemStepConfiguration : IEntityTypeConfiguration<PlanItemStep>
{
    public void Configure(EntityTypeBuilder<PlanItemStep> b)
    {
        b.ToTable("PlanItemSteps");
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.StatusAfter).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.UserName).HasMaxLength(256).IsRequired();
        b.Property(s => s.Note).HasMaxLength(PlanItem.TextMaxLength);
        b.HasIndex(s => new { s.PlanItemId, s.AtUtc });
    }
}
