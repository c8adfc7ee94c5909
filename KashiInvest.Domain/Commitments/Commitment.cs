using System.Linq.Expressions;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Commitments;

/// <summary>
/// A policy commitment (政策承诺) made to the investor of a signed project, recorded from the agreement: where it comes
/// from (文号 and clause), what is promised, the amount or formula in 万元, the conditions that trigger it, the
/// responsible department, the time limit once the conditions are met, and the evidence the investor must give.
/// When every condition is met the commitment becomes due and its clock starts that day (working days on the
/// <see cref="WorkingCalendar"/>, or natural days; the unit is data). Then: application received → under review →
/// approved → paid or delivered, in part or in full → honoured; or disputed, or terminated with a reason. Overdue is
/// read from the clock on the day asked. No input changes a due commitment's due date: a new responsible leader or
/// head of department is not a fact of the commitment (不得以换届、相关责任人调整等理由毁约), and
/// <see cref="History"/> shows who did what.
/// </summary>
public sealed class Commitment : AggregateRoot, IAudited
{
    public const int DocumentNumberMaxLength = 100;
    public const int ClauseMaxLength = 200;
    public const int PromiseMaxLength = 1000;
    public const int FormulaMaxLength = 300;
    public const int EvidenceMaxLength = 1000;
    public const int ReasonMaxLength = 1000;
    public const int ConditionMaxLength = 200;
    public const int NoteMaxLength = 1000;
    public const int MaxConditions = 10;
    public const int MaxTimeLimit = 3650;
    public const decimal MaxAmountWan = 100_000_000m;
    public const int MaxJobs = 1_000_000;

    private readonly List<CommitmentCondition> _conditions = [];
    private readonly List<CommitmentPayment> _payments = [];
    private readonly List<CommitmentLogEntry> _history = [];

    private Commitment() { DocumentNumber = Promise = EvidenceRequired = RecordedBy = string.Empty; }

    public Commitment(int projectId, int hostUnitId, CommitmentInput input, Actor actor, DateTime nowUtc)
    {
        Ensure(input);
        ProjectId = projectId;
        HostUnitId = hostUnitId;
        DocumentNumber = Promise = EvidenceRequired = string.Empty;
        Apply(input);
        Status = CommitmentStatus.NotYetDue;
        RecordedBy = actor.UserName;
        RecordedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Log(CommitmentAction.Recorded, actor, nowUtc, null, null);
        Raise(new CommitmentRecorded(this));
    }

    public int ProjectId { get; private set; }

    /// <summary>The project's host county (or KEDZ) when recorded: the unit that records and edits it.</summary>
    public int HostUnitId { get; private set; }

    public CommitmentKind Kind { get; private set; }
    public SupplyFactor? Factor { get; private set; }

    /// <summary>The policy document's number or the agreement (文号).</summary>
    public string DocumentNumber { get; private set; }

    public string? Clause { get; private set; }

    /// <summary>What is promised, in the agreement's words.</summary>
    public string Promise { get; private set; }

    /// <summary>The amount promised in 万元, where there is one.</summary>
    public decimal? AmountWan { get; private set; }

    /// <summary>How the amount is computed when it is a formula (e.g. 按设备投资额的10%，最高500万元).</summary>
    public string? Formula { get; private set; }

    public int ResponsibleUnitId { get; private set; }
    public int TimeLimit { get; private set; }
    public LimitUnit TimeLimitUnit { get; private set; }
    public string EvidenceRequired { get; private set; }

    public FairCompetitionConcern Concerns { get; private set; }
    public string? FairCompetitionReason { get; private set; }
    public FairCompetitionReview FairCompetitionReview { get; private set; }

    public CommitmentStatus Status { get; private set; }

    /// <summary>The status a dispute interrupted; it resumes when the dispute is settled.</summary>
    public CommitmentStatus? StatusBeforeDispute { get; private set; }

    /// <summary>The day every condition was met: the clock starts (the next day is day 1).</summary>
    public DateOnly? DueSince { get; private set; }

