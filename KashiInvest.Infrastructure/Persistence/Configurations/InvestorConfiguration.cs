using KashiInvest.Domain.Investors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KashiInvest.Infrastructure.Persistence.Configurations;

internal sealed class InvestorConfiguration : IEntityTypeConfiguration<Investor>
{
    public void Configure(EntityTypeBuilder<Investor> b)
    {
        b.ToTable("Investors");
        b.Property(i => i.Name).HasMaxLength(Investor.NameMaxLength).IsRequired();
        b.HasIndex(i => i.Name);
        // The normalized name (InvestorMatching): the second key by which a form or report finds a stored investor.
        b.Property(i => i.NameKey).HasMaxLength(Investor.NameMaxLength).IsRequired();
        b.HasIndex(i => i.NameKey);
        b.Property(i => i.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        // One investor per credit code (nullable: SQL Server gets a filtered index, SQLite allows many NULLs).
        b.HasIndex(i => i.CreditCode).IsUnique();
        // Tiers are flags: stored as an integer so that "has this tier" is a bitwise test in SQL.
        b.Property(i => i.Tiers).HasConversion<int>();
        b.Property(i => i.Region).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.DomainEvents);
        b.Ignore(i => i.IsTiered);
    }
}
