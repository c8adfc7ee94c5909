using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Evaluations;

/// <summary>Records an evaluation meeting (Art. 20): the record, the project's move to Evaluation (and to Reserve on a fail), in one transaction.</summary>
public sealed class EvaluationCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<EvaluationCommands> logger)
{
    /// <summary>Saved carries the new evaluation's id.</summary>
    public Task<WriteResult> RecordAsync(UserScope scope, int projectId, int version, EvaluationInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = EvaluationRules.Validate(input, BeijingTime.DateOf(now));
        if (errors.Count > 0) return WriteResult.Invalid(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var project = await db.Projects.Include(p => p.StageHistory).Include(p => p.Evaluations)
            .Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return WriteResult.NotFound;
        if (project.Version != version) return WriteResult.Conflict;
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        var attending = input.AttendingUnitIds.Distinct().ToArray();
        if (await db.Units.CountAsync(u => attending.Contains(u.Id), ct) != attending.Length)
            return WriteResult.Invalid(nameof(input.AttendingUnitIds), new RuleViolation("Evaluation.AttendingUnitsRequired"));
        if (EvaluationRules.CheckProject(project, scope.Role, scope.UnitId) is { } refused) return WriteResult.Invalid(string.Empty, refused);
        var evaluation = project.RecordEvaluation(input, scope.Role, scope.Actor, now);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(evaluation.Id);
    });
}
