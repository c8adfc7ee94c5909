using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>The investor's application of one project, as its battle map shows it (null fields: none recorded yet).</summary>
public sealed record ProjectApplication(int ProjectId, bool MayApply, bool CanRecord, string? ApplicantName, DateOnly? AppliedOn, ServicePhases Phases,
    ServicePlanStatus? Status, int ItemCount, int DoneCount, IReadOnlyList<RatableItem>? Finished = null, bool CanRate = false)
{
    public bool IsRecorded => Status is not null;
}

/// <summary>A decided item of the plan with the investor's rating (好评 / 差评) as the county recorded it.</summary>
public sealed record RatableItem(int Id, int Version, string ItemName, string ItemNameEn, Satisfaction? Rating, string? Comment, bool FollowUpOpen, string? FollowUp);

/// <summary>
/// Reads a project's assist-and-proxy application (Art. 23) under the user's scope: whether one was recorded, its plan's
/// size, and whether this user may record it (the host county, the Bureau, the administrator; a signed project only).
/// </summary>
public sealed class ApplicationQuery(IDbContextFactory<KashiDbContext> factory)
{
    public async Task<ProjectApplication?> GetAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == projectId)
            .Select(p => new { Key = new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId), p.Stage }).FirstOrDefaultAsync(ct);
        if (project is null) return null;
        var mayApply = project.Stage is ProjectStage.Signed or ProjectStage.Landing or ProjectStage.Construction;
        var plan = await db.ServicePlans.AsNoTracking().Where(p => p.ProjectId == projectId).FirstOrDefaultAsync(ct);
        var statuses = plan is null ? [] : await db.PlanItems.AsNoTracking().Where(i => i.ServicePlanId == plan.Id).Select(i => i.Status).ToListAsync(ct);
        var finished = plan is null ? [] : await db.PlanItems.AsNoTracking()
            .Where(i => i.ServicePlanId == plan.Id && (i.Status == PlanItemStatus.Approved || i.Status == PlanItemStatus.Refused || i.Status == PlanItemStatus.CertificateIssued))
            .OrderBy(i => i.Id)
            .Select(i => new RatableItem(i.Id, i.Version, i.ItemName, i.ItemNameEn, i.Satisfaction, i.SatisfactionComment,
                i.Satisfaction == Satisfaction.Poor && i.FollowUp == null, i.FollowUp))
            .ToListAsync(ct);
        return new ProjectApplication(projectId, mayApply, ApprovalAccess.CanRecordApplication(scope, project.Key), plan?.ApplicantName, plan?.AppliedOn,
            plan?.Phases ?? ServicePhases.None, plan?.Status, statuses.Count, statuses.Count(s => BoardQuery.LaneOf(s) == BoardLane.Done),
            finished, ApprovalAccess.CanRateService(scope, project.Key.HostUnitId));
    }
}
