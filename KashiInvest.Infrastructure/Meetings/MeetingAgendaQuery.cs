using KashiInvest.Domain.Health;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Meetings;

/// <summary>
/// Gathers what <see cref="AgendaBuilder"/> needs for a meeting's scope from the database: project health (the shared
/// <see cref="ProjectHealthQuery"/> rules), key projects with their latest fortnightly report, problems escalated to
/// the prefecture, earlier meetings' open action items, and projects awaiting triage or evaluation.
/// </summary>
public sealed class MeetingAgendaQuery(ProjectHealthQuery health)
{
    public async Task<AgendaInputs> LoadAsync(KashiDbContext db, MeetingScope scope, CancellationToken ct = default)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated && p.Stage != ProjectStage.Reserve && p.Stage != ProjectStage.Lead);
        projects = scope.Kind switch
        {
            MeetingScopeKind.Chain => projects.Where(p => p.ChainId == scope.ChainId),
            MeetingScopeKind.County => projects.Where(p => p.HostUnitId == scope.UnitId),
            _ => projects,
        };
        var rows = await projects.Select(p => new { p.Id, p.Code, p.ChainId, p.HostUnitId, p.Stage, p.WorkGroupLevel }).ToListAsync(ct);
        var assessed = await health.AssessAsync(db, projects, ct);

        var facts = rows.Select(r => new AgendaProjectFact(
            r.Id, r.Code, r.ChainId, r.HostUnitId,
            assessed.TryGetValue(r.Id, out var a) ? a.Status : HealthStatus.OnTrack,
            r.WorkGroupLevel == WorkGroupLevel.KeyProject && r.Stage.HasBattleMap() && r.Stage != ProjectStage.Production,
            AwaitingTriage: r.Stage == ProjectStage.Triage,
            AwaitingEvaluation: r.Stage == ProjectStage.Evaluation)).ToList();

        var problems = await (
            from q in db.Problems.AsNoTracking()
            join p in projects on q.ProjectId equals p.Id
            where q.Status != ProblemStatus.Resolved && q.Level == EscalationLevel.Prefecture
            select new AgendaProblemFact(q.Id, q.ProjectId, p.ChainId, p.HostUnitId, q.DueOn)).ToListAsync(ct);

        var actions = await (
            from a in db.ActionItems.AsNoTracking()
            join m in db.Meetings.AsNoTracking() on a.MeetingId equals (int?)m.Id into mj
            from m in mj.DefaultIfEmpty()
            join p in db.Projects.AsNoTracking() on a.ProjectId equals p.Id into pj
            from p in pj.DefaultIfEmpty()
            where a.Status == ActionItemStatus.Open
            select new
            {
                a.Id, a.MeetingId, ScopeKind = (MeetingScopeKind?)m.ScopeKind, m.ScopeChainId, m.ScopeUnitId, a.DueOn, a.ProjectId,
                ChainId = (int?)p.ChainId, HostUnitId = (int?)p.HostUnitId,
            }).ToListAsync(ct);

        // A task a published bulletin assigned (no meeting) belongs to the prefecture: its meetings follow it up.
        return new AgendaInputs(facts, problems, actions.Select(a => new AgendaActionFact(
            a.Id, a.MeetingId ?? 0, a.ScopeKind is { } kind ? new MeetingScope(kind, a.ScopeChainId, a.ScopeUnitId) : MeetingScope.Prefecture,
            a.DueOn, true, a.ProjectId, a.ChainId, a.HostUnitId)).ToList());
    }

    /// <summary>The proposed agenda for <paramref name="meeting"/>, ready for <see cref="Meeting.RefreshAgenda"/>.</summary>
    public async Task<IReadOnlyList<ProposedAgendaItem>> ProposeAsync(KashiDbContext db, Meeting meeting, CancellationToken ct = default)
    {
        var inputs = await LoadAsync(db, meeting.Scope, ct);
        return AgendaBuilder.Build(inputs, meeting.Scope, meeting.Date, meeting.IncludeAwaiting, meeting.Id == 0 ? null : meeting.Id);
    }
}
