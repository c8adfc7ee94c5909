using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Approvals;

/// <summary>Where an item of a service plan stands.</summary>
public enum PlanItemStatus
{
    /// <summary>In the plan, waiting for a proxy to claim it (or assigned to one who has not claimed it yet).</summary>
    Planned,
    Claimed,
    /// <summary>The investor is preparing the materials, with the proxy's help.</summary>
    PreparingMaterials,
    Submitted,
    /// <summary>Accepted (受理): the clock runs.</summary>
    Accepted,
    /// <summary>A correction (补正) was requested: the clock stands until complete materials arrive.</summary>
    AwaitingCorrection,
    /// <summary>A special procedure runs: its days do not count.</summary>
    Paused,
    Approved,
    Refused,
    CertificateIssued,
    Withdrawn,
}

/// <summary>The special procedures the Administrative Licensing Law excludes from the time limit (Art. 45).</summary>
public enum SpecialProcedure { Hearing, ExpertReview, PublicNotice, Inspection }

/// <summary>Every step of an item; each leaves a line in <see cref="PlanItem.Steps"/>.</summary>
public enum PlanItemAction
{
    Planned, Assigned, Claimed, PreparingMaterials, Submitted, Accepted, CorrectionRequested, MaterialsCompleted,
    Paused, Resumed, Approved, Refused, CertificateIssued, Withdrawn,
    /// <summary>Not a clock step: the investor's satisfaction was recorded (no line in <see cref="PlanItem.Steps"/>).</summary>
    Rated,
    /// <summary>Not a clock step: the group leader followed a 差评 up.</summary>
    FollowedUp,
}

/// <summary>The investor's word on an item's service (好评 / 差评), recorded by the host county.</summary>
public enum Satisfaction { Good, Poor }

/// <summary>
/// One approval item of a project's service plan, carried by a proxy of its department, with its clock. The
/// limit (the committed or green-channel limit) is fixed when the item is planned, from the catalogue item as it was.
/// Dates of steps (<c>on</c>) are Beijing days: a proxy may record a step a day late, never in the future, never
/// before the previous step.
/// </summary>
public sealed class PlanItem : AggregateRoot, IAudited
{
    public const int TextMaxLength = 1000;

    private readonly List<PlanItemPause> _pauses = [];
    private readonly List<PlanItemStep> _steps = [];

    private PlanItem() { ItemCode = ItemName = ItemNameEn = PrerequisiteCodes = string.Empty; }

    internal PlanItem(ServicePlan plan, CatalogueItem item, Actor actor, DateTime nowUtc)
    {
        ServicePlanId = plan.Id;
        ProjectId = plan.ProjectId;
        HostUnitId = plan.HostUnitId;
        CatalogueItemId = item.Id;
        ItemCode = item.Code;
        ItemName = item.Name;
        ItemNameEn = item.NameEn;
        DepartmentUnitId = item.DepartmentUnitId;
        Level = item.Level;
        Stage = item.Stage;
        PrerequisiteCodes = item.PrerequisiteCodes;
        MayRunInParallel = item.MayRunInParallel;
        StatutoryLimit = item.StatutoryLimit;
        Unit = item.Unit;
        GreenChannel = plan.GreenChannel && item.GreenChannelLimit is not null;
        Limit = item.LimitFor(plan.GreenChannel);
        Status = PlanItemStatus.Planned;
        LastStepOn = BeijingTime.DateOf(nowUtc);
        UpdatedAtUtc = nowUtc;
        Log(PlanItemAction.Planned, actor, nowUtc, LastStepOn, null);
        Raise(new PlanItemChanged(this, PlanItemAction.Planned));
    }

