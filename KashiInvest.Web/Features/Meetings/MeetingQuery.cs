using System.Linq.Expressions;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>What the list of meetings can be narrowed by. Dates are Beijing calendar days.</summary>
public sealed record MeetingFilter(string? Text = null, MeetingKind? Kind = null, DateOnly? From = null, DateOnly? To = null, int? UnitId = null, MeetingStatus? Status = null)
{
    public static readonly MeetingFilter All = new();
}

public sealed record PickProject(int Id, string Code, string Name, int HostUnitId);

public sealed record PickProblem(int Id, int ProjectId, string ProjectName, string Description, EscalationLevel Level);

/// <summary>One line of the meetings list.</summary>
public sealed record MeetingRow(
    int Id, MeetingKind Kind, string Title, DateTime StartsAtUtc, string? Place, string Chair, MeetingStatus Status,
    MeetingScope Scope, int OrganizerUnitId, int ItemCount, int DecisionCount, int ActionCount, int OpenActionCount);

/// <summary>What the signed-in user may do with a meeting.</summary>
public sealed record MeetingRights(bool CanRun, bool CanEditAgenda, bool IsPresenter)
{
    public static readonly MeetingRights ReadOnly = new(false, false, false);
}

public sealed record ReportBrief(int Id, int PeriodIndex, ReportKind Kind, string Narrative, string? NextSteps, DateTime SubmittedAtUtc, string SubmittedBy, int? SubmittedByUnitId, bool IsLate)
{
    public HalfMonthPeriod Period => HalfMonthPeriod.FromIndex(PeriodIndex);
}

public sealed record ProblemBrief(int Id, int ProjectId, string Description, ProblemSeverity Severity, ProblemStatus Status, EscalationLevel Level,
    int OwnerUnitId, DateOnly DueOn, bool IsOverdue);

/// <summary>
/// The project behind an agenda item, as much as the presenter and the projector show of it (its battle-map summary).
/// Everyone who may read the meeting sees it, as everyone in the room sees the projector; <see cref="CanOpen"/> says
/// whether the user may also open the project itself (its battle map).
/// </summary>
public sealed record ProjectBrief(
    int Id, string Code, string Name, int HostUnitId, int ChainId, ProjectStage Stage, WorkGroupLevel WorkGroupLevel,
    decimal PlannedInvestmentWan, decimal FundsInPlaceWan, int ExpectedJobs, string? LeaderInCharge,
    HealthAssessment Health, ReportBrief? LatestReport, IReadOnlyList<ProblemBrief> OpenProblems, int OpenAlerts, bool CanOpen);

/// <summary>An action item with its meeting and what the user may do with it.</summary>
public sealed record ActionView(
    int Id, int Version, int MeetingId, string MeetingTitle, DateTime MeetingStartsAtUtc, int? AgendaItemId, string Text, int OwnerUnitId,
    int AssignedByUnitId, DateOnly DueOn, int? ProjectId, string? ProjectCode, string? ProjectName, int? ProblemId, ProblemEffect ProblemEffect,
    ActionItemStatus Status, DateOnly? DoneOn, string? DoneNote, string? DoneBy, DateTime CreatedAtUtc, bool IsOverdue, bool CanMarkDone,
    int? BulletinId = null)
{
    public bool IsOpen => Status == ActionItemStatus.Open;

    /// <summary>Where the task was assigned: its meeting, or the bulletin that named the unit (then <see cref="MeetingId"/> is 0
    /// and <see cref="MeetingTitle"/> is the bulletin's number and title).</summary>
    public string SourceLink => BulletinId is { } b ? $"/bulletins/{b}" : $"/meetings/{MeetingId}";
}

public sealed record DecisionView(int Id, int? AgendaItemId, string Text, DateTime RecordedAtUtc, string RecordedBy);

/// <summary>
/// One agenda item with everything a screen shows for it. <see cref="Project"/> is null for a custom item or a
/// project the user may not see; <see cref="Action"/> is the followed-up action of an ActionFollowUp item.
/// </summary>
public sealed record AgendaItemView(
    int Id, int Position, AgendaItemKind Kind, IReadOnlyList<AgendaItemKind> AlsoKinds, string? Title, string? Note, string? Discussion,
    int ElapsedSeconds, bool IsManual, int? ProjectId, int? ProblemId, int? ActionItemId,
    ProjectBrief? Project, ProblemBrief? Problem, ActionView? Action);

