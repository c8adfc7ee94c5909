using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Meetings;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>A meeting as entered on the create/edit form. <see cref="StartsOn"/> and <see cref="StartsAt"/> are Beijing time.</summary>
public sealed class MeetingInput
{
    public MeetingKind Kind { get; set; } = MeetingKind.Scheduling;
    public string Title { get; set; } = string.Empty;
    public DateOnly? StartsOn { get; set; }
    public TimeOnly? StartsAt { get; set; } = new(10, 0);
    public string? Place { get; set; }
    public string Chair { get; set; } = string.Empty;
    public string? ChairUserId { get; set; }
    public List<int> AttendingUnitIds { get; set; } = [];
    public string? Attendees { get; set; }
    public MeetingScopeKind ScopeKind { get; set; } = MeetingScopeKind.Prefecture;
    public int? ScopeChainId { get; set; }
    public int? ScopeUnitId { get; set; }
    public bool IncludeAwaiting { get; set; }

    /// <summary>The UTC instant of the Beijing date and time, or default when either is missing.</summary>
    public DateTime StartsAtUtc => StartsOn is { } d && StartsAt is { } t
        ? DateTime.SpecifyKind(d.ToDateTime(t) - BeijingTime.Offset, DateTimeKind.Utc)
        : default;

    public MeetingScope Scope => new(ScopeKind, ScopeKind == MeetingScopeKind.Chain ? ScopeChainId : null, ScopeKind == MeetingScopeKind.County ? ScopeUnitId : null);

    public MeetingDetails ToDetails() =>
        new(Kind, Title ?? string.Empty, StartsAtUtc, Place, Chair ?? string.Empty, ChairUserId, AttendingUnitIds, Attendees, IncludeAwaiting);

    public static MeetingInput From(Meeting m)
    {
        var local = BeijingTime.ToBeijing(m.StartsAtUtc);
        return new()
        {
            Kind = m.Kind, Title = m.Title, StartsOn = DateOnly.FromDateTime(local), StartsAt = TimeOnly.FromDateTime(local), Place = m.Place,
            Chair = m.Chair, ChairUserId = m.ChairUserId, AttendingUnitIds = [.. m.AttendingUnitIds], Attendees = m.Attendees,
            ScopeKind = m.ScopeKind, ScopeChainId = m.ScopeChainId, ScopeUnitId = m.ScopeUnitId, IncludeAwaiting = m.IncludeAwaiting,
        };
    }

    /// <summary>Field errors, named after this class's properties (a form shows each next to its field).</summary>
    public List<FieldViolation> Validate()
    {
        var errors = new List<FieldViolation>();
        foreach (var e in ToDetails().Validate())
        {
            var field = e.Field == nameof(MeetingDetails.StartsAtUtc) ? (StartsOn is null ? nameof(StartsOn) : nameof(StartsAt)) : e.Field;
            errors.Add(e with { Field = field });
        }
        if (ScopeKind == MeetingScopeKind.Chain && ScopeChainId is null) errors.Add(new(nameof(ScopeChainId), "Meeting.ScopeChainRequired"));
        if (ScopeKind == MeetingScopeKind.County && ScopeUnitId is null) errors.Add(new(nameof(ScopeUnitId), "Meeting.ScopeCountyRequired"));
        return errors;
    }
}