    public int ServicePlanId { get; private set; }
    public int ProjectId { get; private set; }
    public int HostUnitId { get; private set; }
    public int CatalogueItemId { get; private set; }
    public string ItemCode { get; private set; }
    public string ItemName { get; private set; }
    public string ItemNameEn { get; private set; }
    public int DepartmentUnitId { get; private set; }
    public ApprovalLevel Level { get; private set; }
    public ApprovalStage Stage { get; private set; }
    public string PrerequisiteCodes { get; private set; }
    public bool MayRunInParallel { get; private set; }
    public int StatutoryLimit { get; private set; }
    public LimitUnit Unit { get; private set; }
    /// <summary>The limit this item must keep: the committed limit, or the green-channel one for a key project.</summary>
    public int Limit { get; private set; }
    public bool GreenChannel { get; private set; }
    public PlanItemStatus Status { get; private set; }
    /// <summary>The proxy who carries the item (or to whom the group leader assigned it).</summary>
    public string? Holder { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    /// <summary>The day the clock (re)started: acceptance, or the arrival of complete materials after a correction.</summary>
    public DateOnly? ClockStartOn { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? CertificateIssuedOn { get; private set; }
    public string? CertificateNumber { get; private set; }
    /// <summary>Why the item was refused or withdrawn.</summary>
    public string? Reason { get; private set; }
    public DateOnly LastStepOn { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The investor's satisfaction with the item's service, once the item is decided (or its certificate issued).</summary>
    public Satisfaction? Satisfaction { get; private set; }
    public string? SatisfactionComment { get; private set; }
    public string? SatisfactionBy { get; private set; }
    public DateTime? SatisfactionAtUtc { get; private set; }
    /// <summary>What the group leader did about a 差评; <c>null</c> while the follow-up is open.</summary>
    public string? FollowUp { get; private set; }
    public string? FollowUpBy { get; private set; }
    public DateTime? FollowUpAtUtc { get; private set; }

    /// <summary>A 差评 waits for the group leader's follow-up.</summary>
    public bool FollowUpOpen => Satisfaction == Approvals.Satisfaction.Poor && FollowUp is null;

    public IReadOnlyList<PlanItemPause> Pauses => _pauses;
    public IReadOnlyList<PlanItemStep> Steps => _steps;

    /// <summary>Finished: decided, certificate issued, or withdrawn. Its alerts clear.</summary>
    public bool IsComplete => Status is PlanItemStatus.Approved or PlanItemStatus.Refused or PlanItemStatus.CertificateIssued or PlanItemStatus.Withdrawn;

    public ClockFacts ClockFacts => new(
        ClockStartOn, Limit, Unit,
        _pauses.Select(p => new PauseSpan(p.StartedOn, p.EndedOn, p.ExpectedEndOn)).ToArray(),
        AwaitingCorrection: Status == PlanItemStatus.AwaitingCorrection,
        FinishedOn: DecidedOn ?? (Status == PlanItemStatus.Withdrawn ? LastStepOn : null));

    public ClockReading Clock(WorkingCalendar calendar, DateOnly today, int warningPercent = ApprovalClock.DefaultWarningPercent) =>
        ApprovalClock.Read(ClockFacts, calendar, today, warningPercent);

    /// <summary>The group leader gives the item to a proxy; once carried, a reassignment says why.</summary>
    public void Assign(string proxyUserName, string? note, Actor actor, DateTime nowUtc)
    {
        Open();
        if (string.IsNullOrWhiteSpace(proxyUserName)) throw new DomainRuleException("Approvals.ProxyRequired");
        TextRules.Ensure(proxyUserName, ServiceGroup.UserNameMaxLength);
        TextRules.Ensure(note, TextMaxLength, multiLine: true);
        if (string.Equals(Holder, proxyUserName.Trim(), StringComparison.OrdinalIgnoreCase)) throw new DomainRuleException("Approvals.NothingChanged");
        if (Status != PlanItemStatus.Planned && string.IsNullOrWhiteSpace(note)) throw new DomainRuleException("Approvals.ReasonRequired");
        Holder = proxyUserName.Trim();
        Step(PlanItemAction.Assigned, actor, nowUtc, BeijingTime.DateOf(nowUtc), note, requireOrder: false);
    }

    public void Claim(Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Planned);
        if (Holder is not null && !string.Equals(Holder, actor.UserName, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException("Approvals.AssignedToAnother", Holder);
        Holder = actor.UserName;
        Status = PlanItemStatus.Claimed;
        Step(PlanItemAction.Claimed, actor, nowUtc, BeijingTime.DateOf(nowUtc), null, requireOrder: false);
    }

    public void StartPreparing(DateOnly on, string? note, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Claimed);
        CheckStep(on, nowUtc);
        Status = PlanItemStatus.PreparingMaterials;
        Step(PlanItemAction.PreparingMaterials, actor, nowUtc, on, note);
    }

    public void Submit(DateOnly on, string? note, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Claimed, PlanItemStatus.PreparingMaterials);
        CheckStep(on, nowUtc);
        Status = PlanItemStatus.Submitted;
        Step(PlanItemAction.Submitted, actor, nowUtc, on, note);
    }

    /// <summary>Acceptance (受理): the clock starts; the next day is day 1.</summary>
    public void Accept(DateOnly on, string? note, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Submitted);
        CheckStep(on, nowUtc);
        Status = PlanItemStatus.Accepted;
        AcceptedOn = on;
        ClockStartOn = on;
        Step(PlanItemAction.Accepted, actor, nowUtc, on, note);
    }

    /// <summary>A correction request (补正): the clock stands; it restarts from zero when complete materials arrive.</summary>
    public void RequestCorrection(DateOnly on, string reason, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Submitted, PlanItemStatus.Accepted);
        CheckStep(on, nowUtc);
        RequireReason(reason);
        Status = PlanItemStatus.AwaitingCorrection;
        Step(PlanItemAction.CorrectionRequested, actor, nowUtc, on, reason);
    }

