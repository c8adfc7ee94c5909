using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>An open special procedure of an item: why, since when, until when it is expected to last.</summary>
public sealed record OpenPause(SpecialProcedure Procedure, string Reason, DateOnly StartedOn, DateOnly? ExpectedEndOn);

/// <summary>One item as "My approvals" shows it, with its clock read today and what the user may do with it.</summary>
public sealed record MyApprovalItem(
    int Id, int Version, int ProjectId, string ProjectName, string ItemName, string ItemNameEn, string DepartmentName,
    PlanItemStatus Status, string? Holder, int StatutoryLimit, bool GreenChannel, DateOnly LastStepOn, ClockReading Clock,
    OpenPause? Pause, bool CanClaim, bool CanCarry)
{
    /// <summary>Overdue first, then warning, then the nearest due day.</summary>
    public int Urgency => Clock.State switch { ClockState.Overdue => 0, ClockState.Warning => 1, _ => 2 };
}

/// <summary>The three sections of "My approvals".</summary>
public sealed record MyApprovals(IReadOnlyList<MyApprovalItem> ToClaim, IReadOnlyList<MyApprovalItem> InHand, IReadOnlyList<MyApprovalItem> WaitingOnInvestor)
{
    public static readonly MyApprovals Empty = new([], [], []);

    public bool IsEmpty => ToClaim.Count == 0 && InHand.Count == 0 && WaitingOnInvestor.Count == 0;
}

/// <summary>
/// "My approvals" (Art. 23): for a department's proxy, the unclaimed items of its department in the groups that
/// name it, and the items it holds; for a group leader, its group's items; for the Bureau and the administrator,
/// every open item. Everyone else has nothing to act on. Items in hand are read on the working-day calendar today.
/// </summary>
public sealed class MyApprovalsQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, IOptions<ApprovalsOptions> options)
{
    private static readonly PlanItemStatus[] Waiting = [PlanItemStatus.PreparingMaterials, PlanItemStatus.AwaitingCorrection];

    public async Task<MyApprovals> LoadAsync(UserScope scope, CancellationToken ct = default)
    {
        if (scope.Role is not (ActorRole.Department or ActorRole.ServiceGroup or ActorRole.Bureau or ActorRole.Administrator)) return MyApprovals.Empty;
        await using var db = await factory.CreateDbContextAsync(ct);
        var groups = db.ServiceGroups.AsNoTracking().Include(g => g.Proxies).AsQueryable();
        var unitId = scope.UnitId ?? -1;
        var user = scope.UserName;
        groups = scope.Role switch
        {
            ActorRole.Department => groups.Where(g => g.Proxies.Any(p => p.UserName == user && p.DepartmentUnitId == unitId)),
            ActorRole.ServiceGroup => groups.Where(g => g.GroupUnitId == unitId),
            _ => groups,
        };
        var groupByHost = (await groups.ToListAsync(ct)).ToDictionary(g => g.HostUnitId);
        if (groupByHost.Count == 0) return MyApprovals.Empty;
        var hosts = groupByHost.Keys.ToArray();

        // Open items, and approved ones still waiting for their certificate.
        var items = db.PlanItems.AsNoTracking().Include(i => i.Pauses)
            .Where(i => hosts.Contains(i.HostUnitId) && i.Status != PlanItemStatus.Refused && i.Status != PlanItemStatus.CertificateIssued
                        && i.Status != PlanItemStatus.Withdrawn);
        if (scope.Role == ActorRole.Department)
            items = items.Where(i => i.DepartmentUnitId == unitId && (i.Holder == null || i.Holder == user));
        var rows = await (from i in items
                          join p in db.Projects on i.ProjectId equals p.Id
                          join d in db.Units on i.DepartmentUnitId equals d.Id
                          select new { Item = i, Project = p.Name, Department = d.Name }).ToListAsync(ct);
        if (rows.Count == 0) return MyApprovals.Empty;

        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var today = BeijingTime.Today(clock);
        var views = rows.Select(r =>
        {
            var i = r.Item;
            var group = groupByHost[i.HostUnitId];
            var pause = i.Pauses.FirstOrDefault(p => p.EndedOn is null);
            return new MyApprovalItem(i.Id, i.Version, i.ProjectId, r.Project, i.ItemName, i.ItemNameEn, r.Department, i.Status, i.Holder,
                i.StatutoryLimit, i.GreenChannel, i.LastStepOn, i.Clock(calendar, today, options.Value.WarningPercent),
                pause is null ? null : new OpenPause(pause.Procedure, pause.Reason, pause.StartedOn, pause.ExpectedEndOn),
                ApprovalAccess.CanClaim(scope, group, i), ApprovalAccess.CanCarry(scope, group, i));
        }).ToList();

        return new MyApprovals(
            Order(views.Where(v => v.Status == PlanItemStatus.Planned)),
            Order(views.Where(v => v.Status != PlanItemStatus.Planned && !Waiting.Contains(v.Status))),
            Order(views.Where(v => Waiting.Contains(v.Status))));
    }

    private static List<MyApprovalItem> Order(IEnumerable<MyApprovalItem> items) =>
        [.. items.OrderBy(i => i.Urgency).ThenBy(i => i.Clock.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.ProjectName, StringComparer.Ordinal).ThenBy(i => i.Id)];
}
