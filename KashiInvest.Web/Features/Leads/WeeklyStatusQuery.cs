using KashiInvest.Domain.Access;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Leads;

/// <summary>One attracting unit's report for one week, as the Bureau's overview shows it.</summary>
public sealed record WeeklyUnitStatus(int UnitId, int? ReportId, WeeklyReportState State, DateTime DueUtc, DateTime? FirstFiledAtUtc,
    DateTime? FiledAtUtc, int Revision, bool NothingNew, int EntryCount);

/// <summary>Reads for the weekly intention reports (Art. 19), and the missing unit-weeks for reminders and alerts.</summary>
public sealed class WeeklyStatusQuery(IDbContextFactory<KashiDbContext> factory, IOptions<WeeklyReportSettings> settings, TimeProvider clock)
{
    public WeeklyReportSettings Settings => settings.Value;

    /// <summary>Every attracting unit the reader may see (all for the prefecture; its own for a unit) and its report for the week.</summary>
    public async Task<IReadOnlyList<WeeklyUnitStatus>> WeekAsync(UserScope scope, ReportWeek week, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = db.Units.AsNoTracking().Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone);
        if (!LeadAccess.SeesAllWeekly(scope)) units = units.Where(u => u.Id == (scope.UnitId ?? -1));
        var unitIds = await units.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var reports = await db.WeeklyReports.AsNoTracking().Where(r => r.WeekMonday == week.Monday && unitIds.Contains(r.UnitId))
            .Select(r => new { r.Id, r.UnitId, r.FirstFiledAtUtc, r.FiledAtUtc, r.Revision, r.NothingNew, Count = r.Entries.Count })
            .ToDictionaryAsync(r => r.UnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = WeeklyReporting.DueUtc(week, Settings);
        return unitIds.Select(u => reports.TryGetValue(u, out var r)
                ? new WeeklyUnitStatus(u, r.Id, WeeklyReporting.StateOf(week, r.FirstFiledAtUtc, now, Settings), due, r.FirstFiledAtUtc, r.FiledAtUtc, r.Revision, r.NothingNew, r.Count)
                : new WeeklyUnitStatus(u, null, WeeklyReporting.StateOf(week, null, now, Settings), due, null, null, 0, false, 0))
            .ToList();
    }

    /// <summary>The unit-weeks not yet reported (see <see cref="WeeklyReporting.Missing"/>) for the given attracting units (all when null).</summary>
    public async Task<IReadOnlyList<MissingWeeklyReport>> MissingAsync(IReadOnlyCollection<int>? unitIds = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = unitIds ?? await db.Units.AsNoTracking().Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).Select(u => u.Id).ToListAsync(ct);
        var from = ReportWeek.Containing(now).Monday.AddDays(-7 * Settings.LookBackWeeks);
        var filings = await db.WeeklyReports.AsNoTracking().Where(r => r.WeekMonday >= from && ids.Contains(r.UnitId))
            .Select(r => new WeeklyFiling(r.UnitId, r.WeekMonday, r.FirstFiledAtUtc)).ToListAsync(ct);
        return WeeklyReporting.Missing(ids, filings, now, Settings);
    }
}
