using System.Collections.Concurrent;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Infrastructure.Live;

/// <summary>
/// The scope ids of projects (host, chain, source), so that a notice about a report or a problem can be scoped
/// without loading the project. Kept current from the project events that pass through the dispatcher.
/// </summary>
public interface IProjectKeys
{
    /// <summary>Records a project's current key and returns it.</summary>
    ProjectKey Remember(Project project);

    ValueTask<ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken);
}

internal sealed class ProjectKeyDirectory(IServiceProvider services) : IProjectKeys
{
    private readonly ConcurrentDictionary<int, ProjectKey> _keys = new();

    public ProjectKey Remember(Project project)
    {
        var key = project.Key;
        _keys[key.ProjectId] = key;
        return key;
    }

    public async ValueTask<ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(projectId, out var known)) return known;
        // Resolved lazily: the context factory itself depends on the dispatcher that depends on this directory.
        var factory = services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId))
            .Cast<ProjectKey?>().FirstOrDefaultAsync(cancellationToken);
        if (found is { } key) _keys[projectId] = key;
        return found;
    }
}
