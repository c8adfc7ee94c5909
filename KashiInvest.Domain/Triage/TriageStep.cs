using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Triage;

/// <summary>Where a lead stands in its triage (Art. 19). Stored as a string on the project.</summary>
public enum TriageStatus
{
    /// <summary>Nothing done yet: the Bureau analyses a tiered lead or routes any other lead to its county.</summary>
    New,
    /// <summary>The Bureau recorded its analysis; a prefecture leader reviews it.</summary>
    Analysed,
    /// <summary>The leader returned the analysis with a comment; the Bureau analyses again.</summary>
    Returned,
    /// <summary>The leader approved; the leading group names the responsible negotiation leader.</summary>
    Approved,
    /// <summary>The leading group named the responsible negotiation leader; the prefecture coordinates the negotiation.</summary>
    Decided,
    /// <summary>Routed to the host county, which follows the lead up itself.</summary>
    RoutedToCounty,
    /// <summary>The county asked for prefecture coordination; the Bureau analyses it like a tiered lead.</summary>
    PrefectureRequested,
    /// <summary>The county started negotiating on its own.</summary>
    CountyNegotiating,
}

/// <summary>The steps of triage, each recorded with who, when and why.</summary>
public enum TriageAction { Analyse, Approve, Return, Decide, Route, StartCountyNegotiation, RequestPrefecture }

/// <summary>The Bureau's recommendation in its analysis of a tiered lead.</summary>
public enum TriageRecommendation { Pursue, PursueWithConditions, DoNotPursue }

/// <summary>Who the next triage step waits on.</summary>
public enum TriageWaitingOn { Bureau, Leader, LeadingGroup, County, Nobody }

/// <summary>One recorded triage step of a project. Never edited or deleted.</summary>
public sealed class TriageStep : Entity, IAudited
{
    public const int TextMaxLength = 2000;
    public const int ShortTextMaxLength = 100;

    private TriageStep() { By = string.Empty; }

    internal TriageStep(TriageAction action, DateTime atUtc, Actor actor, string? text, TriageRecommendation? recommendation,
        string? responsibleLeader, DateOnly? decidedOn, string? meeting)
    {
        Action = action;
        AtUtc = atUtc;
        By = actor.UserName;
        ByUnitId = actor.UnitId;
        Text = text;
        Recommendation = recommendation;
        ResponsibleLeader = responsibleLeader;
        DecidedOn = decidedOn;
        Meeting = meeting;
    }

    public int ProjectId { get; private set; }
    public TriageAction Action { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string By { get; private set; }
    public int? ByUnitId { get; private set; }
    /// <summary>The analysis, the leader's comment, the routing note or the county's reason.</summary>
    public string? Text { get; private set; }
    public TriageRecommendation? Recommendation { get; private set; }
    public string? ResponsibleLeader { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? Meeting { get; private set; }
}

/// <summary>What one triage step needs from the user.</summary>
public sealed record TriageInput(
    string? Text = null,
    TriageRecommendation? Recommendation = null,
    string? ResponsibleLeader = null,
    DateOnly? DecidedOn = null,
    string? Meeting = null);