    /// <summary>The last day of the time limit, fixed when the commitment became due.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The day it was paid or delivered in full.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    public string? TerminationReason { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<CommitmentCondition> Conditions => _conditions;
    public IReadOnlyList<CommitmentPayment> Payments => _payments;

    /// <summary>Every action on the commitment, oldest first.</summary>
    public IReadOnlyList<CommitmentLogEntry> History => _history;

    /// <summary>Whether the fair-competition review must look at it before it can be approved.</summary>
    public bool NeedsFairCompetitionReview => FairCompetitionReview == FairCompetitionReview.Pending;

    /// <summary>What has been paid so far, in 万元 (payments without an amount count 0).</summary>
    public decimal PaidWan => _payments.Sum(p => p.AmountWan ?? 0m);

    /// <summary>Due and not yet paid or delivered in full, honoured or terminated: the clock runs (also while disputed).</summary>
    public static bool Runs(CommitmentStatus status) => status is CommitmentStatus.Due or CommitmentStatus.ApplicationReceived
        or CommitmentStatus.UnderReview or CommitmentStatus.Approved or CommitmentStatus.PartlyDelivered or CommitmentStatus.Disputed;

    /// <summary><see cref="Runs"/> as a query filter (the same statuses, in a form a database query translates).</summary>
    public static readonly Expression<Func<Commitment, bool>> Running = c => c.Status == CommitmentStatus.Due
        || c.Status == CommitmentStatus.ApplicationReceived || c.Status == CommitmentStatus.UnderReview
        || c.Status == CommitmentStatus.Approved || c.Status == CommitmentStatus.PartlyDelivered || c.Status == CommitmentStatus.Disputed;

    /// <inheritdoc cref="Runs"/>
    public bool IsRunning => Runs(Status);

    public bool IsClosed => Status is CommitmentStatus.Honoured or CommitmentStatus.Terminated;

    public bool IsOverdue(DateOnly today) => IsRunning && DueOn is { } due && today > due;

    /// <summary>Delivered in full after the due day.</summary>
    public bool DeliveredLate => DeliveredOn is { } d && DueOn is { } due && d > due;

    public CommitmentClock Clock(DateOnly today)
    {
        if (DueOn is not { } due) return new CommitmentClock(DueSince, null, 0, 0, false);
        var overdue = IsOverdue(today);
        var left = IsRunning ? Math.Max(0, due.DayNumber - today.DayNumber) : 0;
        return new CommitmentClock(DueSince, due, left, overdue ? today.DayNumber - due.DayNumber : 0, overdue);
    }

    public static IReadOnlyList<FieldViolation> Validate(CommitmentInput input)
    {
        var errors = new List<FieldViolation>();
        Choices.Add(errors, nameof(input.Kind), (CommitmentKind?)input.Kind);
        Choices.Add(errors, nameof(input.Factor), input.Factor);
        Choices.Add(errors, nameof(input.TimeLimitUnit), (LimitUnit?)input.TimeLimitUnit);
        Choices.Add(errors, nameof(input.Concerns), (FairCompetitionConcern?)input.Concerns);
        if (input.Kind == CommitmentKind.FactorSupply && input.Factor is null) errors.Add(new(nameof(input.Factor), "Commitment.FactorRequired"));
        TextRules.Field(errors, nameof(input.DocumentNumber), input.DocumentNumber, DocumentNumberMaxLength, required: true);
        TextRules.Field(errors, nameof(input.Clause), input.Clause, ClauseMaxLength, required: false);
        TextRules.Field(errors, nameof(input.Promise), input.Promise, PromiseMaxLength, required: true, multiLine: true);
        TextRules.Field(errors, nameof(input.Formula), input.Formula, FormulaMaxLength, required: false);
        TextRules.Field(errors, nameof(input.EvidenceRequired), input.EvidenceRequired, EvidenceMaxLength, required: true, multiLine: true);
        if (input.AmountWan is { } amount && (amount <= 0m || amount > MaxAmountWan))
            errors.Add(new(nameof(input.AmountWan), "Commitment.AmountOutOfRange", MaxAmountWan));
        if (input.ResponsibleUnitId is null) errors.Add(new(nameof(input.ResponsibleUnitId), "Field.Required"));
        if (input.TimeLimit is null) errors.Add(new(nameof(input.TimeLimit), "Field.Required"));
        else if (input.TimeLimit is < 1 or > MaxTimeLimit) errors.Add(new(nameof(input.TimeLimit), "Commitment.TimeLimitOutOfRange", 1, MaxTimeLimit));
        if (input.Concerns != FairCompetitionConcern.None)
            TextRules.Field(errors, nameof(input.FairCompetitionReason), input.FairCompetitionReason, ReasonMaxLength, required: true, multiLine: true);
        else TextRules.Add(errors, nameof(input.FairCompetitionReason), input.FairCompetitionReason, ReasonMaxLength, multiLine: true);
        if (input.Conditions.Count > MaxConditions) errors.Add(new(nameof(input.Conditions), "Commitment.TooManyConditions", MaxConditions));
        else foreach (var c in input.Conditions) ValidateCondition(errors, c);
        return errors;
    }

