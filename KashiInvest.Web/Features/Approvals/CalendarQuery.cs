using KashiInvest.Domain.Approvals;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>One year of the working-day calendar as the admin page shows it.</summary>
public sealed record CalendarYearView(int Year, string SourceTitle, DateOnly? SourcePublishedOn, int Version, string UpdatedBy, DateTime UpdatedAtUtc,
    IReadOnlyList<CalendarDayInput> Days)
{
    public int Holidays => Days.Count(d => d.Kind == CalendarDayKind.Holiday);
    public int MakeUpDays => Days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday);
}

/// <summary>The years of the working-day calendar, newest first.</summary>
public sealed class CalendarQuery(IDbContextFactory<KashiDbContext> factory)
{
    public async Task<IReadOnlyList<CalendarYearView>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).OrderByDescending(y => y.Year).ToListAsync(ct);
        return years.Select(y => new CalendarYearView(y.Year, y.SourceTitle, y.SourcePublishedOn, y.Version, y.UpdatedBy, y.UpdatedAtUtc,
            y.Days.OrderBy(d => d.Date).Select(d => new CalendarDayInput(d.Date, d.Kind)).ToList())).ToList();
    }
}
