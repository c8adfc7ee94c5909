using KashiInvest.Domain.Access;

namespace KashiInvest.Web.Features.Projects;

/// <summary>A project's documents from every source, newest first; <see cref="FailedSources"/> counts sources that could not answer.</summary>
public sealed record ProjectDocuments(IReadOnlyList<ProjectDocument> Items, int FailedSources)
{
    public static readonly ProjectDocuments Empty = new([], 0);
}

/// <summary>
/// Asks every registered <see cref="IProjectDocumentSource"/> for a project's documents. The caller has already read
/// the project under the user's scope (the sources rely on that). A failing source is logged and counted.
/// </summary>
public sealed class ProjectDocumentsQuery(IEnumerable<IProjectDocumentSource> sources, ILogger<ProjectDocumentsQuery> logger)
{
    public async Task<ProjectDocuments> ReadAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        var answers = await Task.WhenAll(sources.Select(async s =>
        {
            try
            {
                return await s.ReadAsync(scope, projectId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The document source {Source} failed for project {ProjectId}", s.GetType().Name, projectId);
                return null;
            }
        }));
        var items = answers.Where(a => a is not null).SelectMany(a => a!)
            .OrderByDescending(d => d.AtUtc).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
        return new ProjectDocuments(items, answers.Count(a => a is null));
    }
}
