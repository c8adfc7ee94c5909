using KashiInvest.Domain.Alerts;
using KashiInvest.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Subject).HasMaxLength(Alert.SubjectMaxLength).IsRequired();
        b.Property(a => a.OpenKey).HasMaxLength(300);
        b.Property(a => a.Code).HasMaxLength(60).IsRequired();
        b.Property(a => a.ArgsJson).HasMaxLength(2000).IsRequired();
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.Property(a => a.AcknowledgeNote).HasMaxLength(Alert.NoteMaxLength);
        b.Property(a => a.Version).IsConcurrencyToken();
        // One open alert per condition (kind + subject), whoever runs the check and however often.
        b.HasIndex(a => a.OpenKey).IsUnique().HasFilter("OpenKey IS NOT NULL");
        b.HasIndex(a => new { a.ClearedAtUtc, a.Severity });
        b.HasIndex(a => new { a.ProjectId, a.ClearedAtUtc });
        b.Ignore(a => a.IsOpen);
        b.Ignore(a => a.Args);
        b.Ignore(a => a.Project);
        b.Ignore(a => a.DomainEvents);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        b.Property(r => r.JobName).HasMaxLength(100).IsRequired();
        b.Property(r => r.Trigger).HasMaxLength(100).IsRequired();
        b.Property(r => r.Result).HasMaxLength(1000);
        b.HasIndex(r => new { r.JobName, r.StartedAtUtc });
    }
}