/// <summary>
/// A meeting as every screen reads it. The timers are computed from stored fields and the clock
/// (<see cref="Elapsed"/>, <see cref="ItemElapsed"/>), so a reconnecting screen shows the same times.
/// </summary>
public sealed record MeetingView(
    int Id, int Version, MeetingKind Kind, string Title, DateTime StartsAtUtc, string? Place, string Chair, string? ChairUserId,
    int OrganizerUnitId, IReadOnlyList<int> AttendingUnitIds, string? Attendees, MeetingScope Scope, bool IncludeAwaiting, MeetingStatus Status,
    DateTime? StartedAtUtc, DateTime? EndedAtUtc, int? CurrentItemId, DateTime? CurrentItemSinceUtc, string? PresenterUserId, string? PresenterName,
    string CreatedBy, DateTime CreatedAtUtc, DateTime UpdatedAtUtc,
    IReadOnlyList<AgendaItemView> Items, IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ActionView> Actions, IReadOnlyList<ActionView> CarriedOver, MeetingRights Rights)
{
    public bool IsReadOnly => Status == MeetingStatus.Ended;

    public AgendaItemView? CurrentItem => CurrentItemId is { } id ? Items.FirstOrDefault(i => i.Id == id) : null;

    public TimeSpan Elapsed(DateTime nowUtc) => MeetingClock.Elapsed(StartedAtUtc, EndedAtUtc, nowUtc);

    public TimeSpan ItemElapsed(int itemId, DateTime nowUtc) =>
        Items.FirstOrDefault(i => i.Id == itemId) is { } item
            ? MeetingClock.ItemElapsed(item.ElapsedSeconds, Status == MeetingStatus.InProgress && CurrentItemId == itemId, CurrentItemSinceUtc, nowUtc)
            : TimeSpan.Zero;

    public IEnumerable<DecisionView> DecisionsOn(int itemId) => Decisions.Where(d => d.AgendaItemId == itemId);

    public IEnumerable<ActionView> ActionsOn(int itemId) => Actions.Where(a => a.AgendaItemId == itemId);
}