    private static void ValidateCondition(List<FieldViolation> errors, CommitmentConditionInput c)
    {
        const string field = nameof(CommitmentInput.Conditions);
        if (!Choices.IsKnown(c.Kind)) { errors.Add(new(field, Choices.Unknown)); return; }
        switch (c.Kind)
        {
            case ConditionKind.FundsInPlace when c.Threshold is not { } t || t <= 0m || t > MaxAmountWan:
                errors.Add(new(field, "Commitment.FundsThresholdOutOfRange", MaxAmountWan));
                break;
            case ConditionKind.Jobs when c.Threshold is not { } n || n < 1 || n > MaxJobs || n != decimal.Truncate(n):
                errors.Add(new(field, "Commitment.JobsThresholdOutOfRange", MaxJobs));
                break;
            case ConditionKind.Milestone when c.MilestoneId is null:
                errors.Add(new(field, "Commitment.MilestoneRequired"));
                break;
            case ConditionKind.ByHand when string.IsNullOrWhiteSpace(c.Description):
                errors.Add(new(field, "Commitment.ConditionTextRequired"));
                break;
        }
        TextRules.Add(errors, field, c.Description, ConditionMaxLength);
    }

    /// <summary>Changes the recorded commitment; only while it is not yet due (once due, its word is fixed).</summary>
    public void Edit(CommitmentInput input, Actor actor, DateTime nowUtc)
    {
        if (Status != CommitmentStatus.NotYetDue) throw new DomainRuleException("Commitment.FixedOnceDue");
        Ensure(input);
        Apply(input);
        Changed(CommitmentAction.Edited, actor, nowUtc, null, null);
    }

