using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>The ids the generator needs: the reference data as it is stored in the database.</summary>
public sealed record DemoReference(IReadOnlyList<DemoUnitRef> Units, IReadOnlyList<DemoChainRef> Chains)
{
    public DemoUnitRef Unit(string code) =>
        Units.FirstOrDefault(u => u.Code == code) ?? throw new InvalidOperationException($"Reference unit '{code}' is missing.");

    public DemoChainRef Chain(string code) =>
        Chains.FirstOrDefault(c => c.Code == code) ?? throw new InvalidOperationException($"Reference chain '{code}' is missing.");

    /// <summary>The reference data with made-up sequential ids, for tests and previews that have no database.</summary>
    public static DemoReference FromDefinitions()
    {
        var id = 0;
        var units = ReferenceData.AllUnits.Select(d => new DemoUnitRef(d.Code, ++id, d.Name, d.Type)).ToList();
        var linkId = 0;
        var chains = ReferenceData.Chains.Select((c, i) => new DemoChainRef(c.Code, i + 1, c.Name,
            units.Single(u => u.Code == c.LeadUnitCode).Id,
            c.Links.Select(l => new DemoLinkRef(++linkId, l.Name)).ToList())).ToList();
        return new DemoReference(units, chains);
    }
}

public sealed record DemoUnitRef(string Code, int Id, string Name, UnitType Type);

public sealed record DemoChainRef(string Code, int Id, string Name, int LeadUnitId, IReadOnlyList<DemoLinkRef> Links)
{
    public int? LinkId(string name) => Links.FirstOrDefault(l => l.Name == name)?.Id;
}

public sealed record DemoLinkRef(int Id, string Name);

/// <summary>
/// The whole demo data set, in memory, before it touches the database. Produced by <see cref="DemoDataGenerator"/>
/// from (seed, scale, today, reference ids) alone, so two plans from the same inputs are equal field by field.
/// </summary>
public sealed record DemoPlan(int Seed, int Scale, DateOnly Today, IReadOnlyList<InvestorPlan> Investors, IReadOnlyList<ProjectPlan> Projects);

public sealed record InvestorPlan(string Name, string? CreditCode, InvestorTier Tiers, SourceRegionCode Region, string ChainCode);

/// <summary>
/// A project as created (at <see cref="CreatedAtUtc"/>, in the Lead stage) and then walked through
/// <see cref="Steps"/> in order. <see cref="InvestorIndex"/> points into <see cref="DemoPlan.Investors"/>.
/// </summary>
public sealed record ProjectPlan(
    string Code,
    string Name,
    string Description,
    int HostUnitId,
    string HostCode,
    int SourceUnitId,
    int ChainId,
    string ChainCode,
    int? ChainLinkId,
    int InvestorIndex,
    decimal PlannedInvestmentWan,
    int ExpectedJobs,
    ProjectStage TargetStage,
    DemoActor CreatedBy,
    DateTime CreatedAtUtc,
    IReadOnlyList<ProjectStep> Steps,
    DateTime LastActivityAtUtc,
    IReadOnlyList<ReportPlan> Reports,
    IReadOnlyList<ProblemPlan> Problems);

/// <summary>Who did something in the simulated history: an account name (a demo user) and its unit.</summary>
public sealed record DemoActor(string UserName, int? UnitId);

public enum ProjectStepKind
{
    /// <summary>The leading group names the responsible negotiation leader (before negotiation, Art. 19).</summary>
    AssignResponsibleLeader,
    /// <summary>A stage transition.</summary>
    Move,
    /// <summary>The battle map: planned dates, leader in charge, milestones. Applied once, after the last move.</summary>
    BattleMap,
    /// <summary>Cumulative funds in place.</summary>
    FundsInPlace,
}

public sealed record ProjectStep(
    ProjectStepKind Kind,
    DateTime AtUtc,
    DemoActor By,
    ProjectStage? To = null,
    string? Note = null,
    TerminationReason? TerminationReason = null,
    DateOnly? Date = null,
    string? ResponsibleLeader = null,
    BattleMapPlan? BattleMap = null,
    decimal FundsWan = 0m,
    decimal OutOfRegionFundsWan = 0m);

public sealed record BattleMapPlan(DateOnly? PlannedStartOn, DateOnly? PlannedCompletionOn, string? LeaderInCharge, IReadOnlyList<MilestonePlan> Milestones);

public sealed record MilestonePlan(string Name, DateOnly PlannedOn, DateOnly? ReachedOn);

public sealed record ReportPlan(
    int PeriodIndex,
    ReportKind Kind,
    string Narrative,
    string? NextSteps,
    decimal FundsWan,
    decimal OutOfRegionFundsWan,
    DemoActor SubmittedBy,
    DateTime SubmittedAtUtc,
    bool IsLate);

public enum ProblemActionKind { Start, Escalate, Resolve }

/// <summary>One action on a demo ledger entry; an escalation names the unit that owns the entry afterwards.</summary>
public sealed record ProblemActionPlan(ProblemActionKind Kind, DateTime AtUtc, string? Text, DemoActor Actor, int? NewOwnerUnitId = null);

public sealed record ProblemPlan(
    ProblemCategory Category,
    FactorKind? Factor,
    string Description,
    ProblemSeverity Severity,
    int OwnerUnitId,
    DateOnly DueOn,
    DemoActor RaisedBy,
    DateTime RaisedAtUtc,
    IReadOnlyList<ProblemActionPlan> Actions);
