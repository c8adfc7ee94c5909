using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>The speed table's filters: the county or KEDZ whose group carried the items, the level, the year of the decision (null: all).</summary>
public sealed record SpeedFilter(int? HostUnitId = null, ApprovalLevel? Level = null, int? Year = null);

/// <summary>
/// One catalogue item's row: its limits as the catalogue now has them, the figures of its finished items, its open
/// overdue items, and the investor's ratings of its finished items (the share of 好评).
/// </summary>
public sealed record SpeedItemRow(int CatalogueItemId, string Code, string Name, string NameEn, ApprovalLevel Level, LimitUnit Unit,
    int StatutoryLimit, int CommittedLimit, SpeedFigures Figures, int OverdueOpen, SatisfactionFigures Ratings)
{
    /// <summary>How the median compares: within the committed limit, within the statutory one, or beyond it.</summary>
    public SpeedVerdict MedianVerdict => Figures.MedianDays switch
    {
        null => SpeedVerdict.None,
        var m when m <= CommittedLimit => SpeedVerdict.Good,
        var m when m <= StatutoryLimit => SpeedVerdict.Fair,
        _ => SpeedVerdict.Poor,
    };
}

/// <summary>One department's row and its items. <see cref="MixedUnits"/>: its items count in different units, so the department has no median.</summary>
public sealed record SpeedDepartmentRow(int DepartmentUnitId, string Name, SpeedFigures Figures, bool MixedUnits, LimitUnit? Unit, int OverdueOpen,
    IReadOnlyList<SpeedItemRow> Items, SatisfactionFigures Ratings);

/// <summary>A county or KEDZ the user may filter by.</summary>
public sealed record SpeedHost(int UnitId, string Name);

/// <summary>The speed table (审批提速): per department and per catalogue item; the options of the filters; the years counted on weekends only.</summary>
public sealed record SpeedTable(SpeedFilter Filter, IReadOnlyList<SpeedDepartmentRow> Departments, SpeedFigures Total, int OverdueOpen,
    IReadOnlyList<SpeedHost> Hosts, IReadOnlyList<int> Years, IReadOnlyList<int> YearsWithoutData, SatisfactionFigures TotalRatings)
{
    public bool IsEmpty => Departments.Count == 0;
}

public enum SpeedVerdict { None, Good, Fair, Poor }

/// <summary>
/// The approval speed table (审批提速, Art. 23). Over the finished items (approved, refused or certificate issued) whose
/// decision falls in the filter: per department and per catalogue item the count, the median days taken (the item's
/// clock: working days on the calendar or natural days, special procedures excluded, from acceptance or the restart
/// after the last correction to the decision) and the share finished inside half the statutory time; and the open
/// items overdue today whose due day falls in the year; beside them the investor's ratings of the finished items (how
/// many rated, the share of 好评). The Bureau, the administrator, leaders and display screens see
/// every group; a group leader its group's items; a department its own items; anyone else nothing.
/// </summary>
public sealed class SpeedQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, IOptions<ApprovalsOptions> options)
{
    private static readonly PlanItemStatus[] Decided = [PlanItemStatus.Approved, PlanItemStatus.Refused, PlanItemStatus.CertificateIssued];
    private static readonly PlanItemStatus[] Closed = [.. Decided, PlanItemStatus.Withdrawn];

    public static bool MaySee(UserScope scope) => scope.Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.Leader
        or ActorRole.Display or ActorRole.ServiceGroup or ActorRole.Department;

    public async Task<SpeedTable> LoadAsync(UserScope scope, SpeedFilter filter, CancellationToken ct = default)
    {
        var empty = new SpeedTable(filter, [], SpeedFigures.None, 0, [], [], [], SatisfactionFigures.None);
        if (!MaySee(scope)) return empty;
        await using var db = await factory.CreateDbContextAsync(ct);
        var unitId = scope.UnitId ?? -1;

        var groups = db.ServiceGroups.AsNoTracking();
        if (scope.Role == ActorRole.ServiceGroup) groups = groups.Where(g => g.GroupUnitId == unitId);
        var hostIds = await groups.Select(g => g.HostUnitId).ToListAsync(ct);
        var hostUnits = await db.Units.AsNoTracking().Where(u => hostIds.Contains(u.Id)).OrderBy(u => u.Type == UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.NameEn }).ToListAsync(ct);
        var hosts = hostUnits.Select(u => new SpeedHost(u.Id, Localized.Pick(u.Name, u.NameEn))).ToList();