    /// <summary>
    /// Evaluates the conditions the platform can see from <paramref name="facts"/>; a condition once met stays met.
    /// When every condition is met, the commitment becomes due on <paramref name="today"/>. True when anything changed.
    /// </summary>
    public bool Evaluate(CommitmentFacts facts, WorkingCalendar calendar, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status != CommitmentStatus.NotYetDue) return false;
        var changed = false;
        foreach (var condition in _conditions.Where(c => !c.IsMet && c.IsMetBy(facts)))
        {
            condition.Meet(today, actor.UserName, null);
            Changed(CommitmentAction.ConditionMet, actor, nowUtc, null, null);
            changed = true;
        }
        return BecomeDueIfAllMet(calendar, today, actor, nowUtc) || changed;
    }

    /// <summary>Confirms by hand, with a note, a condition the platform cannot see (a by-hand one, or jobs created).</summary>
    public void ConfirmCondition(int number, string note, WorkingCalendar calendar, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status != CommitmentStatus.NotYetDue) throw new DomainRuleException("Commitment.AlreadyDue");
        var condition = _conditions.FirstOrDefault(c => c.Number == number) ?? throw new DomainRuleException("Commitment.NoSuchCondition", number);
        if (condition.IsMet) throw new DomainRuleException("Commitment.ConditionAlreadyMet", number);
        if (condition.Kind is not (ConditionKind.ByHand or ConditionKind.Jobs)) throw new DomainRuleException("Commitment.ConditionReadFromData", number);
        var text = Required(note, "Commitment.NoteRequired", NoteMaxLength);
        condition.Meet(today, actor.UserName, text);
        Changed(CommitmentAction.ConditionConfirmed, actor, nowUtc, text, null);
        BecomeDueIfAllMet(calendar, today, actor, nowUtc);
    }

    /// <summary>Takes a step of the commitment's life. Dispute and termination need a reason; other notes are optional.</summary>
    public void Advance(CommitmentStep step, string? note, Actor actor, DateTime nowUtc)
    {
        if (!Choices.IsKnown(step)) throw new DomainRuleException(Choices.Unknown);
        TextRules.Ensure(note, NoteMaxLength, multiLine: true);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        switch (step)
        {
            case CommitmentStep.ReceiveApplication:
                Move(CommitmentStatus.Due, CommitmentStatus.ApplicationReceived, step);
                Changed(CommitmentAction.ApplicationReceived, actor, nowUtc, text, null);
                break;
            case CommitmentStep.StartReview:
                Move(CommitmentStatus.ApplicationReceived, CommitmentStatus.UnderReview, step);
                Changed(CommitmentAction.ReviewStarted, actor, nowUtc, text, null);
                break;
            case CommitmentStep.Approve:
                if (Status == CommitmentStatus.UnderReview && NeedsFairCompetitionReview) throw new DomainRuleException("Commitment.FairCompetitionReviewPending");
                Move(CommitmentStatus.UnderReview, CommitmentStatus.Approved, step);
                Changed(CommitmentAction.Approved, actor, nowUtc, text, null);
                break;
            case CommitmentStep.ConfirmHonoured:
                Move(CommitmentStatus.Delivered, CommitmentStatus.Honoured, step);
                Changed(CommitmentAction.Honoured, actor, nowUtc, text, null);
                break;
            case CommitmentStep.Dispute:
                if (Status is CommitmentStatus.NotYetDue or CommitmentStatus.Disputed || IsClosed) throw NotAllowed(step);
                text = Required(note, "Commitment.ReasonRequired", NoteMaxLength);
                StatusBeforeDispute = Status;
                Status = CommitmentStatus.Disputed;
                Changed(CommitmentAction.Disputed, actor, nowUtc, text, null);
                break;
            case CommitmentStep.SettleDispute:
                if (Status != CommitmentStatus.Disputed || StatusBeforeDispute is not { } before) throw NotAllowed(step);
                text = Required(note, "Commitment.NoteRequired", NoteMaxLength);
                Status = before;
                StatusBeforeDispute = null;
                Changed(CommitmentAction.DisputeSettled, actor, nowUtc, text, null);
                break;
            case CommitmentStep.Terminate:
                if (IsClosed) throw NotAllowed(step);
                text = Required(note, "Commitment.ReasonRequired", NoteMaxLength);
                TerminationReason = text;
                Status = CommitmentStatus.Terminated;
                StatusBeforeDispute = null;
                Changed(CommitmentAction.Terminated, actor, nowUtc, text, null);
                break;
        }
    }

    /// <summary>
    /// Records a payment or delivery on <paramref name="paidOn"/> (not after today). With an amount promised, each payment
    /// states its amount and the total may not exceed the promise; the commitment is delivered in full when the total reaches
    /// it, or when <paramref name="inFull"/> says so (a delivery in kind, or the rest waived by the investor).
    /// </summary>
    public void RecordPayment(decimal? amountWan, DateOnly paidOn, bool inFull, string? note, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status is not (CommitmentStatus.Approved or CommitmentStatus.PartlyDelivered)) throw new DomainRuleException("Commitment.NotApproved");
        TextRules.Ensure(note, NoteMaxLength, multiLine: true);
        if (paidOn > today) throw new DomainRuleException("Commitment.PaidInFuture");
        if (amountWan is { } a && (a <= 0m || a > MaxAmountWan)) throw new DomainRuleException("Commitment.AmountOutOfRange", MaxAmountWan);
        if (AmountWan is { } promised)
        {
            if (amountWan is null) throw new DomainRuleException("Commitment.PaymentAmountRequired");
            var left = promised - PaidWan;
            if (amountWan > left) throw new DomainRuleException("Commitment.PaymentAbovePromise", left);
        }
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        _payments.Add(new CommitmentPayment(amountWan, paidOn, actor.UserName, nowUtc, text));
        var full = inFull || AmountWan is { } p && PaidWan >= p;
        Status = full ? CommitmentStatus.Delivered : CommitmentStatus.PartlyDelivered;
        if (full) DeliveredOn = paidOn;
        Changed(CommitmentAction.PaymentRecorded, actor, nowUtc, text, amountWan);
    }

    /// <summary>The fair-competition review found the flagged commitment lawful (the note says on what ground).</summary>
    public void ClearFairCompetitionReview(string note, Actor actor, DateTime nowUtc)
    {
        if (FairCompetitionReview != FairCompetitionReview.Pending) throw new DomainRuleException("Commitment.NoFairCompetitionReview");
        var text = Required(note, "Commitment.NoteRequired", NoteMaxLength);
        FairCompetitionReview = FairCompetitionReview.Cleared;
        Changed(CommitmentAction.FairCompetitionCleared, actor, nowUtc, text, null);
    }

    private static void Ensure(CommitmentInput input)
    {
        if (Validate(input) is [var first, ..]) throw new DomainRuleException(first.Violation);
    }

    private void Apply(CommitmentInput input)
    {
        Kind = input.Kind;
        Factor = input.Kind == CommitmentKind.FactorSupply ? input.Factor : null;
        DocumentNumber = input.DocumentNumber!.Trim();
        Clause = Trimmed(input.Clause);
        Promise = input.Promise!.Trim();
        AmountWan = input.AmountWan;
        Formula = Trimmed(input.Formula);
        ResponsibleUnitId = input.ResponsibleUnitId!.Value;
        TimeLimit = input.TimeLimit!.Value;
        TimeLimitUnit = input.TimeLimitUnit;
        EvidenceRequired = input.EvidenceRequired!.Trim();
        // A flagged commitment goes back to the Bureau's review after any edit: a clearance covers what was reviewed.
        Concerns = input.Concerns;
        FairCompetitionReason = Trimmed(input.FairCompetitionReason);
        FairCompetitionReview = input.Concerns == FairCompetitionConcern.None ? FairCompetitionReview.NotNeeded : FairCompetitionReview.Pending;

        // A condition that stays the same keeps what was met or confirmed by hand.
        var old = _conditions.ToList();
        _conditions.Clear();
        var number = 0;
        foreach (var c in input.Conditions)
        {
            var description = Trimmed(c.Description);
            var threshold = c.Kind is ConditionKind.FundsInPlace or ConditionKind.Jobs ? c.Threshold : null;
            var milestone = c.Kind == ConditionKind.Milestone ? c.MilestoneId : null;
            var kept = old.FirstOrDefault(o => o.Kind == c.Kind && o.Threshold == threshold && o.MilestoneId == milestone && o.Description == description);
            if (kept is not null)
            {
                old.Remove(kept);
                kept.Renumber(++number);
                _conditions.Add(kept);
            }
            else _conditions.Add(new CommitmentCondition(++number, c.Kind, threshold, milestone, description));
        }
    }

    private bool BecomeDueIfAllMet(WorkingCalendar calendar, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status != CommitmentStatus.NotYetDue || _conditions.Any(c => !c.IsMet)) return false;
        DueSince = today;
        DueOn = TimeLimitUnit == LimitUnit.WorkingDays ? calendar.AddWorkingDays(today, TimeLimit) : calendar.NaturalDeadline(today, TimeLimit);
        Status = CommitmentStatus.Due;
        Changed(CommitmentAction.BecameDue, actor, nowUtc, null, null);
        return true;
    }

    private void Move(CommitmentStatus from, CommitmentStatus to, CommitmentStep step)
    {
        if (Status != from) throw NotAllowed(step);
        Status = to;
    }

    private DomainRuleException NotAllowed(CommitmentStep step) => new("Commitment.StepNotAllowed", step.ToString(), Status.ToString());

    private static string Required(string? text, string code, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(code);
        TextRules.Ensure(text, max, multiLine: true);
        return text.Trim();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Changed(CommitmentAction action, Actor actor, DateTime nowUtc, string? note, decimal? amountWan)
    {
        UpdatedAtUtc = nowUtc;
        Log(action, actor, nowUtc, note, amountWan);
        Raise(new CommitmentChanged(this, action));
    }

    private void Log(CommitmentAction action, Actor actor, DateTime nowUtc, string? note, decimal? amountWan) =>
        _history.Add(new CommitmentLogEntry(action, nowUtc, actor, Status, note, amountWan));
}

