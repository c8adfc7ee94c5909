using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Infrastructure.Commitments;

/// <summary>
/// After a commit (events after commit): when a report moved funds in place, a project reached production or a
/// milestone was reached (a project update), re-evaluates that project's commitments that are not yet due. The
/// evaluation is its own unit of work, so its changes are audited and published like any write; the dispatcher logs
/// a failure without making the committed write look failed.
/// </summary>
public sealed class CommitmentTriggers(IServiceProvider services) : IAfterCommitHandler
{
    public async Task HandleAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var projectIds = ProjectsToEvaluate(events);
        if (projectIds.Count == 0) return;
        // Resolved lazily: the context factory depends on the dispatcher that runs this handler.
        await services.GetRequiredService<CommitmentEvaluator>().EvaluateAsync(projectIds, cancellationToken);
    }

    /// <summary>The projects whose facts a condition reads may have moved.</summary>
    public static IReadOnlyCollection<int> ProjectsToEvaluate(IEnumerable<IDomainEvent> events) => events
        .Select(e => e switch
        {
            ProgressReportSubmitted r => r.Report.ProjectId,
            ProjectStageChanged { To: ProjectStage.Production } s => s.Project.Id,
            ProjectUpdated u => u.Project.Id,
            _ => (int?)null,
        })
        .OfType<int>().Where(id => id > 0).ToHashSet();
}
