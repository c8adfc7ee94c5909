using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>The board's columns: where an item stands, as the group leader reads it.</summary>
public enum BoardLane { Unclaimed, InHand, WaitingOnInvestor, Paused, Done, Refused }

/// <summary>A service group the user may open on the board: the group's unit and the county (or KEDZ) it serves.</summary>
public sealed record BoardGroup(int GroupUnitId, int HostUnitId, string HostName);

/// <summary>An application not planned yet.</summary>
public sealed record BoardApplication(int PlanId, int Version, int ProjectId, string ProjectName, string ApplicantName, DateOnly AppliedOn,
    ServicePhases Phases, bool GreenChannel);

/// <summary>One item of a plan on the board, with its clock read today and the proxies it may be given to.</summary>
public sealed record BoardItem(int Id, int Version, string ItemName, ApprovalStage Stage, int DepartmentUnitId, string DepartmentName,
    PlanItemStatus Status, BoardLane Lane, string? Holder, int StatutoryLimit, bool GreenChannel, ClockReading Clock, OpenPause? Pause,
    IReadOnlyList<string> Proxies, Satisfaction? Rating = null, string? RatingComment = null, bool FollowUpOpen = false, string? FollowUp = null)
{
    /// <summary>Overdue first, then warning, then the rest.</summary>
    public int Urgency => Clock.State switch { ClockState.Overdue => 0, ClockState.Warning => 1, _ => 2 };

    /// <summary>Still open: it may be given to a proxy (or to another one).</summary>
    public bool IsOpen => Lane is not (BoardLane.Done or BoardLane.Refused);
}

/// <summary>A planned project with its items, overdue first.</summary>
public sealed record BoardPlan(int PlanId, int ProjectId, string ProjectName, string ApplicantName, DateOnly AppliedOn, bool GreenChannel,
    IReadOnlyList<BoardItem> Items)
{
    public int Overdue => Items.Count(i => i.Clock.State == ClockState.Overdue);
}

/// <summary>A catalogue item the leader may plan, with its limits.</summary>
public sealed record BoardCatalogueItem(int Id, string Code, string Name, ApprovalStage Stage, string DepartmentName, ApprovalLevel Level,
    int StatutoryLimit, LimitUnit Unit, int CommittedLimit, int? GreenChannelLimit);

/// <summary>What the board shows for one group.</summary>
public sealed record ApprovalBoard(
    IReadOnlyList<BoardGroup> Groups, BoardGroup? Group, bool CanPlan,
    IReadOnlyList<BoardApplication> Applications, IReadOnlyList<BoardPlan> Plans, IReadOnlyDictionary<BoardLane, int> Counts)
{
    public static readonly ApprovalBoard Empty = new([], null, false, [], [], new Dictionary<BoardLane, int>());
}

/// <summary>
/// The group's board (服务组看板, Art. 23): for a group leader its own group, to plan and assign; for the Bureau, leaders
/// and the administrator any group (a picker), to read; nobody else has one. New applications wait for a plan; every plan of the group's projects
/// shows its items by state, overdue first, with their clocks and proxies. Projects are read under the user's scope.
/// </summary>
public sealed class BoardQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, IOptions<ApprovalsOptions> options)
{
    public static BoardLane LaneOf(PlanItemStatus status) => status switch
    {
        PlanItemStatus.Planned => BoardLane.Unclaimed,
        PlanItemStatus.PreparingMaterials or PlanItemStatus.AwaitingCorrection => BoardLane.WaitingOnInvestor,
        PlanItemStatus.Paused => BoardLane.Paused,
        PlanItemStatus.Approved or PlanItemStatus.CertificateIssued => BoardLane.Done,
        PlanItemStatus.Refused or PlanItemStatus.Withdrawn => BoardLane.Refused,
        _ => BoardLane.InHand,
    };

