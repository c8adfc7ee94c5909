using KashiInvest.Domain.Health;

namespace KashiInvest.Domain.Meetings;

/// <summary>A project as the agenda sees it: where it is, its health, whether it is a key project, what it awaits.</summary>
public sealed record AgendaProjectFact(
    int ProjectId,
    string Code,
    int ChainId,
    int HostUnitId,
    HealthStatus Health,
    bool IsKeyProject,
    bool AwaitingTriage = false,
    bool AwaitingEvaluation = false);

/// <summary>An open ledger problem escalated to the prefecture's coordination.</summary>
public sealed record AgendaProblemFact(int ProblemId, int ProjectId, int ChainId, int HostUnitId, DateOnly DueOn);

/// <summary>An action item of an earlier meeting, with the scope of that meeting and of its project.</summary>
public sealed record AgendaActionFact(
    int ActionItemId,
    int MeetingId,
    MeetingScope MeetingScope,
    DateOnly DueOn,
    bool IsOpen,
    int? ProjectId = null,
    int? ProjectChainId = null,
    int? ProjectHostUnitId = null);

public sealed record AgendaInputs(
    IReadOnlyList<AgendaProjectFact> Projects,
    IReadOnlyList<AgendaProblemFact> EscalatedProblems,
    IReadOnlyList<AgendaActionFact> Actions);

/// <summary>An item the builder proposes; <see cref="AlsoKinds"/> lists the other reasons the same project qualified for.</summary>
public sealed record ProposedAgendaItem(AgendaItemKind Kind, int? ProjectId, int? ProblemId, int? ActionItemId, IReadOnlyList<AgendaItemKind> AlsoKinds);

/// <summary>
/// Proposes a meeting's agenda from the data (Art. 25, 27), in this order: follow-ups of earlier meetings' open
/// action items that are overdue or due by the meeting day; stalled projects; at-risk projects; problems escalated
/// to the prefecture; key projects with their latest fortnightly report (grouped by chain, i.e. by chain lead);
/// optionally projects awaiting triage or evaluation. A project appears once: its highest-priority reason makes the
/// item and the other reasons are noted on it. Action follow-ups are one item each (a task is never merged away).
/// </summary>
public static class AgendaBuilder
{
    public static IReadOnlyList<ProposedAgendaItem> Build(AgendaInputs inputs, MeetingScope scope, DateOnly meetingDate, bool includeAwaiting, int? meetingId = null)
    {
        var items = new List<Draft>();
        var byProject = new Dictionary<int, Draft>();

        void Add(AgendaItemKind kind, int? projectId, int? problemId, int? actionId)
        {
            if (kind != AgendaItemKind.ActionFollowUp && projectId is { } pid && byProject.TryGetValue(pid, out var first))
            {
                if (first.Kind != kind && !first.Also.Contains(kind)) first.Also.Add(kind);
                return;
            }
            var draft = new Draft(kind, projectId, problemId, actionId);
            items.Add(draft);
            if (projectId is { } p && !byProject.ContainsKey(p)) byProject[p] = draft;
        }

        foreach (var a in inputs.Actions
                     .Where(a => a.IsOpen && a.MeetingId != meetingId && a.DueOn <= meetingDate && ActionInScope(a, scope))
                     .OrderBy(a => a.DueOn).ThenBy(a => a.ActionItemId))
            Add(AgendaItemKind.ActionFollowUp, a.ProjectId, null, a.ActionItemId);

        var projects = inputs.Projects.Where(p => scope.Covers(p.ChainId, p.HostUnitId)).ToList();
        foreach (var p in projects.Where(p => p.Health == HealthStatus.Stalled).OrderBy(p => p.Code, StringComparer.Ordinal))
            Add(AgendaItemKind.StalledProject, p.ProjectId, null, null);
        foreach (var p in projects.Where(p => p.Health == HealthStatus.AtRisk).OrderBy(p => p.Code, StringComparer.Ordinal))
            Add(AgendaItemKind.AtRiskProject, p.ProjectId, null, null);

        foreach (var q in inputs.EscalatedProblems.Where(q => scope.Covers(q.ChainId, q.HostUnitId)).OrderBy(q => q.DueOn).ThenBy(q => q.ProblemId))
            Add(AgendaItemKind.EscalatedProblem, q.ProjectId, q.ProblemId, null);

        foreach (var p in projects.Where(p => p.IsKeyProject).OrderBy(p => p.ChainId).ThenBy(p => p.Code, StringComparer.Ordinal))
            Add(AgendaItemKind.KeyProjectReport, p.ProjectId, null, null);

        if (includeAwaiting)
        {
            foreach (var p in projects.Where(p => p.AwaitingTriage).OrderBy(p => p.Code, StringComparer.Ordinal))
                Add(AgendaItemKind.AwaitingTriage, p.ProjectId, null, null);
            foreach (var p in projects.Where(p => p.AwaitingEvaluation).OrderBy(p => p.Code, StringComparer.Ordinal))
                Add(AgendaItemKind.AwaitingEvaluation, p.ProjectId, null, null);
        }

        return items.Select(d => new ProposedAgendaItem(d.Kind, d.ProjectId, d.ProblemId, d.ActionItemId, d.Also.ToList())).ToList();
    }

    /// <summary>
    /// Which earlier actions a meeting follows up: those of meetings with the same scope; a prefecture meeting also
    /// follows up its chain meetings; a chain or county meeting also follows up actions on its own projects decided
    /// elsewhere.
    /// </summary>
    public static bool ActionInScope(AgendaActionFact a, MeetingScope scope)
    {
        if (a.MeetingScope == scope) return true;
        return scope.Kind switch
        {
            MeetingScopeKind.Prefecture => a.MeetingScope.Kind == MeetingScopeKind.Chain,
            _ => a.ProjectChainId is { } chain && a.ProjectHostUnitId is { } host && scope.Covers(chain, host),
        };
    }

    private sealed record Draft(AgendaItemKind Kind, int? ProjectId, int? ProblemId, int? ActionItemId)
    {
        public List<AgendaItemKind> Also { get; } = [];
    }
}
