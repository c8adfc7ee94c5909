using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Signing;

/// <summary>Records the signed agreement and the work group (Art. 22), each in one transaction, refusing stale versions.</summary>
public sealed class SigningCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, WorkGroupThresholds thresholds, ILogger<SigningCommands> logger)
{
    public Task<WriteResult> SignAsync(UserScope scope, int projectId, int version, AgreementInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = SigningRules.Validate(input, BeijingTime.DateOf(now));
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        return await WriteAsync(scope, projectId, version, p =>
        {
            if (p.CheckSigning(input, scope.Role, scope.UnitId, BeijingTime.DateOf(now)) is { } refused) return [new(string.Empty, refused)];
            p.Sign(input, scope.Role, scope.Actor, now, thresholds);
            return null;
        }, ct);
    });

    public Task<WriteResult> SetWorkGroupAsync(UserScope scope, int projectId, int version, WorkGroupInput input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var check = await factory.CreateDbContextAsync(ct))
        {
            var ids = input.DepartmentIds.Distinct().ToArray();
            if (await check.Units.CountAsync(u => ids.Contains(u.Id) && u.Type == UnitType.Department, ct) != ids.Length)
                return WriteResult.Invalid(nameof(input.DepartmentIds), new RuleViolation("WorkGroup.NotADepartment"));
            if (input.LeadServiceUnitId is { } lead && !await check.Units.AnyAsync(u => u.Id == lead, ct))
                return WriteResult.Invalid(nameof(input.LeadServiceUnitId), new RuleViolation("WorkGroup.LeadServiceUnitMissing"));
        }
        return await WriteAsync(scope, projectId, version, p =>
        {
            // What the level requires, next to the fields; then the role and stage rules.
            if (p.Stage.IsSignedOrLater() && WorkGroupRules.Validate(p.WorkGroupLevel, input) is { Count: > 0 } fields) return fields;
            if (p.CheckWorkGroup(input, scope.Role, scope.UnitId) is { } refused) return [new(string.Empty, refused)];
            p.SetWorkGroup(input, scope.Role, scope.Actor, now);
            return null;
        }, ct);
    });

    private Task<WriteResult> WriteAsync(UserScope scope, int projectId, int version, Func<Project, IReadOnlyList<FieldViolation>?> change, CancellationToken ct) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var project = await db.Projects.Include(p => p.StageHistory).Include(p => p.WorkGroupDepartments)
            .Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return WriteResult.NotFound;
        if (project.Version != version) return WriteResult.Conflict;
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        if (change(project) is { } refused) return WriteResult.Invalid(refused);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(project.Id);
    });
}
