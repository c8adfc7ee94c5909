namespace KashiInvest.Domain.Projects;

/// <summary>The life cycle of a project (domain guide, "The life of a project"). Stored as strings.</summary>
public enum ProjectStage
{
    Lead,
    Triage,
    Negotiating,
    Evaluation,
    Signed,
    Landing,
    Construction,
    Production,
    /// <summary>储备项目库: failed evaluation; can be revived into negotiation.</summary>
    Reserve,
    Terminated,
}

/// <summary>Who coordinates a project (Art. 19): tiered investors are coordinated by the prefecture.</summary>
public enum CoordinationLevel { County, Prefecture }

/// <summary>Why a project was terminated. A free-text note always accompanies the reason.</summary>
public enum TerminationReason
{
    InvestorWithdrew,
    NotFeasible,
    PolicyConflict,
    FactorSupplyUnavailable,
    ThreeHighScreen,
    FinancialRisk,
    Duplicate,
    Other,
}

public static class ProjectStages
{
    /// <summary>Stages from negotiation on: these projects have a battle map (Art. 21).</summary>
    public static bool HasBattleMap(this ProjectStage stage) =>
        stage is ProjectStage.Negotiating or ProjectStage.Evaluation or ProjectStage.Signed or ProjectStage.Landing
            or ProjectStage.Construction or ProjectStage.Production;

    /// <summary>Signed and later: tracked and supervised until production (Art. 21).</summary>
    public static bool IsSignedOrLater(this ProjectStage stage) =>
        stage is ProjectStage.Signed or ProjectStage.Landing or ProjectStage.Construction or ProjectStage.Production;

    public static bool IsFinal(this ProjectStage stage) => stage is ProjectStage.Production or ProjectStage.Terminated;
}
