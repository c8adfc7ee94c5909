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

/// <summary>
/// An entry of the problem ledger (项目问题台账). Entries are never deleted: a resolution is recorded, and a
/// resolved entry can be reopened.
/// </summary>
public sealed class Problem : AggregateRoot, IAudited
{
    public const int TextMaxLength = 2000;

    private Problem() { Description = RaisedBy = string.Empty; }

    public Problem(int projectId, ProblemCategory category, FactorKind? factor, string description, ProblemSeverity severity,
        int ownerUnitId, DateOnly dueOn, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(description)) throw new DomainRuleException("Problem.DescriptionRequired");
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

    public bool IsOpen => Status != ProblemStatus.Resolved;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    public void Start(DateTime nowUtc)
    {
        if (Status != ProblemStatus.New) throw new DomainRuleException("Problem.NotNew");
        Status = ProblemStatus.InProgress;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Raises the entry one level: county → chain lead → prefecture.</summary>
    public void Escalate(string reason, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Problem.Resolved");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Problem.EscalationReasonRequired");
        if (Level == EscalationLevel.Prefecture) throw new DomainRuleException("Problem.AlreadyAtPrefecture");
        Level = Level + 1;
        Status = ProblemStatus.Escalated;
        UpdatedAtUtc = nowUtc;
    }

    public void Resolve(string resolution, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Problem.Resolved");
        if (string.IsNullOrWhiteSpace(resolution)) throw new DomainRuleException("Problem.ResolutionRequired");
        Resolution = resolution.Trim();
        Status = ProblemStatus.Resolved;
        ResolvedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Reopen(DateTime nowUtc)
    {
        if (IsOpen) throw new DomainRuleException("Problem.NotResolved");
        Status = Level == EscalationLevel.County ? ProblemStatus.InProgress : ProblemStatus.Escalated;
        ResolvedAtUtc = null;
        UpdatedAtUtc = nowUtc;
    }
}
