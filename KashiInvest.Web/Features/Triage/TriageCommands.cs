using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Triage;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Triage;

/// <summary>Takes one triage step (Art. 19) as the user's unit; refuses out-of-order steps, wrong roles and stale versions.</summary>
public sealed class TriageCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<TriageCommands> logger)
{
    public Task<WriteResult> ExecuteAsync(UserScope scope, int projectId, int version, TriageAction action, TriageInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = TriageRules.Validate(action, input, BeijingTime.DateOf(now));
        if (errors.Count > 0) return WriteResult.Invalid(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var project = await db.Projects.Include(p => p.StageHistory).Include(p => p.TriageSteps)
            .Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return WriteResult.NotFound;
        if (project.Version != version) return WriteResult.Conflict;
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        if (project.CheckTriage(action, scope.Role, scope.UnitId, input, BeijingTime.DateOf(now)) is { } refused)
            return WriteResult.Invalid(string.Empty, refused);
        project.Triage(action, scope.Role, input, scope.Actor, now);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(project.Id);
    });
}