/// <summary>One condition of a commitment, numbered from 1 in the order recorded.</summary>
public sealed class CommitmentCondition : Entity, IAudited
{
    private CommitmentCondition() { }

    internal CommitmentCondition(int number, ConditionKind kind, decimal? threshold, int? milestoneId, string? description)
    {
        Number = number;
        Kind = kind;
        Threshold = threshold;
        MilestoneId = milestoneId;
        Description = description;
    }

    public int CommitmentId { get; private set; }
    public int Number { get; private set; }
    public ConditionKind Kind { get; private set; }

    /// <summary>万元 for funds in place, a count for jobs.</summary>
    public decimal? Threshold { get; private set; }

    public int? MilestoneId { get; private set; }
    public string? Description { get; private set; }
    public DateOnly? MetOn { get; private set; }
    public string? MetBy { get; private set; }

    /// <summary>The note of a condition confirmed by hand.</summary>
    public string? Note { get; private set; }

    public bool IsMet => MetOn is not null;

    /// <summary>Whether the platform's facts meet it; a by-hand condition never is.</summary>
    public bool IsMetBy(CommitmentFacts facts) => Kind switch
    {
        ConditionKind.FundsInPlace => Threshold is { } t && facts.FundsInPlace.Wan >= t,
        ConditionKind.InProduction => facts.InProduction,
        ConditionKind.Jobs => Threshold is { } n && facts.JobsCreated is { } jobs && jobs >= n,
        ConditionKind.Milestone => MilestoneId is { } id && facts.MilestonesReached.Contains(id),
        _ => false,
    };

