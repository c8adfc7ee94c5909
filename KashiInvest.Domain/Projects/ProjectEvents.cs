using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>Raised when a project is created. Ids are filled in by the time the event is published.</summary>
public sealed record ProjectCreated(Project Project) : IDomainEvent;

/// <summary>
/// Raised when a project's details or state changed. <paramref name="PreviousChainId"/> is the chain it was on when an
/// edit moved it to another chain (null otherwise), so that the old chain's map hears of it too.
/// </summary>
public sealed record ProjectUpdated(Project Project, int? PreviousChainId = null) : IDomainEvent;

public sealed record ProjectStageChanged(Project Project, ProjectStage From, ProjectStage To) : IDomainEvent;
