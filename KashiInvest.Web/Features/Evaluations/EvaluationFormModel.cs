using KashiInvest.Domain.Evaluations;

namespace KashiInvest.Web.Features.Evaluations;

/// <summary>The record form's state: one row per criterion, all empty until judged.</summary>
public sealed class EvaluationFormModel
{
    public DateTime? HeldOn { get; set; }
    public IReadOnlyCollection<int> AttendingUnitIds { get; set; } = [];
    public string? Attendees { get; set; }
    public List<CriterionRow> Criteria { get; } = EvaluationRules.AllCriteria.Select(c => new CriterionRow(c)).ToList();
    public EvaluationDecision? Decision { get; set; }
    public string? Reasons { get; set; }

    public bool AnyScreenFailed => Criteria.Any(c => c.Criterion.IsScreen() && c.Judgement == Judgement.Unacceptable);

    public EvaluationInput ToInput() => new(
        HeldOn is { } d ? DateOnly.FromDateTime(d) : null,
        AttendingUnitIds.ToList(),
        Attendees,
        Criteria.Select(c => new CriterionJudgement(c.Criterion, c.Judgement, c.Comment)).ToList(),
        Decision,
        Reasons);

    public sealed class CriterionRow(EvaluationCriterion criterion)
    {
        public EvaluationCriterion Criterion { get; } = criterion;
        public Judgement? Judgement { get; set; }
        public string? Comment { get; set; }
    }
}
