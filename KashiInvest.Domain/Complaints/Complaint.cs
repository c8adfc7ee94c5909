using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Complaints;

/// <summary>
/// A complaint filed by an enterprise through the public complaint window (投诉窗口), without an account. It is found
/// again by its <see cref="TrackingNumber"/> and a secret code of which only a hash is kept. The Bureau accepts it (or
/// refuses it with a reason) and assigns a unit with a due day within <see cref="ComplaintSettings.AcceptWithinWorkingDays"/>
/// working days of filing; the unit answers by the due day; the complainant rates the answer, and a dissatisfied rating
/// sends it to follow-up (督办) with a new due day. Overdue is read from the clock on the day asked, never stored.
/// </summary>
public sealed class Complaint : AggregateRoot, IAudited
{
    public const int EnterpriseNameMaxLength = 200;
    public const int ContactNameMaxLength = 50;
    public const int PhoneMaxLength = 30;
    public const int ProjectNameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int ReplyMaxLength = 2000;
    public const int ReasonMaxLength = 1000;
    public const int CommentMaxLength = 1000;
    public const int NoteMaxLength = 1000;

    private readonly List<ComplaintLogEntry> _history = [];

    private Complaint()
    {
        TrackingNumber = CodeHash = EnterpriseName = CreditCode = ContactName = Phone = Description = string.Empty;
    }

