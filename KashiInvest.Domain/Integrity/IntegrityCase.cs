using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Integrity;

/// <summary>
/// A case of the integrity ledger (违约失信专项整治): a government unit failed a commitment or a contract. What, since
/// when, which unit, the linked commitment and/or complaint; the unit's rectification (整改) plan and its deadline; who
/// verified the rectification and when, or the reasons it was recorded as a breach of trust (认定失信). Overdue (past
/// the deadline while the unit still owes its rectification) is read from the clock on the day asked, never stored.
/// </summary>
public sealed class IntegrityCase : AggregateRoot, IAudited
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int PlanMaxLength = 2000;
    public const int ReportMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    private readonly List<IntegrityLogEntry> _history = [];

    private IntegrityCase() { Title = Description = OpenedBy = string.Empty; }

    /// <summary>
    /// The Bureau opens a case on <paramref name="today"/>. The deadline is the one given (after today) or
    /// <see cref="IntegritySettings.RectifyWithinDays"/> natural days from today; "since" may not be in the future.
    /// </summary>
    public IntegrityCase(IntegrityCaseInput input, IntegritySettings settings, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Validate(input, today) is [var first, ..]) throw new DomainRuleException(first.Violation);
        Kind = input.Kind;
        Title = input.Title!.Trim();
        Description = input.Description!.Trim();
        UnitId = input.UnitId;
        Since = input.Since!.Value;
        RectifyBy = input.RectifyBy ?? today.AddDays(settings.RectifyWithinDays);
        ProjectId = input.ProjectId;
        CommitmentId = input.CommitmentId;
        ComplaintId = input.ComplaintId;
        Status = IntegrityCaseStatus.Open;
        OpenedOn = today;
        OpenedBy = actor.UserName;
        UpdatedAtUtc = nowUtc;
        Log(IntegrityAction.Opened, actor, nowUtc, null);
        Raise(new IntegrityCaseChanged(this, IntegrityAction.Opened));
    }

    public IntegrityCaseKind Kind { get; private set; }

    /// <summary>What the unit failed, in one line.</summary>
    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>The government unit that failed it and owes the rectification.</summary>
    public int UnitId { get; private set; }

    /// <summary>Since when the commitment or contract has not been honoured.</summary>
    public DateOnly Since { get; private set; }

    public int? ProjectId { get; private set; }
    public int? CommitmentId { get; private set; }

    /// <summary>The founded complaint the case came from.</summary>
    public int? ComplaintId { get; private set; }

    public IntegrityCaseStatus Status { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public string OpenedBy { get; private set; }

    /// <summary>The last day for the unit to rectify (report it rectified).</summary>
    public DateOnly RectifyBy { get; private set; }

    /// <summary>The unit's rectification plan (整改方案).</summary>
    public string? Plan { get; private set; }

    /// <summary>What the unit reports it did (整改情况).</summary>
    public string? Report { get; private set; }

    public DateOnly? ReportedOn { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateOnly? VerifiedOn { get; private set; }

    /// <summary>Why the Bureau sent a report back, or why it recorded a breach of trust.</summary>
    public string? Reason { get; private set; }

    public DateOnly? RecordedBreachOn { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<IntegrityLogEntry> History => _history;

    public bool IsClosed => Status is IntegrityCaseStatus.Rectified or IntegrityCaseStatus.BreachOfTrust;

    /// <summary>Whether the unit still owes its rectification (open or rectifying): only then can it be overdue.</summary>
    public static bool Owed(IntegrityCaseStatus status) => status is IntegrityCaseStatus.Open or IntegrityCaseStatus.Rectifying;

    public bool IsOverdue(DateOnly today) => Owed(Status) && today > RectifyBy;

    public IntegrityClock Clock(DateOnly today)
    {
        var overdue = IsOverdue(today);
        var left = Owed(Status) ? Math.Max(0, RectifyBy.DayNumber - today.DayNumber) : 0;
        return new IntegrityClock(RectifyBy, left, overdue ? today.DayNumber - RectifyBy.DayNumber : 0, overdue);
    }

    public static IReadOnlyList<FieldViolation> Validate(IntegrityCaseInput input, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        Choices.Add(errors, nameof(input.Kind), (IntegrityCaseKind?)input.Kind);
        TextRules.Field(errors, nameof(input.Title), input.Title, TitleMaxLength, required: true);
        TextRules.Field(errors, nameof(input.Description), input.Description, DescriptionMaxLength, required: true, multiLine: true);
        if (input.UnitId <= 0) errors.Add(new(nameof(input.UnitId), "Field.Required"));
        if (input.Since is not { } since) errors.Add(new(nameof(input.Since), "Field.Required"));
        else if (since > today) errors.Add(new(nameof(input.Since), "Integrity.SinceInFuture"));
        if (input.RectifyBy is { } by && by <= today) errors.Add(new(nameof(input.RectifyBy), "Integrity.DeadlineNotAfterToday"));
        if (input.CommitmentId is not null && input.ProjectId is null) errors.Add(new(nameof(input.CommitmentId), "Integrity.CommitmentNeedsProject"));
        return errors;
    }

    /// <summary>The unit enters (or, while rectifying, revises) its rectification plan: the case is being rectified.</summary>
    public void EnterPlan(string? plan, Actor actor, DateTime nowUtc)
    {
        if (Status is not (IntegrityCaseStatus.Open or IntegrityCaseStatus.Rectifying)) throw NotAllowed(IntegrityAction.PlanEntered);
        Plan = Required(plan, "Integrity.PlanRequired", PlanMaxLength);
        Status = IntegrityCaseStatus.Rectifying;
        Changed(IntegrityAction.PlanEntered, actor, nowUtc, Plan);
    }

    /// <summary>The unit reports the case rectified, saying what it did; the Bureau then verifies.</summary>
    public void ReportRectified(string? report, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status != IntegrityCaseStatus.Rectifying) throw NotAllowed(IntegrityAction.ReportedRectified);
        Report = Required(report, "Integrity.ReportRequired", ReportMaxLength);
        ReportedOn = today;
        Status = IntegrityCaseStatus.Reported;
        Changed(IntegrityAction.ReportedRectified, actor, nowUtc, Report);
    }

    /// <summary>The Bureau verifies the reported rectification: rectified, by whom and when.</summary>
    public void Verify(DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status != IntegrityCaseStatus.Reported) throw NotAllowed(IntegrityAction.Verified);
        Status = IntegrityCaseStatus.Rectified;
        VerifiedBy = actor.UserName;
        VerifiedOn = today;
        Changed(IntegrityAction.Verified, actor, nowUtc, null);
    }

    /// <summary>
    /// The Bureau sends a reported rectification back (it is not done), saying why, with a new deadline when the old one
    /// has passed (after today); the unit rectifies again.
    /// </summary>
    public void Return(string? reason, DateOnly? rectifyBy, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status != IntegrityCaseStatus.Reported) throw NotAllowed(IntegrityAction.Returned);
        var text = Required(reason, "Integrity.ReasonRequired", ReasonMaxLength);
        if (rectifyBy is { } by && by <= today) throw new DomainRuleException("Integrity.DeadlineNotAfterToday");
        Reason = text;
        if (rectifyBy is { } d) RectifyBy = d;
        Status = IntegrityCaseStatus.Rectifying;
        Changed(IntegrityAction.Returned, actor, nowUtc, text);
    }

    /// <summary>The Bureau records the case as a breach of trust (认定失信), with its reasons; final.</summary>
    public void RecordBreach(string? reasons, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (IsClosed) throw NotAllowed(IntegrityAction.RecordedBreach);
        Reason = Required(reasons, "Integrity.ReasonRequired", ReasonMaxLength);
        RecordedBreachOn = today;
        Status = IntegrityCaseStatus.BreachOfTrust;
        Changed(IntegrityAction.RecordedBreach, actor, nowUtc, Reason);
    }

    private DomainRuleException NotAllowed(IntegrityAction action) => new("Integrity.StepNotAllowed", action.ToString(), Status.ToString());

    private static string Required(string? text, string code, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(code);
        TextRules.Ensure(text, max, multiLine: true);
        return text.Trim();
    }

    private void Changed(IntegrityAction action, Actor actor, DateTime nowUtc, string? note)
    {
        UpdatedAtUtc = nowUtc;
        Log(action, actor, nowUtc, note);
        Raise(new IntegrityCaseChanged(this, action));
    }

    private void Log(IntegrityAction action, Actor actor, DateTime nowUtc, string? note) =>
        _history.Add(new IntegrityLogEntry(action, nowUtc, actor, Status, note));
}

/// <summary>One line of a case's history: who did what, when, and where it stood after.</summary>
public sealed class IntegrityLogEntry : Entity
{
    private IntegrityLogEntry() { UserName = string.Empty; }

    internal IntegrityLogEntry(IntegrityAction action, DateTime atUtc, Actor actor, IntegrityCaseStatus status, string? note)
    {
        Action = action;
        AtUtc = atUtc;
        UserName = actor.UserName;
        UnitId = actor.UnitId;
        Status = status;
        Note = note;
    }

    public int CaseId { get; private set; }
    public IntegrityAction Action { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public IntegrityCaseStatus Status { get; private set; }
    public string? Note { get; private set; }
}
