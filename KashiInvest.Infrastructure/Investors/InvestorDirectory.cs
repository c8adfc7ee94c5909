using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Investors;

/// <summary>
/// Finds or adds the investor an enterprise on a form or a report is (客商信息库 without duplicates), by
/// <see cref="InvestorMatching"/>: credit code first, then normalized name. Looks at the database and at investors
/// added to this context but not saved yet, so one report naming a new enterprise twice adds it once.
/// </summary>
public static class InvestorDirectory
{
    public static async Task<Investor> FindOrAddAsync(KashiDbContext db, string name, CreditCode? code, InvestorTier tiers, SourceRegionCode region, CancellationToken ct)
    {
        var key = InvestorMatching.NormalizeName(name);
        var codeValue = code?.Value;
        var stored = await db.Investors
            .Where(i => (codeValue != null && i.CreditCode == codeValue) || i.NameKey == key)
            .ToListAsync(ct);
        var pending = db.Investors.Local.Where(i => i.Id == 0 && !stored.Contains(i)).ToList();
        var all = stored.Concat(pending).ToList();
        var match = InvestorMatching.Find(all.Select((i, n) => new InvestorCandidate(n, i.Name, i.CreditCode)), name, code);
        if (match is not null)
        {
            var investor = all[match.Id];
            investor.Learn(code, tiers);
            return investor;
        }
        var created = new Investor(name, code, tiers, region);
        db.Investors.Add(created);
        return created;
    }
}
