using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Triage;

/// <summary>One lead in the triage queue, with what it waits on and the actions open to the reading user.</summary>
public sealed record TriageRow(
    int ProjectId,
    int Version,
    string Code,
    string Name,
    ProjectStage Stage,
    string InvestorName,
    InvestorTier Tiers,
    SourceRegionCode Region,
    int HostUnitId,
    int SourceUnitId,
    CoordinationLevel Coordination,
    TriageStatus Status,
    TriageWaitingOn WaitingOn,
    int AgeDays,
    DateTime CreatedAtUtc,
    string? ResponsibleLeader,
    TriageStepView? LastStep,
    IReadOnlyList<TriageAction> MyActions);

public sealed record TriageStepView(TriageAction Action, DateTime AtUtc, string By, int? ByUnitId, string? Text,
    TriageRecommendation? Recommendation, string? ResponsibleLeader, DateOnly? DecidedOn, string? Meeting);

/// <summary>Reads the triage queue (Art. 19): projects in Lead and Triage, under the user's scope.</summary>
public sealed class TriageQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<TriageRow>> LoadAsync(UserScope scope, IReadOnlyCollection<int>? onlyIds = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var projects = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope))
            .Where(p => p.Stage == ProjectStage.Lead || p.Stage == ProjectStage.Triage);
        if (onlyIds is not null) projects = projects.Where(p => onlyIds.Contains(p.Id));
        var rows = await (from p in projects
                          join i in db.Investors on p.InvestorId equals i.Id
                          select new
                          {
                              p.Id, p.Version, p.Code, p.Name, p.Stage, InvestorName = i.Name, i.Tiers, i.Region, p.HostUnitId, p.SourceUnitId,
                              p.CoordinationLevel, p.TriageStatus, p.CreatedAtUtc, p.ResponsibleLeader,
                          }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var steps = (await db.TriageSteps.AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToListAsync(ct))
            .GroupBy(s => s.ProjectId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).Last());
        var today = BeijingTime.Today(clock);
        return rows.Select(r =>
        {
            var open = TriageRules.OpenActions(r.Stage, r.CoordinationLevel, r.TriageStatus);
            var mine = open.Where(a => TriageRules.RoleMay(a, scope.Role, scope.UnitId, r.HostUnitId)).ToArray();
            var last = steps.TryGetValue(r.Id, out var s)
                ? new TriageStepView(s.Action, s.AtUtc, s.By, s.ByUnitId, s.Text, s.Recommendation, s.ResponsibleLeader, s.DecidedOn, s.Meeting)
                : null;
            return new TriageRow(r.Id, r.Version, r.Code, r.Name, r.Stage, r.InvestorName, r.Tiers, r.Region, r.HostUnitId, r.SourceUnitId,
                r.CoordinationLevel, r.TriageStatus, TriageRules.WaitingOn(r.Stage, r.CoordinationLevel, r.TriageStatus),
                today.DayNumber - BeijingTime.DateOf(r.CreatedAtUtc).DayNumber, r.CreatedAtUtc, r.ResponsibleLeader, last, mine);
        })
        // Oldest waiting first: the queue is worked from its tail.
        .OrderBy(r => r.WaitingOn).ThenByDescending(r => r.AgeDays).ThenBy(r => r.Code)
        .ToList();
    }

    /// <summary>The triage history of one project, oldest first (for the step dialog and the project page).</summary>
    public async Task<IReadOnlyList<TriageStepView>> HistoryAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Projects.Where(ProjectAccess.VisibleTo(scope)).AnyAsync(p => p.Id == projectId, ct)) return [];
        return (await db.TriageSteps.AsNoTracking().Where(s => s.ProjectId == projectId).ToListAsync(ct))
            .OrderBy(s => s.AtUtc).ThenBy(s => s.Id)
            .Select(s => new TriageStepView(s.Action, s.AtUtc, s.By, s.ByUnitId, s.Text, s.Recommendation, s.ResponsibleLeader, s.DecidedOn, s.Meeting))
            .ToList();
    }
}
