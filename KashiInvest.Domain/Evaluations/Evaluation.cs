using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Evaluations;

/// <summary>What an evaluation meeting judges (Art. 20; seed 000 §15 adds the two screens).</summary>
public enum EvaluationCriterion
{
    Feasibility,
    ExpectedBenefit,
    PlanFit,
    IndustrialLayout,
    CarryingCapacity,
    FactorLand,
    FactorWater,
    FactorPower,
    FactorGas,
    FactorLabour,
    PolicyFulfilment,
    /// <summary>三高: high energy use, high pollution, high emissions.</summary>
    ThreeHighScreen,
    /// <summary>Risky listed-company or quasi-financial shells.</summary>
    FinancialRiskScreen,
}

/// <summary>The fixed scale of a judgement. For the two screens, <see cref="Unacceptable"/> means the screen failed.</summary>
public enum Judgement { Good, Acceptable, Doubtful, Unacceptable }

public enum EvaluationDecision { Pass, Fail }

/// <summary>Who convened the meeting: the Bureau for a prefecture-coordinated project, the county for its own.</summary>
public enum EvaluationLevel { Prefecture, County }

/// <summary>One criterion's judgement and comment.</summary>
public sealed record CriterionJudgement(EvaluationCriterion Criterion, Judgement? Judgement, string? Comment);

/// <summary>What the record form collects.</summary>
public sealed record EvaluationInput(
    DateOnly? HeldOn,
    IReadOnlyList<int> AttendingUnitIds,
    string? Attendees,
    IReadOnlyList<CriterionJudgement> Criteria,
    EvaluationDecision? Decision,
    string? Reasons);

/// <summary>
/// The record of one evaluation meeting of a project (Art. 20). Kept for ever: a project revived from the reserve
/// library keeps its old evaluations beside the new one.
/// </summary>
public sealed class Evaluation : Entity, IAudited
{
    public const int TextMaxLength = 2000;
    public const int CommentMaxLength = 500;

    private readonly List<EvaluationCriterionResult> _criteria = [];

    private Evaluation() { RecordedBy = string.Empty; AttendingUnitIds = string.Empty; }

    internal Evaluation(EvaluationLevel level, EvaluationInput input, Actor actor, DateTime nowUtc)
    {
        Level = level;
        HeldOn = input.HeldOn!.Value;
        AttendingUnitIds = string.Join(',', input.AttendingUnitIds.Distinct().Order());
        Attendees = Clean(input.Attendees);
        Decision = input.Decision!.Value;
        Reasons = Clean(input.Reasons);
        RecordedBy = actor.UserName;
        RecordedByUnitId = actor.UnitId;
        RecordedAtUtc = nowUtc;
        foreach (var c in input.Criteria.OrderBy(c => c.Criterion))
            _criteria.Add(new EvaluationCriterionResult(c.Criterion, c.Judgement!.Value, Clean(c.Comment)));
    }

    public int ProjectId { get; private set; }
    public EvaluationLevel Level { get; private set; }
    public DateOnly HeldOn { get; private set; }
    /// <summary>The attending units' ids, comma-separated in ascending order.</summary>
    public string AttendingUnitIds { get; private set; }
    /// <summary>The people present, as written by the recorder.</summary>
    public string? Attendees { get; private set; }
    public EvaluationDecision Decision { get; private set; }
    public string? Reasons { get; private set; }
    public string RecordedBy { get; private set; }
    public int? RecordedByUnitId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public IReadOnlyList<EvaluationCriterionResult> Criteria => _criteria;

    public IReadOnlyList<int> AttendingUnits =>
        AttendingUnitIds.Length == 0 ? [] : AttendingUnitIds.Split(',').Select(int.Parse).ToArray();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One criterion of a recorded evaluation.</summary>
public sealed class EvaluationCriterionResult : Entity
{
    private EvaluationCriterionResult() { }

    internal EvaluationCriterionResult(EvaluationCriterion criterion, Judgement judgement, string? comment)
    {
        Criterion = criterion;
        Judgement = judgement;
        Comment = comment;
    }

    public int EvaluationId { get; private set; }
    public EvaluationCriterion Criterion { get; private set; }
    public Judgement Judgement { get; private set; }
    public string? Comment { get; private set; }
}
