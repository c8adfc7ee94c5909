using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;

namespace KashiInvest.Domain.Projects;

/// <summary>
/// An investment project from first lead to production (or termination). Guards its life cycle, derives its
/// coordination and work-group levels, keeps its milestones and its stage history.
/// </summary>
public sealed partial class Project : AggregateRoot, IAudited
{
    private readonly List<Milestone> _milestones = [];
    private readonly List<ProjectStageChange> _stageHistory = [];

    private Project() { Code = Name = string.Empty; }

    private Project(string code) { Code = code; Name = string.Empty; }

    /// <summary>A human reference such as <c>KS-2026-0042</c>, unique across the prefecture.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The attracting unit (KEDZ or county) where the project will be built.</summary>
    public int HostUnitId { get; private set; }

    /// <summary>The unit that brought the lead in (a sub-bureau, the front command, or the host itself).</summary>
    public int SourceUnitId { get; private set; }

    public int ChainId { get; private set; }

    public int? ChainLinkId { get; private set; }

    public int InvestorId { get; private set; }

    public decimal PlannedInvestmentWan { get; private set; }

    public Money PlannedInvestment => Money.FromWan(PlannedInvestmentWan);

    public int ExpectedJobs { get; private set; }

    public ProjectStage Stage { get; private set; }

    public CoordinationLevel CoordinationLevel { get; private set; }

    /// <summary>Derived from amount and jobs (Art. 22); stored so that registers can filter and sort by it.</summary>
    public WorkGroupLevel WorkGroupLevel { get; private set; }

    /// <summary>洽谈责任领导: named by the leading group for a prefecture-coordinated project (Art. 19).</summary>
    public string? ResponsibleLeader { get; private set; }

    /// <summary>包联领导: the county leader in charge of the work group (Art. 22).</summary>
    public string? LeaderInCharge { get; private set; }

    public DateOnly? PlannedStartOn { get; private set; }

