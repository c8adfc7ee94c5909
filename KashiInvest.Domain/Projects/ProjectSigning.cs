using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>What the signing form collects (Art. 22).</summary>
public sealed record AgreementInput(DateOnly? SignedOn, decimal? AmountWan, int? Jobs, int? TermYears, string? Number);

/// <summary>What the work-group form collects (Art. 22).</summary>
public sealed record WorkGroupInput(string? LeaderInCharge, bool LeaderIsPrincipal, IReadOnlyList<int> DepartmentIds, int? LeadServiceUnitId);

/// <summary>Signing rules: the agreement's own facts; the stage rules are <see cref="ProjectLifecycle"/>'s.</summary>
public static class SigningRules
{
    public const int NumberMaxLength = 50;
    public const int MaxTermYears = 70;

    /// <summary>Who records the agreement: the host county, the Bureau, the administrator.</summary>
    public static bool RoleMay(ActorRole role, int? unitId, int hostUnitId) =>
        role is ActorRole.Bureau or ActorRole.Administrator || (role == ActorRole.AttractingUnit && unitId == hostUnitId);

    /// <summary>Input errors by field: <c>SignedOn</c>, <c>AmountWan</c>, <c>Jobs</c>, <c>TermYears</c>, <c>Number</c>.</summary>
    public static IReadOnlyList<FieldViolation> Validate(AgreementInput input, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        if (input.SignedOn is null) errors.Add(new(nameof(input.SignedOn), "Stage.SigningDateRequired"));
        else if (input.SignedOn > today) errors.Add(new(nameof(input.SignedOn), "Stage.DateInFuture"));
        if (input.AmountWan is null) errors.Add(new(nameof(input.AmountWan), "Field.Required"));
        else if (input.AmountWan <= 0m) errors.Add(new(nameof(input.AmountWan), "Money.MustBePositive"));
        else if (input.AmountWan > ProjectDetailsRules.MaxInvestmentWan) errors.Add(new(nameof(input.AmountWan), "Money.TooLarge", ProjectDetailsRules.MaxInvestmentWan));
        if (input.Jobs is null) errors.Add(new(nameof(input.Jobs), "Field.Required"));
        else if (input.Jobs < 0) errors.Add(new(nameof(input.Jobs), "Number.MustNotBeNegative"));
        else if (input.Jobs > ProjectDetailsRules.MaxJobs) errors.Add(new(nameof(input.Jobs), "Number.TooLarge", ProjectDetailsRules.MaxJobs));
        if (input.TermYears is null) errors.Add(new(nameof(input.TermYears), "Field.Required"));
        else if (input.TermYears is < 1 or > MaxTermYears) errors.Add(new(nameof(input.TermYears), "Signing.TermOutOfRange", 1, MaxTermYears));
        if (input.Number?.Trim().Length > NumberMaxLength) errors.Add(new(nameof(input.Number), "Text.TooLong", NumberMaxLength));
        return errors;
    }
}

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

/// <summary>A work group as it stands.</summary>
public sealed record WorkGroupComposition(string? LeaderInCharge, bool LeaderIsPrincipal, IReadOnlyList<int> DepartmentIds, int? LeadServiceUnitId);

/// <summary>
/// Art. 22: the composition each work-group level requires. A county work group: one county-level leader in charge
/// (包联领导), 2–3 functional departments, one lead service unit. A key project: the same, headed by the county's
/// principal leader.
/// </summary>
public static class WorkGroupRules
{
    public const int MinDepartments = 2;
    public const int MaxDepartments = 3;

    public static bool IsRequired(WorkGroupLevel level) => level != WorkGroupLevel.None;

    public static bool NeedsPrincipalLeader(WorkGroupLevel level) => level == WorkGroupLevel.KeyProject;

    /// <summary>What is missing or wrong, as reasons (<c>WorkGroup.*</c>); empty when complete or none is required.</summary>
    public static IReadOnlyList<RuleViolation> Missing(WorkGroupLevel level, WorkGroupComposition group)
    {
        if (!IsRequired(level)) return [];
        var missing = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(group.LeaderInCharge)) missing.Add(new("WorkGroup.LeaderMissing"));
        else if (NeedsPrincipalLeader(level) && !group.LeaderIsPrincipal) missing.Add(new("WorkGroup.PrincipalLeaderRequired"));
        var departments = group.DepartmentIds.Distinct().Count();
        if (departments < MinDepartments) missing.Add(new("WorkGroup.DepartmentsTooFew", MinDepartments, departments));
        if (departments > MaxDepartments) missing.Add(new("WorkGroup.DepartmentsTooMany", MaxDepartments, departments));
        if (group.LeadServiceUnitId is null) missing.Add(new("WorkGroup.LeadServiceUnitMissing"));
        return missing;
    }

    public static bool IsComplete(WorkGroupLevel level, WorkGroupComposition group) => Missing(level, group).Count == 0;

    /// <summary>The form's errors by field (<c>LeaderInCharge</c>, <c>DepartmentIds</c>, <c>LeadServiceUnitId</c>).</summary>
    public static IReadOnlyList<FieldViolation> Validate(WorkGroupLevel level, WorkGroupInput input)
    {
        var errors = Missing(level, new WorkGroupComposition(input.LeaderInCharge, input.LeaderIsPrincipal, input.DepartmentIds, input.LeadServiceUnitId))
            .Select(v => new FieldViolation(v.Code switch
            {
                "WorkGroup.LeaderMissing" or "WorkGroup.PrincipalLeaderRequired" => nameof(input.LeaderInCharge),
                "WorkGroup.LeadServiceUnitMissing" => nameof(input.LeadServiceUnitId),
                _ => nameof(input.DepartmentIds),
            }, v)).ToList();
        if (input.LeaderInCharge?.Trim().Length > ProjectDetailsRules.PersonMaxLength)
            errors.Add(new(nameof(input.LeaderInCharge), "Text.TooLong", ProjectDetailsRules.PersonMaxLength));
        return errors;
    }
}