/// <summary>An action item as entered on the presenter screen (or the meeting page).</summary>
public sealed class NewActionItem
{
    public int? AgendaItemId { get; set; }
    public string Text { get; set; } = string.Empty;
    public int? OwnerUnitId { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? ProjectId { get; set; }
    public int? ProblemId { get; set; }
    public ProblemEffect ProblemEffect { get; set; }
}

/// <summary>
/// The writes of meeting mode (Art. 25, 27). Before the meeting: create, edit details, build the agenda from the data,
/// add/remove/reorder/annotate items (only while planned). During it (the presenter screen): start, present an item,
/// take over, record discussion, decisions and action items, end. After it: owners report their action items done.
/// Every write checks <see cref="MeetingAccess"/>, refuses a stale version with <see cref="WriteResult.Conflict"/>,
/// and is audited by the save interceptor; each publishes <c>meeting.changed</c> (and <c>action.changed</c>).
/// The result's <see cref="WriteResult.Id"/> is the meeting id unless stated otherwise; callers re-read with
/// <see cref="MeetingQuery.GetAsync"/> for the new version.
/// </summary>
public sealed class MeetingCommands(IDbContextFactory<KashiDbContext> factory, MeetingAgendaQuery agenda, TimeProvider clock, ILogger<MeetingCommands> logger)
{
    /// <summary>Creates a planned meeting and proposes its agenda from the data at once. Id = the new meeting.</summary>
    public Task<WriteResult> CreateAsync(UserScope scope, MeetingInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var errors = input.Validate();
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        var meetingScope = input.Scope;
        if (!MeetingAccess.CanRun(scope, meetingScope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (await CheckReferencesAsync(db, input, ct) is { } bad) return bad;
        var organizer = meetingScope.Kind == MeetingScopeKind.County
            ? meetingScope.UnitId!.Value
            : await db.Units.BureauIdAsync(ct);
        var now = Now;
        return await WriteAsync(async () =>
        {
            var meeting = new Meeting(input.ToDetails(), meetingScope, organizer, scope.Actor, now);
            meeting.RefreshAgenda(await agenda.ProposeAsync(db, meeting, ct), now);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            return meeting.Id;
        });
    });

    /// <summary>Edits the details (not the scope) of a planned meeting.</summary>
    public Task<WriteResult> UpdateDetailsAsync(UserScope scope, int meetingId, int version, MeetingInput input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return Task.FromResult(WriteResult.Invalid(errors));
        return ActAsync(scope, meetingId, version, async (m, db, now) =>
        {
            var x = new MeetingInput { AttendingUnitIds = input.AttendingUnitIds };
            if (await CheckReferencesAsync(db, x, ct) is not null) throw new DomainRuleException("Meeting.UnknownUnit");
            m.UpdateDetails(input.ToDetails(), scope.Actor, now);
        }, ct);
    }

    /// <summary>Re-proposes the agenda from the current data, keeping the Bureau's order, additions and notes.</summary>
    public Task<WriteResult> RefreshAgendaAsync(UserScope scope, int meetingId, int version, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, async (m, db, now) => m.RefreshAgenda(await agenda.ProposeAsync(db, m, ct), now), ct);

    /// <summary>
    /// Adds an item by hand: a project (<see cref="AgendaItemKind"/> of the reason, e.g. KeyProjectReport), a ledger
    /// problem (EscalatedProblem), or a custom item with a title.
    /// </summary>
    public Task<WriteResult> AddItemAsync(UserScope scope, int meetingId, int version, AgendaItemKind kind, int? projectId, int? problemId, string? title, string? note,
        CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, async (m, db, now) =>
        {
            if (problemId is { } q)
            {
                var pid = await db.Problems.Where(x => x.Id == q).Where(x => db.Projects.Where(ProjectAccess.VisibleTo(scope)).Any(p => p.Id == x.ProjectId))
                    .Select(x => (int?)x.ProjectId).FirstOrDefaultAsync(ct) ?? throw new DomainRuleException("Meeting.ItemSubjectRequired");
                projectId = pid;
            }
            else if (projectId is { } p && !await db.Projects.Where(ProjectAccess.VisibleTo(scope)).AnyAsync(x => x.Id == p, ct))
                throw new DomainRuleException("Meeting.ItemSubjectRequired");
            m.AddItem(kind, projectId, problemId, null, title, note, now);
        }, ct);

    public Task<WriteResult> RemoveItemAsync(UserScope scope, int meetingId, int version, int itemId, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.RemoveItem(itemId, now); return Task.CompletedTask; }, ct);

    /// <summary>Moves an item up (<paramref name="by"/> &lt; 0) or down.</summary>
    public Task<WriteResult> MoveItemAsync(UserScope scope, int meetingId, int version, int itemId, int by, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.MoveItem(itemId, by, now); return Task.CompletedTask; }, ct);

