using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class LeadFormConfiguration : IEntityTypeConfiguration<LeadForm>
{
    public void Configure(EntityTypeBuilder<LeadForm> b)
    {
        b.ToTable("LeadForms");
        b.Property(f => f.EnterpriseName).HasMaxLength(Investor.NameMaxLength).IsRequired();
        b.Property(f => f.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        b.Property(f => f.Region).HasConversion<string>().HasMaxLength(30);
        b.Property(f => f.Tiers).HasConversion<int>();
        b.Property(f => f.Background).HasMaxLength(LeadFormRules.TextMaxLength).IsRequired();
        b.Property(f => f.Operations).HasMaxLength(LeadFormRules.TextMaxLength);
        b.Property(f => f.ProjectName).HasMaxLength(ProjectDetailsRules.NameMaxLength).IsRequired();
        b.Property(f => f.Demands).HasMaxLength(LeadFormRules.TextMaxLength).IsRequired();
        b.Property(f => f.Feasibility).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.FeasibilityNote).HasMaxLength(LeadFormRules.TextMaxLength).IsRequired();
        b.Property(f => f.PeopleVisited).HasMaxLength(LeadFormRules.PeopleMaxLength).IsRequired();
        b.Property(f => f.Visitors).HasMaxLength(LeadFormRules.PeopleMaxLength).IsRequired();
        b.Property(f => f.FiledBy).HasMaxLength(256).IsRequired();
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Investor>().WithMany().HasForeignKey(f => f.InvestorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.FiledByUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndustryChain>().WithMany().HasForeignKey(f => f.ChainId).OnDelete(DeleteBehavior.Restrict);
        // One form per project: the form is what created the lead.
        b.HasIndex(f => f.ProjectId).IsUnique();
        b.HasIndex(f => f.InvestorId);
        b.HasIndex(f => new { f.FiledByUnitId, f.FiledAtUtc });
        b.Ignore(f => f.DomainEvents);
    }
}

internal sealed class WeeklyIntentionReportConfiguration : IEntityTypeConfiguration<WeeklyIntentionReport>
{
    public void Configure(EntityTypeBuilder<WeeklyIntentionReport> b)
    {
        b.ToTable("WeeklyIntentionReports");
        b.Property(r => r.FiledBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One report per unit and week: two racing first filings cannot both land.
        b.HasIndex(r => new { r.UnitId, r.WeekMonday }).IsUnique();
        b.HasIndex(r => r.WeekMonday);
        b.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.Week);
        b.Ignore(r => r.DomainEvents);
    }
}

internal sealed class IntentionEntryConfiguration : IEntityTypeConfiguration<IntentionEntry>
{
    public void Configure(EntityTypeBuilder<IntentionEntry> b)
    {
        b.ToTable("IntentionEntries");
        b.Property(e => e.InvestorName).HasMaxLength(Investor.NameMaxLength).IsRequired();
        b.Property(e => e.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        b.Property(e => e.ProjectName).HasMaxLength(ProjectDetailsRules.NameMaxLength).IsRequired();
        b.Property(e => e.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Notes).HasMaxLength(WeeklyIntentionReport.TextMaxLength);
        b.HasOne<Investor>().WithMany().HasForeignKey(e => e.InvestorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndustryChain>().WithMany().HasForeignKey(e => e.ChainId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.InvestorId);
    }
}
