namespace KashiInvest.Domain.Projects;

/// <summary>
/// The ids of a project that decide who may see it (host, chain, source unit). Enough to scope a live notice
/// without loading the project.
/// </summary>
public readonly record struct ProjectKey(int ProjectId, int HostUnitId, int ChainId, int SourceUnitId);