    /// <summary>Sets the whole order (every item id once, e.g. after a drag and drop).</summary>
    public Task<WriteResult> SetOrderAsync(UserScope scope, int meetingId, int version, IReadOnlyList<int> itemIds, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.SetOrder(itemIds, now); return Task.CompletedTask; }, ct);

    /// <summary>The Bureau's note on an item (and the title of a custom item).</summary>
    public Task<WriteResult> AnnotateAsync(UserScope scope, int meetingId, int version, int itemId, string? note, string? title, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.Annotate(itemId, note, title, now); return Task.CompletedTask; }, ct);

    // ---------- presenter ----------

    /// <summary>Opens the meeting; the caller becomes the presenter, the first item is shown.</summary>
    public Task<WriteResult> StartAsync(UserScope scope, int meetingId, int version, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.Start(scope.Actor, scope.DisplayName, now); return Task.CompletedTask; }, ct);

    /// <summary>
    /// The presenter shows another item (time of the previous one is banked). <paramref name="version"/> null skips the
    /// version check (the presenter's position is last-writer-wins; a concurrent save still yields a conflict).
    /// Refused with <c>Meeting.NotPresenter</c> when the caller is not the presenter: call <see cref="TakeOverAsync"/> first.
    /// </summary>
    public Task<WriteResult> PresentAsync(UserScope scope, int meetingId, int itemId, int? version = null, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.Present(itemId, scope.Actor, now); return Task.CompletedTask; }, ct);

    /// <summary>The caller (another Bureau user, or the same one after a dropped connection) becomes the presenter at the current item.</summary>
    public Task<WriteResult> TakeOverAsync(UserScope scope, int meetingId, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, null, (m, _, now) => { m.TakeOver(scope.Actor, scope.DisplayName, now); return Task.CompletedTask; }, ct);

    /// <summary>Records the discussion summary of an item (replaces the previous text).</summary>
    public Task<WriteResult> RecordDiscussionAsync(UserScope scope, int meetingId, int itemId, string? text, int? version = null, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.RecordDiscussion(itemId, text, scope.Actor, now); return Task.CompletedTask; }, ct);

    /// <summary>Records a decision (optionally on an item). Id = the new decision's id.</summary>
    public Task<WriteResult> RecordDecisionAsync(UserScope scope, int meetingId, int? agendaItemId, string text, int? version = null, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (string.IsNullOrWhiteSpace(text)) return WriteResult.Invalid("Text", new RuleViolation("Meeting.DecisionTextRequired"));
        MeetingDecision? decision = null;
        var result = await ActAsync(scope, meetingId, version, (m, _, now) => { decision = m.RecordDecision(agendaItemId, text, scope.Actor, now); return Task.CompletedTask; }, ct);
        return result.Status == WriteStatus.Saved && decision is not null ? WriteResult.Saved(decision.Id) : result;
    });

    /// <summary>Withdraws a decision recorded by mistake (meeting still running).</summary>
    public Task<WriteResult> RemoveDecisionAsync(UserScope scope, int meetingId, int decisionId, int? version = null, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.RemoveDecision(decisionId, now); return Task.CompletedTask; }, ct);

    /// <summary>
    /// Records an action item in the running meeting (owner unit, deadline, optional project/problem). With a problem
    /// effect the ledger problem is escalated one level (to the chain's lead unit, then the Bureau) or resolved with the
    /// action's text, in the same transaction. Field errors are named after <see cref="NewActionItem"/>'s properties.
    /// Id = the new action item's id.
    /// </summary>
    public Task<WriteResult> AddActionItemAsync(UserScope scope, int meetingId, NewActionItem input, int? version = null, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var meeting = await db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return WriteResult.NotFound;
        if (!MeetingAccess.CanRun(scope, meeting.Scope)) return CanRead(scope, meeting) ? WriteResult.NotAllowed : WriteResult.NotFound;
        if (version is { } v && meeting.Version != v) return WriteResult.Conflict;
        var now = Now;
        var errors = ActionItem.Validate(input.Text, input.OwnerUnitId, input.DueOn, BeijingTime.DateOf(now), input.ProblemId, input.ProblemEffect).ToList();
        if (input.OwnerUnitId is { } owner && owner > 0 && !await db.Units.AnyAsync(u => u.Id == owner, ct))
            errors.Add(new(nameof(NewActionItem.OwnerUnitId), "Action.OwnerRequired"));
        if (input.ProjectId is { } pid && !await db.Projects.Where(ProjectAccess.VisibleTo(scope)).AnyAsync(p => p.Id == pid, ct))
            errors.Add(new(nameof(NewActionItem.ProjectId), "Field.Required"));
        Problem? problem = null;
        int? escalateTo = null;
        if (input.ProblemId is { } qid)
        {
            problem = await db.Problems.Include(p => p.History).FirstOrDefaultAsync(p => p.Id == qid, ct);
            var key = problem is null ? null : await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == problem.ProjectId)
                .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)).Cast<ProjectKey?>().FirstOrDefaultAsync(ct);
            if (problem is null || key is not { } k) errors.Add(new(nameof(NewActionItem.ProblemId), "Field.Required"));
            else if (input.ProblemEffect != ProblemEffect.None && !ProblemAccess.CanHandle(scope, k, problem.OwnerUnitId, problem.Level))
                errors.Add(new(nameof(NewActionItem.ProblemEffect), "Action.CannotHandleProblem"));
            else if (input.ProblemEffect == ProblemEffect.Escalate && problem.Level != EscalationLevel.Prefecture)
                escalateTo = await KashiInvest.Web.Features.Problems.ProblemCommands.EscalationOwnerAsync(db, problem.Level, k.ChainId, ct);
        }
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        return await WriteAsync(async () =>
        {
            var action = ActionItem.Record(meeting, input.AgendaItemId, input.Text, input.OwnerUnitId!.Value, input.DueOn!.Value, input.ProjectId,
                problem, input.ProblemEffect, escalateTo, scope.Actor, now);
            db.ActionItems.Add(action);
            MarkChanged(db, meeting);
            await db.SaveChangesAsync(ct);
            return action.Id;
        });
    });

    /// <summary>The owner unit (or the Bureau) reports an action item done; allowed after the meeting ended. Id = the action id.</summary>
    public Task<WriteResult> MarkActionDoneAsync(UserScope scope, int actionItemId, int version, string? note, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var action = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == actionItemId, ct);
        if (action is null) return WriteResult.NotFound;
        if (!MeetingAccess.CanMarkDone(scope, action.OwnerUnitId)) return WriteResult.NotAllowed;
        if (action.Version != version) return WriteResult.Conflict;
        return await WriteAsync(async () =>
        {
            action.MarkDone(note, MeetingAccess.ActsAsBureau(scope), scope.Actor, Now);
            await db.SaveChangesAsync(ct);
            return action.Id;
        });
    });

    /// <summary>Closes the meeting; its record is read-only from then on.</summary>
    public Task<WriteResult> EndAsync(UserScope scope, int meetingId, int version, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.End(scope.Actor, now); return Task.CompletedTask; }, ct);

    // ---------- helpers ----------

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A change to the agenda or the record alone (same clock tick) must still bump the meeting's version, so that
    /// every screen's stale-version check and the live notice see it.
    /// </summary>
    private static void MarkChanged(KashiDbContext db, Meeting meeting)
    {
        var entry = db.Entry(meeting);
        if (entry.State == EntityState.Unchanged && meeting.DomainEvents.Count > 0) entry.Property(m => m.UpdatedAtUtc).IsModified = true;
    }

    private static bool CanRead(UserScope scope, Meeting m) => MeetingAccess.CanRead(scope, m.Scope, m.OrganizerUnitId, m.AttendingUnitIds);

    private static async Task<WriteResult?> CheckReferencesAsync(KashiDbContext db, MeetingInput input, CancellationToken ct)
    {
        var units = input.AttendingUnitIds.Distinct().ToList();
        if (units.Count > 0 && await db.Units.CountAsync(u => units.Contains(u.Id), ct) != units.Count)
            return WriteResult.Invalid(nameof(MeetingInput.AttendingUnitIds), new RuleViolation("Meeting.UnknownUnit"));
        if (input.ScopeKind == MeetingScopeKind.Chain && !await db.Chains.AnyAsync(c => c.Id == input.ScopeChainId, ct))
            return WriteResult.Invalid(nameof(MeetingInput.ScopeChainId), new RuleViolation("Meeting.ScopeChainRequired"));
        if (input.ScopeKind == MeetingScopeKind.County && !await db.Units.AnyAsync(u => u.Id == input.ScopeUnitId && (u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone), ct))
            return WriteResult.Invalid(nameof(MeetingInput.ScopeUnitId), new RuleViolation("Meeting.ScopeCountyRequired"));
        return null;
    }

    private Task<WriteResult> ActAsync(UserScope scope, int meetingId, int? version, Func<Meeting, KashiDbContext, DateTime, Task> act, CancellationToken ct) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var meeting = await db.Meetings.Include(m => m.Items).Include(m => m.Decisions).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return WriteResult.NotFound;
        if (!MeetingAccess.CanRun(scope, meeting.Scope)) return CanRead(scope, meeting) ? WriteResult.NotAllowed : WriteResult.NotFound;
        if (version is { } v && meeting.Version != v) return WriteResult.Conflict;
        return await WriteAsync(async () =>
        {
            await act(meeting, db, Now);
            MarkChanged(db, meeting);
            await db.SaveChangesAsync(ct);
            return meeting.Id;
        });
    });

    /// <summary>Runs a write and saves it: the id it returns is the result's.</summary>
    private static async Task<WriteResult> WriteAsync(Func<Task<int>> write) => WriteResult.Saved(await write());
}
