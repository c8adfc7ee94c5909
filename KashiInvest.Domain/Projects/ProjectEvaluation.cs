using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;

namespace KashiInvest.Domain.Projects;

/// <summary>The evaluation meetings of a project (Art. 20).</summary>
public sealed partial class Project
{
    private readonly List<Evaluation> _evaluations = [];

    /// <summary>Every evaluation ever recorded, oldest first (a revived project keeps the old ones).</summary>
    public IReadOnlyList<Evaluation> Evaluations => _evaluations;

    /// <summary>The meeting date of the evaluation that passed the project in its current round; null when none did.</summary>
    public DateOnly? EvaluationPassedOn { get; private set; }

    /// <summary>
    /// Records an evaluation meeting held for a project in negotiation. The project moves to Evaluation; a pass keeps
    /// it there for the county to sign; a fail ends negotiation and moves it to the reserve library with the reasons.
    /// </summary>
    public Evaluation RecordEvaluation(EvaluationInput input, ActorRole role, Actor actor, DateTime nowUtc)
    {
        if (EvaluationRules.CheckProject(this, role, actor.UnitId) is { } refused) throw new DomainRuleException(refused);
        if (EvaluationRules.Validate(input, BeijingTime.DateOf(nowUtc)).FirstOrDefault() is { } invalid) throw new DomainRuleException(invalid.Violation);
        var evaluation = new Evaluation(EvaluationRules.LevelFor(CoordinationLevel), input, actor, nowUtc);
        _evaluations.Add(evaluation);
        MoveTo(new StageTransition(ProjectStage.Evaluation, evaluation.Reasons), actor, nowUtc);
        if (evaluation.Decision == EvaluationDecision.Pass) EvaluationPassedOn = evaluation.HeldOn;
        else MoveTo(new StageTransition(ProjectStage.Reserve, evaluation.Reasons), actor, nowUtc);
        Raise(new EvaluationRecorded(this, evaluation));
        return evaluation;
    }
}

/// <summary>Raised when an evaluation is recorded; the evaluation's id is set by the time it is published.</summary>
public sealed record EvaluationRecorded(Project Project, Evaluation Evaluation) : IDomainEvent;