    /// <summary>Complete materials arrived: the clock restarts, the day after <paramref name="on"/> is day 1.</summary>
    public void CompleteMaterials(DateOnly on, string? note, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.AwaitingCorrection);
        CheckStep(on, nowUtc);
        Status = PlanItemStatus.Accepted;
        AcceptedOn ??= on;
        ClockStartOn = on;
        Step(PlanItemAction.MaterialsCompleted, actor, nowUtc, on, note);
    }

    /// <summary>A special procedure starts: the days after <paramref name="on"/> do not count until it ends.</summary>
    public void Pause(SpecialProcedure procedure, string reason, DateOnly on, DateOnly? expectedEndOn, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Accepted);
        CheckStep(on, nowUtc);
        RequireReason(reason);
        if (!Choices.IsKnown(procedure)) throw new DomainRuleException(Choices.Unknown);
        if (expectedEndOn is { } end && end <= on) throw new DomainRuleException("Approvals.ExpectedEndBeforeStart");
        Status = PlanItemStatus.Paused;
        Step(PlanItemAction.Paused, actor, nowUtc, on, reason);
        _pauses.Add(new PlanItemPause(procedure, reason.Trim(), on, expectedEndOn));
    }

    /// <summary>The special procedure ended on <paramref name="on"/>: the clock counts again from the next day.</summary>
    public void Resume(DateOnly on, string? note, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Paused);
        CheckStep(on, nowUtc);
        Status = PlanItemStatus.Accepted;
        _pauses.Single(p => p.EndedOn is null).End(on);
        Step(PlanItemAction.Resumed, actor, nowUtc, on, note);
    }

    /// <summary>The department decides: approved, or refused with the reason.</summary>
    public void Decide(bool approved, DateOnly on, string? reason, Actor actor, DateTime nowUtc)
    {
        Expect(PlanItemStatus.Accepted);
        CheckStep(on, nowUtc);
        if (!approved) RequireReason(reason);
        Status = approved ? PlanItemStatus.Approved : PlanItemStatus.Refused;
        DecidedOn = on;
        Reason = approved ? null : reason!.Trim();
        Step(approved ? PlanItemAction.Approved : PlanItemAction.Refused, actor, nowUtc, on, reason);
    }

    public void IssueCertificate(DateOnly on, string? certificateNumber, Actor actor, DateTime nowUtc)
    {
        if (Status != PlanItemStatus.Approved)
            throw new DomainRuleException(IsComplete ? "Approvals.ItemComplete" : "Approvals.StepNotAllowed", Status.ToString());
        CheckStep(on, nowUtc);
        TextRules.Ensure(certificateNumber, TextMaxLength);
        Status = PlanItemStatus.CertificateIssued;
        CertificateIssuedOn = on;
        CertificateNumber = string.IsNullOrWhiteSpace(certificateNumber) ? null : certificateNumber.Trim();
        Step(PlanItemAction.CertificateIssued, actor, nowUtc, on, CertificateNumber);
    }

    /// <summary>The investor withdraws the application (or the item is no longer needed), with the reason.</summary>
    public void Withdraw(DateOnly on, string reason, Actor actor, DateTime nowUtc)
    {
        Open();
        CheckStep(on, nowUtc);
        RequireReason(reason);
        if (Status == PlanItemStatus.Paused) _pauses.Single(p => p.EndedOn is null).End(on);
        Status = PlanItemStatus.Withdrawn;
        Reason = reason.Trim();
        Step(PlanItemAction.Withdrawn, actor, nowUtc, on, reason);
    }

    /// <summary>
    /// The host county records the investor's word on a decided item: 好评, or 差评 with a comment (a 差评 opens a
    /// follow-up for the group leader). Recorded once; a change says why, and a new 差评 opens a new follow-up.
    /// </summary>
    public void RateService(Satisfaction rating, string? comment, string? reason, Actor actor, DateTime nowUtc)
    {
        if (Status is not (PlanItemStatus.Approved or PlanItemStatus.Refused or PlanItemStatus.CertificateIssued))
            throw new DomainRuleException("Approvals.RatingNotFinished");
        if (!Choices.IsKnown(rating)) throw new DomainRuleException(Choices.Unknown);
        TextRules.Ensure(comment, TextMaxLength, multiLine: true);
        TextRules.Ensure(reason, TextMaxLength, multiLine: true);
        if (rating == Approvals.Satisfaction.Poor && string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("Approvals.RatingCommentRequired");
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (Satisfaction is not null)
        {
            if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Approvals.ReasonRequired");
            if (Satisfaction == rating && SatisfactionComment == text) throw new DomainRuleException("Approvals.NothingChanged");
        }
        var reopen = rating == Approvals.Satisfaction.Poor && Satisfaction != Approvals.Satisfaction.Poor;
        Satisfaction = rating;
        SatisfactionComment = text;
        SatisfactionBy = actor.UserName;
        SatisfactionAtUtc = nowUtc;
        if (rating == Approvals.Satisfaction.Good || reopen) { FollowUp = null; FollowUpBy = null; FollowUpAtUtc = null; }
        UpdatedAtUtc = nowUtc;
        Raise(new PlanItemChanged(this, PlanItemAction.Rated));
    }

    /// <summary>The group leader records what was done about a 差评: the follow-up closes.</summary>
    public void RecordFollowUp(string text, Actor actor, DateTime nowUtc)
    {
        if (!FollowUpOpen) throw new DomainRuleException("Approvals.NoFollowUpOpen");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Approvals.FollowUpRequired");
        TextRules.Ensure(text, TextMaxLength, multiLine: true);
        FollowUp = text.Trim();
        FollowUpBy = actor.UserName;
        FollowUpAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Raise(new PlanItemChanged(this, PlanItemAction.FollowedUp));
    }

    private void Open()
    {
        if (IsComplete) throw new DomainRuleException("Approvals.ItemComplete");
    }

    private void Expect(params PlanItemStatus[] allowed)
    {
        Open();
        if (!allowed.Contains(Status)) throw new DomainRuleException("Approvals.StepNotAllowed", Status.ToString());
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Approvals.ReasonRequired");
        TextRules.Ensure(reason, TextMaxLength, multiLine: true);
    }

    /// <summary>Checks a step's day before anything changes: not in the future, not before the previous step.</summary>
    private void CheckStep(DateOnly on, DateTime nowUtc)
    {
        if (on > BeijingTime.DateOf(nowUtc)) throw new DomainRuleException("Approvals.DateInFuture");
        if (on < LastStepOn) throw new DomainRuleException("Approvals.DateBeforePreviousStep", LastStepOn.ToString("yyyy-MM-dd"));
    }

    private void Step(PlanItemAction action, Actor actor, DateTime nowUtc, DateOnly on, string? note, bool requireOrder = true)
    {
        TextRules.Ensure(note, TextMaxLength, multiLine: true);
        if (on > BeijingTime.DateOf(nowUtc)) throw new DomainRuleException("Approvals.DateInFuture");
        if (requireOrder) LastStepOn = on;
        UpdatedAtUtc = nowUtc;
        Log(action, actor, nowUtc, on, note);
        Raise(new PlanItemChanged(this, action));
    }

    private void Log(PlanItemAction action, Actor actor, DateTime nowUtc, DateOnly on, string? note) =>
        _steps.Add(new PlanItemStep(action, on, nowUtc, actor, Status, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
}

/// <summary>A special procedure on an item: the days after <see cref="StartedOn"/> up to <see cref="EndedOn"/> do not count.</summary>
public sealed class PlanItemPause : Entity, IAudited
{
    private PlanItemPause() { Reason = string.Empty; }

    internal PlanItemPause(SpecialProcedure procedure, string reason, DateOnly startedOn, DateOnly? expectedEndOn)
    {
        Procedure = procedure;
        Reason = reason;
        StartedOn = startedOn;
        ExpectedEndOn = expectedEndOn;
    }

    public int PlanItemId { get; private set; }
    public SpecialProcedure Procedure { get; private set; }
    public string Reason { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? ExpectedEndOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }

    internal void End(DateOnly on) => EndedOn = on;
}

/// <summary>One step of an item: who did what, when (the Beijing day it happened and the instant it was recorded), and why.</summary>
public sealed class PlanItemStep : Entity
{
    private PlanItemStep() { UserName = string.Empty; }

    internal PlanItemStep(PlanItemAction action, DateOnly on, DateTime atUtc, Actor actor, PlanItemStatus statusAfter, string? note)
    {
        Action = action;
        On = on;
        AtUtc = atUtc;
        UserName = actor.UserName;
        UnitId = actor.UnitId;
        StatusAfter = statusAfter;
        Note = note;
    }

    public int PlanItemId { get; private set; }
    public PlanItemAction Action { get; private set; }
    public DateOnly On { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public PlanItemStatus StatusAfter { get; private set; }
    public string? Note { get; private set; }
}

public sealed record PlanItemChanged(PlanItem Item, PlanItemAction Action) : IDomainEvent;
