using KashiInvest.Domain.Access;

namespace KashiInvest.Web.Features.Projects;

/// <summary>
/// One document of a step of a project's life (the information-transfer form, an evaluation record, the signed
/// agreement, …). <paramref name="Kind"/> is a stable code (e.g. <c>lead.form</c>); <paramref name="Title"/> and
/// <paramref name="Summary"/> are already localized; <paramref name="Href"/> opens the document in the app.
/// </summary>
public sealed record ProjectDocument(
    string Kind,
    string Title,
    string? Summary,
    DateTime AtUtc,
    string? By,
    string Href);

/// <summary>
/// A feature's contribution to a project's documents panel. Each feature that records a document of a step
/// registers its own source (<c>services.AddSingleton&lt;IProjectDocumentSource, MySource&gt;()</c>); the project
/// page lists the documents of all sources, newest first. The project is already known to be visible to the scope.
/// </summary>
public interface IProjectDocumentSource
{
    Task<IReadOnlyList<ProjectDocument>> ReadAsync(UserScope scope, int projectId, CancellationToken cancellationToken);
}