        var items = db.PlanItems.AsNoTracking().Include(i => i.Pauses).Where(i => hostIds.Contains(i.HostUnitId));
        if (scope.Role == ActorRole.Department) items = items.Where(i => i.DepartmentUnitId == unitId);
        var decidedOn = await items.Where(i => i.DecidedOn != null && Decided.Contains(i.Status)).Select(i => i.DecidedOn!.Value).Distinct().ToListAsync(ct);
        if (filter.HostUnitId is { } host) items = items.Where(i => i.HostUnitId == host);
        if (filter.Level is { } level) items = items.Where(i => i.Level == level);
        var finishedQuery = items.Where(i => Decided.Contains(i.Status) && i.DecidedOn != null);
        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            finishedQuery = finishedQuery.Where(i => i.DecidedOn >= from && i.DecidedOn <= to);
        }
        var finished = await finishedQuery.ToListAsync(ct);
        var open = await items.Where(i => !Closed.Contains(i.Status) && i.ClockStartOn != null).ToListAsync(ct);

        var today = BeijingTime.Today(clock);
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var warning = options.Value.WarningPercent;
        var finishedReadings = finished.Select(i => (Item: i, Clock: i.Clock(calendar, today, warning))).ToList();
        var overdue = open.Select(i => (Item: i, Clock: i.Clock(calendar, today, warning)))
            .Where(r => r.Clock.State == ClockState.Overdue && (filter.Year is null || r.Clock.DueOn?.Year == filter.Year))
            .ToList();

        var catalogueIds = finishedReadings.Select(r => r.Item.CatalogueItemId).Concat(overdue.Select(r => r.Item.CatalogueItemId)).Distinct().ToArray();
        var catalogue = await db.ApprovalCatalogue.AsNoTracking().Where(c => catalogueIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var departmentIds = catalogue.Values.Select(c => c.DepartmentUnitId)
            .Concat(finishedReadings.Select(r => r.Item.DepartmentUnitId)).Concat(overdue.Select(r => r.Item.DepartmentUnitId)).Distinct().ToArray();
        var departments = await db.Units.AsNoTracking().Where(u => departmentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => Localized.Pick(u.Name, u.NameEn), ct);

        var rows = finishedReadings.Select(r => (r.Item, r.Clock, Overdue: false)).Concat(overdue.Select(r => (r.Item, r.Clock, Overdue: true)))
            .GroupBy(r => r.Item.DepartmentUnitId)
            .Select(d =>
            {
                var itemRows = d.GroupBy(r => r.Item.CatalogueItemId).Select(c =>
                {
                    var entry = catalogue[c.Key];
                    return new SpeedItemRow(entry.Id, entry.Code, entry.Name, entry.NameEn, entry.Level, entry.Unit, entry.StatutoryLimit, entry.CommittedLimit,
                        Figures(c.Where(r => !r.Overdue).Select(r => (r.Item, r.Clock))), c.Count(r => r.Overdue),
                        Ratings(c.Where(r => !r.Overdue).Select(r => r.Item)));
                }).OrderBy(r => catalogue[r.CatalogueItemId].Stage).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
                var done = d.Where(r => !r.Overdue).Select(r => (r.Item, r.Clock)).ToList();
                var units = done.Select(r => r.Item.Unit).Distinct().ToList();
                var figures = Figures(done);
                var mixed = units.Count > 1;
                return new SpeedDepartmentRow(d.Key, departments.GetValueOrDefault(d.Key, "?"), mixed ? figures with { MedianDays = null } : figures, mixed,
                    units.Count == 1 ? units[0] : null, d.Count(r => r.Overdue), itemRows, Ratings(done.Select(r => r.Item)));
            })
            .OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.DepartmentUnitId).ToList();

        var total = Figures(finishedReadings.Select(r => (r.Item, r.Clock)));
        var gaps = finishedReadings.Concat(overdue).SelectMany(r => r.Clock.YearsWithoutData).Distinct().Order().ToList();
        if (finishedReadings.Select(r => r.Item.Unit).Distinct().Count() > 1) total = total with { MedianDays = null };
        var years = decidedOn.Select(d => d.Year).Append(today.Year).Distinct().OrderDescending().ToList();
        return new SpeedTable(filter, rows, total, overdue.Count, hosts, years, gaps, Ratings(finished));
    }

    /// <summary>The investor's ratings of the finished items (好评 / 差评, recorded by the county).</summary>
    private static SatisfactionFigures Ratings(IEnumerable<PlanItem> finished) => ApprovalSpeed.SatisfactionOf(finished.Select(i => i.Satisfaction));

    private static SpeedFigures Figures(IEnumerable<(PlanItem Item, ClockReading Clock)> finished) =>
        ApprovalSpeed.Of([.. finished.Select(r => new FinishedItemDays(r.Clock.Elapsed, r.Item.StatutoryLimit))]);
}
