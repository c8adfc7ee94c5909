using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.ScopeKind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        b.Property(m => m.Place).HasMaxLength(Meeting.ShortTextMaxLength);
        b.Property(m => m.Chair).HasMaxLength(Meeting.ShortTextMaxLength).IsRequired();
        b.Property(m => m.ChairUserId).HasMaxLength(256);
        b.Property(m => m.Attendees).HasMaxLength(Meeting.TextMaxLength);
        b.PrimitiveCollection(m => m.AttendingUnitIds).IsRequired();
        b.Property(m => m.PresenterUserId).HasMaxLength(256);
        b.Property(m => m.PresenterName).HasMaxLength(256);
        b.Property(m => m.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.OrganizerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.Status, m.StartsAtUtc });
        b.HasIndex(m => new { m.OrganizerUnitId, m.StartsAtUtc });
        b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(m => m.Scope);
        b.Ignore(m => m.IsReadOnly);
        b.Ignore(m => m.Date);
        b.Ignore(m => m.CurrentItem);
        b.Ignore(m => m.DomainEvents);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("MeetingAgendaItems");
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Title).HasMaxLength(Meeting.TitleMaxLength);
        b.Property(i => i.Note).HasMaxLength(Meeting.TextMaxLength);
        b.Property(i => i.Discussion).HasMaxLength(Meeting.TextMaxLength);
        b.Property(i => i.AlsoFor).HasMaxLength(200);
        b.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Problem>().WithMany().HasForeignKey(i => i.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ActionItem>().WithMany().HasForeignKey(i => i.ActionItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MeetingId, i.Position });
        b.Ignore(i => i.AlsoKinds);
        b.Ignore(i => i.SubjectKey);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.ToTable("MeetingDecisions");
        b.Property(d => d.Text).HasMaxLength(Meeting.TextMaxLength).IsRequired();
        b.Property(d => d.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(d => new { d.MeetingId, d.RecordedAtUtc });
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.ToTable("MeetingActionItems");
        b.Property(a => a.Text).HasMaxLength(ActionItem.TextMaxLength).IsRequired();
        b.Property(a => a.ProblemEffect).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.DoneNote).HasMaxLength(ActionItem.TextMaxLength);
        b.Property(a => a.DoneBy).HasMaxLength(256);
        b.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // A published bulletin's task for a unit it names: one per bulletin and unit.
        b.HasOne<KashiInvest.Domain.Bulletins.Bulletin>().WithMany().HasForeignKey(a => a.BulletinId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.BulletinId, a.OwnerUnitId }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Problem>().WithMany().HasForeignKey(a => a.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.OwnerUnitId, a.Status, a.DueOn });
        b.HasIndex(a => new { a.MeetingId });
        b.HasIndex(a => new { a.Status, a.DueOn });
        b.Ignore(a => a.IsOpen);
        b.Ignore(a => a.DomainEvents);
    }
}
