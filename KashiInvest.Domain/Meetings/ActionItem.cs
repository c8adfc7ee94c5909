using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;

namespace KashiInvest.Domain.Meetings;

/// <summary>What recording an action item does to the ledger problem it is linked to.</summary>
public enum ProblemEffect { None, Escalate, Resolve }

public enum ActionItemStatus { Open, Done }

/// <summary>
/// A task decided in a meeting (会议交办事项): an owner unit, a deadline, optionally a project or a ledger problem.
/// It lives on its own, carried into every later meeting in scope until it is done. A published quarterly bulletin
/// also assigns one to each unit it names for supervision (<see cref="BulletinId"/>, no meeting): prefecture meetings
/// follow those up like their own.
/// </summary>
public sealed class ActionItem : AggregateRoot, IAudited
{
    public const int TextMaxLength = 2000;

    private ActionItem() { Text = CreatedBy = string.Empty; }

    private ActionItem(Meeting meeting, int? agendaItemId, string text, int ownerUnitId, DateOnly dueOn, int? projectId, int? problemId,
        ProblemEffect effect, Actor actor, DateTime nowUtc)
    {
        MeetingId = meeting.Id;
        AssignedByUnitId = meeting.OrganizerUnitId;
        AgendaItemId = agendaItemId;
        Text = text;
        OwnerUnitId = ownerUnitId;
        DueOn = dueOn;
        ProjectId = projectId;
        ProblemId = problemId;
        ProblemEffect = effect;
        Status = ActionItemStatus.Open;
        CreatedBy = actor.UserName;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Raise(new ActionItemChanged(this));
    }

    /// <summary>Checks the input of a new action item; every bad field is reported.</summary>
    public static IReadOnlyList<FieldViolation> Validate(string? text, int? ownerUnitId, DateOnly? dueOn, DateOnly meetingDate, int? problemId, ProblemEffect effect)
    {
        var errors = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new("Text", "Action.TextRequired"));
        else TextRules.Add(errors, "Text", text, TextMaxLength, multiLine: true);
        if (ownerUnitId is null or <= 0) errors.Add(new("OwnerUnitId", "Action.OwnerRequired"));
        if (dueOn is null) errors.Add(new("DueOn", "Action.DueRequired"));
        else if (dueOn < meetingDate) errors.Add(new("DueOn", "Action.DueBeforeMeeting"));
        if (effect != ProblemEffect.None && problemId is null) errors.Add(new("ProblemId", "Action.ProblemRequiredForEffect"));
        return errors;
    }

    /// <summary>
    /// Records an action item in a running meeting. When it is linked to a ledger problem with an effect, the problem
    /// is escalated (to <paramref name="escalationOwnerUnitId"/>) or resolved through its own rules, in the same save.
    /// </summary>
    public static ActionItem Record(Meeting meeting, int? agendaItemId, string text, int ownerUnitId, DateOnly dueOn,
        int? projectId, Problem? problem, ProblemEffect effect, int? escalationOwnerUnitId, Actor actor, DateTime nowUtc)
    {
        if (meeting.Status == MeetingStatus.Ended) throw new DomainRuleException("Meeting.Ended");
        if (meeting.Status != MeetingStatus.InProgress) throw new DomainRuleException("Meeting.NotStarted");
        if (agendaItemId is { } a && meeting.Items.All(i => i.Id != a)) throw new DomainRuleException("Meeting.ItemNotFound");
        var errors = Validate(text, ownerUnitId, dueOn, BeijingTime.DateOf(nowUtc), problem?.Id, effect);
        if (errors.Count > 0) throw new DomainRuleException(errors[0].Violation);
        if (problem is not null && projectId is { } pid && problem.ProjectId != pid) throw new DomainRuleException("Action.ProblemOfOtherProject");
        var clean = text.Trim();
        switch (effect)
        {
            case ProblemEffect.Escalate:
                problem!.Escalate(clean, escalationOwnerUnitId ?? throw new DomainRuleException("Action.EscalationOwnerRequired"), dueOn, actor, nowUtc);
                break;
            case ProblemEffect.Resolve:
                problem!.Resolve(clean, actor, nowUtc);
                break;
        }
        meeting.ActionRecorded(nowUtc);
        return new ActionItem(meeting, agendaItemId, clean, ownerUnitId, dueOn, projectId ?? problem?.ProjectId, problem?.Id, effect, actor, nowUtc);
    }

    /// <summary>The meeting that decided it; null for a task assigned by a published bulletin.</summary>
    public int? MeetingId { get; private set; }
    /// <summary>The quarterly bulletin that assigned it (a unit named for supervision explains and rectifies); null for a meeting's task.</summary>
    public int? BulletinId { get; private set; }
    /// <summary>The unit that organised the meeting (交办单位), copied from the meeting; the Bureau for a bulletin's task.</summary>
    public int AssignedByUnitId { get; private set; }
    public int? AgendaItemId { get; private set; }
    public string Text { get; private set; }
    public int OwnerUnitId { get; private set; }
    /// <summary>Deadline, a Beijing calendar day.</summary>
    public DateOnly DueOn { get; private set; }
    public int? ProjectId { get; private set; }
    public int? ProblemId { get; private set; }
    public ProblemEffect ProblemEffect { get; private set; }
    public ActionItemStatus Status { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? DoneNote { get; private set; }
    public string? DoneBy { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>
    /// The task a published bulletin assigns to a unit it names for supervision ("explain and rectify by …"), owned by
    /// that unit, assigned by the Bureau, due on <paramref name="dueOn"/>.
    /// </summary>
    public static ActionItem FromBulletin(int bulletinId, int assignedByUnitId, int ownerUnitId, string text, DateOnly dueOn, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Action.TextRequired");
        TextRules.Ensure(text, TextMaxLength, multiLine: true);
        if (dueOn < BeijingTime.DateOf(nowUtc)) throw new DomainRuleException("Action.DueBeforeMeeting");
        var item = new ActionItem
        {
            BulletinId = bulletinId,
            AssignedByUnitId = assignedByUnitId,
            Text = text.Trim(),
            OwnerUnitId = ownerUnitId,
            DueOn = dueOn,
            ProblemEffect = ProblemEffect.None,
            Status = ActionItemStatus.Open,
            CreatedBy = actor.UserName,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        item.Raise(new ActionItemChanged(item));
        return item;
    }

    public bool IsOpen => Status == ActionItemStatus.Open;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>
    /// The owner unit (or the Bureau, <paramref name="actorIsBureau"/>) reports the task done.
    /// </summary>
    public void MarkDone(string? note, bool actorIsBureau, Actor actor, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Action.AlreadyDone");
        if (!actorIsBureau && actor.UnitId != OwnerUnitId) throw new DomainRuleException("Action.NotOwner");
        var clean = Meeting.Clean(note);
        TextRules.Ensure(clean, TextMaxLength, multiLine: true);
        Status = ActionItemStatus.Done;
        DoneOn = BeijingTime.DateOf(nowUtc);
        DoneNote = clean;
        DoneBy = actor.UserName;
        UpdatedAtUtc = nowUtc;
        Raise(new ActionItemChanged(this));
    }
}

public sealed record ActionItemChanged(ActionItem Action) : IDomainEvent;
