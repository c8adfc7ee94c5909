using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Problems;

/// <summary>Problem categories of the ledger (Art. 27–28).</summary>
public enum ProblemCategory { ContractPerformance, PolicyFulfilment, FactorSupply, Approvals, Financing, Other }

/// <summary>For factor-supply problems: which factor (要素保障).</summary>
public enum FactorKind { Land, Water, Power, Gas, Labour }

public enum ProblemSeverity { Low, Medium, High, Blocking }

public enum ProblemStatus { New, InProgress, Escalated, Resolved }

/// <summary>Who must solve it: county, then chain lead, then the prefecture's coordination (Art. 28).</summary>
public enum EscalationLevel { County, ChainLead, Prefecture }

/// <summary>What was done to a ledger entry; every action leaves a line in the entry's history.</summary>
public enum ProblemAction { Raised, Started, Assigned, Escalated, Resolved, Reopened }

/// <summary>
/// An entry of the problem ledger (项目问题台账). Entries are never deleted: a resolution is recorded, and a
/// resolved entry can be reopened. Every action is kept in <see cref="History"/>.
/// </summary>
public sealed class Problem : AggregateRoot, IAudited
{
    public const int TextMaxLength = 2000;

    private readonly List<ProblemLogEntry> _history = [];

    private Problem() { Description = RaisedBy = string.Empty; }

    public Problem(int projectId, ProblemCategory category, FactorKind? factor, string description, ProblemSeverity severity,
        int ownerUnitId, DateOnly dueOn, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(description)) throw new DomainRuleException("Problem.DescriptionRequired");
        TextRules.Ensure(description, TextMaxLength, multiLine: true);
        if (category == ProblemCategory.FactorSupply && factor is null) throw new DomainRuleException("Problem.FactorRequired");
        ProjectId = projectId;
        Category = category;
        Factor = category == ProblemCategory.FactorSupply ? factor : null;
        Description = description.Trim();
        Severity = severity;
        OwnerUnitId = ownerUnitId;
        DueOn = dueOn;
        Status = ProblemStatus.New;
        Level = EscalationLevel.County;
        RaisedBy = actor.UserName;
        RaisedByUnitId = actor.UnitId;
        RaisedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Log(ProblemAction.Raised, actor, nowUtc, null);
        Raise(new ProblemRaised(this));
    }

    public int ProjectId { get; private set; }
    public ProblemCategory Category { get; private set; }
    public FactorKind? Factor { get; private set; }
    public string Description { get; private set; }
    public ProblemSeverity Severity { get; private set; }
    public int OwnerUnitId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public ProblemStatus Status { get; private set; }
    public EscalationLevel Level { get; private set; }
    public string? Resolution { get; private set; }
    public string RaisedBy { get; private set; }
    public int? RaisedByUnitId { get; private set; }
    public DateTime RaisedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }

    /// <summary>Every action on the entry, oldest first.</summary>
    public IReadOnlyList<ProblemLogEntry> History => _history;

    public bool IsOpen => Status != ProblemStatus.Resolved;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>Days past the due date while open; 0 otherwise.</summary>
    public int DaysOverdue(DateOnly today) => IsOverdue(today) ? today.DayNumber - DueOn.DayNumber : 0;

    /// <summary>The owner unit has taken the entry up.</summary>
    public void Start(Actor actor, DateTime nowUtc)
    {
        if (Status != ProblemStatus.New) throw new DomainRuleException("Problem.NotNew");
        Status = ProblemStatus.InProgress;
        Changed(ProblemAction.Started, actor, nowUtc, null);
    }

    /// <summary>Hands the entry to another owner unit at the same level, optionally with a new due date.</summary>
    public void Assign(int ownerUnitId, DateOnly? dueOn, string? note, Actor actor, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Problem.Resolved");
        if (ownerUnitId == OwnerUnitId && (dueOn is null || dueOn == DueOn)) throw new DomainRuleException("Problem.NothingChanged");
        CheckLength(note);
        OwnerUnitId = ownerUnitId;
        if (dueOn is { } d) DueOn = d;
        Changed(ProblemAction.Assigned, actor, nowUtc, note);
    }

    /// <summary>
    /// Raises the entry one level: county → chain lead → prefecture (Art. 28). The next level's unit becomes the
    /// owner (the chain's lead unit, then the Bureau for the prefecture's coordination).
    /// </summary>
    public void Escalate(string reason, int newOwnerUnitId, DateOnly? dueOn, Actor actor, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Problem.Resolved");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Problem.EscalationReasonRequired");
        CheckLength(reason);
        if (Level == EscalationLevel.Prefecture) throw new DomainRuleException("Problem.AlreadyAtPrefecture");
        Level = Level + 1;
        Status = ProblemStatus.Escalated;
        OwnerUnitId = newOwnerUnitId;
        if (dueOn is { } d) DueOn = d;
        Changed(ProblemAction.Escalated, actor, nowUtc, reason);
    }

    public void Resolve(string resolution, Actor actor, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Problem.Resolved");
        if (string.IsNullOrWhiteSpace(resolution)) throw new DomainRuleException("Problem.ResolutionRequired");
        CheckLength(resolution);
        Resolution = resolution.Trim();
        Status = ProblemStatus.Resolved;
        ResolvedAtUtc = nowUtc;
        Changed(ProblemAction.Resolved, actor, nowUtc, Resolution);
    }

    /// <summary>Reopens a resolved entry at the level it had reached; the earlier resolution stays in the history.</summary>
    public void Reopen(string reason, Actor actor, DateTime nowUtc)
    {
        if (IsOpen) throw new DomainRuleException("Problem.NotResolved");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Problem.ReopenReasonRequired");
        CheckLength(reason);
        Status = Level == EscalationLevel.County ? ProblemStatus.InProgress : ProblemStatus.Escalated;
        ResolvedAtUtc = null;
        Resolution = null;
        Changed(ProblemAction.Reopened, actor, nowUtc, reason);
    }

    private static void CheckLength(string? text)
    {
        TextRules.Ensure(text, TextMaxLength, multiLine: true);
    }

    private void Changed(ProblemAction action, Actor actor, DateTime nowUtc, string? note)
    {
        UpdatedAtUtc = nowUtc;
        Log(action, actor, nowUtc, note);
        Raise(new ProblemChanged(this, action));
    }

    private void Log(ProblemAction action, Actor actor, DateTime nowUtc, string? note) =>
        _history.Add(new ProblemLogEntry(action, nowUtc, actor, Status, Level, OwnerUnitId, note?.Trim()));
}

/// <summary>One line of a ledger entry's history: who did what, when, and where the entry stood after it.</summary>
public sealed class ProblemLogEntry : Entity
{
    private ProblemLogEntry() { UserName = string.Empty; }

    internal ProblemLogEntry(ProblemAction action, DateTime atUtc, Actor actor, ProblemStatus status, EscalationLevel level, int ownerUnitId, string? note)
    {
        Action = action;
        AtUtc = atUtc;
        UserName = actor.UserName;
        UnitId = actor.UnitId;
        Status = status;
        Level = level;
        OwnerUnitId = ownerUnitId;
        Note = note;
    }

    public int ProblemId { get; private set; }
    public ProblemAction Action { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public ProblemStatus Status { get; private set; }
    public EscalationLevel Level { get; private set; }
    public int OwnerUnitId { get; private set; }
    public string? Note { get; private set; }
}

public sealed record ProblemRaised(Problem Problem) : IDomainEvent;

public sealed record ProblemChanged(Problem Problem, ProblemAction Action) : IDomainEvent;
