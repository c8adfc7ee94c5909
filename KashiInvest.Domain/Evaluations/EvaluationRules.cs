using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Evaluations;

/// <summary>The rules of the evaluation record (Art. 20; seed 000 §15).</summary>
public static class EvaluationRules
{
    public static readonly IReadOnlyList<EvaluationCriterion> AllCriteria = Enum.GetValues<EvaluationCriterion>();

    /// <summary>The screens: failing one forbids a pass.</summary>
    public static bool IsScreen(this EvaluationCriterion criterion) =>
        criterion is EvaluationCriterion.ThreeHighScreen or EvaluationCriterion.FinancialRiskScreen;

    /// <summary>The factor-supply criteria (要素保障), judged one by one.</summary>
    public static bool IsFactor(this EvaluationCriterion criterion) => criterion is >= EvaluationCriterion.FactorLand and <= EvaluationCriterion.FactorLabour;

    public static bool Failed(this CriterionJudgement judgement) =>
        judgement.Criterion.IsScreen() && judgement.Judgement == Judgement.Unacceptable;

    /// <summary>The level a project's evaluation is held at: the Bureau's for a prefecture-coordinated project, else the county's.</summary>
    public static EvaluationLevel LevelFor(CoordinationLevel coordination) =>
        coordination == CoordinationLevel.Prefecture ? EvaluationLevel.Prefecture : EvaluationLevel.County;

    /// <summary>Who may record it: the Bureau for the prefecture; the host county (or the Bureau) for a county's own.</summary>
    public static bool RoleMay(EvaluationLevel level, ActorRole role, int? unitId, int hostUnitId) => level switch
    {
        EvaluationLevel.Prefecture => role is ActorRole.Bureau or ActorRole.Administrator,
        _ => role is ActorRole.Bureau or ActorRole.Administrator || (role == ActorRole.AttractingUnit && unitId == hostUnitId),
    };

    /// <summary>The input errors by field: <c>HeldOn</c>, <c>AttendingUnitIds</c>, <c>Attendees</c>, <c>Criteria[Name]</c>, <c>Decision</c>, <c>Reasons</c>.</summary>
    public static IReadOnlyList<FieldViolation> Validate(EvaluationInput input, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        if (input.HeldOn is null) errors.Add(new(nameof(input.HeldOn), "Field.Required"));
        else if (input.HeldOn > today) errors.Add(new(nameof(input.HeldOn), "Evaluation.HeldInFuture"));
        if (input.AttendingUnitIds.Count == 0) errors.Add(new(nameof(input.AttendingUnitIds), "Evaluation.AttendingUnitsRequired"));
        if (string.IsNullOrWhiteSpace(input.Attendees)) errors.Add(new(nameof(input.Attendees), "Evaluation.AttendeesRequired"));
        else TextRules.Add(errors, nameof(input.Attendees), input.Attendees, Evaluation.TextMaxLength, multiLine: true);

        foreach (var criterion in AllCriteria)
        {
            var field = $"Criteria[{criterion}]";
            var given = input.Criteria.Where(c => c.Criterion == criterion).ToList();
            if (given.Count != 1 || given[0].Judgement is null) errors.Add(new(field, "Evaluation.CriterionNotJudged", criterion));
            else if (!Choices.IsKnown(given[0].Judgement!.Value)) errors.Add(new(field, Choices.Unknown));
            else TextRules.Add(errors, field, given[0].Comment, Evaluation.CommentMaxLength, multiLine: true);
        }
        // Rows for criteria the record does not have (a script can send them) would be stored beside the real ones.
        if (input.Criteria.Any(c => !Choices.IsKnown(c.Criterion))) errors.Add(new(nameof(input.Criteria), Choices.Unknown));

        if (input.Decision is null) errors.Add(new(nameof(input.Decision), "Evaluation.DecisionRequired"));
        else if (!Choices.IsKnown(input.Decision.Value)) errors.Add(new(nameof(input.Decision), Choices.Unknown));
        else if (input.Decision == EvaluationDecision.Pass && input.Criteria.FirstOrDefault(c => c.Failed()) is { } failed)
            errors.Add(new(nameof(input.Decision), "Evaluation.ScreenFailedCannotPass", failed.Criterion));
        if (input.Decision == EvaluationDecision.Fail && string.IsNullOrWhiteSpace(input.Reasons))
            errors.Add(new(nameof(input.Reasons), "Evaluation.FailReasonsRequired"));
        TextRules.Add(errors, nameof(input.Reasons), input.Reasons, Evaluation.TextMaxLength, multiLine: true);
        return errors;
    }

    /// <summary>Why the project cannot be evaluated now by this user (stage, role); null when it can.</summary>
    public static RuleViolation? CheckProject(Project project, ActorRole role, int? unitId)
    {
        if (project.Stage != ProjectStage.Negotiating) return new RuleViolation("Evaluation.NotNegotiating", project.Stage);
        var level = LevelFor(project.CoordinationLevel);
        if (!RoleMay(level, role, unitId, project.HostUnitId)) return new RuleViolation("Evaluation.WrongRole", level);
        return null;
    }
}
