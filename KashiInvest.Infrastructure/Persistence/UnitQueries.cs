using KashiInvest.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Persistence;

public static class UnitQueries
{
    /// <summary>The prefecture Bureau (地区招商局): organiser of prefecture meetings, last owner of an escalated problem.</summary>
    public static Task<int> BureauIdAsync(this IQueryable<Unit> units, CancellationToken ct = default) =>
        units.Where(u => u.Type == UnitType.Bureau).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
}
