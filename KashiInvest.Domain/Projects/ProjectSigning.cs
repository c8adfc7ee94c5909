using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Signing;

namespace KashiInvest.Domain.Projects;

/// <summary>The agreement and the work group of a signed project (Art. 22).</summary>
public sealed partial class Project
{
    private readonly List<WorkGroupDepartment> _workGroupDepartments = [];

    public string? AgreementNumber { get; private set; }
    public int? AgreementTermYears { get; private set; }
    public DateTime? AgreementRecordedAtUtc { get; private set; }
    public string? AgreementRecordedBy { get; private set; }

    /// <summary>Whether <see cref="LeaderInCharge"/> is the county's principal party or government leader (required for a key project).</summary>
    public bool LeaderIsPrincipal { get; private set; }

    /// <summary>The lead service unit (牵头服务单位) of the work group.</summary>
    public int? LeadServiceUnitId { get; private set; }

    public IReadOnlyList<WorkGroupDepartment> WorkGroupDepartments => _workGroupDepartments;

    public WorkGroupComposition WorkGroup =>
        new(LeaderInCharge, LeaderIsPrincipal, _workGroupDepartments.Select(d => d.UnitId).ToArray(), LeadServiceUnitId);

    /// <summary>What the work group still lacks for the project's level; empty when complete or none is needed.</summary>
    public IReadOnlyList<RuleViolation> WorkGroupMissing => Stage.IsSignedOrLater() ? WorkGroupRules.Missing(WorkGroupLevel, WorkGroup) : [];

    /// <summary>Why signing would be refused (role, stage rules, input); null when it may proceed.</summary>
    public RuleViolation? CheckSigning(AgreementInput input, ActorRole role, int? unitId, DateOnly today)
    {
        if (!SigningRules.RoleMay(role, unitId, HostUnitId)) return new RuleViolation("Signing.WrongRole");
        if (CheckTransition(new StageTransition(ProjectStage.Signed, Date: input.SignedOn ?? today), today) is { } stage) return stage;
        return SigningRules.Validate(input, today).Select(v => v.Violation).FirstOrDefault();
    }

    /// <summary>
    /// Records the signed agreement: the project moves to Signed on the agreement date, its amount and jobs become the
    /// agreement's, and its work-group level follows from them (Art. 22).
    /// </summary>
    public void Sign(AgreementInput input, ActorRole role, Actor actor, DateTime nowUtc, WorkGroupThresholds thresholds)
    {
        if (CheckSigning(input, role, actor.UnitId, BeijingTime.DateOf(nowUtc)) is { } violation) throw new DomainRuleException(violation);
        PlannedInvestmentWan = input.AmountWan!.Value;
        ExpectedJobs = input.Jobs!.Value;
        WorkGroupLevel = thresholds.LevelFor(PlannedInvestment, ExpectedJobs);
        AgreementNumber = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim();
        AgreementTermYears = input.TermYears;
        AgreementRecordedAtUtc = nowUtc;
        AgreementRecordedBy = actor.UserName;
        MoveTo(new StageTransition(ProjectStage.Signed, AgreementNumber, Date: input.SignedOn), actor, nowUtc);
    }

    public RuleViolation? CheckWorkGroup(WorkGroupInput input, ActorRole role, int? unitId)
    {
        if (!SigningRules.RoleMay(role, unitId, HostUnitId)) return new RuleViolation("WorkGroup.WrongRole");
        if (!Stage.IsSignedOrLater()) return new RuleViolation("WorkGroup.NotSigned");
        if (WorkGroupLevel == WorkGroupLevel.None) return new RuleViolation("WorkGroup.NotRequired");
        return WorkGroupRules.Validate(WorkGroupLevel, input).Select(v => v.Violation).FirstOrDefault();
    }

    /// <summary>Sets the work group's composition; it must be exactly what the level requires.</summary>
    public void SetWorkGroup(WorkGroupInput input, ActorRole role, Actor actor, DateTime nowUtc)
    {
        if (CheckWorkGroup(input, role, actor.UnitId) is { } violation) throw new DomainRuleException(violation);
        LeaderInCharge = input.LeaderInCharge!.Trim();
        LeaderIsPrincipal = input.LeaderIsPrincipal;
        LeadServiceUnitId = input.LeadServiceUnitId;
        var wanted = input.DepartmentIds.Distinct().ToHashSet();
        _workGroupDepartments.RemoveAll(d => !wanted.Contains(d.UnitId));
        foreach (var id in wanted.Where(id => _workGroupDepartments.All(d => d.UnitId != id))) _workGroupDepartments.Add(new WorkGroupDepartment(id));
        Touch(nowUtc);
        Raise(new ProjectUpdated(this));
    }
}

/// <summary>A functional department in a project's work group.</summary>
public sealed class WorkGroupDepartment : Entity, IAudited
{
    private WorkGroupDepartment() { }

    internal WorkGroupDepartment(int unitId) { UnitId = unitId; }

    public int ProjectId { get; private set; }
    public int UnitId { get; private set; }
}
