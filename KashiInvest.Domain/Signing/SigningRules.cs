using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Signing;

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
        TextRules.Add(errors, nameof(input.Number), input.Number, NumberMaxLength);
        return errors;
    }
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
        TextRules.Add(errors, nameof(input.LeaderInCharge), input.LeaderInCharge, ProjectDetailsRules.PersonMaxLength);
        return errors;
    }
}
