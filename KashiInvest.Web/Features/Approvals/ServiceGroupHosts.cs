using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>The counties (and KEDZ) whose service group a group-leader unit leads (Art. 23).</summary>
internal static class ServiceGroupHosts
{
    public static Task<List<int>> LedByAsync(KashiDbContext db, int groupUnitId, CancellationToken ct) =>
        db.ServiceGroups.AsNoTracking().Where(g => g.GroupUnitId == groupUnitId).Select(g => g.HostUnitId).ToListAsync(ct);
}
