using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Triage;

/// <summary>
/// Art. 19: who does which triage step, in which order. Tiered (prefecture-coordinated) leads: the Bureau analyses,
/// a prefecture leader reviews (approve or return), the Bureau records the leading group's naming of the responsible
/// negotiation leader. Other leads: the Bureau routes them to the host county, which starts negotiating itself or asks
/// for prefecture coordination.
/// </summary>
public static class TriageRules
{
    /// <summary>The actions open to anyone on the project now, in the order a user would take them (role not considered).</summary>
    public static IReadOnlyList<TriageAction> OpenActions(ProjectStage stage, CoordinationLevel coordination, TriageStatus status) =>
        (stage, coordination, status) switch
        {
            (ProjectStage.Lead, CoordinationLevel.Prefecture, TriageStatus.New or TriageStatus.Returned) => [TriageAction.Analyse],
            (ProjectStage.Lead, CoordinationLevel.County, TriageStatus.New) => [TriageAction.Route],
            (ProjectStage.Triage, CoordinationLevel.Prefecture, TriageStatus.Returned or TriageStatus.PrefectureRequested or TriageStatus.New) => [TriageAction.Analyse],
            (ProjectStage.Triage, CoordinationLevel.Prefecture, TriageStatus.Analysed) => [TriageAction.Approve, TriageAction.Return],
            (ProjectStage.Triage, CoordinationLevel.Prefecture, TriageStatus.Approved) => [TriageAction.Decide],
            (ProjectStage.Triage, CoordinationLevel.County, TriageStatus.RoutedToCounty or TriageStatus.New) => [TriageAction.StartCountyNegotiation, TriageAction.RequestPrefecture],
            _ => [],
        };

    /// <summary>Who the project waits on in triage.</summary>
    public static TriageWaitingOn WaitingOn(ProjectStage stage, CoordinationLevel coordination, TriageStatus status)
    {
        var open = OpenActions(stage, coordination, status);
        if (open.Count == 0) return TriageWaitingOn.Nobody;
        return open[0] switch
        {
            TriageAction.Analyse or TriageAction.Route => TriageWaitingOn.Bureau,
            TriageAction.Approve or TriageAction.Return => TriageWaitingOn.Leader,
            TriageAction.Decide => TriageWaitingOn.LeadingGroup,
            _ => TriageWaitingOn.County,
        };
    }

    /// <summary>Whether <paramref name="role"/> (of unit <paramref name="unitId"/>) may take <paramref name="action"/> on a project hosted by <paramref name="hostUnitId"/>.</summary>
    public static bool RoleMay(TriageAction action, ActorRole role, int? unitId, int hostUnitId) => action switch
    {
        TriageAction.Analyse or TriageAction.Decide or TriageAction.Route => role is ActorRole.Bureau or ActorRole.Administrator,
        TriageAction.Approve or TriageAction.Return => role is ActorRole.Leader,
        TriageAction.StartCountyNegotiation or TriageAction.RequestPrefecture =>
            role == ActorRole.Administrator || (role == ActorRole.AttractingUnit && unitId == hostUnitId),
        _ => false,
    };

    /// <summary>Why the step would be refused (order first, then role, then input); null when it may proceed.</summary>
    public static RuleViolation? Check(Project project, TriageAction action, ActorRole role, int? unitId, TriageInput input, DateOnly today)
    {
        if (!OpenActions(project.Stage, project.CoordinationLevel, project.TriageStatus).Contains(action))
            return new RuleViolation("Triage.OutOfOrder", action, project.TriageStatus, project.Stage);
        if (!RoleMay(action, role, unitId, project.HostUnitId))
            return new RuleViolation("Triage.WrongRole", action);
        return Validate(action, input, today).Select(v => v.Violation).FirstOrDefault();
    }

    /// <summary>The input errors of a step, by field (<c>Text</c>, <c>Recommendation</c>, <c>ResponsibleLeader</c>, <c>DecidedOn</c>, <c>Meeting</c>).</summary>
    public static IReadOnlyList<FieldViolation> Validate(TriageAction action, TriageInput input, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        var textRequired = action is TriageAction.Analyse or TriageAction.Return or TriageAction.RequestPrefecture;
        if (textRequired && string.IsNullOrWhiteSpace(input.Text))
            errors.Add(new(nameof(TriageInput.Text), action switch
            {
                TriageAction.Return => "Triage.CommentRequired",
                TriageAction.RequestPrefecture => "Triage.ReasonRequired",
                _ => "Triage.AnalysisRequired",
            }));
        TextRules.Add(errors, nameof(TriageInput.Text), input.Text, TriageStep.TextMaxLength, multiLine: true);
        if (action == TriageAction.Analyse && input.Recommendation is null) errors.Add(new(nameof(TriageInput.Recommendation), "Triage.RecommendationRequired"));
        Choices.Add(errors, nameof(TriageInput.Recommendation), input.Recommendation);
        if (action == TriageAction.Decide)
        {
            if (string.IsNullOrWhiteSpace(input.ResponsibleLeader)) errors.Add(new(nameof(TriageInput.ResponsibleLeader), "Triage.ResponsibleLeaderRequired"));
            else TextRules.Add(errors, nameof(TriageInput.ResponsibleLeader), input.ResponsibleLeader, ProjectDetailsRules.PersonMaxLength);
            if (input.DecidedOn is null) errors.Add(new(nameof(TriageInput.DecidedOn), "Triage.DecisionDateRequired"));
            else if (input.DecidedOn > today) errors.Add(new(nameof(TriageInput.DecidedOn), "Triage.DecisionDateInFuture"));
            if (string.IsNullOrWhiteSpace(input.Meeting)) errors.Add(new(nameof(TriageInput.Meeting), "Triage.MeetingRequired"));
            else TextRules.Add(errors, nameof(TriageInput.Meeting), input.Meeting, TriageStep.ShortTextMaxLength);
        }
        return errors;
    }
}
