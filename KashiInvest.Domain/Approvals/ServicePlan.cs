using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Approvals;

/// <summary>Which part of the way the investor asked the group to carry (Art. 23: from signing to landing to production).</summary>
[Flags]
public enum ServicePhases
{
    None = 0,
    SigningToLanding = 1,
    LandingToProduction = 2,
}

public enum ServicePlanStatus { Applied, Planned }

/// <summary>
/// The investor's application for assist-and-proxy service on a signed project, recorded by the county (nothing
/// starts without it), and the service plan the group leader makes of it: the approval items the project needs,
/// each its own <see cref="PlanItem"/> with its clock.
/// </summary>
public sealed class ServicePlan : AggregateRoot, IAudited
{
    public const int TextMaxLength = 200;

    private ServicePlan() { ApplicantName = RecordedBy = string.Empty; }

    private ServicePlan(int projectId, int hostUnitId, string applicantName, DateOnly appliedOn, ServicePhases phases, bool greenChannel, Actor actor, DateTime nowUtc)
    {
        ProjectId = projectId;
        HostUnitId = hostUnitId;
        ApplicantName = applicantName;
        AppliedOn = appliedOn;
        Phases = phases;
        GreenChannel = greenChannel;
        Status = ServicePlanStatus.Applied;
        RecordedBy = actor.UserName;
        RecordedAtUtc = nowUtc;
        Raise(new ServicePlanChanged(this));
    }

    /// <summary>
    /// Records the investor's application. The project must be signed (and not yet in production or ended); a key
    /// project's items take the green channel.
    /// </summary>
    public static ServicePlan RecordApplication(ProjectKey project, ProjectStage stage, bool keyProject, string applicantName, DateOnly appliedOn,
        ServicePhases phases, Actor actor, DateTime nowUtc)
    {
        if (stage is not (ProjectStage.Signed or ProjectStage.Landing or ProjectStage.Construction))
            throw new DomainRuleException("Approvals.ProjectNotSigned");
        if (string.IsNullOrWhiteSpace(applicantName)) throw new DomainRuleException("Approvals.ApplicantRequired");
        TextRules.Ensure(applicantName, TextMaxLength);
        if (phases == ServicePhases.None) throw new DomainRuleException("Approvals.PhasesRequired");
        if (!Choices.IsKnown(phases)) throw new DomainRuleException(Choices.Unknown);
        if (appliedOn > BeijingTime.DateOf(nowUtc)) throw new DomainRuleException("Approvals.DateInFuture");
        return new ServicePlan(project.ProjectId, project.HostUnitId, applicantName.Trim(), appliedOn, phases, keyProject, actor, nowUtc);
    }

    public int ProjectId { get; private set; }
    public int HostUnitId { get; private set; }
    public string ApplicantName { get; private set; }
    public DateOnly AppliedOn { get; private set; }
    public ServicePhases Phases { get; private set; }
    /// <summary>A key project: its items take the green-channel limits.</summary>
    public bool GreenChannel { get; private set; }
    public ServicePlanStatus Status { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string? PlannedBy { get; private set; }
    public DateTime? PlannedAtUtc { get; private set; }

    /// <summary>
    /// The group leader adds catalogue items to the plan (the first call turns the application into a plan). Items
    /// already in the plan (<paramref name="alreadyPlanned"/>: catalogue ids) and inactive items are refused.
    /// </summary>
    public IReadOnlyList<PlanItem> AddItems(IReadOnlyCollection<CatalogueItem> items, IReadOnlyCollection<int> alreadyPlanned, Actor actor, DateTime nowUtc)
    {
        if (Id == 0) throw new InvalidOperationException("Save the application before planning it.");
        if (items.Count == 0) throw new DomainRuleException("Approvals.NoItems");
        var inactive = items.FirstOrDefault(i => !i.IsActive);
        if (inactive is not null) throw new DomainRuleException("Approvals.ItemInactive", inactive.Name);
        var twice = items.FirstOrDefault(i => alreadyPlanned.Contains(i.Id)) ?? items.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => g.First()).FirstOrDefault();
        if (twice is not null) throw new DomainRuleException("Approvals.ItemAlreadyPlanned", twice.Name);
        Status = ServicePlanStatus.Planned;
        PlannedBy ??= actor.UserName;
        PlannedAtUtc ??= nowUtc;
        Raise(new ServicePlanChanged(this));
        return items.Select(i => new PlanItem(this, i, actor, nowUtc)).ToArray();
    }
}

public sealed record ServicePlanChanged(ServicePlan Plan) : IDomainEvent;
