using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class MonthlyReturnConfiguration : IEntityTypeConfiguration<MonthlyReturn>
{
    public void Configure(EntityTypeBuilder<MonthlyReturn> b)
    {
        b.ToTable("MonthlyReturns");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ComputedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.SubmittedBy).HasMaxLength(256);
        b.Property(r => r.ApprovedBy).HasMaxLength(256);
        b.Property(r => r.ReturnComment).HasMaxLength(MonthlyReturn.CommentMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One return per unit and month: two racing first computations cannot both land.
        b.HasIndex(r => new { r.UnitId, r.MonthIndex }).IsUnique();
        b.HasIndex(r => new { r.MonthIndex, r.Status });
        b.HasMany(r => r.Figures).WithOne().HasForeignKey(f => f.MonthlyReturnId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Figures).HasField("_figures").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.History).WithOne().HasForeignKey(h => h.MonthlyReturnId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.Month);
        b.Ignore(r => r.IsLocked);
        b.Ignore(r => r.HasApprovedFigures);
        b.Ignore(r => r.DomainEvents);
    }
}

internal sealed class ReturnFigureConfiguration : IEntityTypeConfiguration<ReturnFigure>
{
    public void Configure(EntityTypeBuilder<ReturnFigure> b)
    {
        b.ToTable("MonthlyReturnFigures");
        b.Property(f => f.Code).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.CorrectionReason).HasMaxLength(MonthlyReturn.ReasonMaxLength);
        b.Property(f => f.CorrectedBy).HasMaxLength(256);
        b.HasIndex(f => new { f.MonthlyReturnId, f.Code, f.ChainId }).IsUnique();
        b.Ignore(f => f.Key);
        b.Ignore(f => f.Value);
        b.Ignore(f => f.IsCorrected);
    }
}

internal sealed class ReturnHistoryEntryConfiguration : IEntityTypeConfiguration<ReturnHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ReturnHistoryEntry> b)
    {
        b.ToTable("MonthlyReturnHistory");
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.FigureCode).HasConversion<string>().HasMaxLength(40);
        b.Property(h => h.By).HasMaxLength(256).IsRequired();
        b.Property(h => h.Text).HasMaxLength(ReturnHistoryEntry.TextMaxLength);
        b.HasIndex(h => new { h.MonthlyReturnId, h.AtUtc });
    }
}
