using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>Raised when a project is created. Ids are filled in by the time the event is published.</summary>
public sealed record ProjectCreated(Project Project) : IDomainEvent;

public sealed record ProjectUpdated(Project Project) : IDomainEvent;

public sealed record ProjectStageChanged(Project Project, ProjectStage From, ProjectStage To) : IDomainEvent;