    /// <summary>Files a complaint on the Beijing day of <paramref name="nowUtc"/>; the registration deadline starts then.</summary>
    public Complaint(ComplaintInput input, string trackingNumber, string codeHash, WorkingCalendar calendar, ComplaintSettings settings, DateTime nowUtc)
    {
        if (Validate(input) is [var first, ..]) throw new DomainRuleException(first.Violation);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeHash);
        TrackingNumber = trackingNumber;
        CodeHash = codeHash;
        EnterpriseName = input.EnterpriseName!.Trim();
        CreditCode = Investors.CreditCode.Parse(input.CreditCode!).Value;
        ContactName = input.ContactName!.Trim();
        Phone = input.Phone!.Trim();
        ProjectName = Trimmed(input.ProjectName);
        Category = input.Category;
        Description = input.Description!.Trim();
        Status = ComplaintStatus.Filed;
        FiledAtUtc = nowUtc;
        FiledOn = BeijingTime.DateOf(nowUtc);
        AcceptBy = calendar.AddWorkingDays(FiledOn, settings.AcceptWithinWorkingDays);
        UpdatedAtUtc = nowUtc;
        Log(ComplaintAction.Filed, Complainant, nowUtc, null);
        Raise(new ComplaintFiled(this));
    }

    /// <summary>Who files: the complainant has no account, so the history names the window.</summary>
    public static readonly Actor Complainant = new("public:complaint", null);

    public string TrackingNumber { get; private set; }

    /// <summary>The salted hash of the secret code (<see cref="ComplaintCode"/>); the code itself is never stored.</summary>
    public string CodeHash { get; private set; }

    public string EnterpriseName { get; private set; }

    /// <summary>The enterprise's unified social credit code, checked when filed.</summary>
    public string CreditCode { get; private set; }

    public string ContactName { get; private set; }
    public string Phone { get; private set; }

    /// <summary>The project as the complainant named it, if known.</summary>
    public string? ProjectName { get; private set; }

    /// <summary>The project the Bureau linked the complaint to.</summary>
    public int? ProjectId { get; private set; }

    /// <summary>The policy commitment the complaint is about, linked by the Bureau.</summary>
    public int? CommitmentId { get; private set; }

    public ComplaintCategory Category { get; private set; }
    public string Description { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public DateTime FiledAtUtc { get; private set; }

    /// <summary>The Beijing day it was filed.</summary>
    public DateOnly FiledOn { get; private set; }

    /// <summary>The last day for the Bureau to accept or refuse it and assign a unit.</summary>
    public DateOnly AcceptBy { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }
    public string? RefusalReason { get; private set; }
    public int? AssignedUnitId { get; private set; }
    public DateOnly? AssignedOn { get; private set; }

    /// <summary>The last day for the unit to answer (the follow-up's when in follow-up).</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The unit's latest answer, shown to the complainant.</summary>
    public string? Reply { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }
    public ComplaintRating? Rating { get; private set; }
    public string? RatingComment { get; private set; }

    /// <summary>How many times a dissatisfied rating sent it to follow-up (督办).</summary>
    public int FollowUps { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Every action on the complaint, oldest first.</summary>
    public IReadOnlyList<ComplaintLogEntry> History => _history;

    public bool IsClosed => Status is ComplaintStatus.Refused or ComplaintStatus.Closed;

    /// <summary>The deadline in the current status, or null when nobody in government owes the next step.</summary>
    public DateOnly? Deadline => Status switch
    {
        ComplaintStatus.Filed or ComplaintStatus.Accepted => AcceptBy,
        ComplaintStatus.Assigned or ComplaintStatus.FollowUp => DueOn,
        _ => null,
    };

    /// <summary>The unit that owes the next step: the Bureau to register and assign, then the assigned unit.</summary>
    public int? OwingUnitId(int? bureauId) => Status switch
    {
        ComplaintStatus.Filed or ComplaintStatus.Accepted => bureauId,
        ComplaintStatus.Assigned or ComplaintStatus.FollowUp => AssignedUnitId,
        _ => null,
    };

    public bool IsOverdue(DateOnly today) => Deadline is { } d && today > d;

    public ComplaintClock Clock(DateOnly today)
    {
        if (Deadline is not { } d) return new ComplaintClock(null, 0, 0, false);
        var overdue = today > d;
        return new ComplaintClock(d, Math.Max(0, d.DayNumber - today.DayNumber), overdue ? today.DayNumber - d.DayNumber : 0, overdue);
    }

    public static IReadOnlyList<FieldViolation> Validate(ComplaintInput input)
    {
        var errors = new List<FieldViolation>();
        TextRules.Field(errors, nameof(input.EnterpriseName), input.EnterpriseName, EnterpriseNameMaxLength, required: true);
        if (!Investors.CreditCode.TryParse(input.CreditCode, out _, out var codeViolation)) errors.Add(new(nameof(input.CreditCode), codeViolation!));
        TextRules.Field(errors, nameof(input.ContactName), input.ContactName, ContactNameMaxLength, required: true);
        if (string.IsNullOrWhiteSpace(input.Phone)) errors.Add(new(nameof(input.Phone), "Field.Required"));
        else if (!TextRules.Add(errors, nameof(input.Phone), input.Phone, PhoneMaxLength) && !IsPhone(input.Phone))
            errors.Add(new(nameof(input.Phone), "Complaint.BadPhone"));
        TextRules.Field(errors, nameof(input.ProjectName), input.ProjectName, ProjectNameMaxLength, required: false);
        Choices.Add(errors, nameof(input.Category), (ComplaintCategory?)input.Category);
        TextRules.Field(errors, nameof(input.Description), input.Description, DescriptionMaxLength, required: true, multiLine: true);
        return errors;
    }

    /// <summary>A phone number: 5 to 20 digits, optionally with a leading +, spaces, dashes and brackets.</summary>
    public static bool IsPhone(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return false;
        var digits = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c)) digits++;
            else if (!(c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0))) return false;
        }
        return digits is >= 5 and <= 20;
    }

    /// <summary>Whether <paramref name="code"/> is this complaint's secret code.</summary>
    public bool HasCode(string? code) => ComplaintCode.Matches(code, CodeHash);

    /// <summary>The Bureau accepts the complaint for handling.</summary>
    public void Accept(string? note, DateOnly today, Actor actor, DateTime nowUtc)
    {
        Expect(ComplaintStatus.Filed, ComplaintAction.Accepted);
        var text = Note(note);
        Status = ComplaintStatus.Accepted;
        AcceptedOn = today;
        Changed(ComplaintAction.Accepted, actor, nowUtc, text);
    }

    /// <summary>The Bureau refuses the complaint, saying why (shown to the complainant).</summary>
    public void Refuse(string? reason, Actor actor, DateTime nowUtc)
    {
        Expect(ComplaintStatus.Filed, ComplaintAction.Refused);
        var text = Required(reason, "Complaint.ReasonRequired", ReasonMaxLength);
        Status = ComplaintStatus.Refused;
        RefusalReason = text;
        Changed(ComplaintAction.Refused, actor, nowUtc, text);
    }

    /// <summary>
    /// The Bureau assigns the accepted complaint to a unit (or hands an assigned one to another unit) with a due day:
    /// <see cref="ComplaintSettings.AnswerWithinWorkingDays"/> working days from today unless given; it must be after today.
    /// </summary>
    public void Assign(int unitId, DateOnly? dueOn, WorkingCalendar calendar, ComplaintSettings settings, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status is not (ComplaintStatus.Accepted or ComplaintStatus.Assigned or ComplaintStatus.FollowUp)) throw NotAllowed(ComplaintAction.Assigned);
        var due = dueOn ?? calendar.AddWorkingDays(today, Status == ComplaintStatus.FollowUp ? settings.FollowUpWithinWorkingDays : settings.AnswerWithinWorkingDays);
        if (due <= today) throw new DomainRuleException("Complaint.DueNotAfterToday");
        AssignedUnitId = unitId;
        AssignedOn = today;
        DueOn = due;
        if (Status == ComplaintStatus.Accepted) Status = ComplaintStatus.Assigned;
        Changed(ComplaintAction.Assigned, actor, nowUtc, null);
    }

    /// <summary>The assigned unit answers (again, in follow-up); the answer is what the complainant reads.</summary>
    public void Answer(string? reply, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (Status is not (ComplaintStatus.Assigned or ComplaintStatus.FollowUp)) throw NotAllowed(ComplaintAction.Answered);
        var text = Required(reply, "Complaint.ReplyRequired", ReplyMaxLength);
        Reply = text;
        AnsweredOn = today;
        Status = ComplaintStatus.Answered;
        Rating = null;
        RatingComment = null;
        Changed(ComplaintAction.Answered, actor, nowUtc, text);
    }

    /// <summary>
    /// The complainant rates the answer. Satisfied closes it; dissatisfied (a comment is needed) reopens it for
    /// follow-up (督办) by the same unit, due <see cref="ComplaintSettings.FollowUpWithinWorkingDays"/> working days from today.
    /// </summary>
    public void Rate(ComplaintRating rating, string? comment, WorkingCalendar calendar, ComplaintSettings settings, DateOnly today, DateTime nowUtc)
    {
        if (!Choices.IsKnown(rating)) throw new DomainRuleException(Choices.Unknown);
        var action = rating == ComplaintRating.Satisfied ? ComplaintAction.RatedSatisfied : ComplaintAction.RatedDissatisfied;
        Expect(ComplaintStatus.Answered, action);
        var text = rating == ComplaintRating.Dissatisfied ? Required(comment, "Complaint.CommentRequired", CommentMaxLength) : Note(comment, CommentMaxLength);
        Rating = rating;
        RatingComment = text;
        if (rating == ComplaintRating.Satisfied) Status = ComplaintStatus.Closed;
        else
        {
            Status = ComplaintStatus.FollowUp;
            FollowUps++;
            DueOn = calendar.AddWorkingDays(today, settings.FollowUpWithinWorkingDays);
        }
        Changed(action, Complainant, nowUtc, text);
    }

    /// <summary>The Bureau links the complaint to the project and, when it is about one, the commitment (either may be cleared).</summary>
    public void Link(int? projectId, int? commitmentId, Actor actor, DateTime nowUtc)
    {
        if (commitmentId is not null && projectId is null) throw new DomainRuleException("Complaint.CommitmentNeedsProject");
        if (projectId == ProjectId && commitmentId == CommitmentId) return;
        ProjectId = projectId;
        CommitmentId = commitmentId;
        Changed(ComplaintAction.Linked, actor, nowUtc, null);
    }

    private void Expect(ComplaintStatus status, ComplaintAction action)
    {
        if (Status != status) throw NotAllowed(action);
    }

    private DomainRuleException NotAllowed(ComplaintAction action) => new("Complaint.StepNotAllowed", action.ToString(), Status.ToString());

    private static string Required(string? text, string code, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(code);
        TextRules.Ensure(text, max, multiLine: true);
        return text.Trim();
    }

    private static string? Note(string? text, int max = NoteMaxLength)
    {
        TextRules.Ensure(text, max, multiLine: true);
        return Trimmed(text);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Changed(ComplaintAction action, Actor actor, DateTime nowUtc, string? note)
    {
        UpdatedAtUtc = nowUtc;
        Log(action, actor, nowUtc, note);
        Raise(new ComplaintChanged(this, action));
    }

    private void Log(ComplaintAction action, Actor actor, DateTime nowUtc, string? note) =>
        _history.Add(new ComplaintLogEntry(action, nowUtc, actor, Status, note));
}

/// <summary>One line of a complaint's history: who did what, when, and where it stood after.</summary>
public sealed class ComplaintLogEntry : Entity
{
    private ComplaintLogEntry() { UserName = string.Empty; }

    internal ComplaintLogEntry(ComplaintAction action, DateTime atUtc, Actor actor, ComplaintStatus status, string? note)
    {
        Action = action;
        AtUtc = atUtc;
        UserName = actor.UserName;
        UnitId = actor.UnitId;
        Status = status;
        Note = note;
    }

    public int ComplaintId { get; private set; }
    public ComplaintAction Action { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public string? Note { get; private set; }
}