    /// <param name="groupUnitId">The group to open (the Bureau's and leaders' picker); null: the user's own, or the first.</param>
    public async Task<ApprovalBoard> LoadAsync(UserScope scope, int? groupUnitId = null, CancellationToken ct = default)
    {
        if (scope.Role is not (ActorRole.ServiceGroup or ActorRole.Bureau or ActorRole.Leader or ActorRole.Administrator)) return ApprovalBoard.Empty;
        await using var db = await factory.CreateDbContextAsync(ct);
        var unitId = scope.UnitId ?? -1;
        var groupRows = db.ServiceGroups.AsNoTracking();
        if (scope.Role == ActorRole.ServiceGroup) groupRows = groupRows.Where(g => g.GroupUnitId == unitId);
        var groups = await (from g in groupRows
                            join h in db.Units on g.HostUnitId equals h.Id
                            orderby h.Code == "kedz" ? 0 : 1, h.Id
                            select new BoardGroup(g.GroupUnitId, g.HostUnitId, h.Name)).ToListAsync(ct);
        var picked = groups.FirstOrDefault(g => g.GroupUnitId == groupUnitId) ?? groups.FirstOrDefault();
        if (picked is null) return ApprovalBoard.Empty;
        var serviceGroup = await db.ServiceGroups.AsNoTracking().Include(g => g.Proxies).SingleAsync(g => g.GroupUnitId == picked.GroupUnitId, ct);

        // A group leader's scope names its group's host; the picked group is its own, so this only narrows to that host.
        var projects = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope with { HostUnitIds = [picked.HostUnitId] }));
        var plans = await (from s in db.ServicePlans.AsNoTracking()
                           join p in projects on s.ProjectId equals p.Id
                           where s.HostUnitId == picked.HostUnitId && p.HostUnitId == picked.HostUnitId
                           orderby s.AppliedOn, s.Id
                           select new { Plan = s, Project = p.Name }).ToListAsync(ct);
        var planIds = plans.Select(p => p.Plan.Id).ToArray();
        var rows = await (from i in db.PlanItems.AsNoTracking().Include(i => i.Pauses)
                          join d in db.Units on i.DepartmentUnitId equals d.Id
                          where planIds.Contains(i.ServicePlanId)
                          select new { Item = i, Department = d.Name }).ToListAsync(ct);

        var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
        var today = BeijingTime.Today(clock);
        var items = rows.Select(r =>
        {
            var i = r.Item;
            var pause = i.Pauses.FirstOrDefault(p => p.EndedOn is null);
            return (i.ServicePlanId, Item: new BoardItem(i.Id, i.Version, i.ItemName, i.Stage, i.DepartmentUnitId, r.Department, i.Status, LaneOf(i.Status),
                i.Holder, i.StatutoryLimit, i.GreenChannel, i.Clock(calendar, today, options.Value.WarningPercent),
                pause is null ? null : new OpenPause(pause.Procedure, pause.Reason, pause.StartedOn, pause.ExpectedEndOn),
                [.. serviceGroup.ProxiesOf(i.DepartmentUnitId).Order(StringComparer.Ordinal)],
                i.Satisfaction, i.SatisfactionComment, i.FollowUpOpen, i.FollowUp));
        }).ToLookup(x => x.ServicePlanId, x => x.Item);

        var applications = plans.Where(p => p.Plan.Status == ServicePlanStatus.Applied)
            .Select(p => new BoardApplication(p.Plan.Id, p.Plan.Version, p.Plan.ProjectId, p.Project, p.Plan.ApplicantName, p.Plan.AppliedOn, p.Plan.Phases,
                p.Plan.GreenChannel))
            .ToList();
        var planned = plans.Where(p => p.Plan.Status == ServicePlanStatus.Planned)
            .Select(p => new BoardPlan(p.Plan.Id, p.Plan.ProjectId, p.Project, p.Plan.ApplicantName, p.Plan.AppliedOn, p.Plan.GreenChannel,
                [.. items[p.Plan.Id].OrderBy(i => i.Lane).ThenBy(i => i.Urgency).ThenBy(i => i.Clock.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Stage).ThenBy(i => i.Id)]))
            .OrderBy(p => p.Overdue > 0 ? 0 : 1).ThenBy(p => p.ProjectName, StringComparer.Ordinal).ThenBy(p => p.PlanId)
            .ToList();
        var counts = Enum.GetValues<BoardLane>().ToDictionary(l => l, l => planned.Sum(p => p.Items.Count(i => i.Lane == l)));
        // The board is the group leader's desk: the Bureau, leaders and the administrator read it (the Bureau's own
        // right to plan and assign stays with the commands, for its supervision).
        var canPlan = scope.Role == ActorRole.ServiceGroup && ApprovalAccess.CanPlan(scope, serviceGroup);
        return new ApprovalBoard(groups, picked, canPlan, applications, planned, counts);
    }

    /// <summary>The active catalogue items a plan may take, by stage, with their limits (the green-channel one for key projects).</summary>
    public async Task<IReadOnlyList<BoardCatalogueItem>> CatalogueAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (from c in db.ApprovalCatalogue.AsNoTracking()
                          join d in db.Units on c.DepartmentUnitId equals d.Id
                          where c.IsActive
                          select new { Item = c, Department = d.Name }).ToListAsync(ct);
        return [.. rows.Select(r => new BoardCatalogueItem(r.Item.Id, r.Item.Code, r.Item.Name, r.Item.Stage, r.Department, r.Item.Level,
                r.Item.StatutoryLimit, r.Item.Unit, r.Item.CommittedLimit, r.Item.LimitFor(true) is var g && r.Item.GreenChannelLimit is not null ? g : null))
            .OrderBy(c => c.Stage).ThenBy(c => c.Code, StringComparer.Ordinal)];
    }
}