    public DateOnly? PlannedCompletionOn { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    public TerminationReason? TerminationReason { get; private set; }

    /// <summary>Cumulative funds actually in place, 万元.</summary>
    public decimal FundsInPlaceWan { get; private set; }

    /// <summary>Cumulative funds in place from outside Xinjiang (区外到位资金), 万元; part of <see cref="FundsInPlaceWan"/>.</summary>
    public decimal OutOfRegionFundsInPlaceWan { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The last time anything happened on the project; the stall rules measure from here.</summary>
    public DateTime LastActivityAtUtc { get; private set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public IReadOnlyList<ProjectStageChange> StageHistory => _stageHistory;

    public bool IsKeyProject => WorkGroupLevel == WorkGroupLevel.KeyProject;

    public static Project Create(string code, ProjectDetails details, InvestorTier investorTiers, int sourceUnitId,
        Actor actor, DateTime nowUtc, WorkGroupThresholds thresholds, ProjectStage initialStage = ProjectStage.Lead, ListLimits? limits = null)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainRuleException("Project.CodeRequired");
        var project = new Project(code.Trim())
        {
            SourceUnitId = sourceUnitId,
            Stage = initialStage,
            CoordinationLevel = investorTiers.IsTiered() ? CoordinationLevel.Prefecture : CoordinationLevel.County,
            CreatedAtUtc = nowUtc,
        };
        project.Apply(details, thresholds, nowUtc, limits);
        project._stageHistory.Add(new ProjectStageChange(null, initialStage, nowUtc, actor, null, null));
        project.Raise(new ProjectCreated(project));
        return project;
    }

    /// <summary>
    /// Replaces the editable facts. Validate with <see cref="ProjectDetailsRules"/> first; the texts and the number of
    /// milestones are guarded here too (<see cref="ProjectDetailsRules.Guard"/>).
    /// </summary>
    public void Update(ProjectDetails details, WorkGroupThresholds thresholds, DateTime nowUtc, ListLimits? limits = null)
    {
        if (Stage == ProjectStage.Terminated) throw new DomainRuleException("Project.Terminated");
        var previousChain = ChainId;
        Apply(details, thresholds, nowUtc, limits);
        Raise(new ProjectUpdated(this, previousChain != ChainId ? previousChain : null));
    }

    /// <summary>Re-derives the coordination level when the investor's tiers change or a county asks for prefecture coordination.</summary>
    public void SetCoordination(CoordinationLevel level, DateTime nowUtc)
    {
        if (CoordinationLevel == level) return;
        CoordinationLevel = level;
        Touch(nowUtc);
        Raise(new ProjectUpdated(this));
    }

    public RuleViolation? CheckTransition(StageTransition transition, DateOnly today) =>
        ProjectLifecycle.Check(this, transition, today);

    /// <summary>Moves the project along its life cycle, refusing what the rules forbid.</summary>
    public void MoveTo(StageTransition transition, Actor actor, DateTime nowUtc)
    {
        var violation = CheckTransition(transition, BeijingTime.DateOf(nowUtc));
        if (violation is not null) throw new DomainRuleException(violation);
        var from = Stage;
        Stage = transition.To;
        if (transition.To == ProjectStage.Signed) SignedOn = transition.Date;
        if (transition.To == ProjectStage.Terminated) TerminationReason = transition.TerminationReason;
        else if (from == ProjectStage.Reserve) TerminationReason = null;
        // A project leaving evaluation for the reserve library, or revived from it, needs a new evaluation (Art. 20).
        if (transition.To is ProjectStage.Reserve || (from == ProjectStage.Reserve && transition.To == ProjectStage.Negotiating)) EvaluationPassedOn = null;
        _stageHistory.Add(new ProjectStageChange(from, transition.To, nowUtc, actor, transition.Note?.Trim(), transition.TerminationReason));
        Touch(nowUtc);
        Raise(new ProjectStageChanged(this, from, transition.To));
    }

    /// <summary>Records cumulative funds in place. They never go down silently: a lower figure is refused.</summary>
    public void RecordFundsInPlace(decimal totalWan, decimal outOfRegionWan, DateTime nowUtc)
    {
        if (totalWan < 0m || outOfRegionWan < 0m) throw new DomainRuleException("Money.MustNotBeNegative");
        if (outOfRegionWan > totalWan) throw new DomainRuleException("Funds.OutOfRegionExceedsTotal");
        if (totalWan < FundsInPlaceWan || outOfRegionWan < OutOfRegionFundsInPlaceWan)
            throw new DomainRuleException("Funds.CannotDecrease", FundsInPlaceWan, totalWan);
        FundsInPlaceWan = totalWan;
        OutOfRegionFundsInPlaceWan = outOfRegionWan;
        Touch(nowUtc);
        Raise(new ProjectUpdated(this));
    }

    /// <summary>Why <see cref="ReachMilestone"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckReachMilestone(int milestoneId, DateOnly reachedOn, DateOnly today)
    {
        if (Stage == ProjectStage.Terminated) return new RuleViolation("Project.Terminated");
        var milestone = _milestones.FirstOrDefault(m => m.Id == milestoneId);
        if (milestone is null) return new RuleViolation("Milestone.NotFound");
        if (reachedOn > today) return new RuleViolation("Milestone.ReachedInFuture", milestone.Name);
        return null;
    }

    /// <summary>Records that a milestone was reached on a Beijing date that is not in the future.</summary>
    public void ReachMilestone(int milestoneId, DateOnly reachedOn, DateTime nowUtc)
    {
        if (CheckReachMilestone(milestoneId, reachedOn, BeijingTime.DateOf(nowUtc)) is { } violation) throw new DomainRuleException(violation);
        var milestone = _milestones.First(m => m.Id == milestoneId);
        if (milestone.ReachedOn == reachedOn) return;
        milestone.ReachedOn = reachedOn;
        Touch(nowUtc);
        Raise(new ProjectUpdated(this));
    }

    /// <summary>The ids that decide who may see this project, for scoping live notices without loading it.</summary>
    public ProjectKey Key => new(Id, HostUnitId, ChainId, SourceUnitId);

    /// <summary>Marks that something happened on the project (a report, a problem, a meeting decision).</summary>
    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        if (nowUtc > LastActivityAtUtc) LastActivityAtUtc = nowUtc;
    }

    private void Apply(ProjectDetails d, WorkGroupThresholds thresholds, DateTime nowUtc, ListLimits? limits)
    {
        ProjectDetailsRules.Guard(d, limits);
        Name = d.Name.Trim();
        Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim();
        HostUnitId = d.HostUnitId;
        ChainId = d.ChainId;
        ChainLinkId = d.ChainLinkId;
        InvestorId = d.InvestorId;
        PlannedInvestmentWan = d.PlannedInvestmentWan;
        ExpectedJobs = d.ExpectedJobs;
        PlannedStartOn = d.PlannedStartOn;
        PlannedCompletionOn = d.PlannedCompletionOn;
        ResponsibleLeader = string.IsNullOrWhiteSpace(d.ResponsibleLeader) ? null : d.ResponsibleLeader.Trim();
        LeaderInCharge = string.IsNullOrWhiteSpace(d.LeaderInCharge) ? null : d.LeaderInCharge.Trim();
        WorkGroupLevel = thresholds.LevelFor(PlannedInvestment, ExpectedJobs);
        ApplyMilestones(d.Milestones);
        Touch(nowUtc);
    }

    private void ApplyMilestones(IReadOnlyList<MilestoneInput> inputs)
    {
        var keep = inputs.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        // Milestones not yet saved (Id 0) cannot be referred to by an input, so the inputs replace them.
        _milestones.RemoveAll(m => m.Id == 0 || !keep.Contains(m.Id));
        for (var order = 0; order < inputs.Count; order++)
        {
            var input = inputs[order];
            var planned = input.PlannedOn ?? throw new DomainRuleException("Field.Required");
            var existing = input.Id is { } id ? _milestones.FirstOrDefault(m => m.Id == id) : null;
            if (existing is null)
            {
                _milestones.Add(new Milestone(input.Name.Trim(), planned, input.ReachedOn, order));
            }
            else
            {
                existing.Name = input.Name.Trim();
                existing.PlannedOn = planned;
                existing.ReachedOn = input.ReachedOn;
                existing.Order = order;
            }
        }
    }
}
