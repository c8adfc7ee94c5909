using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>
/// The allowed stage transitions and what each needs. A transition that is not listed is refused with
/// <c>Stage.TransitionNotAllowed</c>; one that is listed but lacks what it needs is refused with its own code.
/// </summary>
public static class ProjectLifecycle
{
    private static readonly IReadOnlyDictionary<ProjectStage, ProjectStage[]> Next = new Dictionary<ProjectStage, ProjectStage[]>
    {
        [ProjectStage.Lead] = [ProjectStage.Triage, ProjectStage.Terminated],
        [ProjectStage.Triage] = [ProjectStage.Negotiating, ProjectStage.Terminated],
        [ProjectStage.Negotiating] = [ProjectStage.Evaluation, ProjectStage.Terminated],
        [ProjectStage.Evaluation] = [ProjectStage.Signed, ProjectStage.Reserve],
        [ProjectStage.Signed] = [ProjectStage.Landing],
        [ProjectStage.Landing] = [ProjectStage.Construction],
        [ProjectStage.Construction] = [ProjectStage.Production],
        [ProjectStage.Production] = [],
        [ProjectStage.Reserve] = [ProjectStage.Negotiating, ProjectStage.Terminated],
        [ProjectStage.Terminated] = [],
    };

    /// <summary>The stages reachable from <paramref name="stage"/> in one step, in the order a user would take them.</summary>
    public static IReadOnlyList<ProjectStage> NextStages(ProjectStage stage) => Next[stage];

    public static bool IsAllowed(ProjectStage from, ProjectStage to) => Next[from].Contains(to);

    /// <summary>The main line of the life cycle, for steppers and pipelines.</summary>
    public static readonly IReadOnlyList<ProjectStage> MainLine =
    [
        ProjectStage.Lead, ProjectStage.Triage, ProjectStage.Negotiating, ProjectStage.Evaluation,
        ProjectStage.Signed, ProjectStage.Landing, ProjectStage.Construction, ProjectStage.Production,
    ];

    /// <summary>Checks a transition of <paramref name="project"/> against the rules; null when it may proceed.</summary>
    public static RuleViolation? Check(Project project, StageTransition transition, DateOnly today)
    {
        var from = project.Stage;
        var to = transition.To;
        if (!IsAllowed(from, to)) return new RuleViolation("Stage.TransitionNotAllowed", from, to);
        if (TextRules.Check(transition.Note, ProjectStageChange.NoteMaxLength, multiLine: true) is { } text) return text;

        switch (to)
        {
            case ProjectStage.Negotiating when project.CoordinationLevel == CoordinationLevel.Prefecture
                                                && string.IsNullOrWhiteSpace(project.ResponsibleLeader):
                // Art. 19: the leading group names the responsible negotiation leader before negotiation starts.
                return new RuleViolation("Stage.ResponsibleLeaderRequired");
            case ProjectStage.Negotiating when from == ProjectStage.Reserve && string.IsNullOrWhiteSpace(transition.Note):
                // A reserve project is revived only with a reason; its history and old evaluations stay.
                return new RuleViolation("Stage.RevivalReasonRequired");
            case ProjectStage.Signed when project.CoordinationLevel == CoordinationLevel.Prefecture && project.EvaluationPassedOn is null:
                // Art. 20: a prefecture-coordinated project is signed only after its evaluation meeting passed it.
                return new RuleViolation("Stage.PassedEvaluationRequired");
            case ProjectStage.Signed when transition.Date is null:
                return new RuleViolation("Stage.SigningDateRequired");
            case ProjectStage.Signed when transition.Date > today:
                return new RuleViolation("Stage.DateInFuture");
            case ProjectStage.Reserve when string.IsNullOrWhiteSpace(transition.Note):
                // Art. 20: a failed evaluation records its reasons.
                return new RuleViolation("Stage.ReasonRequired");
            case ProjectStage.Terminated when transition.TerminationReason is null:
                return new RuleViolation("Stage.TerminationReasonRequired");
            case ProjectStage.Terminated when string.IsNullOrWhiteSpace(transition.Note):
                return new RuleViolation("Stage.ReasonRequired");
        }
        return null;
    }

    /// <summary>
    /// The procedure that owns a move, when one does: such a move is made by that procedure's own step (which records
    /// what the step needs), never by a bare stage change. Art. 19: the triage of a prefecture-coordinated lead;
    /// Art. 20: its evaluation meeting; Art. 22: signing, which records the agreement.
    /// </summary>
    public static LifecycleProcedure ProcedureFor(ProjectStage from, ProjectStage to, CoordinationLevel coordination) => (from, to) switch
    {
        (ProjectStage.Lead, ProjectStage.Triage) or (ProjectStage.Triage, ProjectStage.Negotiating)
            when coordination == CoordinationLevel.Prefecture => LifecycleProcedure.Triage,
        (ProjectStage.Negotiating, ProjectStage.Evaluation) when coordination == CoordinationLevel.Prefecture => LifecycleProcedure.Evaluation,
        (ProjectStage.Evaluation, ProjectStage.Signed) => LifecycleProcedure.Signing,
        _ => LifecycleProcedure.None,
    };

    /// <summary>
    /// A stage change asked for directly (the project page's buttons): the rules of <see cref="Check"/>, and a move that
    /// belongs to a procedure is refused with <c>Stage.UseProcedure</c>.
    /// </summary>
    public static RuleViolation? CheckDirect(Project project, StageTransition transition, DateOnly today)
    {
        var procedure = ProcedureFor(project.Stage, transition.To, project.CoordinationLevel);
        if (procedure != LifecycleProcedure.None && IsAllowed(project.Stage, transition.To))
            return new RuleViolation("Stage.UseProcedure", procedure);
        return Check(project, transition, today);
    }
}

/// <summary>The steps of the life cycle that have their own screen and record (Art. 19, 20, 22).</summary>
public enum LifecycleProcedure { None, Triage, Evaluation, Signing }

/// <summary>A request to move a project to another stage, with what that move needs.</summary>
public sealed record StageTransition(ProjectStage To, string? Note = null, TerminationReason? TerminationReason = null, DateOnly? Date = null);
