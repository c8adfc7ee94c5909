using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Bulletins;

public static class BulletinNumbers
{
    /// <summary>The next sequence of a bulletin number in <paramref name="year"/>; a unique index refuses a racing duplicate.</summary>
    public static async Task<int> NextSequenceAsync(KashiDbContext db, int year, CancellationToken ct = default) =>
        (await db.Bulletins.Where(b => b.NumberYear == year).MaxAsync(b => (int?)b.Sequence, ct) ?? 0) + 1;
}
