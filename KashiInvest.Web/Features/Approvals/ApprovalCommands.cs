using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>The investor's application as the county records it.</summary>
public sealed record NewApplication(string ApplicantName, DateOnly AppliedOn, ServicePhases Phases);

/// <summary>What a proxy records on an item: which step, on which Beijing day, and why (a reason where the step needs one).</summary>
public enum ItemStepKind
{
    StartPreparing, Submit, Accept, RequestCorrection, CompleteMaterials, Pause, Resume, Approve, Refuse, IssueCertificate, Withdraw,
}

/// <param name="Procedure">For <see cref="ItemStepKind.Pause"/>: which special procedure.</param>
/// <param name="ExpectedEndOn">For <see cref="ItemStepKind.Pause"/>: when it is expected to end.</param>
/// <param name="CertificateNumber">For <see cref="ItemStepKind.IssueCertificate"/>.</param>
public sealed record ItemStep(ItemStepKind Kind, DateOnly On, string? Note = null, SpecialProcedure? Procedure = null,
    DateOnly? ExpectedEndOn = null, string? CertificateNumber = null);

/// <summary>
/// The writes of assist-and-proxy approvals (Art. 23): the county records the investor's application; the group
/// leader plans the items and assigns them; a proxy of the item's department claims it and records each step of
/// its clock. Each write checks the rule of <see cref="ApprovalAccess"/>, refuses a stale version with a conflict,
/// and saves through the unit of work (audit rows with before/after, live notices after commit).
/// </summary>
public sealed class ApprovalCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<ApprovalCommands> logger)
{
    public Task<WriteResult> RecordApplicationAsync(UserScope scope, int projectId, NewApplication input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var project = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == projectId)
            .Select(p => new { Key = new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId), p.Stage, p.WorkGroupLevel }).FirstOrDefaultAsync(ct);
        if (project is null) return WriteResult.NotFound;
        if (!ApprovalAccess.CanRecordApplication(scope, project.Key)) return WriteResult.NotAllowed;
        if (await db.ServicePlans.AnyAsync(p => p.ProjectId == projectId, ct)) return WriteResult.Invalid(string.Empty, new RuleViolation("Approvals.AlreadyApplied"));
        var plan = ServicePlan.RecordApplication(project.Key, project.Stage, project.WorkGroupLevel == WorkGroupLevel.KeyProject,
            input.ApplicantName, input.AppliedOn, input.Phases, scope.Actor, clock.GetUtcNow().UtcDateTime);
        db.ServicePlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(plan.Id);
    });

    /// <summary>The group leader adds catalogue items to the plan; returns the plan's id.</summary>
    public Task<WriteResult> PlanItemsAsync(UserScope scope, int planId, int planVersion, IReadOnlyCollection<int> catalogueItemIds, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var plan = await db.ServicePlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return WriteResult.NotFound;
        var group = await db.ServiceGroups.AsNoTracking().Include(g => g.Proxies).FirstOrDefaultAsync(g => g.HostUnitId == plan.HostUnitId, ct);
        if (group is null || !ApprovalAccess.CanPlan(scope, group)) return WriteResult.NotAllowed;
        if (plan.Version != planVersion) return WriteResult.Conflict;
        var ids = catalogueItemIds.Distinct().ToArray();
        var items = await db.ApprovalCatalogue.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        if (items.Count != ids.Length) return WriteResult.Invalid(nameof(catalogueItemIds), new RuleViolation("Approvals.NoItems"));
        var planned = await db.PlanItems.Where(i => i.ServicePlanId == planId).Select(i => i.CatalogueItemId).ToListAsync(ct);
        db.PlanItems.AddRange(plan.AddItems(items, planned, scope.Actor, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(plan.Id);
    });

    /// <summary>The group leader gives an item to one of its department's proxies (a reassignment says why).</summary>
    public Task<WriteResult> AssignAsync(UserScope scope, int itemId, int version, string proxyUserName, string? note, CancellationToken ct = default) =>
        ActAsync(scope, itemId, version, (_, group) => ApprovalAccess.CanPlan(scope, group), (item, group, now) =>
        {
            if (!group.IsProxy(proxyUserName, item.DepartmentUnitId)) throw new DomainRuleException("Approvals.NotAProxyOfDepartment", proxyUserName);
            item.Assign(proxyUserName, note, scope.Actor, now);
        }, ct);

    public Task<WriteResult> ClaimAsync(UserScope scope, int itemId, int version, CancellationToken ct = default) =>
        ActAsync(scope, itemId, version, (item, group) => ApprovalAccess.CanClaim(scope, group, item), (item, _, now) => item.Claim(scope.Actor, now), ct);

    /// <summary>The host county records the investor's word on a decided item (a change says why).</summary>
    public Task<WriteResult> RateServiceAsync(UserScope scope, int itemId, int version, Satisfaction rating, string? comment, string? reason,
        CancellationToken ct = default) =>
        ActAsync(scope, itemId, version, (item, _) => ApprovalAccess.CanRateService(scope, item.HostUnitId),
            (item, _, now) => item.RateService(rating, comment, reason, scope.Actor, now), ct);

    /// <summary>The group leader records what was done about a 差评: the follow-up leaves the leader's to-do.</summary>
    public Task<WriteResult> RecordFollowUpAsync(UserScope scope, int itemId, int version, string text, CancellationToken ct = default) =>
        ActAsync(scope, itemId, version, (_, group) => ApprovalAccess.CanPlan(scope, group),
            (item, _, now) => item.RecordFollowUp(text, scope.Actor, now), ct);

    /// <summary>One step of the item's clock, by its proxy (or the group leader or the Bureau).</summary>
    public Task<WriteResult> StepAsync(UserScope scope, int itemId, int version, ItemStep step, CancellationToken ct = default) =>
        ActAsync(scope, itemId, version, (item, group) => ApprovalAccess.CanCarry(scope, group, item), (item, _, now) =>
        {
            var actor = scope.Actor;
            switch (step.Kind)
            {
                case ItemStepKind.StartPreparing: item.StartPreparing(step.On, step.Note, actor, now); break;
                case ItemStepKind.Submit: item.Submit(step.On, step.Note, actor, now); break;
                case ItemStepKind.Accept: item.Accept(step.On, step.Note, actor, now); break;
                case ItemStepKind.RequestCorrection: item.RequestCorrection(step.On, step.Note ?? string.Empty, actor, now); break;
                case ItemStepKind.CompleteMaterials: item.CompleteMaterials(step.On, step.Note, actor, now); break;
                case ItemStepKind.Pause:
                    item.Pause(step.Procedure ?? throw new DomainRuleException("Approvals.ProcedureRequired"), step.Note ?? string.Empty, step.On,
                        step.ExpectedEndOn, actor, now);
                    break;
                case ItemStepKind.Resume: item.Resume(step.On, step.Note, actor, now); break;
                case ItemStepKind.Approve: item.Decide(true, step.On, step.Note, actor, now); break;
                case ItemStepKind.Refuse: item.Decide(false, step.On, step.Note, actor, now); break;
                case ItemStepKind.IssueCertificate: item.IssueCertificate(step.On, step.CertificateNumber, actor, now); break;
                case ItemStepKind.Withdraw: item.Withdraw(step.On, step.Note ?? string.Empty, actor, now); break;
                // A step no form offers (a script can send any number): refused like any unknown choice.
                default: throw new DomainRuleException(Choices.Unknown);
            }
        }, ct);

    /// <summary>Enters or replaces a year of the working-day calendar (an edit or an import of the year's notice).</summary>
    public Task<WriteResult> SaveCalendarYearAsync(UserScope scope, int year, int? version, string sourceTitle, DateOnly? sourcePublishedOn,
        IReadOnlyList<CalendarDayInput> days, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!ApprovalAccess.CanKeepReferenceData(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.CalendarYears.Include(y => y.Days).FirstOrDefaultAsync(y => y.Year == year, ct);
        if (existing is null)
        {
            if (version is not null) return WriteResult.Conflict;
            existing = new CalendarYear(year, sourceTitle, sourcePublishedOn, days, scope.Actor, now);
            db.CalendarYears.Add(existing);
        }
        else
        {
            if (existing.Version != version) return WriteResult.Conflict;
            existing.Replace(sourceTitle, sourcePublishedOn, days, scope.Actor, now);
        }
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(existing.Id);
    });

    /// <summary>Loads the item and its group, checks the right and the version, runs <paramref name="act"/>, and saves.</summary>
    private Task<WriteResult> ActAsync(UserScope scope, int itemId, int version, Func<PlanItem, ServiceGroup, bool> allowed,
        Action<PlanItem, ServiceGroup, DateTime> act, CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var item = await db.PlanItems.Include(i => i.Pauses).Include(i => i.Steps).FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return WriteResult.NotFound;
        var group = await db.ServiceGroups.AsNoTracking().Include(g => g.Proxies).FirstOrDefaultAsync(g => g.HostUnitId == item.HostUnitId, ct);
        if (group is null) return WriteResult.NotAllowed;
        if (!allowed(item, group)) return WriteResult.NotAllowed;
        if (item.Version != version) return WriteResult.Conflict;
        act(item, group, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(item.Id);
    });
}
