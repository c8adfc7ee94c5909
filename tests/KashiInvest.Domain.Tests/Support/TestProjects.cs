using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Tests.Support;

/// <summary>Builds projects and their details with realistic defaults so that each test states only what matters to it.</summary>
public static class TestProjects
{
    /// <summary>2026-11-10 10:00 in Beijing.</summary>
    public static readonly DateTime Now = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>The Beijing date of <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = new(2026, 11, 10);

    public const int HostUnitId = 7;      // e.g. 莎车县
    public const int OtherHostUnitId = 8; // e.g. 疏勒县
    public const int SourceUnitId = 21;   // e.g. 驻长三角片区招商分局
    public const int ChainId = 3;         // e.g. 纺织服装
    public const int InvestorId = 11;

    public static readonly Actor Actor = new("shache.investment", HostUnitId);

    /// <summary>A typical key project: a 7.5亿 textile project with 600 jobs.</summary>
    public static ProjectDetails Details(
        decimal investmentWan = 75_000m,
        int jobs = 600,
        string name = "莎车县棉纺织一体化项目",
        string? description = null,
        int hostUnitId = HostUnitId,
        int chainId = ChainId,
        int investorId = InvestorId,
        string? responsibleLeader = null,
        string? leaderInCharge = null,
        DateOnly? plannedStartOn = null,
        DateOnly? plannedCompletionOn = null,
        IReadOnlyList<MilestoneInput>? milestones = null) =>
        new(name, description, hostUnitId, chainId, null, investorId, investmentWan, jobs,
            plannedStartOn, plannedCompletionOn, responsibleLeader, leaderInCharge, milestones ?? []);

    public static Project Create(
        ProjectStage stage = ProjectStage.Lead,
        InvestorTier tiers = InvestorTier.None,
        ProjectDetails? details = null,
        int sourceUnitId = SourceUnitId,
        string code = "KS-2026-0042",
        DateTime? nowUtc = null,
        WorkGroupThresholds? thresholds = null) =>
        Project.Create(code, details ?? Details(), tiers, sourceUnitId, Actor, nowUtc ?? Now,
            thresholds ?? WorkGroupThresholds.Default, stage);

    /// <summary>
    /// A key project (the default details) that went through evaluation and was signed on <paramref name="signedOn"/>
    /// (default <see cref="Today"/>), then moved on to <paramref name="stage"/> (Signed, Landing or Construction).
    /// <see cref="Project.Create"/> with an initial stage of Signed would leave <see cref="Project.SignedOn"/> empty.
    /// </summary>
    public static Project SignedKeyProject(DateOnly? signedOn = null, ProjectStage stage = ProjectStage.Signed,
        ProjectDetails? details = null, DateTime? nowUtc = null)
    {
        var now = nowUtc ?? Now;
        var project = Create(ProjectStage.Evaluation, details: details, nowUtc: now);
        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: signedOn ?? Today), Actor, now);
        foreach (var next in new[] { ProjectStage.Landing, ProjectStage.Construction, ProjectStage.Production })
        {
            if (project.Stage == stage) break;
            project.MoveTo(new StageTransition(next), Actor, now);
        }
        return project;
    }

    public static MilestoneInput Milestone(string name, DateOnly? plannedOn, DateOnly? reachedOn = null, int? id = null) =>
        new(id, name, plannedOn, reachedOn);

    /// <summary>A transition to <paramref name="to"/> carrying everything that stage needs.</summary>
    public static StageTransition CompleteTransitionTo(ProjectStage to) => to switch
    {
        ProjectStage.Signed => new StageTransition(to, Date: Today),
        ProjectStage.Reserve => new StageTransition(to, Note: "评估未通过：用水指标不足"),
        ProjectStage.Negotiating => new StageTransition(to, Note: "客商重新表达投资意向"),
        ProjectStage.Terminated => new StageTransition(to, Note: "客商决定不再投资", TerminationReason: TerminationReason.InvestorWithdrew),
        _ => new StageTransition(to),
    };
}
