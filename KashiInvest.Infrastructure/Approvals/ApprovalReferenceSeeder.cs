using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Approvals;

/// <summary>
/// The reference data of assist-and-proxy approvals: the confirmed years of the working-day calendar, the approval
/// catalogue, and one service group per host with the catalogue's departments as members. Each part is inserted
/// only when its table is empty, so a database created before approvals existed gets them at its next start and
/// an administrator's later edits are never overwritten.
/// </summary>
internal static class ApprovalReferenceSeeder
{
    public static async Task SeedAsync(KashiDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        // Departments added to the reference list after a database was first seeded.
        var known = await db.Units.Select(u => u.Code).ToListAsync(ct);
        var missing = ReferenceData.Departments.Where(d => !known.Contains(d.Code)).ToList();
        if (missing.Count > 0)
        {
            db.Units.AddRange(missing.Select(d => new Unit(d.Code, d.Name, d.NameEn, d.Type, null, d.Region)));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.CalendarYears.AnyAsync(ct))
        {
            db.CalendarYears.AddRange(HolidayNotices.Confirmed.Select(n => new CalendarYear(n.Year, n.Title, n.PublishedOn, n.Days, db.Actor!, nowUtc)));
            await db.SaveChangesAsync(ct);
        }

        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Type, u.ParentUnitId }).ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code, u => u.Id);
        if (!await db.ApprovalCatalogue.AnyAsync(ct))
        {
            db.ApprovalCatalogue.AddRange(ApprovalReferenceData.Catalogue.Select(c => new CatalogueItem(new CatalogueItemInput(
                c.Code, c.Name, c.NameEn, byCode[c.DepartmentCode], c.Level, c.StatutoryLimit, c.Unit, c.LegalSource, c.Stage,
                c.Prerequisites, c.MayRunInParallel, c.GreenChannelLimit))));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.ServiceGroups.AnyAsync(ct))
        {
            var members = ApprovalReferenceData.GroupDepartmentCodes.Select(code => byCode[code]).ToArray();
            foreach (var group in units.Where(u => u.Type == UnitType.ServiceGroup && u.ParentUnitId is not null).OrderBy(u => u.Id))
            {
                // The group's lead unit is the host itself (its investment office pushes the project to the group).
                db.ServiceGroups.Add(new ServiceGroup(group.Id, group.ParentUnitId!.Value, group.ParentUnitId.Value, members));
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
