using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// Reads a project's service-plan items under the user's scope and computes its approvals timeline
/// (<see cref="ApprovalGantt"/>) on the working-day calendar, the catalogue's prerequisites and today (Beijing) on
/// the injected clock. Null: the project is not visible or has no planned item.
/// </summary>
public sealed class ApprovalTimelineQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    public async Task<GanttChart?> GetAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).AnyAsync(p => p.Id == projectId, ct);
        if (!visible) return null;
        var rows = await db.PlanItems.AsNoTracking().Where(i => i.ProjectId == projectId)
            .Select(i => new { Item = i, PlannedOn = i.Steps.Where(s => s.Action == PlanItemAction.Planned).Select(s => (DateOnly?)s.On).Min(),
                Pauses = i.Pauses.Select(p => new PauseSpan(p.StartedOn, p.EndedOn, p.ExpectedEndOn)).ToList() })
            .ToListAsync(ct);
        if (rows.Count == 0) return null;
        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        // The catalogue's chains, to follow a prerequisite the plan leaves out (retired items too: a plan keeps old codes).
        var catalogue = (await db.ApprovalCatalogue.AsNoTracking().Select(c => new { c.Code, c.PrerequisiteCodes }).ToListAsync(ct))
            .ToDictionary(c => c.Code, c => (IReadOnlyList<string>)(c.PrerequisiteCodes.Length == 0 ? [] : c.PrerequisiteCodes.Split(';')), StringComparer.Ordinal);
        var items = rows.Select(r =>
        {
            var i = r.Item;
            return new GanttItem(i.Id, i.ItemCode, i.ItemName, i.ItemNameEn, i.Stage,
                i.PrerequisiteCodes.Length == 0 ? [] : i.PrerequisiteCodes.Split(';'), i.MayRunInParallel, i.Limit, i.Unit, i.Status,
                r.PlannedOn ?? i.LastStepOn, i.AcceptedOn, i.DecidedOn, i.CertificateIssuedOn, i.LastStepOn,
                r.Pauses.OrderBy(p => p.From).ToList());
        }).ToList();
        return ApprovalGantt.Build(items, calendar, BeijingTime.Today(clock), catalogue);
    }
}