    internal void Meet(DateOnly on, string userName, string? note)
    {
        MetOn = on;
        MetBy = userName;
        Note = note;
    }

    internal void Renumber(int number) => Number = number;
}

/// <summary>A payment or delivery towards a commitment.</summary>
public sealed class CommitmentPayment : Entity, IAudited
{
    private CommitmentPayment() { RecordedBy = string.Empty; }

    internal CommitmentPayment(decimal? amountWan, DateOnly paidOn, string recordedBy, DateTime recordedAtUtc, string? note)
    {
        AmountWan = amountWan;
        PaidOn = paidOn;
        RecordedBy = recordedBy;
        RecordedAtUtc = recordedAtUtc;
        Note = note;
    }

    public int CommitmentId { get; private set; }
    public decimal? AmountWan { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>One line of a commitment's history: who did what, when, and where it stood after.</summary>
public sealed class CommitmentLogEntry : Entity
{
    private CommitmentLogEntry() { UserName = string.Empty; }

    internal CommitmentLogEntry(CommitmentAction action, DateTime atUtc, Actor actor, CommitmentStatus status, string? note, decimal? amountWan)
    {
        Action = action;
        AtUtc = atUtc;
        UserName = actor.UserName;
        UnitId = actor.UnitId;
        Status = status;
        Note = note;
        AmountWan = amountWan;
    }

    public int CommitmentId { get; private set; }
    public CommitmentAction Action { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public CommitmentStatus Status { get; private set; }
    public string? Note { get; private set; }
    public decimal? AmountWan { get; private set; }
}