/// <summary>
/// The meetings as one user reads them (<see cref="MeetingAccess.CanRead"/>), and the open action items of a unit.
/// The projects and problems on a meeting's agenda are shown to whoever may read the meeting (the organiser put them
/// before the attendees); elsewhere, project details are read under <see cref="ProjectAccess.VisibleTo"/>.
/// </summary>
public sealed class MeetingQuery(IDbContextFactory<KashiDbContext> factory, ProjectHealthQuery health, TimeProvider clock)
{
    public DateOnly Today => BeijingTime.Today(clock);

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>The meetings the user may read that match the filter, latest first.</summary>
    public async Task<IReadOnlyList<MeetingRow>> ListAsync(UserScope scope, MeetingFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Meetings.AsNoTracking().Where(ReadableBy(scope));
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var t = filter.Text.Trim();
            q = q.Where(m => m.Title.Contains(t) || m.Chair.Contains(t) || (m.Place != null && m.Place.Contains(t)) || (m.Attendees != null && m.Attendees.Contains(t)));
        }
        if (filter.Kind is { } kind) q = q.Where(m => m.Kind == kind);
        if (filter.Status is { } status) q = q.Where(m => m.Status == status);
        if (filter.From is { } from) { var f = BeijingTime.StartOfDayUtc(from); q = q.Where(m => m.StartsAtUtc >= f); }
        if (filter.To is { } to) { var e = BeijingTime.EndOfDayUtc(to); q = q.Where(m => m.StartsAtUtc < e); }
        if (filter.UnitId is { } unit) q = q.Where(m => m.OrganizerUnitId == unit || m.ScopeUnitId == unit || m.AttendingUnitIds.Contains(unit));
        var rows = await q.OrderByDescending(m => m.StartsAtUtc).Take(500)
            .Select(m => new
            {
                m.Id, m.Kind, m.Title, m.StartsAtUtc, m.Place, m.Chair, m.Status, m.ScopeKind, m.ScopeChainId, m.ScopeUnitId, m.OrganizerUnitId,
                Items = m.Items.Count, Decisions = m.Decisions.Count,
                Actions = db.ActionItems.Count(a => a.MeetingId == m.Id),
                Open = db.ActionItems.Count(a => a.MeetingId == m.Id && a.Status == ActionItemStatus.Open),
            }).ToListAsync(ct);
        return rows.Select(r => new MeetingRow(r.Id, r.Kind, r.Title, r.StartsAtUtc, r.Place, r.Chair, r.Status,
            new MeetingScope(r.ScopeKind, r.ScopeChainId, r.ScopeUnitId), r.OrganizerUnitId, r.Items, r.Decisions, r.Actions, r.Open)).ToList();
    }

    /// <summary>One meeting with its agenda, record and carried-over actions; null when missing or not readable.</summary>
    public async Task<MeetingView?> GetAsync(UserScope scope, int meetingId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var m = await db.Meetings.AsNoTracking().Include(x => x.Items).Include(x => x.Decisions).FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null || !MeetingAccess.CanRead(scope, m.Scope, m.OrganizerUnitId, m.AttendingUnitIds)) return null;
        var today = Today;

        var followedIds = m.Items.Where(i => i.ActionItemId is not null).Select(i => i.ActionItemId!.Value).ToList();
        var actions = await LoadActionsAsync(db, scope, db.ActionItems.AsNoTracking().Where(a => a.MeetingId == m.Id || followedIds.Contains(a.Id)), today, ct);
        var problemIds = m.Items.Where(i => i.ProblemId is not null).Select(i => i.ProblemId!.Value).ToList();
        var projectIds = m.Items.Where(i => i.ProjectId is not null).Select(i => i.ProjectId!.Value).Distinct().ToList();
        var projects = await LoadAgendaProjectsAsync(db, scope, projectIds, today, ct);
        var problems = projects.Values.SelectMany(p => p.OpenProblems).ToDictionary(p => p.Id);
        var missingProblems = problemIds.Where(id => !problems.ContainsKey(id)).ToList();
        if (missingProblems.Count > 0)
        {
            foreach (var p in await db.Problems.AsNoTracking().Where(p => missingProblems.Contains(p.Id)).ToListAsync(ct))
                problems[p.Id] = Brief(p, today);
        }

        var items = m.Items.Select(i => new AgendaItemView(i.Id, i.Position, i.Kind, i.AlsoKinds, i.Title, i.Note, i.Discussion, i.ElapsedSeconds, i.IsManual,
            i.ProjectId, i.ProblemId, i.ActionItemId,
            i.ProjectId is { } pid && projects.TryGetValue(pid, out var project) ? project : null,
            i.ProblemId is { } qid && problems.TryGetValue(qid, out var problem) ? problem : null,
            i.ActionItemId is { } aid ? actions.FirstOrDefault(a => a.Id == aid) : null)).ToList();
        var decisions = m.Decisions.Select(d => new DecisionView(d.Id, d.AgendaItemId, d.Text, d.RecordedAtUtc, d.RecordedBy)).ToList();
        var canRun = MeetingAccess.CanRun(scope, m.Scope);
        var rights = new MeetingRights(canRun, canRun && m.Status == MeetingStatus.Planned,
            m.Status == MeetingStatus.InProgress && string.Equals(m.PresenterUserId, scope.UserName, StringComparison.OrdinalIgnoreCase));
        return new MeetingView(m.Id, m.Version, m.Kind, m.Title, m.StartsAtUtc, m.Place, m.Chair, m.ChairUserId, m.OrganizerUnitId, m.AttendingUnitIds,
            m.Attendees, m.Scope, m.IncludeAwaiting, m.Status, m.StartedAtUtc, m.EndedAtUtc, m.CurrentItemId, m.CurrentItemSinceUtc, m.PresenterUserId,
            m.PresenterName, m.CreatedBy, m.CreatedAtUtc, m.UpdatedAtUtc, items, decisions,
            actions.Where(a => a.MeetingId == m.Id).OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToList(),
            actions.Where(a => a.MeetingId != m.Id).OrderBy(a => a.DueOn).ToList(), rights);
    }

    /// <summary>The open action items owned by the user's unit (overdue first), for the to-do list and the owner's view.</summary>
    public async Task<IReadOnlyList<ActionView>> OpenActionsOfUnitAsync(UserScope scope, CancellationToken ct = default)
    {
        if (scope.UnitId is not { } unit) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = await LoadActionsAsync(db, scope, db.ActionItems.AsNoTracking().Where(a => a.OwnerUnitId == unit && a.Status == ActionItemStatus.Open), Today, ct);
        return list.OrderByDescending(a => a.IsOverdue).ThenBy(a => a.DueOn).ToList();
    }

    /// <summary>Planned meetings where the unit is among the attending units (exact attendance, for the to-do list).</summary>
    public async Task<IReadOnlyList<MeetingRow>> AttendedByUnitAsync(UserScope scope, CancellationToken ct = default)
    {
        if (scope.UnitId is not { } unit) return [];
        var rows = await ListAsync(scope, new MeetingFilter(From: Today, Status: MeetingStatus.Planned, UnitId: unit), ct);
        return rows.OrderBy(r => r.StartsAtUtc).ToList();
    }

    /// <summary>Projects the user sees whose name or code contains the text (for adding an agenda item).</summary>
    public async Task<IReadOnlyList<PickProject>> SearchProjectsAsync(UserScope scope, string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Stage != ProjectStage.Terminated);
        if (!string.IsNullOrWhiteSpace(text)) { var t = text.Trim(); q = q.Where(p => p.Name.Contains(t) || p.Code.Contains(t)); }
        return await q.OrderBy(p => p.Code).Take(20).Select(p => new PickProject(p.Id, p.Code, p.Name, p.HostUnitId)).ToListAsync(ct);
    }

    /// <summary>Open ledger problems the user sees whose text or project matches (for adding an agenda item).</summary>
    public async Task<IReadOnlyList<PickProblem>> SearchProblemsAsync(UserScope scope, string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = from x in db.Problems.AsNoTracking()
                join p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)) on x.ProjectId equals p.Id
                where x.Status != ProblemStatus.Resolved
                select new { x, p.Name, p.Code };
        if (!string.IsNullOrWhiteSpace(text)) { var t = text.Trim(); q = q.Where(r => r.x.Description.Contains(t) || r.Name.Contains(t) || r.Code.Contains(t)); }
        return await q.OrderByDescending(r => r.x.Level).ThenBy(r => r.x.DueOn).Take(20)
            .Select(r => new PickProblem(r.x.Id, r.x.ProjectId, r.Name, r.x.Description, r.x.Level)).ToListAsync(ct);
    }

    /// <summary>The same rule as <see cref="MeetingAccess.CanRead"/>, translatable by EF Core.</summary>
    public static Expression<Func<Meeting, bool>> ReadableBy(UserScope scope)
    {
        if (scope.SeesAll) return _ => true;
        var unit = scope.UnitId ?? -1;
        var chains = scope.Role == ActorRole.ChainLead ? scope.ChainIds.ToArray() : [];
        var county = scope.Role == ActorRole.AttractingUnit;
        return m => m.OrganizerUnitId == unit || m.AttendingUnitIds.Contains(unit)
                    || (m.ScopeKind == MeetingScopeKind.Chain && chains.Contains(m.ScopeChainId ?? -1))
                    || (county && m.ScopeKind == MeetingScopeKind.County && m.ScopeUnitId == unit);
    }

    private static async Task<List<ActionView>> LoadActionsAsync(KashiDbContext db, UserScope scope, IQueryable<ActionItem> actions, DateOnly today, CancellationToken ct)
    {
        var visible = db.Projects.Where(ProjectAccess.VisibleTo(scope));
        var rows = await (
            from a in actions
            join m in db.Meetings on a.MeetingId equals (int?)m.Id into mj
            from m in mj.DefaultIfEmpty()
            join b in db.Bulletins on a.BulletinId equals (int?)b.Id into bj
            from b in bj.DefaultIfEmpty()
            join p in visible on a.ProjectId equals p.Id into pj
            from p in pj.DefaultIfEmpty()
            select new
            {
                a, m.Title, StartsAtUtc = (DateTime?)m.StartsAtUtc, BulletinNumber = b.Number, BulletinTitle = b.Title, BulletinPublishedAtUtc = b.PublishedAtUtc,
                Code = p == null ? null : p.Code, Name = p == null ? null : p.Name,
            }).ToListAsync(ct);
        // A bulletin's task (no meeting) shows the bulletin's number and title where a meeting's task shows the meeting.
        return rows.Select(r => new ActionView(r.a.Id, r.a.Version, r.a.MeetingId ?? 0,
            r.Title ?? $"{r.BulletinNumber} {r.BulletinTitle}", r.StartsAtUtc ?? r.BulletinPublishedAtUtc ?? r.a.CreatedAtUtc, r.a.AgendaItemId, r.a.Text, r.a.OwnerUnitId,
            r.a.AssignedByUnitId, r.a.DueOn, r.a.ProjectId, r.Code, r.Name, r.a.ProblemId, r.a.ProblemEffect, r.a.Status, r.a.DoneOn, r.a.DoneNote,
            r.a.DoneBy, r.a.CreatedAtUtc, r.a.IsOverdue(today), r.a.IsOpen && MeetingAccess.CanMarkDone(scope, r.a.OwnerUnitId), r.a.BulletinId)).ToList();
    }

    /// <summary>
    /// The projects on the agenda of a meeting the user may read, whatever the user's project scope; each says whether
    /// the user may also open it.
    /// </summary>
    private async Task<Dictionary<int, ProjectBrief>> LoadAgendaProjectsAsync(KashiDbContext db, UserScope scope, List<int> ids, DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var projects = db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id));
        var openable = (await projects.Where(ProjectAccess.VisibleTo(scope)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var rows = await projects.Select(p => new
        {
            p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.Stage, p.WorkGroupLevel, p.PlannedInvestmentWan, p.FundsInPlaceWan, p.ExpectedJobs, p.LeaderInCharge,
        }).ToListAsync(ct);
        var assessed = await health.AssessAsync(db, projects, ct);
        var reports = (await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.IsCurrent)
                .Select(r => new { r.Id, r.ProjectId, r.PeriodIndex, r.Kind, r.Narrative, r.NextSteps, r.SubmittedAtUtc, r.SubmittedBy, r.SubmittedByUnitId, r.IsLate }).ToListAsync(ct))
            .GroupBy(r => r.ProjectId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PeriodIndex).ThenBy(r => r.Kind).ThenByDescending(r => r.SubmittedAtUtc).First());
        var problems = (await db.Problems.AsNoTracking().Where(p => ids.Contains(p.ProjectId) && p.Status != ProblemStatus.Resolved).ToListAsync(ct))
            .ToLookup(p => p.ProjectId, p => Brief(p, today));
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ProjectId != null && ids.Contains(a.ProjectId.Value) && a.ClearedAtUtc == null)
            .GroupBy(a => a.ProjectId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rows.ToDictionary(p => p.Id, p => new ProjectBrief(p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.Stage, p.WorkGroupLevel,
            p.PlannedInvestmentWan, p.FundsInPlaceWan, p.ExpectedJobs, p.LeaderInCharge,
            assessed.TryGetValue(p.Id, out var h) ? h : HealthAssessment.OnTrack,
            reports.TryGetValue(p.Id, out var r) ? new ReportBrief(r.Id, r.PeriodIndex, r.Kind, r.Narrative, r.NextSteps, r.SubmittedAtUtc, r.SubmittedBy, r.SubmittedByUnitId, r.IsLate) : null,
            problems[p.Id].OrderByDescending(x => x.IsOverdue).ThenByDescending(x => x.Severity).ThenBy(x => x.DueOn).ToList(),
            alerts.TryGetValue(p.Id, out var n) ? n : 0, openable.Contains(p.Id)));
    }

    private static ProblemBrief Brief(Problem p, DateOnly today) =>
        new(p.Id, p.ProjectId, p.Description, p.Severity, p.Status, p.Level, p.OwnerUnitId, p.DueOn, p.IsOverdue(today));
}
