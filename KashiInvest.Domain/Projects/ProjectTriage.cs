using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Triage;

namespace KashiInvest.Domain.Projects;

/// <summary>The triage steps of a project (Art. 19); the rules are in <see cref="TriageRules"/>.</summary>
public sealed partial class Project
{
    private readonly List<TriageStep> _triageSteps = [];

    public TriageStatus TriageStatus { get; private set; }

    /// <summary>Every triage step, oldest first.</summary>
    public IReadOnlyList<TriageStep> TriageSteps => _triageSteps;

    public TriageWaitingOn TriageWaitingOn => TriageRules.WaitingOn(Stage, CoordinationLevel, TriageStatus);

    public RuleViolation? CheckTriage(TriageAction action, ActorRole role, int? unitId, TriageInput input, DateOnly today) =>
        TriageRules.Check(this, action, role, unitId, input, today);

    /// <summary>Takes one triage step, refusing an out-of-order step, a wrong role or incomplete input.</summary>
    public void Triage(TriageAction action, ActorRole role, TriageInput input, Actor actor, DateTime nowUtc)
    {
        if (CheckTriage(action, role, actor.UnitId, input, BeijingTime.DateOf(nowUtc)) is { } violation) throw new DomainRuleException(violation);
        var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        switch (action)
        {
            case TriageAction.Analyse:
                TriageStatus = TriageStatus.Analysed;
                Log(action, actor, nowUtc, text, input.Recommendation);
                if (Stage == ProjectStage.Lead) MoveTo(new StageTransition(ProjectStage.Triage, text), actor, nowUtc);
                break;
            case TriageAction.Approve:
                TriageStatus = TriageStatus.Approved;
                Log(action, actor, nowUtc, text);
                break;
            case TriageAction.Return:
                TriageStatus = TriageStatus.Returned;
                Log(action, actor, nowUtc, text);
                break;
            case TriageAction.Decide:
                var leader = input.ResponsibleLeader!.Trim();
                var meeting = input.Meeting!.Trim();
                ResponsibleLeader = leader;
                TriageStatus = TriageStatus.Decided;
                _triageSteps.Add(new TriageStep(action, nowUtc, actor, text, null, leader, input.DecidedOn, meeting));
                MoveTo(new StageTransition(ProjectStage.Negotiating, text ?? meeting), actor, nowUtc);
                break;
            case TriageAction.Route:
                TriageStatus = TriageStatus.RoutedToCounty;
                Log(action, actor, nowUtc, text);
                MoveTo(new StageTransition(ProjectStage.Triage, text), actor, nowUtc);
                break;
            case TriageAction.StartCountyNegotiation:
                TriageStatus = TriageStatus.CountyNegotiating;
                Log(action, actor, nowUtc, text);
                MoveTo(new StageTransition(ProjectStage.Negotiating, text), actor, nowUtc);
                break;
            case TriageAction.RequestPrefecture:
                TriageStatus = TriageStatus.PrefectureRequested;
                Log(action, actor, nowUtc, text);
                SetCoordination(CoordinationLevel.Prefecture, nowUtc);
                break;
        }
        Touch(nowUtc);
        Raise(new ProjectTriaged(this, action));
    }

    private void Log(TriageAction action, Actor actor, DateTime nowUtc, string? text, TriageRecommendation? recommendation = null) =>
        _triageSteps.Add(new TriageStep(action, nowUtc, actor, text, recommendation, null, null, null));
}

/// <summary>Raised when a triage step is taken.</summary>
public sealed record ProjectTriaged(Project Project, TriageAction Action) : IDomainEvent;
