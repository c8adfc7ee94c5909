using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Chains;

/// <summary>
/// The map follows what has landed (Art. 12): when a project on a weak, short or broken link reaches production, its
/// link is proposed for re-rating in the same unit of work as the stage change (so both commit, or neither).
/// </summary>
public static class ChainRerating
{
    public static async Task ProposeAsync(KashiDbContext db, Project project, ProjectStage from, DateTime nowUtc, CancellationToken ct)
    {
        if (project.ChainLinkId is not { } linkId || project.Stage != ProjectStage.Production || from == ProjectStage.Production) return;
        var chain = await db.Chains.Include(c => c.Links).FirstOrDefaultAsync(c => c.Id == project.ChainId, ct);
        if (chain?.FindLink(linkId) is { } link) chain.ProposeRerating(link, project.Id, from, project.Stage, nowUtc);
    }
}
