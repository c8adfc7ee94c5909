using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Projects;

/// <summary>Moves a project to another stage of its life cycle, as the user's unit, refusing what the rules forbid.</summary>
public sealed class ChangeStageCommand(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<ChangeStageCommand> logger)
{
    public Task<WriteResult> ExecuteAsync(UserScope scope, int projectId, int version, StageTransition transition, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var project = await db.Projects.Include(p => p.StageHistory).Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return WriteResult.NotFound;
        if (!ProjectAccess.CanEdit(scope, project)) return WriteResult.NotAllowed;
        if (project.Version != version) return WriteResult.Conflict;
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        var now = clock.GetUtcNow().UtcDateTime;
        // A move that a procedure owns (triage, evaluation, signing) is made on that procedure's screen.
        if (ProjectLifecycle.CheckDirect(project, transition, KashiInvest.Domain.Common.BeijingTime.DateOf(now)) is { } refused)
            return WriteResult.Invalid(string.Empty, refused);
        var from = project.Stage;
        project.MoveTo(transition, scope.Actor, now);
        await KashiInvest.Web.Features.Chains.ChainRerating.ProposeAsync(db, project, from, now, ct);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(project.Id);
    });
}
